"""The trainer toolkit in Chromium, from file:// as the offline zip is used: trainer mode, the
planner, the presentation with its presenter window, and the live quiz, in every language."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import search
from conftest import ROOT
from html_helpers import LANGUAGES
from test_trainer import NOTE_WORDS, fixture_course

from ctip.pages import Site, course
from ctip.trainer import schedule as plan
from ctip.ui_strings import strings_for

pytestmark = pytest.mark.browser

SCREEN = {"width": 1280, "height": 720}
OVERFLOWS = """() => {
    const box = document.querySelector('.ctip-deck .ctip-slide-frame__slide');
    const page = document.documentElement;
    return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1
        || page.scrollWidth > innerWidth;
}"""


def axe_violations(page) -> list[str]:
    """axe-core's violations. Under file:// axe cannot fetch stylesheets to preload the CSSOM
    (the browser refuses, with console errors); only css-orientation-lock reads it."""
    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]
    ]


def url(site, language: str, path: str, query: str = "") -> str:
    return (site / LANGUAGES[language] / path).as_uri() + query


def t(language: str, key: str, **values) -> str:
    text = strings_for(language)[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def only_files(log) -> None:
    assert [request for request in log.requests if not request.startswith("file://")] == []
    assert log.failures == [] and log.errors == [], (log.failures, log.errors)


@pytest.mark.parametrize("language", LANGUAGES)
def test_learners_see_no_notes_and_search_finds_none(new_page, trainer_site, language):
    page, log = new_page()
    page.goto(url(trainer_site, language, "modules/alpha.html"))
    page.wait_for_selector(".ctip-trainer-toggle button")
    assert NOTE_WORDS[language] not in page.locator("body").inner_text()
    assert page.locator(".ctip-facilitator").first.is_hidden()
    assert page.locator(".ctip-trainer-panel").is_hidden()
    assert page.locator("details.answer").first.get_attribute("open") is None
    assert search(page, NOTE_WORDS[language]) == []
    page.goto(url(trainer_site, language, "modules/alpha.html"))
    heading = page.locator("h1").first.inner_text().replace("¶", "").split()[0]
    assert search(page, heading)  # search itself works
    only_files(log)


def test_trainer_mode_survives_reload_and_a_change_of_language(new_page, trainer_site):
    page, log = new_page()
    page.goto(url(trainer_site, "en", "modules/alpha.html"))
    toggle = page.locator(".ctip-trainer-toggle button")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert toggle.get_attribute("aria-label") == t("en", "trainer.mode")
    toggle.click()

    def shows_trainer_mode(language):
        assert toggle.get_attribute("aria-pressed") == "true"
        assert toggle.get_attribute("aria-label") == t(language, "trainer.mode")
        assert NOTE_WORDS[language] in page.locator("body").inner_text()
        assert page.locator(
            "article > aside.ctip-facilitator, article > div > aside.ctip-facilitator"
        ).first.is_visible()
        assert page.locator(".ctip-trainer-panel table").is_visible()
        notice = page.locator(".ctip-trainer-notice")
        assert t(language, "trainer.not_secret") in notice.inner_text()
        assert page.locator("details.answer").first.get_attribute("open") == ""
        assert page.locator(".ctip-answer").first.is_visible()

    shows_trainer_mode("en")
    page.reload()
    shows_trainer_mode("en")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('a.md-select__link[hreflang="ru"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/ru/modules/alpha.html")
    shows_trainer_mode("ru")
    page.get_by_role("button", name=t("ru", "trainer.turn_off")).click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.locator(".ctip-facilitator").first.is_hidden()
    assert page.locator("details.answer").first.get_attribute("open") is None
    assert page.locator(".ctip-answer").first.is_hidden()
    page.goto(url(trainer_site, "tk", "index.html"))
    assert toggle.get_attribute("aria-pressed") == "false"
    page.goto(url(trainer_site, "tk", "index.html", "?trainer"))
    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(url(trainer_site, "tk", "modules/beta.html"))
    shows_trainer_mode("tk")
    only_files(log)


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainer_views_have_no_axe_violations(new_page, trainer_site, language):
    page, log = new_page()
    for path, query in (("modules/alpha.html", "?trainer"), ("trainer/index.html", "")):
        page.goto(url(trainer_site, language, path, query))
        page.wait_for_selector(".ctip-trainer-notice:not([hidden])")
        assert axe_violations(page) == [], path
    only_files(log)


def agenda_times(language: str, start: int) -> list[str]:
    """The clock times the learning path's agenda should show, from `start` minutes."""
    site, view = fixture_course(language)
    rows = []
    for one in plan.sequence(site, plan.path_modules(view, view.paths[0]), start):
        rows.append(one.start)
        rows.extend(row.start for row in one.rows)
        end = one.end
    rows.append(end)

    def written(minutes):
        hours, minutes = divmod(minutes, 60)
        if language == "en":
            return f"{(hours - 1) % 12 + 1}:{minutes:02d} {'AM' if hours < 12 else 'PM'}"
        return f"{hours}:{minutes:02d}" if language == "ru" else f"{hours:02d}:{minutes:02d}"

    return [written(minutes) for minutes in rows]


