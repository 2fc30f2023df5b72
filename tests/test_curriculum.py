"""The curriculum keeps its parts in every language: a later edit cannot quietly drop one."""

import re
from collections import defaultdict

import pytest
from conftest import ROOT

from ctip.pages import Site, course
from ctip.project import MODULE_BLOCKS
from ctip.quiz import strategies

pytestmark = pytest.mark.unit

SITE = Site.load(ROOT / "docs")
LANGUAGES = ("en", "ru", "tk")
MODULES = [(lang, module) for lang in LANGUAGES for module in course(SITE, lang).modules]
TOOLS = ("index", "indicator-card", "first-contact-checklist", "referral-pathway", "templates")


def ids(item) -> str:
    return f"{item[0]}-{item[1].slug.removeprefix('modules/')}"


def prose_words(page) -> int:
    """Words of the module before its quiz, outside slides and notes for trainers."""
    hidden = [
        range(block.line, (block.end or block.line) + 1)
        for block in page.outline.blocks
        if block.name in ("slide", "facilitator")
    ]
    quiz = page.quizzes[0].line if page.quizzes else 10**9
    return sum(
        len(re.findall(r"\w+", line))
        for number, line in page.outline.prose
        if number < quiz and not any(number in lines for lines in hidden)
    )


def test_seven_modules_numbered_one_to_seven_in_every_language():
    for lang in LANGUAGES:
        modules = course(SITE, lang).modules
        assert [m.number for m in modules] == list(range(1, 8)), lang
        assert all(m.page.language == lang for m in modules), lang


@pytest.mark.parametrize("item", MODULES, ids=ids)
def test_module_has_every_part(item):
    lang, module = item
    page = module.page
    for key in ("title", "description", "audiences", "duration", "last_reviewed", "sections"):
        assert key in page.meta, key
    kinds = {a.kind for a in page.outline.admonitions} | {b.name for b in page.outline.blocks}
    assert set(MODULE_BLOCKS) <= kinds
    assert "facilitator" in {b.name for b in page.outline.blocks}  # a block, not an admonition
    assert page.quizzes and len(page.quizzes[0].questions) >= 8
    last = [h for h in page.outline.headings if h.level == 2][-1]
    further = [line for number, line in page.outline.prose if number > last.line]
    assert sum(line.count("](https://") for line in further) >= 2


@pytest.mark.parametrize("item", MODULES, ids=ids)
def test_module_has_1800_words_of_prose(item):
    assert prose_words(item[1].page) >= 1800


@pytest.mark.parametrize("item", MODULES, ids=ids)
def test_module_has_a_deck_of_ten_to_twenty_authored_slides(item):
    slides = item[1].page.outline.named("slide")
    assert 10 <= len(slides) <= 20


@pytest.mark.parametrize("item", MODULES, ids=ids)
def test_module_links_the_sources_page(item):
    assert "sources.md" in item[1].page.body


@pytest.mark.parametrize("item", MODULES, ids=ids)
def test_no_surface_strategy_reaches_the_pass_mark(item):
    """Always the longest, the shortest, one position, "true", "false", the first k options of
    select-all questions, and every combination: each stays below the module's pass mark."""
    lang, module = item
    questions = [q for quiz in module.page.quizzes for q in quiz.questions]
    percent, how = strategies.best(questions)
    assert percent < module.pass_mark, f"{percent:.0f}% by {how}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tools_and_sources_exist_in_every_language(lang):
    for name in [*(f"tools/{tool}.md" for tool in TOOLS), "sources.md"]:
        page = SITE.page(lang, name)
        assert page is not None, name
        assert page.language == lang, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_first_name_is_used_for_two_people(lang):
    """Each module declares its scenarios' first names (front matter `characters`); a name
    belongs to one module, and each name declared is used on its page."""
    owners = defaultdict(list)
    for module in course(SITE, lang).modules:
        names = module.page.meta.get("characters") or []
        assert names, module.slug
        for name in names:
            owners[name].append(module.slug)
            assert re.search(rf"\b{re.escape(name[:4])}", module.page.body), (module.slug, name)
    assert {name: slugs for name, slugs in owners.items() if len(slugs) > 1} == {}


def test_learning_paths_cover_three_audiences_and_link_their_modules():
    paths = course(SITE, "en").paths
    assert {path.audience for path in paths} == {"consular", "ngo", "government"}
    for path in paths:
        for slug in path.modules:
            assert f"{slug.removeprefix('modules/')}.md" in path.page.body, (path.slug, slug)


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
