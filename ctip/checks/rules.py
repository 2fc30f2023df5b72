"""The content rules, one function each: a rule takes a Page and the Site and yields
(line, message). The content check runs them all; the build runs those in BUILD_RULES.
"""

import datetime
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ctip import quiz
from ctip.pages import Page, Site
from ctip.project import AUDIENCES, MODULE_BLOCKS, PASS_MARK_RANGE
from ctip.safety import fields

from . import context
from .teaching import (
    rule_characters,
    rule_citations,
    rule_feedback,
    rule_learning_path,
    rule_quiz_patterns,
    rule_timing_gaps,
    rule_timings,
    rule_trainer_blocks,
)

VAGUE_LINK_TEXT = {
    "click here", "here", "link", "this link", "this", "more", "read more", "this page",
    "здесь", "тут", "ссылка", "по ссылке", "подробнее", "нажмите здесь", "эта страница",
    "şu ýerde", "bu ýerde", "şu ýere", "salgy", "baglanyşyk", "şu ýere basyň", "has giňişleýin",
}  # fmt: skip

_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)(\{[^}]*\})?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d[\d\s().-]{7,}\d|\(\d{2,5}\)\s?\d[\d\s-]{4,}\d|\d{3}[-\s]\d{2}[-\s]\d{2})(?![\w/])"
)

Rule = Callable[[Page, Site], Iterator[tuple[int, str]]]


def rule_front_matter_parses(page: Page, site: Site):
    if page.meta_error:
        yield page.meta_error.line, page.meta_error.message


def rule_plain_fields(page: Page, site: Site):
    """Front matter is printed by templates as it is (the title in every page's navigation)."""
    if not page.meta_error:
        yield from fields.front_matter(page.meta, page.line_of)


def rule_front_matter(page: Page, site: Site):
    if page.meta_error:
        return  # rule_front_matter_parses
    for key in ("title", "description"):
        if not isinstance(page.meta.get(key), str) or not page.meta[key].strip():
            yield 1, f"front matter needs '{key}' (text)"
    if page.is_module:
        yield from _module_front_matter(page)
    if page.language != site.default_language:
        yield from _translation_front_matter(page, page.meta.get("translation"))


