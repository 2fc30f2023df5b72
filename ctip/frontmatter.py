"""Front matter of a Markdown page: the one reader, with line numbers for errors.

It splits a page exactly where MkDocs does (the same pattern, leading blank lines of the body
dropped, front matter that is empty or not a mapping left in the body), so the body it returns
is the text the Markdown extensions are given. Unlike MkDocs, which silently treats front matter
it cannot parse as absent (the page then loses its title and translation record), it raises
FrontMatterError with the line.
"""

import re
from dataclasses import dataclass, field

import yaml

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
loads = 0  # YAML documents read by this module (tests count them)


@dataclass
class FrontMatterError(Exception):
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


@dataclass(frozen=True)
class FrontMatter:
    data: dict
    body: str
    body_line: int  # 1-based line of the file where `body` starts
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> its line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def load_yaml(text: str):
    global loads
    loads += 1
    return yaml.load(text, Loader=_Loader)


def split(text: str) -> FrontMatter:
    """The front matter and the body of a page's text (a BOM already removed)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if re.match(r"^-{3}[ \t]*\n", text) and not re.match(r"^-{3}[ \t]*\n[ \t]*-{3}", text):
            raise FrontMatterError(1, "front matter is opened with '---' but never closed")
        return _body(text, {}, 0, {})
    try:
        data = load_yaml(match.group(1))
    except yaml.YAMLError as error:
        # Where the broken construct began, when YAML knows it, else where it noticed.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    if data is None:  # empty: MkDocs reads the whole text as the body
        return _body(text, {}, 0, {})
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a mapping of 'key: value' lines")
    lines = {}
    for number, line in enumerate(match.group(1).split("\n"), start=2):
        if key := _KEY.match(line):
            lines.setdefault(key.group(1), number)
    return _body(text[match.end() :], data, match.group(0).count("\n"), lines)


def _body(rest: str, data: dict, consumed: int, lines: dict[str, int]) -> FrontMatter:
    body = rest.lstrip("\n")
    skipped = len(rest) - len(body)
    return FrontMatter(data, body, consumed + skipped + 1, lines)
