"""Rules about teaching material: timings, the trainer's blocks, learning paths, quizzes that
reward reading, feedback that teaches, and facts that can be traced to a source."""

import re
from functools import partial

from ctip.pages import Page, Site
from ctip.project import AUDIENCES
from ctip.quiz import strategies
from ctip.trainer.schedule import ACTIVITIES

from . import context

# Right-or-wrong and nothing else: feedback should say why.
BARE_VERDICTS = re.compile(
    r"^(?:correct|right|yes|no|wrong|incorrect|not quite|верно|неверно|правильно|неправильно|да|"
    r"нет|dogry|nädogry|hawa|ýok)[.!:]?$",
    re.I,
)
# An article of an instrument, or the years of a plan, in a module's prose.
CITATION = re.compile(
    r"\b(?:Article|Art\.)\s+\d+|\bстать[еияюй]\w*\s+\d+|\d+\s*-?(?:nji|njy|nçi|nçy|inji|ynjy)"
    r"\s+madda|\b(?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d\b",
    re.I,
)
_LINK = re.compile(r"\]\([^)]+\)")


SECTION_KEYS = ("anchor", "teaching", "exercises", "activity")
SLIDES = range(10, 21)  # authored slides a module's presentation needs
_ENTRY = re.compile(r"^\s*-\s+(?:([\w-]+)\s*:)?")
_ENTRY_KEY = re.compile(r"^\s+([\w-]+)\s*:")


def _minutes(value, zero: bool = False) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= (0 if zero else 1)


def _entry_lines(page: Page) -> list[tuple[int, dict[str, int]]]:
    """The line of each `sections` entry, and of each of its keys, as the front matter writes
    them (a flow list `[{...}]` gives none: messages then name the `sections:` line)."""
    start = page.front.lines.get("sections")
    if not start:
        return []
    lines = page.text.split("\n")
    entries: list[tuple[int, dict[str, int]]] = []
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if re.match(r"^(?:---|\.\.\.)\s*$|^[A-Za-z_]", line):
            break
        if entry := _ENTRY.match(line):
            entries.append((number, {entry.group(1): number} if entry.group(1) else {}))
        elif (key := _ENTRY_KEY.match(line)) and entries:
            entries[-1][1].setdefault(key.group(1), number)
    return entries


def rule_timings(page: Page, site: Site):
    """A module's timings: `break` in minutes; `sections` name headings of the page, each with
    minutes, and add up to the module's teaching and exercise time."""
    if not page.is_module or page.meta_error:
        return
    if "break" in page.meta and not _minutes(page.meta["break"], zero=True):
        yield page.line_of("break"), "'break' is minutes, a whole number (e.g. 10): or leave it out"
    sections = page.meta.get("sections")
    if sections is None:
        yield (
            1,
            "front matter needs 'sections': the minutes of each section "
            "(- anchor: ..., teaching: N, exercises: N), for the trainer's schedule",
        )
        return
    line = page.line_of("sections")
    if not isinstance(sections, list) or not all(isinstance(s, dict) for s in sections):
        yield line, "'sections' is a list of '- anchor: ..., teaching: N, exercises: N' entries"
        return
    where = _entry_lines(page)
    known = context.anchors(site, page, page.language)
    totals = {"teaching": 0, "exercises": 0}
    seen: dict[str, int] = {}
    for index, entry in enumerate(sections):
        at, keys = where[index] if index < len(where) else (line, {})
        anchor = entry.get("anchor")
        if not anchor:
            yield at, "'sections': an entry has no 'anchor' (the English anchor of a heading)"
        elif anchor not in known:
            yield (
                keys.get("anchor", at),
                f"'sections': '{anchor}' is not the anchor of a heading of this page",
            )
        elif anchor in seen:
            yield at, f"'sections': '{anchor}' is listed twice (first on line {seen[anchor]})"
        else:
            seen[anchor] = at
        for key in entry:
            if key not in SECTION_KEYS:
                yield (
                    keys.get(key, at),
                    f"'sections': unknown key '{key}' in the entry of '{anchor}'; use: "
                    + ", ".join(SECTION_KEYS),
                )
        for key in totals:
            value = entry.get(key, 0)
            if not _minutes(value, zero=True):
                yield keys.get(key, at), f"'sections': {key} of '{anchor}' must be whole minutes"
            else:
                totals[key] += value
        if not entry.get("teaching") and not entry.get("exercises"):
            yield at, f"'sections': '{anchor}' has no timing (teaching or exercises minutes)"
        activity = entry.get("activity")
        if activity is not None and activity not in ACTIVITIES:
            yield (
                keys.get("activity", at),
                f"'sections': unknown activity '{activity}'; use one of: {', '.join(ACTIVITIES)}",
            )
    for key, total in totals.items():
        if isinstance(page.meta.get(key), int) and total != page.meta[key]:
            yield (
                line,
                f"'sections' add up to {total} minutes of {key}, the module says {page.meta[key]}",
            )


