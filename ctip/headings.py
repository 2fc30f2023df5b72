"""Headings of a Markdown page and their anchors, computed as the build computes them.

Translations get the anchors of the English original (align_anchors), so a link to a section,
an English page that falls back into another language, and a reader switching language all
find the same `#anchor` in every language.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pymdownx.slugs import slugify

from ctip.fences import FENCE, fence_end

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_EXPLICIT_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_slug = slugify(case="lower")  # the same as the toc extension's setting in mkdocs.yml


@dataclass(frozen=True)
class Heading:
    index: int  # 0-based line index
    level: int
    anchor: str
    explicit: bool  # the author gave the anchor ({#id})


def outside_fences(lines: list[str], start: int = 0) -> Iterator[tuple[int, str]]:
    """(index, line) of the lines from `start` that are not inside fenced code."""
    index = start
    while index < len(lines):
        if FENCE.match(lines[index]):
            index = fence_end(lines, index)
            continue
        yield index, lines[index]
        index += 1


def anchor_of(text: str) -> tuple[str, bool]:
    if explicit := _EXPLICIT_ID.search(text):
        return explicit.group(1), True
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return _slug(re.sub(r"[*_`]", "", text).strip(), "-"), False


def headings(lines: list[str], start: int = 0) -> list[Heading]:
    found, seen = [], set()
    for index, line in outside_fences(lines, start):
        if match := HEADING.match(line):
            anchor, explicit = anchor_of(match.group(2))
            while anchor in seen:  # the toc extension's way of making anchors unique
                numbered = re.match(r"^(.*)_([0-9]+)$", anchor)
                if numbered:
                    anchor = f"{numbered.group(1)}_{int(numbered.group(2)) + 1}"
                else:
                    anchor = f"{anchor}_1"
            seen.add(anchor)
            found.append(Heading(index, len(match.group(1)), anchor, explicit))
    return found


def align_anchors(translation: str, original: str) -> str:
    """Give the translation's headings the English anchors, where both have the same headings.

    A heading with its own {#anchor} keeps it; when the heading levels differ the text is left
    alone (the content check reports the difference).
    """
    lines = translation.split("\n")
    mine, theirs = headings(lines), headings(original.split("\n"))
    if [h.level for h in mine] != [h.level for h in theirs]:
        return translation
    for heading, english in zip(mine, theirs, strict=True):
        if not heading.explicit:
            lines[heading.index] = f"{lines[heading.index].rstrip()} {{ #{english.anchor} }}"
    return "\n".join(lines)
