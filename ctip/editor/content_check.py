"""Content check: every problem in docs/ as `path:line: message`, one rule per function.

Each rule takes a Page (and the Site for cross-page rules) and yields (line, message).
"""

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from ctip import quiz
from ctip.glossary import termbase
from ctip.headings import HEADING, headings

from .pages import DEFAULT_LANGUAGE, Page, read_pages

AUDIENCES = {"consular", "ngo", "government"}
MODULE_BLOCKS = ("objectives", "scenario", "discussion", "facilitator", "key-points")
VAGUE_LINK_TEXT = {
    "click here", "here", "link", "this link", "this", "more", "read more", "this page",
    "здесь", "тут", "ссылка", "по ссылке", "подробнее", "нажмите здесь", "эта страница",
    "şu ýerde", "bu ýerde", "şu ýere", "salgy", "baglanyşyk", "şu ýere basyň", "has giňişleýin",
}  # fmt: skip
ALLOWLIST = "content-allowlist.yml"

_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)(\{[^}]*\})?")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
_DANGEROUS_TAG = re.compile(
    r"<\s*/?\s*(script|iframe|style|object|embed|form|base|meta|link)\b", re.I
)
_EVENT_ATTRIBUTE = re.compile(r"[<{][^>}]*\son[a-z]+\s*=", re.I)
_JAVASCRIPT_URL = re.compile(r"(?:java|vb)script\s*:", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d[\d\s().-]{7,}\d|\(\d{2,5}\)\s?\d[\d\s-]{4,}\d|\d{3}[-\s]\d{2}[-\s]\d{2})(?![\w/])"
)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Site:
    """All pages, with lookups the cross-page rules need."""

    def __init__(self, root: Path, pages: list[Page]):
        self.root = root
        self.pages = pages
        self.by_key = {(page.language, page.name): page for page in pages}
        self._quizzes: dict = {}

    @cached_property
    def allowed(self) -> set[str]:
        allowlist = self.root / ALLOWLIST
        if not allowlist.exists():
            return set()
        return set(yaml.safe_load(allowlist.read_text(encoding="utf-8")) or [])

    @cached_property
    def termbase(self) -> tuple[termbase.Entry, ...]:
        path = self.root / "docs" / "termbase.yml"
        return termbase.load(path) if path.exists() else ()

    def quizzes(self, page: Page) -> list:
        """The page's quizzes, parsed once (raises quiz.QuizError)."""
        if page.path not in self._quizzes:
            try:
                self._quizzes[page.path] = quiz.parse_document(page.text)
            except quiz.QuizError as error:
                self._quizzes[page.path] = error
        result = self._quizzes[page.path]
        if isinstance(result, quiz.QuizError):
            raise result
        return result

    @cached_property
    def first_use(self) -> dict[tuple[str, str], tuple[Page, int]]:
        """(language, question id) -> where it is first used on the site."""
        found = {}
        for page in self.pages:
            try:
                quizzes = [] if page.meta_error else self.quizzes(page)
            except quiz.QuizError:
                continue
            for one in quizzes:
                for question in one.questions:
                    found.setdefault((page.language, question.id), (page, question.line))
        return found

    def target(self, page: Page, link: str) -> Page | None:
        """The page a relative .md link points at (the English original stands in for a
        missing translation, as it does in the built site)."""
        name = (Path(page.name).parent / link).as_posix()
        parts: list[str] = []
        for part in name.split("/"):
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        name = "/".join(parts)
        return self.by_key.get((page.language, name)) or self.by_key.get((DEFAULT_LANGUAGE, name))


def anchors(page: Page, site: Site) -> set[str]:
    """The anchors a link may name, as the build writes them: a translation's headings take
    the English anchors where the headings match (ctip.headings.align_anchors)."""
    own = headings(page.lines, page.body_line - 1)
    original = site.by_key.get((DEFAULT_LANGUAGE, page.name))
    if page.language != DEFAULT_LANGUAGE and original is not None:
        english = headings(original.lines, original.body_line - 1)
        if [h.level for h in own] == [h.level for h in english]:
            pairs = zip(own, english, strict=True)
            own = [mine if mine.explicit else theirs for mine, theirs in pairs]
    found = {heading.anchor for heading in own}
    found.update(a for _, line in page.prose_lines for a in re.findall(r"\{[^}]*#([\w-]+)", line))
    return found


