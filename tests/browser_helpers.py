"""Driving the site the way a reader does."""

import json

from ctip.ui_strings import strings_for

_META_IS = """(text) => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && meta.textContent.trim() === text;
}"""
_SEARCH_DONE = """(none) => {
    const meta = document.querySelector('.md-search-result__meta');
    const text = meta ? meta.textContent.trim() : '';
    return text === none || /[0-9]/.test(text);
}"""


def search(page, query: str) -> list[str]:
    """Open the search dialog, enter `query` and return the paths of the results."""
    translations = json.loads(page.locator("#__config").text_content())["translations"]
    toggle = page.locator('label.md-header__button[for="__search"]')
    if toggle.is_visible():  # on a phone the field sits behind a button
        toggle.click()
    page.locator("input.md-search__input").click()
    # The index is ready when "Initializing search" gives way to the placeholder.
    page.wait_for_function(_META_IS, arg=translations["search.result.placeholder"])
    # keyboard.type does not enter Cyrillic text reliably; insert_text does, and Material
    # searches on keyup, which End provides without changing the text.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(_SEARCH_DONE, arg=translations["search.result.none"])
    return page.eval_on_selector_all(
        ".md-search-result__item > a",
        "links => links.map(link => new URL(link.href).pathname)",
    )


# Every policy violation of every page the test opens reaches Python, across navigations.
VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) =>
    window.ctipViolation(event.violatedDirective + " " + event.blockedURI));"""


def policy_page(new_page):
    """A page that records policy violations: (page, log, violations)."""
    page, log = new_page()
    violations: list[str] = []
    page.expose_function("ctipViolation", lambda text: violations.append(text))
    page.add_init_script(VIOLATIONS)
    return page, log, violations


def until(page, condition, timeout_ms: int = 3000) -> bool:
    """Wait for a condition on the Python side (a callback from the page) to hold."""
    for _ in range(timeout_ms // 20):
        if condition():
            return True
        page.wait_for_timeout(20)  # lets Playwright deliver the page's callbacks
    return bool(condition())


def answer_first_question(page, language: str) -> None:
    """Answer a quiz page's first question right, by authored place (options are shuffled on
    the screen: an input's value is its place), and see it marked correct."""
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    question = page.locator(".ctip-question").first
    key = question.locator(".ctip-answer__option").evaluate_all(
        "items => items.map(item => item.dataset.correct === 'true')"
    )
    for place, right in enumerate(key):
        if right:
            question.locator(f'fieldset input[value="{place}"]').check()
    question.locator(".ctip-quiz__button--check").click()
    assert (
        strings_for(language)["quiz.correct"]
        in question.locator(".ctip-question__result").inner_text()
    )