@pytest.mark.parametrize(
    ("language", "day"),
    [
        ("en", "Tuesday, December 1, 2026"),
        ("ru", "вторник, 1 декабря 2026 г."),
        ("tk", "1 dekabr 2026 sişenbe"),
    ],
)
def test_the_planner_makes_an_agenda_from_a_start_time(new_page, trainer_site, language, day):
    page, log = new_page()
    page.goto(url(trainer_site, language, "trainer/planner.html"))
    page.wait_for_selector(".ctip-agenda:not([hidden])")
    page.select_option("#ctip-planner-preset", "paths/first")
    page.fill("#ctip-planner-start", "14:30")
    page.fill("#ctip-planner-date", "2026-12-01")
    times = agenda_times(language, 14 * 60 + 30)
    shown = page.locator(".ctip-agenda .ctip-schedule__time").all_inner_texts()
    assert shown == times
    assert page.locator(".ctip-agenda__when").inner_text() == f"{day}, {times[0]}–{times[-1]}"
    totals = t(language, "schedule.totals_break", total=130, teaching=75, exercises=45, pause=10)
    assert page.locator(".ctip-agenda .ctip-schedule__totals").inner_text() == totals
    labels = page.locator(".ctip-agenda .ctip-schedule__module a").all_inner_texts()
    _, view = fixture_course(language)
    assert labels == [
        t(language, "schedule.module", number=plan.ordinal(language, m.number), title=m.title)
        for m in (view.module("modules/beta"), view.module("modules/alpha"))
    ]  # the path's order
    page.uncheck("#ctip-planner-modules-alpha")
    assert page.locator(".ctip-agenda tfoot .ctip-schedule__time").inner_text() == times[8]
    page.check("#ctip-planner-modules-alpha")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    assert page.locator(".ctip-planner__form").is_hidden()
    assert page.locator(".ctip-planner__defaults").is_hidden()
    assert page.locator(".ctip-agenda").is_visible()
    only_files(log)


def deck(page) -> dict:
    return page.evaluate(
        """() => { const deck = ctipPresent.current();
            return deck && {index: deck.index, slides: deck.list.map(
                s => ({title: s.title, anchor: s.anchor, authored: !!s.authored}))}; }"""
    )


