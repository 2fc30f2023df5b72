"""The real site, built strictly, read as HTML: languages, switcher, hreflang, Turkmen chrome."""

from pathlib import Path

import pytest
from conftest import ROOT
from html_helpers import LANGUAGES, find, material_strings, pages, parse

pytestmark = pytest.mark.build

MATERIAL_LANGUAGES = (
    Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_language(site, language):
    built = pages(site, language)
    assert built
    for path in built:
        html = find(parse(path), "html")[0]
        assert html["lang"] == language, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_links_to_the_same_page_in_each_language(site, language):
    for path in pages(site, language):
        page = path.relative_to(site / LANGUAGES[language])
        links = {
            link["hreflang"]: link["href"]
            for link in find(parse(path), "a", class_="md-select__link")
        }
        assert set(links) == set(LANGUAGES), path
        for target_language, href in links.items():
            base = site if href.startswith("/") else path.parent
            target = (base / href.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target == (site / LANGUAGES[target_language] / page).resolve(), (path, href)


def translated(language: str, url_path: str) -> bool:
    """Whether docs/<language>/ has its own file for the page at `url_path`."""
    stem = url_path.rstrip("/") or "index"
    folder = ROOT / "docs" / language
    return (folder / f"{stem}.md").is_file() or (folder / stem / "index.md").is_file()


def test_hreflang_links_are_absolute_with_x_default_and_only_to_translations(site):
    for language in LANGUAGES:
        for path in pages(site, language):
            url_path = path.relative_to(site / LANGUAGES[language]).as_posix()
            url_path = url_path.removesuffix("index.html")
            links = {
                link["hreflang"]: link["href"]
                for link in find(parse(path), "link", rel="alternate")
            }
            if not translated(language, url_path):
                assert links == {}, path  # a fallback copy is no one's alternate
                continue
            expected = {"x-default": f"https://training.example.org/{url_path}"}
            for other, prefix in LANGUAGES.items():
                if translated(other, url_path):
                    expected[other] = f"https://training.example.org/{prefix}{url_path}"
            assert links == expected, path


def test_turkmen_partial_translates_every_key_of_materials_english():
    english = material_strings(MATERIAL_LANGUAGES / "en.html")
    turkmen = material_strings(ROOT / "overrides" / "partials" / "languages" / "tk.html")
    assert set(turkmen) == set(english)
    unchanged = {key for key in english if turkmen[key] == english[key]}
    # Codes and settings that are the same in every language.
    assert unchanged <= {"direction", "search.config.separator"}


def test_no_english_left_in_the_turkmen_chrome(site):
    english = material_strings(MATERIAL_LANGUAGES / "en.html")
    turkmen = material_strings(ROOT / "overrides" / "partials" / "languages" / "tk.html")
    chrome = [
        "action.skip",
        "header",
        "nav",
        "footer",
        "search.placeholder",
        "top",
        "toc",
        "select.language",
        "search.reset",
        "footer.next",
    ]
    for path in pages(site, "tk"):
        html = path.read_text(encoding="utf-8")
        for key in chrome:
            if english[key] in html:
                assert english[key] == turkmen[key], (path, english[key])
        assert turkmen["action.skip"] in html


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Page not found"), ("ru", "Страница не найдена"), ("tk", "Sahypa tapylmady")],
)
def test_each_language_has_its_own_404_page(site, language, title):
    page = site / LANGUAGES[language] / "404.html"
    elements = parse(page)
    assert find(elements, "html")[0]["lang"] == language
    assert title in "".join(elements.text)


def test_search_index_per_language(site):
    import json

    for language, prefix in LANGUAGES.items():
        index = json.loads((site / prefix / "search" / "search_index.json").read_text())
        assert index["docs"], language
        assert not any(doc["location"].startswith(("ru/", "tk/")) for doc in index["docs"])


@pytest.fixture(scope="module")
def fallback_site(search_site):
    return search_site


@pytest.mark.parametrize("language", ["ru", "tk"])
def test_untranslated_page_says_so_and_is_labelled_english(fallback_site, language):
    path = fallback_site / language / "only-english" / "index.html"
    elements = parse(path)
    assert find(elements, "html")[0]["lang"] == language  # the chrome is in the reader's language
    assert find(elements, "div", lang="en"), "the English content is not labelled lang=en"
    assert find(elements, "meta", name="robots", content="noindex")
    assert (
        find(elements, "link", rel="canonical")[0]["href"]
        == "https://training.example.org/only-english/"
    )
    assert find(elements, "aside", class_="ctip-notice")
    # The English original does not name the fallback copies as translations.
    original = parse(fallback_site / "only-english" / "index.html")
    assert {link["hreflang"] for link in find(original, "link", rel="alternate")} == {
        "en",
        "x-default",
    }
