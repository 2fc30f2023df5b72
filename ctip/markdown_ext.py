"""The project's Markdown extension: everything the site adds to Markdown, over the page model.

It finds the page being rendered in the page model (ctip.pages) from the text it is given, so
it works the same under MkDocs, its successor, or a standalone tool, with no host events:

- quizzes rendered from the model (ctip.quiz.markdown_ext);
- the glossary and abbreviation tooltips from the term base (ctip.glossary.markdown_ext);
- the trainer's `/// facilitator` and `/// slide` blocks (ctip.blocks), and the trainer's schedules,
  session planner, gathered notes and module panel (ctip.trainer.markdown_ext);
- the learner's `/// module-cards` and `/// progress` blocks (ctip.learning);
- task-list checkboxes labelled by their item's text (ctip.task_labels);
- translations' headings with the original's anchors, and the render recorded (ctip.anchors);
- last, the output check of the allowlist (ctip.safety.markdown).

Config: `lang`, the language being built (one build, one language: MkDocs' successor and any
single-language build set it in mkdocs.yml; under static-i18n the ctip plugin sets it once per
language pass); `docs_dir`, the folder of the page model (relative to the working directory).
"""

from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ctip import trust
from ctip.anchors import AlignAnchors, RecordRender
from ctip.blocks import TrainerBlocks
from ctip.glossary.markdown_ext import GlossaryExtension
from ctip.learning import LearningBlocks
from ctip.pages import Site, registered
from ctip.project import TERMBASE
from ctip.quiz.markdown_ext import QuizExtension
from ctip.safety.markdown import OutputCheck
from ctip.task_labels import PRIORITY as TASK_LABELS
from ctip.task_labels import TaskLabels
from ctip.trainer.markdown_ext import TrainerExtension


class PageLookup(Preprocessor):
    """First of all: which page of the model is this text? (None when rendered alone.)"""

    def __init__(self, md: Markdown, site: Site | None, language: str):
        super().__init__(md)
        self.site, self.language = site, language

    def run(self, lines: list[str]) -> list[str]:
        trust.reset(self.md)
        site = self.site
        self.md.ctip_page = site.page_for("\n".join(lines), self.language) if site else None
        return lines


class CtipExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "The language being built"],
            "docs_dir": ["", "The docs folder of the page model; empty: render text alone"],
        }
        super().__init__(**kwargs)

    def site(self) -> Site | None:
        docs_dir = self.getConfig("docs_dir")
        if not docs_dir:
            return None
        return registered(docs_dir) or Site.load(Path(docs_dir))

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        lang, site = self.getConfig("lang"), self.site()
        md.preprocessors.register(PageLookup(md, site, lang), "ctip_page", 35)
        QuizExtension(lang=lang).extendMarkdown(md)
        TrainerBlocks(lang=lang).extendMarkdown(md)
        TrainerExtension(site=site, lang=lang).extendMarkdown(md)
        LearningBlocks(lang=lang, site=site).extendMarkdown(md)
        termbase = site.docs_dir / TERMBASE if site else Path()
        GlossaryExtension(termbase=str(termbase), lang=lang).extendMarkdown(md)
        md.registerExtension(self)

        def original_toc():
            page = getattr(md, "ctip_page", None)
            original = site.original(page) if site and page else None
            return site_toc(site, original) if original else None

        md.treeprocessors.register(TaskLabels(md), "ctip_task_labels", TASK_LABELS)
        md.treeprocessors.register(AlignAnchors(md, original_toc), "ctip_align_anchors", 6)
        md.treeprocessors.register(RecordRender(md, lang), "ctip_record", 4)
        # Last of all, after MkDocs' own link rewriting (0): the output check.
        md.treeprocessors.register(OutputCheck(md, lang), "ctip_output_check", -100)


def site_toc(site: Site, page) -> list | None:
    """The headings of `page` as its render found them, rendering it now if nothing has."""
    if not page.rendered:
        from ctip.pages.render import render

        render(site, page, page.language)
    return next(iter(page.rendered.values())).toc if page.rendered else None


def makeExtension(**kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return CtipExtension(**kwargs)