def rule_timing_gaps(page: Page, site: Site):
    """A module whose duration disagrees with its parts, or whose presentation has too few or
    too many authored slides."""
    if not page.is_module or page.meta_error:
        return
    meta = page.meta
    parts = [meta.get(key, 0) for key in ("teaching", "exercises", "break")]
    whole = all(_minutes(n, zero=True) for n in parts) and _minutes(meta.get("duration"))
    if whole and sum(parts) != meta["duration"]:
        yield (
            page.line_of("duration"),
            f"'duration' is {meta['duration']} minutes, but teaching, exercises and break add "
            f"up to {sum(parts)}",
        )
    slides = len(page.outline.named("slide"))
    if slides not in SLIDES:
        yield (
            page.body_line,
            f"module has {slides} authored slides ('/// slide | Title'); its presentation needs "
            f"{SLIDES.start} to {SLIDES.stop - 1}",
        )


TRAINER_BLOCKS = ("facilitator", "slide", "schedule", "session-planner", "trainer-notes")


def rule_trainer_blocks(page: Page, site: Site):
    """The trainer's blocks, as the build reads them: a block it cannot read would otherwise be
    shown as plain text to every learner."""
    if page.meta_error:
        return
    for block in page.outline.blocks:
        if block.name not in TRAINER_BLOCKS:
            continue
        name = f"'/// {block.name}'"
        if block.end is None:
            yield block.line, f"{name} opened here is never closed: add a line with only '///'"
        options = {key: value for key, value in block.options.items() if key != "attrs"}
        at = partial(_option_line, block)
        inside = block.parent.name if block.parent is not None else None
        if block.name == "facilitator":
            for key in options:
                yield at(key), f"a facilitator block takes no options ('{key}' found)"
            if inside == "facilitator":
                yield block.line, "a facilitator block cannot be inside another facilitator block"
        elif block.name == "slide":
            yield from _slide(page, block, options, inside, at)
        elif block.name == "schedule":
            yield from _schedule(page, site, block, options, at)
        else:
            if options or any(
                line.strip()
                for line in page.outline.text(block.body_start, block.end or 0).split("\n")
            ):
                yield block.line, f"{name} takes no header and no content: write it as two lines"


def _option_line(block, key: str) -> int:
    return block.option_lines.get(key, block.line)


def _slide(page: Page, block, options: dict, inside: str | None, at):
    if not block.argument.strip():
        yield block.line, "a slide needs a title: '/// slide | Title'"
    for key, value in options.items():
        if key != "show":
            yield (
                at(key),
                f"unknown option '{key}' in a slide's header; a slide takes only 'show: page'",
            )
        elif value.strip() != "page":
            yield at(key), f"'show: {value}': a slide's 'show' can only be 'page'"
    if inside == "slide":
        yield block.line, "a slide cannot be inside another slide: close the first one with '///'"
    elif inside == "facilitator":
        yield block.line, "a slide cannot be inside a facilitator block"
    if not page.is_module:
        yield block.line, "slides are presented from module pages only; this page is not a module"


