"""Every page of docs/, read once per process and again only when its file changes.

`Site.load(docs_dir)` returns the same Site for the same folder for as long as the process
lives (a build, every language pass of static-i18n, a `mkdocs serve` session, a tool run), and
re-reads only the files whose size or modification time changed since. The Markdown extension
finds the page it is rendering with `page_for(body)`, from the text it is given, so it needs no
event of the host that runs it (MkDocs today, its successor tomorrow).
"""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ctip import project as project_settings

from . import page as page_module
from .page import Page, body_key

reads = 0  # page files read (tests count them)
_sites: dict[Path, "Site"] = {}


@dataclass(frozen=True)
class _Stamp:
    size: int
    mtime: int


class Site:
    def __init__(self, docs_dir: Path, project: project_settings.Project):
        self.docs_dir = docs_dir
        self.project = project
        self.root = docs_dir.parent  # paths are shown relative to it: docs/ru/x.md
        self._pages: dict[Path, tuple[_Stamp, Page]] = {}
        self._version = 0

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, docs_dir: Path | str, config_file: Path | None = None) -> "Site":
        """The Site of `docs_dir`, brought up to date with the files on disk."""
        docs_dir = Path(docs_dir).resolve()
        site = _sites.get(docs_dir)
        project = _project_for(docs_dir, config_file)
        if site is None or site.project != project:
            site = _sites[docs_dir] = cls(docs_dir, project)
        site.refresh()
        return site

    def refresh(self) -> None:
        global reads
        found: dict[Path, tuple[_Stamp, Page]] = {}
        for path in sorted(self.docs_dir.glob("*/**/*.md")):
            stat = path.stat()
            stamp = _Stamp(stat.st_size, stat.st_mtime_ns)
            known = self._pages.get(path)
            if known is not None and known[0] == stamp:
                found[path] = known
            else:
                reads += 1
                found[path] = (stamp, page_module.read(self.root, self.docs_dir, path))
        if found.keys() != self._pages.keys() or any(
            found[path][1] is not self._pages[path][1] for path in found
        ):
            self._pages = found
            self._version += 1
            self.__dict__.pop("_index", None)
            self.__dict__.pop("_by_body", None)

    # -- lookups -------------------------------------------------------------------------------

    @property
    def pages(self) -> list[Page]:
        return [page for _, page in self._pages.values()]

    @property
    def default_language(self) -> str:
        return self.project.default_language

    @cached_property
    def _index(self) -> dict[tuple[str, str], Page]:
        return {(page.language, page.name): page for page in self.pages}

    @cached_property
    def _by_body(self) -> dict[str, list[Page]]:
        found: dict[str, list[Page]] = {}
        for page in self.pages:
            found.setdefault(page.key, []).append(page)
        return found

    def at(self, path: Path) -> Page | None:
        """The page of a file."""
        known = self._pages.get(path)
        return known[1] if known else None

    def page(self, language: str, name: str) -> Page | None:
        return self._index.get((language, name))

    def original(self, page: Page) -> Page | None:
        """The default-language page a translation is made from (None for an original)."""
        if page.language == self.default_language:
            return None
        return self.page(self.default_language, page.name)

    def shown(self, language: str, name: str) -> Page | None:
        """The page a reader of `language` gets at `name`: the translation, or the original."""
        return self.page(language, name) or self.page(self.default_language, name)

    def page_for(self, body: str, language: str | None = None) -> Page | None:
        """The page whose body is `body` (the one in `language` if several share it)."""
        candidates = self._by_body.get(body_key(body)) or []
        for page in candidates:
            if language is None or page.language == language:
                return page
        return candidates[0] if candidates else None

    def in_language(self, language: str) -> list[Page]:
        return [page for page in self.pages if page.language == language]

    def file_line(self, path: Path, line: int = 1) -> str:
        try:
            shown = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            shown = path.as_posix()
        return f"{shown}:{line}"


def _project_for(docs_dir: Path, config_file: Path | None) -> project_settings.Project:
    """The project a docs folder belongs to: the given mkdocs.yml, else the one beside docs/."""
    if config_file is None:
        beside = docs_dir.parent / "mkdocs.yml"
        config_file = beside if beside.exists() else project_settings.CONFIG_FILE
    return project_settings.load(config_file)


def registered(docs_dir: Path | str) -> Site | None:
    """The Site already loaded for `docs_dir` in this process, without touching the disk."""
    return _sites.get(Path(docs_dir).resolve())