@pytest.mark.parametrize("module", ["alpha", "beta"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_present_each_module(new_page, trainer_site, language, module):
    scheme = "dark" if module == "beta" else "light"
    page, log = new_page(viewport=SCREEN, color_scheme=scheme)
    page.goto(url(trainer_site, language, f"modules/{module}.html", "?present"))
    page.wait_for_selector(".ctip-deck")
    slides = deck(page)["slides"]
    authored = [slide for slide in slides if slide["authored"]]
    assert len(authored) >= 10
    assert len(authored) == page.locator("section.ctip-slide").count()
    headings = page.eval_on_selector_all(
        ".md-content__inner h2[id]", "headings => headings.map(h => h.id)"
    )
    assert {slide["anchor"] for slide in slides} - {None} == set(headings)  # every section
    total = len(slides)
    counter = page.locator(".ctip-deck__counter")
    assert counter.inner_text().startswith(t(language, "present.counter", number=1, total=total))
    for key, number in [
        ("ArrowRight", 2), ("Space", 3), ("PageDown", 4), ("ArrowLeft", 3), ("PageUp", 2),
        ("End", total), ("Home", 1),
    ]:  # fmt: skip
        page.keyboard.press(key)
        assert deck(page)["index"] == number - 1, key
        assert page.url.endswith(f"?present={number}")
    assert axe_violations(page) == []
    others = page.locator(".ctip-deck__languages a")
    assert others.count() == 2
    for link in others.all():
        target = link.get_attribute("href")
        assert target.endswith("?present=1") and link.get_attribute("hreflang") in LANGUAGES
    for number in range(total):
        assert not page.evaluate(OVERFLOWS), slides[number]["title"]
        page.keyboard.press("ArrowRight")
    # Esc returns to the page at the section of the slide shown.
    anchor = headings[1]
    target = next(i for i, slide in enumerate(slides) if slide["anchor"] == anchor)
    page.keyboard.press("Home")
    for _ in range(target):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert page.locator(".ctip-deck").count() == 0
    assert page.url.endswith(f"{module}.html#{anchor}")
    assert page.evaluate("() => document.activeElement.id") == anchor
    top = page.locator(f"#{anchor}").bounding_box()["y"]
    assert 0 <= top < SCREEN["height"] / 2
    only_files(log)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_presenter_window_follows_the_audience_window(new_page, trainer_site, language):
    page, log = new_page(viewport=SCREEN)
    page.goto(url(trainer_site, language, "modules/beta.html", "?present=2"))
    page.wait_for_selector(".ctip-deck")
    with page.context.expect_page() as opened:
        page.keyboard.press("p")
    presenter = opened.value
    presenter.set_viewport_size(SCREEN)
    presenter.wait_for_selector(".ctip-deck--presenter")
    slides = deck(page)["slides"]
    assert deck(presenter)["index"] == 1
    assert NOTE_WORDS[language] in presenter.locator(".ctip-presenter__notes").inner_text()
    next_title = presenter.locator(".ctip-presenter__next .ctip-slide-frame__title").inner_text()
    assert next_title == slides[2]["title"]
    planned = presenter.locator(".ctip-presenter__planned").inner_text()
    ten = t(language, "schedule.minutes_value", minutes=10)
    assert planned == t(language, "present.planned") + f": 00:00–00:10 ({ten})"
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d", presenter.locator(".ctip-presenter__elapsed").inner_text()
    )
    assert axe_violations(presenter) == []
    follows = "(index) => ctipPresent.current().index === index"
    page.keyboard.press("ArrowRight")
    presenter.wait_for_function(follows, arg=2)
    presenter.keyboard.press("End")
    page.wait_for_function(follows, arg=len(slides) - 1)
    presenter.keyboard.press("Home")
    page.wait_for_function(follows, arg=0)
    assert page.url.endswith("?present=1")
    with presenter.expect_event("close"):  # Esc: the presenter window closes itself
        presenter.evaluate(
            "() => setTimeout(() => dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})))"
        )
    only_files(log)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_live_quiz_with_the_keyboard_only(new_page, trainer_site, language):
    page, log = new_page(viewport=SCREEN, color_scheme="dark" if language == "tk" else "light")
    page.goto(url(trainer_site, language, "modules/alpha.html", "?trainer"))
    stored = page.evaluate("() => Object.keys(localStorage).sort()")
    authored = page.locator(".ctip-question").first.evaluate(
        """form => [...form.querySelectorAll('.ctip-question__option')]
            .sort((a, b) => a.querySelector('input').value - b.querySelector('input').value)
            .map(item => item.querySelector('label').textContent.trim())"""
    )
    page.locator(".ctip-live-start button").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".ctip-live")
    live = page.locator(".ctip-live")
    letters = live.locator(".ctip-live__options .ctip-live__letter").all_inner_texts()
    assert letters == ["A", "B", "C"]
    texts = live.locator(".ctip-live__text").all_inner_texts()
    assert [text.strip() for text in texts] == authored  # the authored order, not the shuffle
    assert live.locator(".ctip-live__verdict").count() == 0
    assert live.locator(".ctip-deck__counter").inner_text() == t(
        language, "live.counter", number=1, total=4
    )
    page.keyboard.press("r")
    right = live.locator(".ctip-live__option--right")
    assert right.count() == 1 and right.locator(".ctip-live__letter").inner_text() == "B"
    assert "✓ " + t(language, "quiz.right_option") in right.inner_text()
    assert live.locator(".ctip-live__feedback").count() == 0
    page.keyboard.press("v")
    for number, votes in enumerate(("5", "12", "3")):
        if number:
            page.keyboard.press("Tab")
        page.keyboard.type(votes)
    page.keyboard.press("Enter")
    counts = live.locator(".ctip-live__count").all_inner_texts()
    assert counts == ["5 (25%)", "12 (60%) ✓", "3 (15%)"]
    bars = live.locator(".ctip-live__chart li .ctip-live__letter").all_inner_texts()
    assert bars == ["A", "B", "C"]
    widths = live.locator(".ctip-live__fill").evaluate_all(
        "fills => fills.map(fill => Math.round(fill.getBoundingClientRect().width))"
    )
    assert widths[1] > widths[0] > widths[2] > 0
    share = t(language, "live.share", right=12, total=20, percent=60)
    assert live.locator(".ctip-live__share").inner_text() == share
    page.keyboard.press("r")
    assert live.locator(".ctip-live__feedback").count() == 3
    assert live.locator(".ctip-live__explanation").is_visible()
    assert axe_violations(page) == []
    page.keyboard.press("ArrowRight")
    assert live.locator(".ctip-live__hint").inner_text() == t(language, "quiz.choose_all")
    assert live.locator(".ctip-live__options li").count() == 4
    page.keyboard.press("ArrowLeft")
    assert live.locator(".ctip-live__count").all_inner_texts() == counts  # kept on screen
    page.keyboard.press("Escape")
    assert page.locator(".ctip-live").count() == 0
    assert "live-quiz" not in page.url
    assert page.evaluate("() => Object.keys(localStorage).sort()") == stored  # nothing stored
    only_files(log)


