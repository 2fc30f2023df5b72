"""The trainer's Markdown blocks and the trainer's panel of module pages, over the page model.

- `/// schedule` shows the schedule of a module or a learning path: the page's own, or the one
  named in its header (`    module: identifying-victims` or `    path: consular`);
- `/// session-planner` is the session planner: a form (planner.js makes an agenda with clock
  times from it) and, for readers without JavaScript, the default schedule of every learning
  path and every module, counted from 00:00;
- `/// trainer-notes` gathers every module's facilitator notes, slide notes included, each with a
  link back to its section;
- every module page gets a hidden trainer's panel after its title: its schedule, shown in trainer
  mode, which also gives the presenter view its planned times; every learning path page gets one
  with the path's schedule.

All of it is read from the course view (ctip.pages.course) of the language being built, so a new
module appears everywhere without editing these pages. Elements are the project's own
(ctip.trust); the notes' Markdown is rendered by the page's own Markdown instance, so links,
abbreviations and the output check work as on the module page.
"""

import posixpath
import re
import xml.etree.ElementTree as etree
from functools import partial

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from ctip import trust
from ctip.pages import Course, LearningPath, Module, Site, course
from ctip.ui_strings import translate

from . import schedule as plan

NOTES_PAGE = "trainer/index.md"
PLANNER_PAGE = "trainer/planner.md"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def site_course(site: Site, language: str) -> Course:
    """The course view, computed once per language and version of the site."""
    cache = site.__dict__.setdefault("_trainer_courses", {})
    key = (site._version, language)
    if key not in cache:
        cache[key] = course(site, language)
    return cache[key]


def schedule_id(slug: str) -> str:
    """The anchor of a schedule on the planner page: schedule-modules-x, schedule-paths-y."""
    return "schedule-" + slug.replace("/", "-")


