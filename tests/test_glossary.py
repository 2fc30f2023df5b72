"""The term base drives the glossary page and the abbreviation tooltips in each language."""

import markdown
import pytest
from conftest import ROOT

from ctip.glossary import termbase

pytestmark = pytest.mark.unit

TERMBASE = ROOT / "docs" / "termbase.yml"


def render(text: str, lang: str) -> str:
    md = markdown.Markdown(
        extensions=["ctip.glossary.markdown_ext"],
        extension_configs={"ctip.glossary.markdown_ext": {"termbase": str(TERMBASE), "lang": lang}},
    )
    return md.convert(text)


def test_every_entry_has_every_language():
    for entry in termbase.load(TERMBASE):
        for lang in ("en", "ru", "tk"):
            assert entry.term.get(lang) and entry.definition.get(lang), (entry.id, lang)


def test_abbreviations_become_tooltips_in_the_page_language():
    assert render("The NRM and IOM.", "en") == (
        '<p>The <abbr title="National Referral Mechanism">NRM</abbr> and '
        '<abbr title="International Organization for Migration">IOM</abbr>.</p>'
    )
    assert '<abbr title="Международная организация по миграции">МОМ</abbr>' in render("МОМ", "ru")
    assert '<abbr title="Halkara migrasiýa guramasy">HMG</abbr>' in render("HMG", "tk")


def test_glossary_block_lists_every_term_in_the_language():
    entries = termbase.load(TERMBASE)
    for lang in ("en", "ru", "tk"):
        html = render("/// glossary\n///\n", lang)
        assert html.count("<dt ") == len(entries)
        for entry in entries:
            assert f'id="term-{entry.id}"' in html
        assert entries[0].definition[lang][:40] in html