def _whole_minutes(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _module_front_matter(page: Page):
    meta, line = page.meta, page.line_of
    if not isinstance(meta.get("module"), int):
        yield line("module"), "front matter needs 'module' (the module's number, e.g. 3)"
    audiences = meta.get("audiences")
    if not isinstance(audiences, list) or not audiences:
        yield (
            line("audiences"),
            f"front matter needs 'audiences', a list of: {', '.join(sorted(AUDIENCES))}",
        )
    else:
        for unknown in sorted(set(map(str, audiences)) - set(AUDIENCES)):
            yield (
                line("audiences"),
                f"unknown audience '{unknown}'; use: {', '.join(sorted(AUDIENCES))}",
            )
    for key in ("duration", "teaching", "exercises"):
        if not _whole_minutes(meta.get(key)):
            yield line(key), f"front matter needs '{key}' in minutes, a whole number (e.g. 45)"
    if not isinstance(meta.get("last_reviewed"), datetime.date):
        yield line("last_reviewed"), "front matter needs 'last_reviewed' as a date: YYYY-MM-DD"
    pass_mark = meta.get("pass_mark", PASS_MARK_RANGE.stop - 1)
    if (
        isinstance(pass_mark, bool)
        or not isinstance(pass_mark, int)
        or (pass_mark not in PASS_MARK_RANGE)
    ):
        yield (
            line("pass_mark"),
            f"'pass_mark' is a percentage, a whole number from {PASS_MARK_RANGE.start} to "
            f"{PASS_MARK_RANGE.stop - 1}",
        )


def _translation_front_matter(page: Page, record):
    line = page.line_of("translation") if record is not None else 1
    if not isinstance(record, dict):
        yield line, ("front matter needs 'translation:' with 'source_commit' (the English revision "
                     "translated), 'translated' (date) and 'reviewed' (true/false)")  # fmt: skip
        return
    if not isinstance(record.get("source_commit"), str) or not re.fullmatch(
        r"[0-9a-f]{7,40}", record["source_commit"]
    ):
        yield (
            line,
            "'translation.source_commit' must be the git commit of the English page translated",
        )
    if not isinstance(record.get("translated"), datetime.date):
        yield line, "'translation.translated' must be a date: YYYY-MM-DD"
    if not isinstance(record.get("reviewed"), bool):
        yield line, "'translation.reviewed' must be true or false"


def _kinds(page: Page) -> set[str]:
    outline = page.outline
    return {a.kind for a in outline.admonitions} | {b.name for b in outline.blocks}


def rule_module_blocks(page: Page, site: Site):
    if not page.is_module or page.meta_error:
        return
    kinds = _kinds(page)
    for kind in MODULE_BLOCKS:
        if kind not in kinds:
            example = (
                "/// facilitator | Facilitator notes"
                if kind == "facilitator"
                else f'!!! {kind} "Title"'
            )
            yield page.body_line, f"module has no '{kind}' block (e.g. {example})"
    for admonition in page.outline.admonitions:
        if admonition.kind == "facilitator":
            yield (
                admonition.line,
                "notes for trainers are a '/// facilitator' block (learners do not see it), "
                "not an admonition",
            )
    if "quiz" not in kinds:
        yield page.body_line, "module has no quiz (/// quiz)"
    sections = [h.line for h in page.outline.headings if h.level == 2]
    last = sections[-1] if sections else page.body_line
    if not any("https://" in line for n, line in page.outline.prose if n > last):
        yield last, "module needs further reading: https links in its last section"


def rule_headings(page: Page, site: Site):
    previous, first = 0, []
    for heading in page.outline.headings:
        if heading.level == 1:
            first.append(heading.line)
        if previous and heading.level > previous + 1:
            yield (
                heading.line,
                f"heading level {heading.level} follows level {previous}: a level is skipped",
            )
        previous = heading.level
    if not first:
        yield page.body_line, "page has no level-1 heading (# Title)"
    for number in first[1:]:
        yield number, "a second level-1 heading: a page has one (# Title)"


def rule_images(page: Page, site: Site):
    for number, line in page.outline.prose:
        for alt, _, attrs in _IMAGE.findall(line):
            if not alt.strip() and ".decorative" not in (attrs or ""):
                yield number, ("image has no alt text: describe it, or mark a purely decorative "
                               "image with { .decorative }")  # fmt: skip


def rule_links(page: Page, site: Site):
    for number, line in page.outline.prose:
        for text, url in _LINK.findall(line):
            label = re.sub(r"[*_`]", "", text).strip().lower().rstrip(".:")
            if label in VAGUE_LINK_TEXT:
                yield number, f"link text '{text}' does not say where it leads; describe the target"
            if not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):  # schemes: ctip.safety
                yield from _internal_link(page, site, number, url)


def _target(site: Site, page: Page, link: str) -> Page | None:
    """The page a relative .md link points at, as the reader of `page`'s language gets it."""
    parts: list[str] = []
    for part in (Path(page.name).parent / link).as_posix().split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return site.shown(page.language, "/".join(parts))


def _internal_link(page: Page, site: Site, number: int, url: str):
    target_path, _, anchor = url.partition("#")
    if target_path and not target_path.endswith(".md"):
        return  # files other than pages are checked by the build
    target = _target(site, page, target_path) if target_path else page
    if target is None:
        yield number, f"link to '{target_path}', which does not exist"
    elif anchor and anchor not in context.anchors(site, target, page.language):
        yield number, f"link to '#{anchor}', which is not a heading of {target.display}"


def rule_personal_data(page: Page, site: Site):
    allowed = context.allowed_contacts(site)
    for number, line in page.outline.prose:
        for kind, pattern in (("an e-mail address", _EMAIL), ("a phone number", _PHONE)):
            for match in pattern.finditer(line):
                found = match.group(0).strip()
                if found not in allowed:
                    yield (
                        number,
                        f"looks like {kind} ({found}); remove personal data, "
                        f"or add a public contact to {context.ALLOWLIST}",
                    )


