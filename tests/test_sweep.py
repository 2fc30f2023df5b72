"""Every reader, every state: one page of each kind (tests/page_kinds.py) in every language, at
desktop and phone widths, light and dark, with search open, a quiz answered, storage that throws
and storage that holds garbage. Zero axe-core violations, zero page errors, and search answers.

Each (kind, language) is visited in four combinations that together cover every width, palette
and state: a full cross product would take four times as long for little more.
"""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import search
from html_helpers import LANGUAGES
from page_kinds import KINDS, PAGE_KINDS, VIEWS

from ctip.sweep import AXE_OPTIONS, THROWS

CORRUPT = """if (!sessionStorage.getItem("ctip-corrupted")) {
    sessionStorage.setItem("ctip-corrupted", "1");
    localStorage.setItem("/.__palette", "{not json");
    localStorage.setItem("/.__search", "}");
    localStorage.setItem("ctip/ctip-training/2/seed", "{");
    localStorage.setItem("ctip/ctip-training/2/last", "[1,");
}"""
COMBINATIONS = [
    ("desktop-light-search", {"viewport": {"width": 1280, "height": 800}}, None),
    (
        "phone-dark-storage-throws",
        {"viewport": {"width": 375, "height": 740}, "color_scheme": "dark", "is_mobile": True},
        THROWS,
    ),
    (
        "desktop-dark-storage-corrupt",
        {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
        CORRUPT,
    ),
    ("phone-light-quiz-answered", {"viewport": {"width": 375, "height": 740}}, None),
]


@pytest.fixture(scope="module")
def url(site, serve):
    return serve(site)


def violations(page, options: dict | None = AXE_OPTIONS) -> list[str]:
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running' || "
        "a.effect?.getTiming().iterations === Infinity)"
    )
    found = Axe().run(page, options=options).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


def answer_a_question(page):
    question = page.locator(".ctip-question").first
    if not question.count():
        return
    question.locator("fieldset input").first.check()
    question.locator(".ctip-quiz__button--check").click()


def search_word(page) -> str:
    words = re.findall(r"\w{4,}", page.locator("h1").first.inner_text())
    return words[0] if words else "trafficking"


# What each view shows once it has started.
VIEW_READY = {"trainer": ".ctip-trainer-notice", "present": ".ctip-deck", "live-quiz": ".ctip-live"}
# A page of each kind, then each view on a page that has it ("module?present").
SWEPT = list(KINDS) + [f"{kind}{query}" for query, kind in VIEWS.items()]


@pytest.mark.browser
@pytest.mark.parametrize("combination", [name for name, _, _ in COMBINATIONS])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("swept", SWEPT)
def test_sweep(new_page, url, swept, language, combination):
    _, options, script = next(c for c in COMBINATIONS if c[0] == combination)
    kind, query = (swept.split("?", 1) + [""])[:2]
    page, log = new_page(**options)
    if script:
        page.add_init_script(script)
    page.goto(url + LANGUAGES[language] + KINDS[kind] + (f"?{query}" if query else ""))
    if query:
        # A view covers the page (the slides, the live quiz) or adds to it (trainer mode):
        # what it shows must pass on its own, in every width, palette and storage state.
        page.wait_for_selector(VIEW_READY[query], state="visible")
    elif combination.endswith("quiz-answered"):
        answer_a_question(page)
    found = violations(page)
    if not query or query == "trainer":
        word = search_word(page)
        assert search(page, word), f"search found nothing for {word!r}"
        if combination.endswith("search") or "-dark-" in combination:
            # The search dialog open, with results, light and dark. Target size is judged on the
            # page itself: the dialog covers the page's links, which axe would count as small.
            found += violations(page, options=None)
    assert found == []
    assert log.errors == []


@pytest.mark.build
def test_every_kind_of_page_is_swept(site):
    kinds = set()
    for path in site.rglob("*.html"):
        match = re.search(
            r'<script id="__ctip" type="application/json">(.*?)</script>',
            path.read_text(encoding="utf-8"),
            re.S,
        )
        if match:
            kind = json.loads(match.group(1))["page"].get("kind")
            if kind:
                kinds.add(kind)
    assert kinds - PAGE_KINDS.keys() == set()
    assert set(PAGE_KINDS.values()) <= KINDS.keys()
    assert set(VIEWS.values()) <= KINDS.keys()


@pytest.mark.browser
@pytest.mark.parametrize("state", ["storage-throws", "storage-corrupt"])
def test_material_keeps_working_when_storage_fails(new_page, url, state):
    """What blocked or corrupt storage used to break: the palette toggle, the contents that
    follow the page, and back-to-top."""
    page, log = new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(THROWS if state == "storage-throws" else CORRUPT)
    page.goto(url + KINDS["module"])
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== '{scheme}'")
    page.locator(".md-content h2[id]").nth(3).scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)
    page.wait_for_function(  # the contents follow the page: a later section is marked
        """() => [...document.querySelectorAll('.md-sidebar--secondary .md-nav__link--active')]
            .some(link => link.getAttribute('href') !== '#' + document.querySelector(
                '.md-content h2[id]').id)"""
    )
    page.mouse.wheel(0, -300)  # scrolling up shows back-to-top
    page.wait_for_selector(".md-top:not([hidden])")
    assert log.errors == []
