"""The Russian and Turkmen editions on the real site: complete, consistent, and working."""

import json
import re

import pytest
from browser_helpers import answer_first_question, search
from conftest import ROOT
from html_helpers import LANGUAGES

from ctip import checks
from ctip.glossary import termbase
from ctip.pages import Site

TRANSLATIONS = ("ru", "tk")
TURKMEN_LETTERS = "äçňöşüýž"


def english_pages():
    return Site.load(ROOT / "docs").in_language("en")


@pytest.mark.unit
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_english_page_is_translated(language):
    missing = [
        page.name
        for page in english_pages()
        if not (ROOT / "docs" / language / page.name).is_file()
    ]
    assert missing == []


@pytest.mark.unit
def test_translations_keep_structure_quiz_ids_and_terms():
    """The content check compares each translation with its original (headings, blocks,
    quiz structure) and flags stray synonyms of the term base's terms."""
    problems = [str(p) for p in checks.check(ROOT) if "/en/" not in p.path and not p.warning]
    assert problems == []


@pytest.mark.unit
def test_turkmen_text_is_in_the_latin_alphabet():
    for page in Site.load(ROOT / "docs").pages:
        if page.language == "tk":
            cyrillic = re.findall(r"[\u0400-\u04ff]+", page.text)
            assert cyrillic == [], page.display


@pytest.mark.build
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_glossary_tooltips_in_the_page_language(site, language):
    expansions = termbase.abbreviations(termbase.load(ROOT / "docs" / "termbase.yml"), language)
    found = 0
    for path in (site / language / "modules").rglob("index.html"):
        for abbr, title in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', path.read_text())[
            :5
        ]:
            assert expansions.get(title) == abbr, (path, title)
            found += 1
    assert found


def pick(words, predicate):
    return next(word for word in words if predicate(word))


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site)


def index_words(site, language):
    index = json.loads((site / LANGUAGES[language] / "search" / "search_index.json").read_text())
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["text"])
        for word in re.findall(r"\w+", text):
            yield word, doc["location"].split("#")[0]


def russian_other_ending(words):
    """A plural genitive on some page ("мигрантов"), to be searched in the dative ("мигрантам")."""
    word, location = pick(words, lambda w: w[0].endswith("ов") and len(w[0]) > 7)
    return word[:-2] + "ам", location


def turkmen_letter_at_an_edge(words):
    def wanted(w):
        return len(w[0]) > 4 and (w[0][0].lower() in TURKMEN_LETTERS or w[0][-1] in TURKMEN_LETTERS)

    return pick(words, wanted)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "choose"), [("ru", russian_other_ending), ("tk", turkmen_letter_at_an_edge)]
)
def test_search_on_real_translated_pages(new_page, site, site_url, language, choose):
    query, location = choose(index_words(site, language))
    page, log = new_page()
    page.goto(f"{site_url}{language}/")
    found = search(page, query)
    assert f"/{language}/{location}" in found, (query, found)
    assert all(path.startswith(f"/{language}/") for path in found)
    assert not log.errors


@pytest.mark.browser
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_module_quiz_works_in_the_language(new_page, site_url, language):
    page, log = new_page()
    page.goto(f"{site_url}{language}/modules/identifying-victims/")
    answer_first_question(page, language)
    assert not log.errors and not log.failures
