"""`ctip handbook`: the PDFs read back with pypdf, for the real docs/ and tests/fixtures/print.

Each is built once per session (conftest: `handbooks`, `print_pdfs`); the bad-input tests build
copies of the fixture in tmp_path and stop before rendering.
"""

import re
import shutil
from functools import cache
from pathlib import Path

import pypdf
import pytest
from conftest import FIXTURES, ROOT

from ctip import handbook
from ctip.handbook import content, files
from ctip.handbook.pdf import ProjectFetcher, css_text
from ctip.pages import Site, course
from ctip.ui_strings import translate

LANGUAGES = ("en", "ru", "tk")
FOOTER = {
    "en": "Page {page} of {pages}",
    "ru": "Страница {page} из {pages}",
    "tk": "Sahypa {page} / {pages}",
}
TURKMEN = "ÄÇŇÖŞÜÝŽäçňöşüýž"
PRINT_DOCS = FIXTURES / "print" / "docs"


@cache
def reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(path)


@cache
def texts(path: Path) -> tuple[str, ...]:
    """Each page's text, whitespace collapsed."""
    return tuple(" ".join(page.extract_text().split()) for page in reader(path).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def module_titles(docs: Path, language: str) -> list[tuple[int, str]]:
    return [(m.number, m.title) for m in course(Site.load(docs), language).modules]


def toc_pages(path: Path, titles: list[tuple[int | None, str]]) -> dict[str, int]:
    """The page the table of contents gives for each module ("3. Title ...... 22")."""
    pages = texts(path)
    toc = " ".join(text for text in pages[:6] if "...." in text)
    found = {}
    for number, title in titles:
        label = re.escape(flat(title) if number is None else f"{number}. {flat(title)}")
        match = re.search(rf"{label}[ .]*?\.{{3,}}[ .]*(\d+)", toc)
        assert match, f"{title!r} not in the contents of {path.name}"
        found[title] = int(match.group(1))
    return found


def fonts(path: Path) -> list[dict]:
    found = {}
    for page in reader(path).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[font["/BaseFont"]] = font
    return list(found.values())


# -- the real handbook, every language ------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_handbook_has_every_module_title_in_its_language(handbooks, language):
    result, folder = handbooks
    path = folder / f"handbook-{language}.pdf"
    pages = texts(path)
    titles = module_titles(ROOT / "docs", language)
    assert len(titles) == 7
    assert 30 <= len(pages) <= 300
    whole = " ".join(pages)
    for _, title in titles:
        assert flat(title) in whole, title
    assert path.stat().st_size <= 5 * 1024 * 1024
    assert (folder / f"answer-key-{language}.pdf").is_file()


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_contents_give_the_page_each_module_starts_on(handbooks, language):
    _, folder = handbooks
    path = folder / f"handbook-{language}.pdf"
    pages = texts(path)
    titles = module_titles(ROOT / "docs", language)
    starts = toc_pages(path, titles)
    assert sorted(starts.values()) == list(starts.values())
    for number, title in titles:
        start = starts[title]
        kicker = translate(language, "print.module", number=number)
        assert kicker.upper() in pages[start - 1].upper(), (title, start)
        assert flat(title) in pages[start - 1]
        if start > 1:
            assert kicker.upper() not in pages[start - 2].upper(), (title, start)


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_running_headers_carry_the_module_title_and_footers_the_page(handbooks, language):
    _, folder = handbooks
    path = folder / f"handbook-{language}.pdf"
    pages = texts(path)
    titles = module_titles(ROOT / "docs", language)
    starts = toc_pages(path, titles)
    glossary = Site.load(ROOT / "docs").shown(language, "glossary.md").title
    ends = [*list(starts.values())[1:], toc_pages(path, [(None, glossary)])[glossary]]
    for (_, title), start, end in zip(titles, starts.values(), ends, strict=True):
        for index in range(start - 1, end - 1):  # every page of the module
            assert flat(title) in pages[index], (title, index + 1)
    for index, text in enumerate(pages[2:], 3):
        assert FOOTER[language].format(page=index, pages=len(pages)) in text, index
    for index in (1, 2):  # the cover and the imprint
        assert FOOTER[language].format(page=index, pages=len(pages)) not in pages[index - 1]


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_metadata_language_tags_and_embedded_font(handbooks, language):
    result, folder = handbooks
    for name in (f"handbook-{language}.pdf", f"answer-key-{language}.pdf"):
        pdf = reader(folder / name)
        meta = pdf.metadata
        assert meta.title.startswith(
            Site.load(ROOT / "docs").project.language(language).site_name
            or "Counter-Trafficking Training"
        )
        assert meta.author == translate(language, "print.author")
        assert meta.subject
        root = pdf.trailer["/Root"]
        assert root["/Lang"] == language
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged
        found = fonts(folder / name)
        assert found
        for font in found:
            assert "DejaVu" in font["/BaseFont"], font["/BaseFont"]
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]  # embedded
    vendored = {path.name for path in (Path(handbook.__file__).parent / "fonts").glob("*.ttf")}
    assert vendored <= {path.name for path in result.fetched}
    assert not [
        path for path in result.fetched if path.suffix == ".ttf" and "fonts" not in path.parent.name
    ]
    assert result.refused == []


