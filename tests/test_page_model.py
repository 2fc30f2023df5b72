"""The page model: each page read and parsed once per build, re-read only when it changes."""

import shutil

import pytest
import yaml
from conftest import FIXTURES, ROOT, default_language_nav

from ctip import checks, frontmatter
from ctip.pages import Site, course
from ctip.pages import site as site_module
from ctip.quiz import parser


def counts() -> tuple[int, int, int]:
    return site_module.reads, parser.parses, frontmatter.loads


@pytest.mark.build
def test_a_build_reads_and_parses_each_page_once(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "quiz" / "docs", docs)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(
            {
                "INHERIT": str(ROOT / "mkdocs.yml"),
                "docs_dir": str(docs),
                "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
                "nav": default_language_nav(docs),
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    files = list(docs.glob("*/**/*.md"))
    pages = len(files)
    with_front_matter = sum(path.read_text(encoding="utf-8").startswith("---") for path in files)
    before = counts()
    build(load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True))
    reads, parses, loads = (after - start for after, start in zip(counts(), before, strict=True))
    # Three languages are built, each page rendered in its own pass (and English as fallback):
    assert (reads, parses, loads) == (pages, pages, with_front_matter)
    # The content check in the same process reads and parses nothing again.
    before = counts()
    checks.check(tmp_path)  # (the fixture is not a complete site: it has problems)
    assert counts() == before


@pytest.mark.unit
def test_an_edit_rereads_only_that_file(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "quiz" / "docs", docs)
    site = Site.load(docs)
    first = {page.path: page for page in site.pages}
    edited = docs / "ru" / "quiz.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    before = site_module.reads
    assert Site.load(docs) is site
    assert site_module.reads == before + 1
    for page in site.pages:
        assert (page is first[page.path]) is (page.path != edited)


@pytest.mark.unit
def test_the_extension_finds_its_page_from_the_text(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "quiz" / "docs", docs)
    site = Site.load(docs)
    english, russian = site.page("en", "quiz.md"), site.page("ru", "quiz.md")
    assert site.page_for(english.body) is english
    assert site.page_for(russian.body + "\n\n", "ru") is russian  # as MkDocs passes it
    assert site.page_for("# Not a page of the site\n") is None


@pytest.mark.unit
def test_the_course_in_each_language():
    site = Site.load(ROOT / "docs")
    for language in ("en", "ru", "tk"):
        modules = course(site, language).modules
        assert [module.number for module in modules] == sorted(m.number for m in modules)
        assert all(module.page.language == language for module in modules)
        assert all(module.question_ids for module in modules)
    english, russian = course(site, "en").modules[0], course(site, "ru").modules[0]
    assert english.slug == russian.slug and english.title != russian.title
    assert english.question_ids == russian.question_ids


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "body_line", "data"),
    [
        ("---\ntitle: T\n---\n\n\n# T\n", 6, {"title": "T"}),
        ("---\n---\n\n# T\n", 1, {}),  # empty: MkDocs keeps it in the body
        ("# T\n", 1, {}),
    ],
)
def test_front_matter_splits_where_mkdocs_does(text, body_line, data):
    from mkdocs.utils import meta

    front = frontmatter.split(text)
    body, mkdocs_data = meta.get_data(text)
    assert (front.body, front.data, front.body_line) == (body, mkdocs_data, body_line)
    assert front.data == data