# The smallest body text a slide may be shrunk to on a 1280x720 screen, in CSS pixels.
READABLE_PX = 20
SLIDE_TEXT = """() => Math.min(...[...document.querySelectorAll(
    '.ctip-deck .ctip-slide-frame__body :is(li, p, td, th)')].map(
    node => parseFloat(getComputedStyle(node).fontSize)), Infinity)"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_real_slide_fits_and_stays_readable(new_page, site, serve, language):
    """Every slide of every module of the course, as the keys reach it, at 1280x720: nothing
    overflows (the bar below may wrap a long title) and the type is never shrunk too far."""
    base = serve(site) + LANGUAGES[language]
    page, log = new_page(viewport=SCREEN)
    problems, shown = [], 0
    for module in course(Site.load(ROOT / "docs"), language).modules:
        page.goto(f"{base}{module.slug}/?present")
        page.wait_for_selector(".ctip-deck")
        for number in range(len(deck(page)["slides"])):
            shown += 1
            smallest = page.evaluate(SLIDE_TEXT)
            if page.evaluate(OVERFLOWS) or smallest < READABLE_PX:
                problems.append((module.slug, number + 1, smallest))
            page.keyboard.press("ArrowRight")
    assert shown >= 7 * 10
    assert problems == []
    assert log.errors == []


def test_the_offline_edition_runs_every_trainer_view(new_page, offline_site):
    """The real site's offline zip: trainer mode, slides, live quiz, planner, notes page."""
    page, log = new_page(viewport=SCREEN)
    root = offline_site / "tk"
    page.goto((root / "modules" / "identifying-victims.html").as_uri() + "?trainer")
    assert page.locator(".ctip-trainer-panel tbody tr").count() >= 2
    page.get_by_role("button", name=t("tk", "trainer.present")).click()
    page.wait_for_selector(".ctip-deck")
    sections = page.locator(".md-content__inner h2[id]").count()
    assert len(deck(page)["slides"]) >= sections
    page.keyboard.press("ArrowRight")
    assert deck(page)["index"] == 1
    page.keyboard.press("Escape")
    page.locator(".ctip-live-start button").click()
    page.wait_for_selector(".ctip-live")
    page.keyboard.press("r")
    assert page.locator(".ctip-live__option--right").count() >= 1
    page.keyboard.press("Escape")
    page.goto((root / "trainer" / "planner.html").as_uri())
    page.wait_for_selector(".ctip-agenda:not([hidden])")
    modules = len(course(Site.load(ROOT / "docs"), "tk").modules)
    assert modules >= 7
    assert page.locator(".ctip-agenda tbody").count() == modules
    page.goto((root / "trainer" / "index.html").as_uri())
    assert page.locator(".ctip-notes__module").count() == modules
    page.goto((root / "trainer" / "webinar.html").as_uri())
    assert page.locator(".ctip-trainer-toggle button").get_attribute("aria-pressed") == "true"
    assert axe_violations(page) == []
    page.goto((root / "contributing" / "trainer-blocks.html").as_uri())
    assert axe_violations(page) == []
    only_files(log)
