"""Search in a real browser: one index per language, stemming, Turkmen letters at word edges."""

import pytest
from browser_helpers import search
from conftest import build_fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_site(tmp_path_factory, serve):
    return serve(build_fixture("search", tmp_path_factory.mktemp("search") / "site"))


def results(new_page, url: str, query: str) -> list[str]:
    page, log = new_page()
    page.goto(url)
    found = search(page, query)
    assert not log.failures and not log.errors, (log.failures, log.errors)
    return found


def test_english_reader_finds_english_pages_only(new_page, search_site):
    assert results(new_page, search_site, "zebrafish") == ["/"]
    assert results(new_page, search_site + "ru/", "zebrafish") == []
    assert results(new_page, search_site + "tk/", "zebrafish") == []


def test_english_search_stems(new_page, search_site):
    found = results(new_page, search_site + "help/", "exploiting")
    assert {"/", "/help/"} <= set(found)


def test_russian_results_stay_in_russian(new_page, search_site):
    found = results(new_page, search_site + "ru/help/", "жертв")
    assert set(found) == {"/ru/", "/ru/help/"}  # "жертвы" and "жертвам"


def test_russian_search_matches_other_word_endings(new_page, search_site):
    assert results(new_page, search_site + "ru/", "мигрантам") == ["/ru/"]  # text: "мигрантов"
    assert results(new_page, search_site + "ru/", "жертвами") != []


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("ýagdaýy", "/tk/"),
        ("üçin", "/tk/"),
        ("Türkmenistanyň", "/tk/help/"),
        ("şäherde", "/tk/help/"),
    ],
)
def test_turkmen_words_with_turkmen_letters_at_the_edges(new_page, search_site, query, page):
    assert results(new_page, search_site + "tk/", query) == [page]


def test_untranslated_fallback_is_not_in_another_languages_index(new_page, search_site):
    assert results(new_page, search_site, "lighthouse") == ["/only-english/"]
    assert results(new_page, search_site + "ru/", "lighthouse") == []
