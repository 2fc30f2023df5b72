"""The learner in a real browser: progress across languages, continue, cards, carry and clear,
the statement of completion, JavaScript off and storage blocked."""

import json
import re

import pytest

from ctip.sweep import THROWS
from ctip.ui_strings import strings_for

pytestmark = pytest.mark.browser
MODULE = "modules/identifying-victims/"


@pytest.fixture(scope="module")
def url(site, serve):
    return serve(site)


def pass_quiz(page, base, module=MODULE, right=True):
    """Answer every question of a module (right, or each wrong) and return the page."""
    page.goto(base + module)
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    for question in page.locator(".ctip-question").all():
        truefalse = question.locator("[data-answer]")
        if truefalse.count():
            key = [truefalse.get_attribute("data-answer") == "true"]
            key.append(not key[0])
        else:
            key = question.locator(".ctip-answer__option").evaluate_all(
                "items => items.map(item => item.dataset.correct === 'true')"
            )
        choose = [n for n, good in enumerate(key) if good == right][: 1 if not right else None]
        for place in choose:
            question.locator(f'fieldset input[value="{place}"]').check()
        question.locator(".ctip-quiz__button--check").click()
    return page


def badge(page, slug):
    return page.locator(f'[data-module="{slug}"] .ctip-badge').first.inner_text()


def test_passed_in_russian_shows_as_passed_on_the_turkmen_progress_page(new_page, url):
    page, log = new_page()
    pass_quiz(page, url + "ru/")
    page.goto(url + "tk/progress/")
    passed = badge(page, "modules/identifying-victims")
    assert passed.startswith("Test geçildi: 100%")
    # Chromium has no Turkmen dates: numeric, not another language's month names.
    assert re.search(r"\b\d\d\.\d\d\.20\d\d \d\d:\d\d\b", passed), passed
    assert badge(page, "modules/understanding-trafficking") == "Başlanmady"
    assert not log.errors and not log.failures


def test_a_failed_quiz_shows_its_score_against_the_pass_mark(new_page, url):
    page, log = new_page()
    pass_quiz(page, url + "ru/", right=False)
    page.goto(url + "ru/progress/")
    expected = strings_for("ru")["progress.status.not_passed"]
    expected = expected.replace("{percent}", "0").replace("{pass}", "80")
    assert badge(page, "modules/identifying-victims") == expected
    assert page.locator(".ctip-badge--passed").count() == 0
    assert not log.errors


def test_the_continue_link_lands_on_the_last_section_read(new_page, url):
    page, log = new_page()
    page.goto(url + MODULE)
    section = page.locator(".md-content h2[id]").nth(2)
    anchor = section.get_attribute("id")
    section.scroll_into_view_if_needed()
    page.evaluate("id => window.scrollTo(0, document.getElementById(id).offsetTop - 60)", anchor)
    page.wait_for_function(
        "id => JSON.parse(localStorage.getItem('ctip/ctip-training/2/last')).anchor === id",
        arg=anchor,
    )
    page.goto(url + "ru/")
    link = page.locator(".ctip-continue__link")
    assert link.inner_text().startswith(strings_for("ru")["progress.continue"].split(":")[0])
    link.click()
    page.wait_for_load_state()
    assert page.url == f"{url}ru/{MODULE}#{anchor}"
    assert not log.errors


def test_cards_show_each_module_with_its_badge(new_page, url):
    page, log = new_page()
    pass_quiz(page, url)
    page.goto(url + "modules/")
    cards = page.locator(".ctip-card")
    assert cards.count() >= 6
    assert badge(page, "modules/identifying-victims").startswith("Quiz passed: 100%")
    assert "minutes" in cards.first.locator(".ctip-card__facts").inner_text()
    page.goto(url + "ru/modules/")
    titles = page.locator(".ctip-card__title").all_inner_texts()
    assert all(any("\u0400" <= c <= "\u04ff" for c in title) for title in titles)  # in Russian
    page.goto(url + "paths/consular/")
    assert page.locator(".ctip-badge--passed").count() == 1
    assert not log.errors


def test_export_clear_and_import_restore_everything(new_page, url, tmp_path):
    page, log = new_page(accept_downloads=True)
    pass_quiz(page, url)
    page.goto(url + "progress/")
    before = page.evaluate("() => ctipStore.data()")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename.startswith("ctip-training-progress-")
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["course"] == "ctip-training" and exported["data"] == before

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all my data").click()
    assert page.evaluate("() => ctipStore.data()") == {}
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('ctip'))") == []

    page.locator("#ctip-import").set_input_files(str(saved))
    page.wait_for_function("() => Object.keys(ctipStore.data()).length > 0")
    assert page.evaluate("() => ctipStore.data()") == before
    assert badge(page, "modules/identifying-victims").startswith("Quiz passed: 100%")

    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"format": "ctip-progress", "course": "another", "data": {}}')
    page.locator("#ctip-import").set_input_files(str(corrupt))
    page.wait_for_function(
        "() => document.querySelector('.ctip-data__message').textContent.includes('another')"
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    page.locator("#ctip-import").set_input_files(str(broken))
    page.wait_for_function(
        "() => document.querySelector('.ctip-data__message').textContent.includes('not a progress')"
    )
    assert page.evaluate("() => ctipStore.data()") == before
    assert not log.errors


def test_the_statement_appears_only_for_a_complete_path_and_prints_on_one_page(new_page, url):
    page, log = new_page()
    page.goto(url + "progress/")
    assert page.locator(".ctip-statement-tools button").count() == 0
    path = page.evaluate(
        "() => JSON.parse(document.querySelector('.ctip-progress__data').textContent).paths[0]"
    )
    for slug in path["modules"]:
        pass_quiz(page, url, slug.removeprefix("modules/") and f"{slug}/")
    page.goto(url + "progress/")
    page.locator("#ctip-statement-name").fill("Test Reader")
    page.locator("#ctip-statement-name").dispatch_event("change")
    page.evaluate("() => { window.print = () => {}; }")
    page.locator(".ctip-statement-tools button").first.click()
    statement = page.locator(".ctip-statement")
    assert "Test Reader" in statement.inner_text()
    assert "not a certificate issued by any organisation" in statement.inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1  # one A4 page
    assert not log.errors


def test_without_javascript_the_progress_page_is_a_plain_list(new_page, url):
    page, _ = new_page(java_script_enabled=False)
    page.goto(url + "progress/")
    assert page.locator(".ctip-progress__no-js").is_visible()
    assert page.locator(".ctip-progress__modules a").count() >= 6


def test_blocked_storage_is_said_once_and_nothing_breaks(new_page, url):
    page, log = new_page()
    page.add_init_script(THROWS)
    page.goto(url + "progress/")
    assert page.locator(".ctip-progress__storage").count() == 1
    pass_quiz(page, url)
    assert page.locator(".ctip-quiz__storage").count() == 1
    assert not log.errors
