"""Rules about teaching material: timings, learning paths, quizzes that reward reading, feedback
that teaches, and facts that can be traced to a source."""

import re

from ctip.pages import Page, Site
from ctip.project import AUDIENCES
from ctip.quiz import strategies

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


def rule_timings(page: Page, site: Site):
    """A module's sections (front matter `sections`) add up to its teaching and exercise time."""
    if not page.is_module or page.meta_error:
        return
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
    known = context.anchors(site, page, page.language)
    totals = {"teaching": 0, "exercises": 0}
    for entry in sections:
        anchor = entry.get("anchor")
        if anchor not in known:
            yield line, f"'sections': '{anchor}' is not the anchor of a heading of this page"
        for key in totals:
            value = entry.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                yield line, f"'sections': {key} of '{anchor}' must be whole minutes"
            else:
                totals[key] += value
        if not entry.get("teaching") and not entry.get("exercises"):
            yield line, f"'sections': '{anchor}' has no timing (teaching or exercises minutes)"
    for key, total in totals.items():
        if isinstance(page.meta.get(key), int) and total != page.meta[key]:
            yield (
                line,
                f"'sections' add up to {total} minutes of {key}, the module says {page.meta[key]}",
            )


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