Rule = Callable[[Page, Site], Iterator[tuple[int, str]]]


def rule_front_matter(page: Page, site: Site):
    if page.meta_error:
        yield page.meta_error.line, page.meta_error.message
        return
    meta = page.meta
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            yield 1, f"front matter needs '{key}' (text)"
    if page.is_module:
        yield from _module_front_matter(page, meta)
    if page.language != DEFAULT_LANGUAGE:
        yield from _translation_front_matter(page, meta.get("translation"))


def _module_front_matter(page: Page, meta: dict):
    line = page.line_of
    if not isinstance(meta.get("module"), int):
        yield line("module:"), "front matter needs 'module' (the module's number, e.g. 3)"
    audiences = meta.get("audiences")
    if not isinstance(audiences, list) or not audiences:
        yield (
            line("audiences"),
            f"front matter needs 'audiences', a list of: {', '.join(sorted(AUDIENCES))}",
        )
    else:
        for unknown in sorted(set(map(str, audiences)) - AUDIENCES):
            yield (
                line("audiences"),
                f"unknown audience '{unknown}'; use: {', '.join(sorted(AUDIENCES))}",
            )
    for key in ("duration", "teaching", "exercises"):
        value = meta.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            yield (
                line(f"{key}:"),
                f"front matter needs '{key}' in minutes, a whole number (e.g. 45)",
            )
    if not isinstance(meta.get("last_reviewed"), datetime.date):
        yield line("last_reviewed"), "front matter needs 'last_reviewed' as a date: YYYY-MM-DD"
    pass_mark = meta.get("pass_mark", 80)
    if not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
        yield line("pass_mark"), "'pass_mark' is a percentage, a whole number from 1 to 100"


def _translation_front_matter(page: Page, record):
    line = page.line_of("translation:") if record is not None else 1
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


def rule_module_blocks(page: Page, site: Site):
    if not page.is_module:
        return
    kinds = {m.group(1) for _, line in page.prose_lines if (m := _ADMONITION.match(line))}
    for kind in MODULE_BLOCKS:
        if kind not in kinds:
            yield page.body_line, f"module has no '{kind}' block (e.g. !!! {kind} \"Title\")"
    if not any(line.strip().startswith("/// quiz") for _, line in page.prose_lines):
        yield page.body_line, "module has no quiz (/// quiz)"
    sections = [n for n, line in page.prose_lines if line.startswith("## ")]
    last = sections[-1] if sections else page.body_line
    if not any("https://" in line for n, line in page.prose_lines if n > last):
        yield last, "module needs further reading: https links in its last section"


def rule_headings(page: Page, site: Site):
    previous, h1 = 0, []
    for number, line in page.prose_lines:
        match = HEADING.match(line)
        if not match:
            continue
        level = len(match.group(1))
        if level == 1:
            h1.append(number)
        if previous and level > previous + 1:
            yield number, f"heading level {level} follows level {previous}: a level is skipped"
        previous = level
    if not h1:
        yield page.body_line, "page has no level-1 heading (# Title)"
    for number in h1[1:]:
        yield number, "a second level-1 heading: a page has one (# Title)"


def rule_images(page: Page, site: Site):
    for number, line in page.prose_lines:
        for alt, _, attrs in _IMAGE.findall(line):
            if not alt.strip() and ".decorative" not in (attrs or ""):
                yield number, ("image has no alt text: describe it, or mark a purely decorative "
                               "image with { .decorative }")  # fmt: skip


def rule_links(page: Page, site: Site):
    for number, line in page.prose_lines:
        for text, url in _LINK.findall(line):
            label = re.sub(r"[*_`]", "", text).strip().lower().rstrip(".:")
            if label in VAGUE_LINK_TEXT:
                yield number, f"link text '{text}' does not say where it leads; describe the target"
            if url.lower().startswith("http://"):
                yield number, f"insecure link {url}: use https://"
            elif not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
                yield from _internal_link(page, site, number, url)


def _internal_link(page: Page, site: Site, number: int, url: str):
    target_path, _, anchor = url.partition("#")
    target = site.target(page, target_path) if target_path else page
    if target_path and not target_path.endswith(".md"):
        return  # assets are checked by the build
    if target is None:
        yield number, f"link to '{target_path}', which does not exist"
    elif anchor and anchor not in anchors(target, site):
        yield number, f"link to '#{anchor}', which is not a heading of {target.display}"