def _schedule(page: Page, site: Site, block, options: dict, at):
    for key in options:
        if key not in ("module", "path"):
            yield (
                at(key),
                f"unknown option '{key}' in the header of '/// schedule'; use 'module: NAME' or "
                "'path: NAME'",
            )
    module, path = options.get("module", "").strip(), options.get("path", "").strip()
    if module and path:
        yield block.line, "'/// schedule' shows one module or one path: give 'module' or 'path'"
    elif module and site.shown(page.language, f"modules/{module}.md") is None:
        yield at("module"), f"'/// schedule': there is no module '{module}'"
    elif path and site.shown(page.language, f"paths/{path}.md") is None:
        yield at("path"), f"'/// schedule': there is no learning path '{path}'"
    elif not module and not path and not page.is_module and not page.name.startswith("paths/"):
        yield block.line, "'/// schedule' on this page needs 'module: NAME' or 'path: NAME'"


def rule_learning_path(page: Page, site: Site):
    if not page.name.startswith("paths/") or page.name == "paths/index.md" or page.meta_error:
        return
    modules = page.meta.get("modules")
    if not isinstance(modules, list) or not modules:
        yield (
            1,
            "a learning path needs 'modules': its modules' names in order, "
            "e.g. [identifying-victims]",
        )
        return
    for name in modules:
        if site.shown(page.language, f"modules/{name}.md") is None:
            yield page.line_of("modules"), f"'modules': there is no module '{name}'"
    if page.meta.get("audience") not in AUDIENCES:
        yield (
            page.line_of("audience"),
            f"a learning path needs 'audience', one of: {', '.join(AUDIENCES)}",
        )


def rule_quiz_patterns(page: Page, site: Site):
    """Warn when a quiz can be passed without reading (ctip.quiz.strategies)."""
    if not page.is_module or page.meta_error or page.quiz_error or not page.quizzes:
        return
    questions = [q for quiz in page.quizzes for q in quiz.questions]
    percent, how = strategies.best(questions)
    if percent >= page.pass_mark:
        yield (
            page.quizzes[0].line,
            f"a reader who never reads scores {percent:.0f}% by surface patterns ({how}); the "
            f"pass mark is {page.pass_mark}%: vary the length and place of the right options",
        )
    multiple = [q for q in questions if q.kind == "multiple"]
    prefixes = [q for q in multiple if q.correct == sorted(q.correct, reverse=True)]
    if len(multiple) >= 2 and len(prefixes) == len(multiple):
        yield page.quizzes[0].line, "in every select-all question the right options come first"


def rule_feedback(page: Page, site: Site):
    if page.meta_error or page.quiz_error:
        return
    for quiz in page.quizzes:
        for question in quiz.questions:
            for option in question.options:
                text = re.sub(r"[*_`]", "", option.feedback_md).strip()
                words = len(re.findall(r"\w+", text))
                if BARE_VERDICTS.match(text) or words < 5:
                    yield (
                        option.line,
                        f"feedback '{text[:40]}' does not teach: say in five words or more why "
                        "this option is right or wrong",
                    )


def rule_citations(page: Page, site: Site):
    """A module paragraph that cites an article or a plan's years links to its source."""
    if not page.is_module or page.meta_error or page.quiz_error:
        return
    quizzes = [range(quiz.line, quiz.end + 1) for quiz in page.quizzes]
    paragraph: list[tuple[int, str]] = []
    for number, line in [*page.outline.prose, (None, "")]:
        if number is not None and any(number in lines for lines in quizzes):
            continue  # a question tests what the text taught (and cited)
        if line.strip() and not line.lstrip().startswith("#"):
            paragraph.append((number, line))
            continue
        text = " ".join(part for _, part in paragraph)
        if paragraph and CITATION.search(text) and not _LINK.search(text):
            found = CITATION.search(text).group(0)
            yield (
                paragraph[0][0],
                f"'{found}': link its source (the sources page or the instrument) in this "
                "paragraph",
            )
        paragraph = []


def rule_characters(page: Page, site: Site):
    """A module lists its scenarios' first names (`characters`); a name belongs to one module of
    the site, so the same name never stands for two people."""
    if not page.is_module or page.meta_error:
        return
    names = page.meta.get("characters")
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        yield 1, "front matter needs 'characters': the first names its scenarios use, e.g. [Aýna]"
        return
    owners = context.character_owners(site, page.language)
    for name in names:
        first = owners.get(name)
        if first is not None and first is not page:
            yield (
                page.line_of("characters"),
                f"'{name}' is already a character of {first.display}: choose another first name",
            )
