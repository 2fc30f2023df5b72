"""Site-wide facts the rules share, computed once per version of the site."""

from pathlib import Path

import yaml

from ctip.glossary import termbase as termbase_file
from ctip.pages import Page, Site
from ctip.pages.render import render
from ctip.project import TERMBASE

ALLOWLIST = "content-allowlist.yml"


def _cached(site: Site, name: str, compute):
    cache = site.__dict__.setdefault("_check_cache", {})
    key = (name, site._version)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def allowed_contacts(site: Site) -> set[str]:
    def read() -> set[str]:
        path = Path(site.docs_dir).parent / ALLOWLIST
        if not path.exists():
            return set()
        return set(yaml.safe_load(path.read_text(encoding="utf-8")) or [])

    return _cached(site, "allowed", read)


def termbase(site: Site) -> tuple:
    path = site.docs_dir / TERMBASE
    return termbase_file.load(path) if path.exists() else ()


def first_question_use(site: Site) -> dict[tuple[str, str], tuple[Page, int]]:
    """(language, question id) -> the page and line where it is first used."""

    def compute():
        found = {}
        for page in site.pages:
            if page.meta_error or page.quiz_error:
                continue
            for one in page.quizzes:
                for question in one.questions:
                    found.setdefault((page.language, question.id), (page, question.line))
        return found

    return _cached(site, "questions", compute)


def anchors(site: Site, page: Page, language: str) -> set[str]:
    """The ids a link may name on `page`, as a reader of `language` gets it."""
    rendered = page.rendered.get(language) or page.rendered.get(page.language)
    if rendered is None:
        if page.meta_error or page.quiz_error:
            return set()  # it cannot be rendered: its own mistake is reported
        render(site, page, page.language)
        rendered = page.rendered[page.language]
    return rendered.ids


def character_owners(site: Site, language: str) -> dict[str, Page]:
    """First name -> the first module (in file order) of `language` that lists it."""

    def compute():
        owners: dict[str, Page] = {}
        for page in site.in_language(language):
            if page.is_module and not page.meta_error:
                for name in page.meta.get("characters") or []:
                    if isinstance(name, str):
                        owners.setdefault(name, page)
        return owners

    return _cached(site, f"characters/{language}", compute)
