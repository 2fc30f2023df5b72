"""The site and print: "Print and PDF" links, the offline edition's PDFs, and a page printed by
Chromium (Ctrl+P) showing the content only."""

import io
import re
from pathlib import Path

import pypdf
import pytest
from conftest import ROOT

from ctip.pages import Site, course
from ctip.ui_strings import translate

MODULE = "ru/modules/understanding-trafficking/index.html"


def downloads_block(html: str) -> str:
    match = re.search(r'<aside class="ctip-downloads".*?</aside>', html, re.S)
    assert match, "no 'Print and PDF' block"
    return match.group(0)


@pytest.mark.build
def test_a_build_without_the_pdfs_says_so_instead_of_linking(site):
    for page, language in (("index.html", "en"), ("tk/index.html", "tk"), (MODULE, "ru")):
        block = downloads_block((site / page).read_text(encoding="utf-8"))
        assert "<a " not in block
        assert translate(language, "print.downloads_missing") in block
    assert "ctip-downloads" not in (site / "about" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_offline_edition_links_the_pdfs_of_each_language(offline_site):
    for language, prefix in (("en", ""), ("ru", "ru/"), ("tk", "tk/")):
        home = offline_site / prefix / "index.html"
        block = downloads_block(home.read_text(encoding="utf-8"))
        links = re.findall(r'href="([^"]+\.pdf)"', block)
        assert any(link.endswith(f"handbook-{language}.pdf") for link in links), links
        assert any(link.endswith(f"answer-key-{language}.pdf") for link in links), links
        for link in links:
            target = (home.parent / link).resolve()
            assert target.is_file(), link
            assert pypdf.PdfReader(target).pages
        module = offline_site / prefix / "modules" / "identifying-victims.html"
        links = re.findall(r'href="([^"]+\.pdf)"', downloads_block(module.read_text("utf-8")))
        assert [Path(link).name for link in links] == [
            f"handbook-{language}.pdf",
            f"slides-identifying-victims-{language}.pdf",
        ]
        for link in links:
            assert pypdf.PdfReader((module.parent / link).resolve()).pages


@pytest.mark.browser
def test_a_module_page_prints_content_only_with_link_addresses(site, serve, new_page):
    base = serve(site)
    page, log = new_page()
    page.goto(base + MODULE)
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".ctip-downloads",
        ".ctip-answer",
        ".md-typeset .facilitator",
    ):
        locator = page.locator(selector)
        assert locator.count() == 0 or not locator.first.is_visible(), selector
    visible_buttons = page.evaluate(
        "() => [...document.querySelectorAll('button, .md-button, [role=button]')]"
        ".filter(b => b.getClientRects().length > 0).map(b => b.outerHTML)"
    )
    assert visible_buttons == []
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-typeset a[href^=\"https\"]'),"
        " '::after').content"
    )
    assert "attr(href)" in after or "https://" in after, after
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    ru = course(Site.load(ROOT / "docs"), "ru")
    title = ru.module("modules/understanding-trafficking").title
    assert title in text
    assert "(https://www.ohchr.org/" in text  # a link's address is printed
    assert translate("ru", "quiz.check") not in text  # no quiz buttons
    assert translate("ru", "quiz.explanation") not in text  # no answers
    assert "Заметки для ведущего" not in text and "Facilitator notes" not in text
    other = ru.module("modules/digital-outreach").title
    assert other not in text  # no navigation
    assert not log.errors, log.errors
