"""Search in a real browser: one index per language, stemming, Turkmen letters at word edges."""

import pytest
from browser_helpers import search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_url(search_site, serve):
    return serve(search_site)


def results(new_page, url: str, query: str) -> list[str]:
    page, log = new_page()
    page.goto(url)
    found = search(page, query)
    assert not log.failures and not log.errors, (log.failures, log.errors)
    return found


def test_english_reader_finds_english_pages_only(new_page, search_url):
    assert results(new_page, search_url, "zebrafish") == ["/"]
    assert results(new_page, search_url + "ru/", "zebrafish") == []
    assert results(new_page, search_url + "tk/", "zebrafish") == []


def test_english_search_stems(new_page, search_url):
    found = results(new_page, search_url + "help/", "exploiting")
    assert {"/", "/help/"} <= set(found)


def test_russian_results_stay_in_russian(new_page, search_url):
    found = results(new_page, search_url + "ru/help/", "жертв")
    assert set(found) == {"/ru/", "/ru/help/"}  # "жертвы" and "жертвам"


def test_russian_search_matches_other_word_endings(new_page, search_url):
    assert results(new_page, search_url + "ru/", "мигрантам") == ["/ru/"]  # text: "мигрантов"
    assert results(new_page, search_url + "ru/", "жертвами") != []


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("ýagdaýy", "/tk/"),
        ("üçin", "/tk/"),
        ("Türkmenistanyň", "/tk/help/"),
        ("şäherde", "/tk/help/"),
    ],
)
def test_turkmen_words_with_turkmen_letters_at_the_edges(new_page, search_url, query, page):
    assert results(new_page, search_url + "tk/", query) == [page]


def test_untranslated_fallback_is_not_in_another_languages_index(new_page, search_url):
    assert results(new_page, search_url, "lighthouse") == ["/only-english/"]
    assert results(new_page, search_url + "ru/", "lighthouse") == []
