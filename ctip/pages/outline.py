"""The structure of a page's body in one pass: fenced code, `///` blocks, admonitions, the
top-level headings, and the prose lines the content rules read.

Anchors are not computed here: they come from Python-Markdown's own `toc` result when the page is
rendered (ctip.markdown). The headings here are the page's outline as an author wrote it, with
lines, for the rules about structure and for the sections of a module.
"""

import re
from dataclasses import dataclass, field

from ctip.fences import FENCE, fence_end

BLOCK_START = re.compile(r"^([ ]*)(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
BLOCK_END = re.compile(r"^([ ]*)(/{3,})[ ]*$")
HEADER_OPTION = re.compile(r"^[ ]{4,}([A-Za-z_][\w-]*)[ ]*:[ ]*(.*?)[ ]*$")
ADMONITION = re.compile(r"^([ ]*)(!!!|\?\?\?\+?)[ ]+([\w-]+)(?:[ ]+\"(.*)\")?[ ]*$")
HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ ]+(.*?)(?:[ ]+#+)?[ ]*$")
INLINE_CODE = re.compile(r"`[^`]*`")
ATTRIBUTES = re.compile(r"[ ]*\{[^}]*\}[ ]*$")


@dataclass
class Block:
    """A `/// name | argument` block with its `key: value` header."""

    name: str
    argument: str
    options: dict[str, str]  # raw header values, as written
    line: int  # the start line
    indent: int
    slashes: int
    parent: "Block | None"
    body_start: int = 0  # first line after the header
    end: int | None = None  # the closing `///` line; None if never closed
    option_lines: dict[str, int] = field(default_factory=dict)

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1


@dataclass(frozen=True)
class Admonition:
    kind: str
    title: str | None
    line: int
    indent: int
    collapsible: bool


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as written, without a trailing { attributes }
    line: int


@dataclass
class Outline:
    lines: list[str]  # the body's lines, tabs expanded
    first_line: int
    blocks: list[Block] = field(default_factory=list)
    admonitions: list[Admonition] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)  # outside blocks, at the top level
    prose: list[tuple[int, str]] = field(default_factory=list)  # outside code, code removed

    def text(self, start: int, end: int) -> str:
        """The body's lines from file line `start` up to, not including, `end`."""
        return "\n".join(self.lines[start - self.first_line : end - self.first_line])

    def named(self, name: str) -> list[Block]:
        return [block for block in self.blocks if block.name == name]


def scan(body: str, first_line: int = 1) -> Outline:
    lines = [line.expandtabs(4) for line in body.split("\n")]
    outline = Outline(lines, first_line)
    open_blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line, number = lines[index], index + first_line
        if FENCE.match(line):
            index = fence_end(lines, index)
            continue
        if start := BLOCK_START.match(line):
            block = Block(
                name=start.group(3).lower(),
                argument=start.group(4) or "",
                options={},
                line=number,
                indent=len(start.group(1)),
                slashes=len(start.group(2)),
                parent=open_blocks[-1] if open_blocks else None,
            )
            index += 1
            while index < len(lines) and (option := HEADER_OPTION.match(lines[index])):
                block.options[option.group(1)] = option.group(2)
                block.option_lines[option.group(1)] = index + first_line
                index += 1
            block.body_start = index + first_line
            outline.blocks.append(block)
            open_blocks.append(block)
            continue
        if (end := BLOCK_END.match(line)) and open_blocks:
            slashes = len(end.group(2))
            for position in range(len(open_blocks) - 1, -1, -1):
                if open_blocks[position].slashes == slashes:
                    open_blocks[position].end = number
                    del open_blocks[position:]
                    break
        elif admonition := ADMONITION.match(line):
            outline.admonitions.append(
                Admonition(
                    kind=admonition.group(3),
                    title=admonition.group(4),
                    line=number,
                    indent=len(admonition.group(1)),
                    collapsible=admonition.group(2).startswith("?"),
                )
            )
        elif (heading := HEADING.match(line)) and not open_blocks:
            text = ATTRIBUTES.sub("", heading.group(2))
            outline.headings.append(Heading(len(heading.group(1)), text, number))
        outline.prose.append((number, INLINE_CODE.sub("", line)))
        index += 1
    return outline