def rule_unsafe_html(page: Page, site: Site):
    for number, line in page.prose_lines:
        if match := _DANGEROUS_TAG.search(line):
            tag = match.group(1)
            yield (
                number,
                f"<{tag}> is not allowed in content (it could run code or restyle the site)",
            )
        if _EVENT_ATTRIBUTE.search(line):
            yield number, "event attributes (onclick=, onload=, ...) are not allowed in content"
        if _JAVASCRIPT_URL.search(line):
            yield number, "javascript: URLs are not allowed in content"


def rule_personal_data(page: Page, site: Site):
    for number, line in page.prose_lines:
        for kind, pattern in (("an e-mail address", _EMAIL), ("a phone number", _PHONE)):
            for match in pattern.finditer(line):
                found = match.group(0).strip()
                if found not in site.allowed:
                    yield (
                        number,
                        (
                            f"looks like {kind} ({found}); remove personal data, "
                            f"or add a public contact to {ALLOWLIST}"
                        ),
                    )


def rule_quiz(page: Page, site: Site):
    if page.meta_error:
        return
    try:
        quizzes = site.quizzes(page)
    except quiz.QuizError as error:
        yield error.line or page.body_line, error.message
        return
    original = site.by_key.get((DEFAULT_LANGUAGE, page.name))
    if page.language == DEFAULT_LANGUAGE or original is None or original.meta_error:
        return
    try:
        source = site.quizzes(original)
    except quiz.QuizError:
        return  # reported on the original
    line = quizzes[0].line if quizzes else page.body_line
    for difference in quiz.compare_structure(quiz.structure(source), quiz.structure(quizzes)):
        yield line, f"quiz differs from the English original: {difference}"


def rule_unique_question_ids(page: Page, site: Site):
    """Progress is stored by question id, so an id is used on one page only."""
    if page.meta_error:
        return
    try:
        quizzes = site.quizzes(page)
    except quiz.QuizError:
        return  # reported by rule_quiz
    for one in quizzes:
        for question in one.questions:
            first, line = site.first_use[(page.language, question.id)]
            if first is not page:
                yield (
                    question.line,
                    (
                        f"question id '{question.id}' is already used in {first.display}:{line}; "
                        "ids must be unique on the site (progress is kept by id)"
                    ),
                )


def skeleton(page: Page) -> list[tuple[int, str]]:
    """(line, item) of what a translation must keep: headings by level, blocks by kind."""
    items = []
    for number, line in page.prose_lines:
        if match := HEADING.match(line):
            items.append((number, f"a level-{len(match.group(1))} heading"))
        elif match := _ADMONITION.match(line):
            items.append((number, f"a '{match.group(1)}' block"))
    return items


def rule_translation_structure(page: Page, site: Site):
    original = site.by_key.get((DEFAULT_LANGUAGE, page.name))
    if page.language == DEFAULT_LANGUAGE or original is None:
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
    if page.language == DEFAULT_LANGUAGE:
        return
    for entry in site.termbase:
        term = entry.term.get(page.language)
        for avoided in entry.avoid.get(page.language) or []:
            pattern = re.compile(rf"(?<!\w){re.escape(avoided)}(?!\w)", re.I)
            for number, line in page.prose_lines:
                if pattern.search(line):
                    yield number, f"use the term base's '{term}' rather than '{avoided}'"


RULES: list[Rule] = [
    rule_front_matter,
    rule_module_blocks,
    rule_headings,
    rule_images,
    rule_links,
    rule_unsafe_html,
    rule_personal_data,
    rule_quiz,
    rule_unique_question_ids,
    rule_translation_structure,
    rule_terms,
]


def check(root: Path, only: list[Path] | None = None) -> list[Problem]:
    """Problems in docs/ (all pages, or only the given files; cross-page lookups see all)."""
    pages = read_pages(root)
    site = Site(root, pages)
    wanted = {path.resolve() for path in only} if only else None
    problems = set()
    for page in pages:
        if wanted is not None and page.path.resolve() not in wanted:
            continue
        for rule in RULES:
            for line, message in rule(page, site):
                problems.add(Problem(page.display, line, message))
    return sorted(problems)
