"""One Markdown page of docs/<language>/, read once: front matter, outline and quizzes.

A Page is built from a file's text and never changes; the Site replaces it when the file does.
What only a render can tell (the ids the page defines, unsafe output) is recorded on it by the
Markdown extension (ctip.markdown) when the page is rendered, in the build or by a tool.
"""

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ctip import frontmatter, quiz
from ctip.project import PASS_MARK

from .outline import Outline, scan


def body_key(text: str) -> str:
    """The form of a body that survives MkDocs and other plugins passing it along."""
    return text.replace("\r\n", "\n").strip("\n")


@dataclass
class Rendered:
    """What a render of the page found: every id it defines, its headings as the toc extension
    saw them ((level, id, text), in order), and content it refused as (line, message)."""

    ids: set[str]
    toc: list[tuple[int, str, str]]
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass(eq=False)
class Page:
    root: Path  # the repository: paths are shown relative to it
    path: Path
    language: str
    name: str  # the path inside the language folder, e.g. "modules/x.md"
    text: str
    rendered: dict[str, Rendered] = field(default_factory=dict)  # by the language rendered in

    @cached_property
    def _front(self) -> frontmatter.FrontMatter | frontmatter.FrontMatterError:
        try:
            return frontmatter.split(self.text)
        except frontmatter.FrontMatterError as error:
            return error

    @property
    def meta_error(self) -> frontmatter.FrontMatterError | None:
        return self._front if isinstance(self._front, frontmatter.FrontMatterError) else None

    @property
    def front(self) -> frontmatter.FrontMatter:
        if self.meta_error:
            return frontmatter.FrontMatter({}, self.text, 1)
        return self._front

    @property
    def meta(self) -> dict:
        return self.front.data

    @property
    def body(self) -> str:
        return self.front.body

    @property
    def body_line(self) -> int:
        return self.front.body_line

    @cached_property
    def key(self) -> str:
        return body_key(self.body)

    @property
    def display(self) -> str:
        try:
            return self.path.relative_to(self.root).as_posix()
        except ValueError:
            return self.path.as_posix()

    @property
    def is_module(self) -> bool:
        return self.name.startswith("modules/") and self.name != "modules/index.md"

    @property
    def slug(self) -> str:
        """The page's name without `.md`: "modules/x"."""
        return self.name.removesuffix(".md")

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        first = next((h for h in self.outline.headings if h.level == 1), None)
        return first.text if first else Path(self.name).stem

    @property
    def pass_mark(self):
        return self.meta.get("pass_mark", PASS_MARK)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def outline(self) -> Outline:
        return scan(self.body, self.body_line)

    @cached_property
    def _quizzes(self) -> list[quiz.Quiz] | quiz.QuizError:
        try:
            return quiz.parse_body(self.body, self.body_line)
        except quiz.QuizError as error:
            return error

    @property
    def quizzes(self) -> list[quiz.Quiz]:
        """The page's quizzes (raises QuizError: the page's first quiz mistake)."""
        if isinstance(self._quizzes, quiz.QuizError):
            raise self._quizzes
        return self._quizzes

    @property
    def quiz_error(self) -> quiz.QuizError | None:
        return self._quizzes if isinstance(self._quizzes, quiz.QuizError) else None

    def line_of(self, key: str) -> int:
        """The line of a front matter key (1 when it is absent)."""
        return self.front.line_of(key)

    def line_containing(self, needle: str, default: int | None = None) -> int:
        """The first body line that contains `needle` (for errors found in rendered output)."""
        for offset, line in enumerate(self.body.split("\n")):
            if needle and needle in line.expandtabs(4):
                return self.body_line + offset
        return self.body_line if default is None else default


def read(root: Path, docs_dir: Path, path: Path) -> Page:
    relative = path.relative_to(docs_dir)
    return Page(
        root=root,
        path=path,
        language=relative.parts[0],
        name=Path(*relative.parts[1:]).as_posix(),
        text=path.read_text(encoding="utf-8-sig"),
    )
