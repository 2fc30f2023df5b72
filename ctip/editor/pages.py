"""The Markdown pages of docs/, read once, with what every rule needs."""

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ctip import frontmatter
from ctip.headings import outside_fences

DEFAULT_LANGUAGE = "en"


@dataclass
class Page:
    root: Path  # the repository
    path: Path  # absolute path of the .md file
    language: str
    name: str  # path inside the language folder, e.g. "modules/x.md"
    text: str
    meta: dict = field(default_factory=dict)
    body_line: int = 1  # first line after the front matter
    meta_error: frontmatter.FrontMatterError | None = None

    @property
    def display(self) -> str:
        return self.path.relative_to(self.root).as_posix()

    @property
    def is_module(self) -> bool:
        return self.name.startswith("modules/") and self.name != "modules/index.md"

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def prose_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of body lines outside fenced code, inline code removed."""
        return [
            (index + 1, re.sub(r"`[^`]*`", "", line))
            for index, line in outside_fences(self.lines, self.body_line - 1)
        ]

    def line_of(self, needle: str) -> int:
        for number, line in enumerate(self.lines, start=1):
            if needle in line:
                return number
        return 1


def read_page(root: Path, docs: Path, path: Path) -> Page:
    relative = path.relative_to(docs)
    language, name = relative.parts[0], Path(*relative.parts[1:]).as_posix()
    text = path.read_text(encoding="utf-8-sig")
    page = Page(root=root, path=path, language=language, name=name, text=text)
    try:
        page.meta, page.body_line = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        page.meta_error = error
    return page


def read_pages(root: Path, only: list[Path] | None = None) -> list[Page]:
    """Every page of docs/<language>/ (or only the given files)."""
    docs = root / "docs"
    paths = sorted(docs.glob("*/**/*.md"))
    if only:
        wanted = {path.resolve() for path in only}
        paths = [path for path in paths if path.resolve() in wanted]
    return [read_page(root, docs, path) for path in paths]