class Writer:
    """Writes the project's elements into a page being rendered, in its language."""

    def __init__(self, md: Markdown, site: Site, language: str):
        self.md, self.site, self.language = md, site, language
        self.t = partial(translate, language)
        self.course = site_course(site, language)

    def el(self, parent: etree.Element, tag: str, attrs: dict | None = None, text=None):
        node = trust.element(self.md, parent, tag, attrs)
        if text is not None:
            node.text = AtomicString(str(text))
        return node

    @property
    def here(self) -> str:
        page = getattr(self.md, "ctip_page", None)
        return posixpath.dirname(page.name) if page else ""

    def href(self, name: str, anchor: str | None = None) -> str:
        """A link from the page being rendered to the page `name` ("modules/x.md")."""
        page = getattr(self.md, "ctip_page", None)
        if page is not None and page.name == name:
            return f"#{anchor}" if anchor else posixpath.basename(name)
        link = posixpath.relpath(name, self.here or ".")
        return f"{link}#{anchor}" if anchor else link

    def exists(self, name: str) -> bool:
        return self.site.shown(self.language, name) is not None

    def module_label(self, module: Module) -> str:
        return self.t(
            "schedule.module", number=plan.ordinal(self.language, module.number), title=module.title
        )

    def minutes(self, value: int) -> str:
        return self.t("schedule.minutes_value", minutes=value)

    # -- schedules -----------------------------------------------------------------------------

    def table(self, parent, schedules: list[plan.Schedule], caption: str, grouped: bool):
        """One table; a <tbody> per module, with a heading row of its own when `grouped`."""
        kind = "ctip-schedule" + ("" if grouped else " ctip-schedule--module")
        parent = self.el(parent, "div", {"class": kind})
        table = self.el(parent, "table")  # no class: Material styles it like the page's tables
        self.el(table, "caption", text=caption)
        head = self.el(self.el(table, "thead"), "tr")
        for key in ("schedule.time", "schedule.section", "schedule.activity", "schedule.minutes"):
            self.el(head, "th", {"scope": "col"}, self.t(key))
        for one in schedules:
            self.module_rows(table, one)
        end = schedules[-1].end if schedules else 0
        total = sum(one.total for one in schedules)
        foot = self.el(self.el(table, "tfoot"), "tr")
        self.time_cell(foot, end)
        self.el(foot, "th", {"scope": "row", "colspan": "2"}, self.t("schedule.end"))
        self.el(foot, "td", {"class": "ctip-schedule__minutes"}, total)
        pause = sum(one.pause for one in schedules)
        totals = self.t(
            "schedule.totals_break" if pause else "schedule.totals",
            total=total,
            teaching=sum(one.teaching for one in schedules),
            exercises=sum(one.exercises for one in schedules),
            pause=pause,
        )
        self.el(parent, "p", {"class": "ctip-schedule__totals"}, totals)
        return table

    def time_cell(self, row, offset: int):
        return self.el(
            row,
            "td",
            {"class": "ctip-schedule__time", "data-offset": str(offset)},
            plan.clock(offset),
        )

    def module_rows(self, table, one: plan.Schedule):
        """The module's rows, after a heading row (hidden in the table of one module: the
        planner copies it into agendas of several)."""
        module = one.module
        attrs = {"data-module": module.slug, "data-minutes": str(one.total)}
        body = self.el(table, "tbody", attrs)
        row = self.el(body, "tr", {"class": "ctip-schedule__module"})
        self.time_cell(row, one.start)
        cell = self.el(row, "th", {"scope": "rowgroup", "colspan": "3"})
        self.el(cell, "a", {"href": self.href(module.page.name)}, self.module_label(module))
        self.el(cell, "span", {"class": "ctip-schedule__length"}, self.minutes(one.total))
        known = plan.section_titles(self.site, module.page)
        for item in one.rows:
            attrs = {"data-kind": item.kind, "data-minutes": str(item.minutes)}
            if item.anchor:
                attrs["data-anchor"] = item.anchor
            row = self.el(body, "tr", attrs)
            self.time_cell(row, item.start)
            section = self.el(row, "td")
            if item.kind == "break":
                pass
            elif item.anchor and item.anchor in known:
                link = self.href(module.page.name, item.anchor)
                self.el(section, "a", {"href": link}, item.section)
            else:
                section.text = AtomicString(item.section or self.t("schedule.whole_module"))
            if item.kind == "teaching":
                activity = self.t("schedule.teaching")
            elif item.kind == "exercises":
                key = (
                    f"schedule.activity.{item.activity}" if item.activity else "schedule.exercises"
                )
                activity = self.t(key)
            else:
                activity = self.t("schedule.break")
            self.el(row, "td", {"class": "ctip-schedule__activity"}, activity)
            self.el(row, "td", {"class": "ctip-schedule__minutes"}, item.minutes)
        return body

    def module_schedule(self, parent, module: Module):
        one = plan.module_schedule(self.site, module)
        caption = self.t("schedule.caption", title=self.module_label(module))
        return self.table(parent, [one], caption, grouped=False)

    def path_schedule(self, parent, path: LearningPath):
        schedules = plan.sequence(self.site, plan.path_modules(self.course, path))
        caption = self.t("schedule.caption", title=path.title)
        return self.table(parent, schedules, caption, grouped=True)


class _TrainerBlock(Block):
    """A block that writes from the course view; renders nothing when there is no site."""

    def writer(self) -> Writer | None:
        site = self.config["site"]
        return Writer(self.md, site, self.config["lang"]) if site is not None else None