@pytest.mark.build
def test_letters_come_out_of_the_pdf_intact(handbooks, print_pdfs):
    _, folder = handbooks
    tk = " ".join(texts(folder / "handbook-tk.pdf"))
    source = " ".join(m.page.text for m in course(Site.load(ROOT / "docs"), "tk").modules)
    assert {c for c in TURKMEN if c in source} <= set(tk)
    assert "Ýagdaý" in tk and "Türkmenistan" in tk
    ru = " ".join(texts(folder / "handbook-ru.pdf"))
    assert "Страница" in ru and "МОДУЛЬ 1" in ru  # footers and module kickers in Russian
    assert "Содержание" in ru and "Страница 3 из" in ru
    _, fixture = print_pdfs
    fixture_tk = " ".join(texts(fixture / "handbook-tk.pdf"))
    assert set(TURKMEN) <= set(fixture_tk)
    assert "Harplar: Ää Çç Ňň Öö Şş Üü Ýý Žž." in fixture_tk
    assert "Буквы: Ёё Жж Щщ Ыы Юю Яя." in " ".join(texts(fixture / "handbook-ru.pdf"))


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_answer_key_matches_the_quiz_model(handbooks, language):
    _, folder = handbooks
    label = translate(language, "quiz.correct_answer")
    expected = [
        ", ".join(content.letter(i) for i, right in enumerate(question.correct) if right)
        for module in course(Site.load(ROOT / "docs"), language).modules
        for quiz in module.page.quizzes
        for question in quiz.questions
    ]
    key = " ".join(texts(folder / f"answer-key-{language}.pdf"))
    found = re.findall(rf"{re.escape(label)} ([A-Z](?:, [A-Z])*)", key)
    assert found == expected
    learner = " ".join(texts(folder / f"handbook-{language}.pdf"))
    assert label not in learner and translate(language, "quiz.explanation") not in learner


@pytest.mark.build
def test_missing_handout_pages_are_reported_not_fatal(handbooks):
    result, folder = handbooks
    site = Site.load(ROOT / "docs")
    for language in LANGUAGES:
        plan = files.planned(site, language)
        if plan.handouts:
            pdf = reader(folder / plan.handouts)
            assert len(pdf.pages) == len(files.HANDOUTS) - len(plan.missing_handouts)
        else:
            assert not (folder / f"handouts-{language}.pdf").exists()
        if plan.missing_handouts:
            assert any(note.startswith(f"{language}: no handout page") for note in result.notes)


# -- the fixture: handouts, slides, notes for trainers, links -------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_handouts_fit_one_page_each(print_pdfs, language):
    result, folder = print_pdfs
    pages = texts(folder / f"handouts-{language}.pdf")
    assert len(pages) == 3
    site = Site.load(PRINT_DOCS)
    for text, name in zip(pages, files.HANDOUTS, strict=True):
        assert flat(site.shown(language, name).title) in text
    if language == "tk":  # not translated: the English page, with the notice in Turkmen
        assert "First-contact checklist" in pages[1]
        assert translate("tk", "page.untranslated", language="Türkmençe") in pages[1]
    assert {"referral-pathway.svg"} <= {path.name for path in result.fetched}


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_slides_one_landscape_page_each_without_speaker_notes(print_pdfs, language):
    _, folder = print_pdfs
    path = folder / f"slides-alpha-{language}.pdf"
    pages = texts(path)
    assert len(pages) == 2
    for page in reader(path).pages:
        assert page.mediabox.width > page.mediabox.height
    titles = [
        block.argument
        for block in Site.load(PRINT_DOCS).page(language, "modules/alpha.md").outline.named("slide")
    ]
    for text, title in zip(pages, titles, strict=True):
        assert title in text
    assert "SPEAKER-NOTE" not in " ".join(pages)
    assert not (folder / f"slides-beta-{language}.pdf").exists()  # beta has no slides


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_notes_for_trainers_and_speaker_notes_only_in_the_answer_key(print_pdfs, language):
    _, folder = print_pdfs
    learner = " ".join(texts(folder / f"handbook-{language}.pdf"))
    key = " ".join(texts(folder / f"answer-key-{language}.pdf"))
    for marker in (
        "FACILITATOR-ADMONITION-ALPHA",
        "FACILITATOR-BLOCK-ALPHA",
        "FACILITATOR-ADMONITION-BETA",
    ):
        assert marker in key and marker not in learner
    # A slide's speaker notes are the trainer's too, under the slide they belong to.
    assert "SPEAKER-NOTE-ALPHA" in key and "SPEAKER-NOTE" not in learner
    slide = Site.load(PRINT_DOCS).page(language, "modules/alpha.md").outline.named("slide")[0]
    label = translate(language, "notes.speaker", title=slide.argument.strip())
    assert label in " ".join(key.split())
    assert "ALPHA-DISCUSSION" in learner  # a scenario's folded discussion prints open
    assert learner.count("☐") == 3 + 4 + 2 + 3 + 3  # every choice has an empty box
    assert "☐" not in key


