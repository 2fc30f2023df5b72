"""The learner's blocks, over the site-wide view of the course (ctip.pages.course):

- `/// module-cards` — the modules overview as cards: number, title, one-line description,
  duration, audiences, and a badge that progress.js fills with the reader's progress;
- `/// progress` — the "My progress" page: the modules and learning paths as plain lists (all a
  reader without JavaScript gets, with a note), and the data progress.js needs to show where
  the reader stands, continue where they stopped, carry their progress and print a statement.

Links are written to the Markdown files (`../modules/x.md`); the build turns them into the
page addresses of the edition (the website, the offline zip), and progress.js reads them there.
"""

import json
import posixpath
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ctip.pages import course
from ctip.trust import element
from ctip.ui_strings import plural, strings_for, translate


def _link(md: Markdown, name: str) -> str:
    """A link from the page being rendered to the page `name` ("modules/x.md")."""
    page = getattr(md, "ctip_page", None)
    here = posixpath.dirname(page.name) if page else ""
    return posixpath.relpath(name, here or ".")


def _course(block: Block):
    site = block.config["site"]
    return course(site, block.config["lang"]) if site else None


class ModuleCards(Block):
    NAME = "module-cards"
    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        md, lang = self.md, self.config["lang"]
        t = strings_for(lang)
        cards = element(md, parent, "ul", {"class": "ctip-cards"})
        found = _course(self)
        for module in found.modules if found else []:
            card = element(md, cards, "li", {"class": "ctip-card", "data-module": module.slug})
            number = element(md, card, "p", {"class": "ctip-card__number"})
            number.text = AtomicString(translate(lang, "learning.module", number=module.number))
            title = element(md, card, "p", {"class": "ctip-card__title"})
            link = element(md, title, "a", {"href": _link(md, module.page.name)})
            link.text = AtomicString(module.title)
            if module.description:
                description = element(md, card, "p", {"class": "ctip-card__description"})
                description.text = AtomicString(module.description.split(". ")[0].rstrip(".") + ".")
            facts = element(md, card, "p", {"class": "ctip-card__facts"})
            audiences = ", ".join(
                t[f"audience.{a}"] for a in module.audiences if f"audience.{a}" in t
            )
            facts.text = AtomicString(
                f"{plural(lang, 'learning.minutes', module.duration)} · {audiences}"
            )
            element(md, card, "p", {"class": "ctip-badge", "data-badge": module.slug})
        return cards


class Progress(Block):
    NAME = "progress"
    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        md, lang = self.md, self.config["lang"]
        section = element(md, parent, "div", {"class": "ctip-progress"})
        note = element(md, section, "p", {"class": "ctip-progress__no-js"})
        note.text = AtomicString(translate(lang, "progress.needs_js"))
        found = _course(self)
        modules = element(md, section, "ol", {"class": "ctip-progress__modules"})
        data = {"modules": [], "paths": []}
        for module in found.modules if found else []:
            item = element(md, modules, "li", {"data-module": module.slug})
            link = element(md, item, "a", {"href": _link(md, module.page.name)})
            link.text = AtomicString(module.title)
            quizzes = module.page.quizzes if not module.page.quiz_error else []
            data["modules"].append(
                {
                    "slug": module.slug,
                    "number": module.number,
                    "title": module.title,
                    "pass": module.pass_mark,
                    "questions": [
                        {"id": q.id, "sign": q.kind + ":" + "".join(str(int(c)) for c in q.correct)}
                        for quiz in quizzes
                        for q in quiz.questions
                    ],
                }
            )
        paths = element(md, section, "ul", {"class": "ctip-progress__paths"})
        for path in found.paths if found else []:
            item = element(md, paths, "li", {"data-path": path.slug})
            link = element(md, item, "a", {"href": _link(md, path.page.name)})
            link.text = AtomicString(path.title)
            data["paths"].append({"slug": path.slug, "title": path.title, "modules": path.modules})
        script = element(
            md, section, "script", {"type": "application/json", "class": "ctip-progress__data"}
        )
        # A JSON value in a script element: "</" must not close it.
        script.text = AtomicString(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
        return section


class LearningBlocks(BlocksExtension):
    def __init__(self, lang: str = "en", site=None, **kwargs):
        self.lang, self.site = lang, site
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:  # noqa: N802
        config = {"lang": self.lang, "site": self.site}
        block_mgr.register(ModuleCards, config)
        block_mgr.register(Progress, config)