def rule_quiz(page: Page, site: Site):
    if page.meta_error:
        return
    if error := page.quiz_error:
        yield error.line or page.body_line, error.message
        return
    original = site.original(page)
    if original is None or original.meta_error or original.quiz_error:
        return
    line = page.quizzes[0].line if page.quizzes else page.body_line
    differences = quiz.compare_structure(
        quiz.structure(original.quizzes), quiz.structure(page.quizzes)
    )
    for difference in differences:
        yield line, f"quiz differs from the English original: {difference}"


def rule_unique_question_ids(page: Page, site: Site):
    """Progress is stored by question id, so an id is used on one page only."""
    if page.meta_error or page.quiz_error:
        return
    first_use = context.first_question_use(site)
    for one in page.quizzes:
        for question in one.questions:
            first, line = first_use[(page.language, question.id)]
            if first is not page:
                yield (
                    question.line,
                    f"question id '{question.id}' is already used in {first.display}:{line}; "
                    "ids must be unique on the site (progress is kept by id)",
                )


def skeleton(page: Page) -> list[tuple[int, str]]:
    """(line, item) of what a translation must keep: headings by level, blocks by kind."""
    outline = page.outline
    items = [(h.line, f"a level-{h.level} heading") for h in outline.headings]
    items += [(a.line, f"a '{a.kind}' block") for a in outline.admonitions]
    items += [
        (b.line, f"a '/// {b.name}' block")
        for b in outline.blocks
        if b.name not in ("quiz", "question")  # compared by rule_quiz
    ]
    return sorted(items)


def rule_translation_structure(page: Page, site: Site):
    original = site.original(page)
    if original is None or page.meta_error or original.meta_error:
        return
    mine, theirs = skeleton(page), skeleton(original)
    for index, (number, item) in enumerate(mine):
        if index >= len(theirs):
            yield number, f"{item} that the English original does not have"
            return
        if item != theirs[index][1]:
            expected = f"{theirs[index][1]} ({original.display}:{theirs[index][0]})"
            yield number, f"the English original has {expected} here, the translation {item}"
            return
    if len(theirs) > len(mine):
        number, item = theirs[len(mine)]
        where = f"{original.display}:{number}"
        line = mine[-1][0] if mine else page.body_line
        yield line, f"the translation ends before {item} of the English original ({where})"


def rule_terms(page: Page, site: Site):
    if page.language == site.default_language:
        return
    for entry in context.termbase(site):
        term = entry.term.get(page.language)
        for avoided in entry.avoid.get(page.language) or []:
            pattern = re.compile(rf"(?<!\w){re.escape(avoided)}(?!\w)", re.I)
            for number, line in page.outline.prose:
                if pattern.search(line):
                    yield number, f"use the term base's '{term}' rather than '{avoided}'"


def rule_rendered(page: Page, site: Site):
    """What the page's render refused (ctip.safety), in the page's own language."""
    for rendered in page.rendered.values():
        yield from rendered.problems


RULES: list[Rule] = [
    rule_front_matter_parses,
    rule_plain_fields,
    rule_front_matter,
    rule_module_blocks,
    rule_headings,
    rule_images,
    rule_links,
    rule_personal_data,
    rule_quiz,
    rule_unique_question_ids,
    rule_translation_structure,
    rule_terms,
    rule_timings,
    rule_trainer_blocks,
    rule_characters,
    rule_learning_path,
    rule_feedback,
    rule_citations,
    rule_rendered,
]
# Reported without failing the check.
WARNINGS: list[Rule] = [rule_quiz_patterns, rule_timing_gaps]
# What the build refuses before rendering: front matter that does not parse or holds markup, a
# malformed quiz, a translated quiz that differs from the original, a question id used twice, a
# trainer's block it cannot read (shown as plain text otherwise). While rendering, it refuses what
# rule_rendered reports (ctip.safety.markdown).
BUILD_RULES: list[Rule] = [
    rule_front_matter_parses,
    rule_plain_fields,
    rule_quiz,
    rule_unique_question_ids,
    rule_trainer_blocks,
]
