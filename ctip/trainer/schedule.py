"""Session plans: what a module or a learning path takes, section by section, with clock times.

Timings come from a module's front matter: `teaching`, `exercises` and optional `break` minutes,
and optionally `sections`, one entry per `##` section where time is spent:

    sections:
      - anchor: forms-of-exploitation   # the English anchor of the heading
        teaching: 10
        exercises: 25
        activity: scenario              # optional: see ACTIVITIES

A section with both teaching and exercise minutes gives two rows, teaching first. Without
`sections`, a module gives one row of teaching and one of exercises. The module's `break`, if
any, comes after the row that ends nearest the middle of the module. Clock times count from
00:00 at the start of the module or of the learning path.

Section titles are the headings as the reader's language writes them; anchors are the English
ones (translations get the English anchors, ctip.anchors), computed here from the English
original's headings without rendering a page, so a block can use them while a page renders.
"""

import re
from dataclasses import dataclass

from pymdownx.slugs import slugify

from ctip.pages import Course, LearningPath, Module, Page, Site

ACTIVITIES = ("scenario", "discussion", "quiz", "role-play", "case-study")
_slug = slugify(case="lower")  # the toc extension's slugify in mkdocs.yml
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`([^`]*)`")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")


def plain(text: str) -> str:
    """A heading's text as a reader sees it: links, code and emphasis reduced to their words."""
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return re.sub(r"<[^>]+>", "", text).strip()


def _kept(page: Page, name: str, compute, *sources: Page):
    """`compute()`, kept on `page` while `page` and `sources` (other pages it reads) stay the
    same objects: the site replaces a page's object when its file changes, so a kept value is
    dropped exactly when it may have changed. Every schedule of a build reads the same pages."""
    kept = page.__dict__.setdefault("_schedule_kept", {})
    entry = kept.get(name)
    if (
        entry is None
        or len(entry[0]) != len(sources)
        or any(a is not b for a, b in zip(entry[0], sources, strict=True))
    ):
        entry = kept[name] = (sources, compute())
    return entry[1]


def _anchors(page: Page) -> list[str]:
    """The id of each top-level heading of `page`, as the toc extension gives them."""
    return _kept(page, "anchors", lambda: _compute_anchors(page))


def _compute_anchors(page: Page) -> list[str]:
    seen: set[str] = set()
    found = []
    for heading in page.outline.headings:
        raw = page.outline.lines[heading.line - page.outline.first_line]
        explicit = _ID.search(raw)
        anchor = explicit.group(1) if explicit else _slug(plain(heading.text), "-")
        if anchor in seen:  # the toc extension's unique(): anchor_1, anchor_2, ...
            number = 1
            while f"{anchor}_{number}" in seen:
                number += 1
            anchor = f"{anchor}_{number}"
        seen.add(anchor)
        found.append(anchor)
    return found


def section_titles(site: Site, page: Page) -> dict[str, str]:
    """English anchor -> heading text (in `page`'s language) of every `##` section."""
    original = site.original(page) or page
    return _kept(page, "titles", lambda: _compute_titles(page, original), original)


def _compute_titles(page: Page, original: Page) -> dict[str, str]:
    mine = [h for h in page.outline.headings]
    theirs = list(zip(original.outline.headings, _anchors(original), strict=True))
    if [h.level for h in mine] != [h.level for h, _ in theirs]:
        mine = [h for h, _ in theirs]  # a translation whose structure differs: English titles
    return {
        anchor: plain(heading.text)
        for heading, (_, anchor) in zip(mine, theirs, strict=True)
        if heading.level == 2
    }


def section_of(site: Site, page: Page, line: int) -> tuple[str | None, str | None]:
    """(anchor, title) of the `##` section a line of `page` belongs to; (None, None) before
    the first one."""
    original = site.original(page) or page
    anchors = _anchors(original)
    if len(anchors) != len(page.outline.headings):
        anchors = [None] * len(page.outline.headings)
    found: tuple[str | None, str | None] = (None, None)
    for heading, anchor in zip(page.outline.headings, anchors, strict=True):
        if heading.line > line:
            break
        if heading.level == 2:
            found = (anchor, plain(heading.text))
    return found


