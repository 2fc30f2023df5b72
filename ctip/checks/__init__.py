"""The content rules, shared by the content check (`ctip check`) and the build.

The build refuses what BUILD_RULES find, with the same `path:line: message` the check prints;
the check reports those and every other rule, after rendering each page as the build does.
"""

from dataclasses import dataclass
from pathlib import Path

from ctip.pages import Page, Site
from ctip.pages.render import render
from ctip.project import TERMBASE
from ctip.safety import fields, files
from ctip.ui_strings import STRINGS_FILE

from .rules import BUILD_RULES, RULES, WARNINGS, Rule


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False  # reported, but does not fail the check

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


def run(site: Site, pages: list[Page], rules: list[Rule], warning: bool = False) -> list[Problem]:
    found = {
        Problem(page.display, line, message, warning)
        for page in pages
        for rule in rules
        for line, message in rule(page, site)
    }
    return sorted(found)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def site_problems(site: Site) -> list[Problem]:
    """Files published as they are, and text that templates print as it is."""
    found = [
        Problem(_shown(path, site.root), line, message)
        for path, line, message in files.published(site.docs_dir)
    ]
    texts = [
        (site.docs_dir / TERMBASE, site.root, fields.yaml_file, "the term base"),
        (STRINGS_FILE, STRINGS_FILE.parents[1], fields.yaml_file, "a UI string"),
    ]
    for path, root, read, label in texts:
        found += [Problem(_shown(path, root), line, m) for line, m in read(path, label)]
    config = site.project.config_file
    found += [Problem(config.name, line, m) for line, m in fields.mkdocs_yml(config)]
    return found


def build_problems(site: Site) -> list[Problem]:
    """What the build refuses before it renders anything."""
    return sorted(set(run(site, site.pages, BUILD_RULES)) | set(site_problems(site)))


def check(root: Path, only: list[Path] | None = None) -> list[Problem]:
    """Every problem in root/docs (all pages, or only the given files; cross-page rules see all).

    Pages are rendered first, originals before translations, as the build renders them, so the
    anchors links name and the content the render refuses are known.
    """
    site = Site.load(root / "docs")
    wanted = {path.resolve() for path in only} if only else None
    pages = [p for p in site.pages if wanted is None or p.path.resolve() in wanted]
    for page in sorted(pages, key=lambda p: p.language != site.default_language):
        if not page.meta_error and not page.quiz_error and page.language not in page.rendered:
            render(site, page, page.language)
    problems = set(run(site, pages, RULES)) | set(run(site, pages, WARNINGS, warning=True))
    if only is None:
        problems |= set(site_problems(site))
    return sorted(problems)
