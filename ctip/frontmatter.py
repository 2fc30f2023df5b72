"""Front matter of a Markdown page, read the way MkDocs reads it, with line numbers for errors.

MkDocs silently treats front matter it cannot parse as absent (the page then loses its title,
pass mark and translation record), so the build and the content check read it here and fail.
"""

import re
from dataclasses import dataclass

import yaml

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass
class FrontMatterError(Exception):
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


def split(text: str) -> tuple[dict, int]:
    """Return the front matter as a dict and the 1-based line where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise FrontMatterError(1, "front matter is opened with '---' but never closed")
        return {}, 1
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        # Where the broken construct began, when YAML knows it, else where it noticed.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a mapping of 'key: value' lines")
    return data, match.group(0).count("\n") + 1
