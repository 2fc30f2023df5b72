"""Fenced code blocks in Markdown lines: the one place that knows where they start and end."""

import re

FENCE = re.compile(r"^[ ]*(`{3,}|~{3,})")


def fence_end(lines: list[str], index: int) -> int:
    """Index of the first line after the fenced block that opens at `index`."""
    fence = FENCE.match(lines[index]).group(1)
    closing = re.compile(rf"^[ ]*{re.escape(fence[0])}{{{len(fence)},}}[ ]*$")
    for later in range(index + 1, len(lines)):
        if closing.match(lines[later]):
            return later + 1
    return len(lines)