@pytest.mark.build
def test_links_print_their_address_and_abbreviations_are_spelled_out(print_pdfs):
    _, folder = print_pdfs
    en = " ".join(texts(folder / "handbook-en.pdf"))
    assert "(https://www.iom.int/)" in en
    assert "NRM (National Referral Mechanism)" in en
    assert "IOM (International Organization for Migration)" not in en  # spelled out beside it
    assert "НМП (Национальный механизм перенаправления)" in " ".join(
        texts(folder / "handbook-ru.pdf")
    )
    inside = []
    for page in reader(folder / "handbook-en.pdf").pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A") or {}
            if "/URI" in action:
                assert action["/URI"].startswith("https://"), action["/URI"]
            elif "/Dest" in annotation or "/D" in action:
                inside.append(annotation)
    assert inside  # the contents, and links between modules, point inside the PDF


# -- bad input, refusals, the command ----------------------------------------------------------


def copy_fixture(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "print", root)
    return root


@pytest.mark.build
def test_a_page_that_fails_the_check_stops_everything(tmp_path, capsys):
    root = copy_fixture(tmp_path)
    page = root / "docs" / "ru" / "modules" / "beta.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("    id: pb-consent\n", ""), encoding="utf-8")
    line = text.splitlines().index("    id: pb-consent")  # the question line before it
    output = tmp_path / "out"
    code = handbook.main(["--root", str(root), "--output", str(output)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"docs/ru/modules/beta.md:{line}:" in err, err
    assert not output.exists() or not any(output.iterdir())  # no PDF, not even a partial one


@pytest.mark.build
def test_a_handout_too_long_for_one_page_stops_with_its_path(tmp_path):
    root = copy_fixture(tmp_path)
    card = root / "docs" / "en" / "tools" / "indicator-card.md"
    card.write_text(
        card.read_text(encoding="utf-8") + "".join(f"\n- Sign number {n}." for n in range(400)),
        encoding="utf-8",
    )
    output = tmp_path / "out"
    with pytest.raises(handbook.HandbookError) as error:
        handbook.build(root, ["en"], output)
    assert error.value.problems[0].startswith("docs/en/tools/indicator-card.md:1: ")
    assert list(output.iterdir()) == []  # nothing written, nothing half-written


@pytest.mark.unit
def test_the_fetcher_refuses_what_is_not_the_projects(tmp_path):
    fetcher = ProjectFetcher(tmp_path)
    for url in (
        "https://example.org/font.ttf",
        "http://127.0.0.1/x.png",
        "file:///etc/passwd",
        f"{(tmp_path.parent / 'elsewhere.svg').as_uri()}",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4
    (tmp_path / "ok.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    fetcher.fetch((tmp_path / "ok.svg").as_uri()).close()
    assert fetcher.fetched == [(tmp_path / "ok.svg").resolve()]


@pytest.mark.unit
def test_page_footer_strings_become_css():
    assert css_text(translate("tk", "print.page")) == '"Sahypa " counter(page) " / " counter(pages)'
    assert css_text(translate("ru", "print.page")) == (
        '"Страница " counter(page) " из " counter(pages)'
    )
    assert css_text('a "b" \\') == '"a \\"b\\" \\\\"'
    for language in LANGUAGES:
        assert translate(language, "print.page") == FOOTER[language]


@pytest.mark.unit
def test_unknown_language_is_refused(tmp_path, capsys):
    code = handbook.main(
        ["--root", str(FIXTURES / "print"), "--lang", "xx", "--output", str(tmp_path)]
    )
    assert code == 1
    assert "unknown language xx" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.unit
def test_planned_files_name_what_the_site_links_to():
    plan = files.planned(Site.load(PRINT_DOCS), "tk")
    assert plan.names == [
        "handbook-tk.pdf",
        "answer-key-tk.pdf",
        "handouts-tk.pdf",
        "slides-alpha-tk.pdf",
    ]
    assert plan.missing_handouts == []  # tk's checklist is the English page


@pytest.mark.unit
def test_the_pages_workflow_publishes_the_pdfs_and_the_zip_has_them():
    workflow = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    steps = [
        'CTIP_DOWNLOADS: "true"',
        "mkdocs build --strict -d site",
        "ctip handbook --output site/downloads",
        "ctip offline --downloads site/downloads",
        "upload-pages-artifact",
    ]
    positions = [workflow.index(step) for step in steps]
    assert positions == sorted(positions)