class ScheduleBlock(_TrainerBlock):
    NAME = "schedule"
    ARGUMENT = None
    OPTIONS = {"module": ("", type_string), "path": ("", type_string)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = trust.element(self.md, parent, "div", {"class": "ctip-schedule-block"})
        writer = self.writer()
        if writer is None:
            return box
        page = getattr(self.md, "ctip_page", None)
        module_name, path_name = self.options["module"], self.options["path"]
        if not module_name and not path_name and page is not None:
            if page.is_module:
                module_name = page.slug.removeprefix("modules/")
            elif page.name.startswith("paths/"):
                path_name = page.slug.removeprefix("paths/")
        if module_name and (module := writer.course.module(f"modules/{module_name}")):
            writer.module_schedule(box, module)
        elif path_name:
            found = [p for p in writer.course.paths if p.slug == f"paths/{path_name}"]
            if found:
                writer.path_schedule(box, found[0])
        return box


class SessionPlanner(_TrainerBlock):
    NAME = "session-planner"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = trust.element(self.md, parent, "div", {"class": "ctip-planner"})
        writer = self.writer()
        if writer is None:
            return box
        self.form(writer, box)
        writer.el(box, "p", {"class": "ctip-planner__status", "role": "status"})
        writer.el(box, "section", {"class": "ctip-agenda", "hidden": ""})
        defaults = writer.el(box, "div", {"class": "ctip-planner__defaults"})
        t = writer.t
        if writer.course.paths:
            writer.el(defaults, "h2", {"id": "schedules-paths"}, t("planner.paths"))
            writer.el(defaults, "p", {}, t("planner.from_zero"))
            for path in writer.course.paths:
                writer.el(defaults, "h3", {"id": schedule_id(path.slug)}, path.title)
                writer.path_schedule(defaults, path)
        writer.el(defaults, "h2", {"id": "schedules-modules"}, t("planner.modules_schedules"))
        writer.el(defaults, "p", {}, t("planner.from_zero"))
        for module in writer.course.modules:
            writer.el(defaults, "h3", {"id": schedule_id(module.slug)}, writer.module_label(module))
            writer.module_schedule(defaults, module)
        return box

    @staticmethod
    def form(writer: Writer, box: etree.Element) -> None:
        el, t = writer.el, writer.t
        form = el(box, "form", {"class": "ctip-planner__form", "hidden": ""})
        what = el(form, "fieldset")
        el(what, "legend", {}, t("planner.what"))
        line = el(what, "p")
        el(line, "label", {"for": "ctip-planner-preset"}, t("planner.preset"))
        select = el(line, "select", {"id": "ctip-planner-preset"})
        everything = " ".join(module.slug for module in writer.course.modules)
        el(select, "option", {"value": "all", "data-modules": everything}, t("planner.all_modules"))
        for path in writer.course.paths:
            modules = " ".join(path.modules)
            el(select, "option", {"value": path.slug, "data-modules": modules}, path.title)
        modules = el(what, "fieldset", {"class": "ctip-planner__modules"})
        el(modules, "legend", {}, t("planner.modules"))
        items = el(modules, "ul")
        for module in writer.course.modules:
            item = el(items, "li")
            field = "ctip-planner-" + module.slug.replace("/", "-")
            el(
                item,
                "input",
                {"type": "checkbox", "id": field, "value": module.slug, "checked": ""},
            )
            one = plan.module_schedule(writer.site, module)
            label = f"{writer.module_label(module)} ({writer.minutes(one.total)})"
            el(item, "label", {"for": field}, label)
        when = el(form, "fieldset")
        el(when, "legend", {}, t("planner.when"))
        for field, key, attrs in (
            ("ctip-planner-date", "planner.date", {"type": "date"}),
            ("ctip-planner-start", "planner.start", {"type": "time", "value": "09:00"}),
        ):
            line = el(when, "p")
            el(line, "label", {"for": field}, t(key))
            el(line, "input", {"id": field, **attrs})
        line = el(form, "p")
        el(
            line,
            "button",
            {"type": "button", "class": "md-button ctip-planner__print"},
            t("planner.print"),
        )


class TrainerNotes(_TrainerBlock):
    NAME = "trainer-notes"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = trust.element(self.md, parent, "div", {"class": "ctip-notes"})
        writer = self.writer()
        if writer is None:
            return box
        for module in writer.course.modules:
            self.module_notes(writer, box, module)
        return box

    def module_notes(self, writer: Writer, box, module: Module) -> None:
        el, t = writer.el, writer.t
        attrs = {"class": "ctip-notes__module"}
        if module.page.language != writer.language:
            attrs["lang"] = module.page.language  # an untranslated module's notes
        section = el(box, "section", attrs)
        el(
            section,
            "h2",
            {"id": "notes-" + module.slug.removeprefix("modules/")},
            writer.module_label(module),
        )
        links = el(section, "p", {"class": "ctip-notes__links"})
        el(links, "a", {"href": writer.href(module.page.name)}, t("notes.open_module"))
        if writer.exists(PLANNER_PAGE):
            el(links, "span", {}, " · ")
            one = plan.module_schedule(writer.site, module)
            label = f"{t('notes.schedule')} ({writer.minutes(one.total)})"
            el(links, "a", {"href": writer.href(PLANNER_PAGE, schedule_id(module.slug))}, label)
        blocks = [block for block in module.facilitator if block.end is not None]
        if not blocks:
            el(section, "p", {}, t("notes.none"))
        for block in blocks:
            self.note(writer, section, module, block)

    def note(self, writer: Writer, section, module: Module, block) -> None:
        el, t = writer.el, writer.t
        page = module.page
        # Each note is left out of search on its own element, of a tag it never contains:
        # Material's search forgets an exclusion when an element of the same tag inside it ends.
        note = el(section, "aside", {"class": "ctip-notes__note", "data-search-exclude": ""})
        heading = el(note, "p", {"class": "ctip-notes__title"})
        if block.parent is not None and block.parent.name == "slide":
            title = t("notes.speaker", title=block.parent.argument.strip())
        else:
            title = block.argument.strip() or translate(page.language, "trainer.notes")
        el(heading, "strong", {}, title)
        anchor, section_title = plan.section_of(writer.site, page, block.line)
        label = el(heading, "span", {"class": "ctip-notes__where"}, " — ")
        link = writer.href(page.name, anchor)
        el(label, "a", {"href": link}, section_title or t("notes.top"))
        text = page.outline.text(block.body_start, block.end)
        if block.indent:
            text = "\n".join(line[block.indent :] for line in text.split("\n"))
        body = el(note, "div", {"class": "ctip-notes__body"})
        writer.md.parser.parseChunk(body, text)
        _rebase(body, page.name, writer.here)


def _rebase(root: etree.Element, source: str, target: str) -> None:
    """Relative links of Markdown written in the page `source` ("modules/x.md"), made right for
    a page in the folder `target`; a link to an anchor of `source` goes to that page."""
    for element in root.iter():
        key = {"a": "href", "img": "src"}.get(element.tag)
        value = element.get(key) if key else None
        if not value or _SCHEME.match(value) or value.startswith("/"):
            continue
        path, hash_, anchor = value.partition("#")
        moved = (
            posixpath.normpath(posixpath.join(posixpath.dirname(source), path)) if path else source
        )
        element.set(key, posixpath.relpath(moved, target or ".") + hash_ + anchor)


class TrainerPanel(Treeprocessor):
    """After `toc` and the record of ids (4), before MkDocs rewrites links (0): the hidden panel
    for trainers right after the title of a module page (its schedule, Present and the live
    quiz) and of a learning path page (the path's schedule)."""

    def __init__(self, md: Markdown, site: Site | None, language: str):
        super().__init__(md)
        self.site, self.language = site, language

    def run(self, root: etree.Element) -> None:
        page = getattr(self.md, "ctip_page", None)
        if self.site is None or page is None:
            return
        writer = Writer(self.md, self.site, self.language)
        module = writer.course.module(page.slug) if page.is_module else None
        path = next((path for path in writer.course.paths if path.slug == page.slug), None)
        if module is None and path is None:
            return
        title = next((index for index, child in enumerate(root) if child.tag == "h1"), -1)
        panel = etree.Element(
            "aside",
            {
                "class": "ctip-trainer-panel",
                "hidden": "",
                "data-search-exclude": "",
                "aria-label": writer.t("trainer.panel"),
            },
        )
        root.insert(title + 1, panel)
        trust.trusted(self.md).add(panel)
        writer.el(panel, "p", {"class": "ctip-trainer-panel__title"}, writer.t("trainer.panel"))
        links = []
        if module is not None:
            writer.el(panel, "div", {"class": "ctip-trainer-panel__actions"})
            writer.module_schedule(panel, module)
            links.append((PLANNER_PAGE, schedule_id(module.slug), "trainer.planner"))
            anchor = "notes-" + module.slug.removeprefix("modules/")
            links.append((NOTES_PAGE, anchor, "trainer.all_notes"))
        else:
            writer.path_schedule(panel, path)
            links.append((PLANNER_PAGE, schedule_id(path.slug), "trainer.planner"))
        links = [link for link in links if writer.exists(link[0])]
        if links:
            line = writer.el(panel, "p", {"class": "ctip-trainer-panel__links"})
            for number, (name, anchor, key) in enumerate(links):
                if number:
                    writer.el(line, "span", {}, " · ")
                writer.el(line, "a", {"href": writer.href(name, anchor)}, writer.t(key))


class TrainerExtension(BlocksExtension):
    def __init__(self, site: Site | None = None, lang: str = "en", **kwargs):
        self.site, self.lang = site, lang
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:  # noqa: N802
        config = {"lang": self.lang, "site": self.site}
        block_mgr.register(ScheduleBlock, config)
        block_mgr.register(SessionPlanner, config)
        block_mgr.register(TrainerNotes, config)
        md.treeprocessors.register(TrainerPanel(md, self.site, self.lang), "ctip_trainer_panel", 3)