@dataclass(frozen=True)
class Row:
    kind: str  # "teaching", "exercises" or "break"
    minutes: int
    start: int  # minutes from the start of the schedule
    anchor: str | None = None
    section: str | None = None  # the heading, in the reader's language
    activity: str | None = None  # one of ACTIVITIES, for exercises

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Schedule:
    module: Module
    rows: tuple[Row, ...]
    by_section: bool  # from `sections`, else one block of teaching and one of exercises

    def minutes(self, kind: str) -> int:
        return sum(row.minutes for row in self.rows if row.kind == kind)

    @property
    def teaching(self) -> int:
        return self.minutes("teaching")

    @property
    def exercises(self) -> int:
        return self.minutes("exercises")

    @property
    def pause(self) -> int:
        return self.minutes("break")

    @property
    def total(self) -> int:
        return sum(row.minutes for row in self.rows)

    @property
    def start(self) -> int:
        return self.rows[0].start if self.rows else 0

    @property
    def end(self) -> int:
        return self.rows[-1].end if self.rows else self.start


def _minutes(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def timings(site: Site, module: Module) -> list[dict]:
    """The module's `sections` entries (the translation's, else the original's)."""
    sections = module.page.meta.get("sections")
    if sections is None and (original := site.original(module.page)) is not None:
        sections = original.meta.get("sections")
    if not isinstance(sections, list):
        return []
    return [entry for entry in sections if isinstance(entry, dict)]


def module_schedule(site: Site, module: Module, start: int = 0) -> Schedule:
    entries = timings(site, module)
    parts: list[tuple[str, int, str | None, str | None, str | None]] = []
    if entries:
        titles = section_titles(site, module.page)
        for entry in entries:
            anchor = str(entry.get("anchor") or "")
            title = titles.get(anchor, anchor)
            activity = entry.get("activity") if entry.get("activity") in ACTIVITIES else None
            if teaching := _minutes(entry.get("teaching")):
                parts.append(("teaching", teaching, anchor, title, None))
            if exercises := _minutes(entry.get("exercises")):
                parts.append(("exercises", exercises, anchor, title, activity))
    else:
        if module.teaching:
            parts.append(("teaching", module.teaching, None, None, None))
        if module.exercises:
            parts.append(("exercises", module.exercises, None, None, None))
    if module.pause and parts:
        # After a whole section (not between its teaching and its exercises), nearest the middle.
        ends, total = [], 0
        for index, part in enumerate(parts):
            total += part[1]
            last = index + 1 == len(parts) or parts[index + 1][2] != part[2] or part[2] is None
            if last:
                ends.append((index, total))
        middle = total / 2
        after, _ = min(ends, key=lambda end: (abs(end[1] - middle), end[0]))
        parts.insert(after + 1, ("break", module.pause, None, None, None))
    rows, clock_at = [], start
    for kind, minutes, anchor, title, activity in parts:
        rows.append(Row(kind, minutes, clock_at, anchor, title, activity))
        clock_at += minutes
    return Schedule(module, tuple(rows), by_section=bool(entries))


def path_modules(course: Course, path: LearningPath) -> list[Module]:
    return [module for slug in path.modules if (module := course.module(slug)) is not None]


def sequence(site: Site, modules: list[Module], start: int = 0) -> list[Schedule]:
    """The schedules of modules taught one after the other."""
    found = []
    for module in modules:
        schedule = module_schedule(site, module, start)
        found.append(schedule)
        start = schedule.end
    return found


def clock(minutes: int) -> str:
    """Minutes from the start as a clock time from 00:00: 95 -> '01:35'."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# Turkmen ordinals take -njy after a back vowel (alty, dokuz, on, otuz, kyrk, altmyş, togsan),
# else -nji: 3-nji, 6-njy, 10-njy.
_BACK_UNITS, _BACK_TENS = {6, 9}, {1, 3, 4, 6, 9}


def ordinal(language: str, number: int) -> str:
    """A module's number as the language writes it before "module": 3, or Turkmen 3-nji."""
    if language != "tk" or number <= 0:
        return str(number)
    units, tens = number % 10, number // 10 % 10
    if units:
        back = units in _BACK_UNITS
    elif tens:
        back = tens in _BACK_TENS
    else:
        back = False  # ýüz, müň
    return f"{number}-{'njy' if back else 'nji'}"
