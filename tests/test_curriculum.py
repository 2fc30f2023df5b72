"""The English curriculum keeps its parts: a later edit cannot quietly drop one."""

import re

import pytest
from conftest import ROOT

from ctip import quiz
from ctip.pages import Site
from ctip.project import MODULE_BLOCKS

pytestmark = pytest.mark.unit

SITE = Site.load(ROOT / "docs")
MODULES = [page for page in SITE.in_language("en") if page.is_module]


def prose_words(page) -> int:
    """Words of the module before its quiz (the quiz and further reading come last)."""
    words = 0
    for _, line in page.outline.prose:
        if line.strip().startswith("/// quiz"):
            break
        words += len(re.findall(r"\w+", line))
    return words


def test_modules_are_numbered_from_one_without_gaps():
    assert len(MODULES) >= 7
    assert sorted(page.meta["module"] for page in MODULES) == list(range(1, len(MODULES) + 1))


@pytest.mark.parametrize("page", MODULES, ids=lambda page: page.name)
def test_module_has_every_part(page):
    text = page.text
    for key in ("title", "description", "audiences", "duration", "last_reviewed", "pass_mark"):
        assert key in page.meta, key
    for block in MODULE_BLOCKS:
        # An admonition, or a trainer's block (`/// facilitator | Title`, ctip.blocks).
        assert re.search(rf"^\s*((!!!|\?\?\?) {block} |/// {block}\b)", text, re.M), block
    assert re.search(r'^!!! scenario "Scenario \(fictional\)', text, re.M)
    assert "## Further reading" in text
    further = text.split("## Further reading", 1)[1]
    assert len(re.findall(r"\]\(https://", further)) >= 2


@pytest.mark.parametrize("page", MODULES, ids=lambda page: page.name)
def test_module_has_at_least_1500_words_of_prose(page):
    assert prose_words(page) >= 1500


@pytest.mark.parametrize("page", MODULES, ids=lambda page: page.name)
def test_module_quiz_has_eight_questions_of_mixed_kinds(page):
    (module_quiz,) = quiz.parse_document(page.text)
    assert len(module_quiz.questions) >= 8
    assert len({question.kind for question in module_quiz.questions}) >= 3


def test_learning_paths_cover_three_audiences_and_link_modules():
    paths = [page for page in SITE.in_language("en") if page.name.startswith("paths/")]
    names = {page.name for page in paths}
    assert {"paths/consular.md", "paths/ngo.md", "paths/government.md"} <= names
    for page in paths:
        if page.name != "paths/index.md":
            assert len(set(re.findall(r"\.\./modules/([\w-]+)\.md", page.text))) >= 3, page.name


def test_no_phone_numbers_or_addresses_from_the_sources():
    """The sources name staff and give contacts; none of that may reach the site."""
    names = (
        "Fomina",
        "Atajanov",
        "Aktoprak",
        "Hajiev",
        "Hajiyev",
        "Mittal",
        "Berdiyeva",
        "Khudiyev",
        "Xudiyev",
        "Gjorgjiev",
        "488407",
        "gberdiyeva",
    )
    for page in SITE.pages:
        for name in names:
            assert name not in page.text, (page.display, name)
