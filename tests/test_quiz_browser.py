"""Quizzes in a real browser: checking, feedback, score, keyboard, storage, languages, axe."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PREFIX = "ctip/ctip-training/2/quiz/"


@pytest.fixture(scope="module")
def quiz_url(quiz_site, serve):
    return serve(quiz_site)


def open_quiz(new_page, quiz_url, lang="", **options):
    page, log = new_page(**options)
    page.goto(f"{quiz_url}{lang}quiz/")
    if options.get("java_script_enabled", True):
        page.wait_for_selector(".ctip-quiz[data-ctip-ready] .ctip-quiz__summary")
    return page, log


def question(page, question_id):
    return page.locator(f'[data-question-id="{question_id}"]')


def answer(page, question_id, *choices):
    """Choose options by their authored place (the input's value), wherever they are shown."""
    q = question(page, question_id)
    for choice in choices:
        q.locator(f'fieldset input[value="{choice}"]').check()
    q.locator(".ctip-quiz__button--check").click()
    return q.locator(".ctip-question__result").inner_text()


def marks(page, question_id) -> list[str]:
    """The marks of each option, e.g. ['Your choice Wrong answer', 'Right answer', '']."""
    return (
        question(page, question_id)
        .locator(".ctip-question__option")
        .evaluate_all(
            """items => items
            .sort((a, b) => a.querySelector('input').value - b.querySelector('input').value)
            .map(item => {
                const mark = item.querySelector('.ctip-mark');
                return mark ? [...mark.children].map(span => span.textContent).join(' ') : '';
            })"""
        )
    )


def shown(page, question_id) -> list[int]:
    """The authored places of the options, in the order the reader sees them."""
    values = (
        question(page, question_id)
        .locator("fieldset input")
        .evaluate_all("inputs => inputs.map(input => input.value)")
    )
    return [int(value) for value in values]


def option(page, question_id, place):
    """An option (li) by its authored place."""
    return question(page, question_id).locator(
        f'.ctip-question__option:has(input[value="{place}"])'
    )


def summary(page, index=0) -> str:
    return " ".join(page.locator(".ctip-quiz__summary").nth(index).inner_text().split())


def stored(page, question_id):
    value = page.evaluate("key => localStorage.getItem(key)", PREFIX + question_id)
    return None if value is None else json.loads(value)


def active(page) -> str:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return el.id || el.className || el.tagName;
        }"""
    )


def no_problems(log):
    assert not log.failures and not log.errors, (log.failures, log.errors)


def test_right_answer(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    q = question(page, "fx-single")
    assert q.locator(".ctip-answer").is_hidden()  # JS replaces the no-JS answer
    assert answer(page, "fx-single", 1) == "Correct"
    assert marks(page, "fx-single") == ["", "Your choice Right answer", ""]
    assert "Wombat: the second option is right." in option(page, "fx-single", 1).inner_text()
    assert "Explanation:" in q.locator(".ctip-question__explanation").inner_text()
    assert "Platypus: the second option is the right one." in q.inner_text()
    assert q.locator("fieldset input:disabled").count() == 3
    assert q.locator(".ctip-quiz__button--check").is_hidden()
    assert q.locator(".ctip-quiz__button--retry").is_visible()
    assert active(page).startswith("ctip-question__result")  # focus moves to the feedback
    result = q.locator(".ctip-question__result")
    assert (result.get_attribute("role"), result.get_attribute("aria-live")) == ("status", "polite")
    saved = stored(page, "fx-single")
    assert (saved["selected"], saved["sign"], saved["shown"]) == ([1], "single:010", False)
    no_problems(log)


def test_wrong_answer_shows_why_and_the_right_one(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    assert answer(page, "fx-single", 0) == "Incorrect"
    assert marks(page, "fx-single") == ["Your choice Wrong answer", "Right answer", ""]
    assert "Wombat: the first option is wrong." in option(page, "fx-single", 0).inner_text()
    assert "Wombat: the second option is right." in option(page, "fx-single", 1).inner_text()
    assert "Wombat" not in option(page, "fx-single", 2).inner_text()
    assert answer(page, "fx-true", 1) == "Incorrect"
    assert marks(page, "fx-true") == ["Right answer", "Your choice Wrong answer"]
    no_problems(log)


@pytest.mark.parametrize(
    ("choices", "result", "score"),
    [
        ((0,), "Partly correct (50%)", 0.5),
        ((0, 1, 2), "Partly correct (50%)", 0.5),
        ((0, 2), "Incorrect", 0),
        ((0, 1), "Correct", 1),
        ((2, 3), "Incorrect", 0),
    ],
)
def test_partial_credit_for_select_all(new_page, quiz_url, choices, result, score):
    page, log = open_quiz(new_page, quiz_url)
    assert answer(page, "fx-multi", *choices) == result
    assert stored(page, "fx-multi")["selected"] == sorted(choices)
    no_problems(log)


def test_score_and_pass_mark_in_the_summary(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    assert page.locator(".ctip-quiz").first.get_attribute("data-pass-mark") == "60"
    assert summary(page) == "This quiz has 5 questions. Answered: 0 of 5."
    assert summary(page, 1) == "This quiz has 2 questions. Answered: 0 of 2."
    assert page.locator(".ctip-quiz__button--reset").first.is_hidden()
    answer(page, "fx-single", 1)  # 1
    answer(page, "fx-multi", 0)  # 0.5
    assert summary(page) == (
        "This quiz has 5 questions. Answered: 2 of 5. Score: 30% (1.5 of 5 points)."
    )
    answer(page, "fx-true", 0)  # 1
    answer(page, "fx-false", 0)  # 0
    answer(page, "fx-scenario", 2)  # 1
    assert summary(page) == (
        "This quiz has 5 questions. Answered: 5 of 5. Score: 70% (3.5 of 5 points). "
        "Passed: you reached the pass mark of 60%."
    )
    summary_box = page.locator(".ctip-quiz__summary").first
    assert (summary_box.get_attribute("role"), summary_box.get_attribute("aria-live")) == (
        "status",
        "polite",
    )
    question(page, "fx-scenario").locator(".ctip-quiz__button--retry").click()
    assert summary(page) == (
        "This quiz has 5 questions. Answered: 4 of 5. Score: 50% (2.5 of 5 points)."
    )
    answer(page, "fx-scenario", 0)
    assert summary(page).endswith("Not passed yet: the pass mark is 60%.")
    assert summary(page, 1) == "This quiz has 2 questions. Answered: 0 of 2."  # quizzes apart
    no_problems(log)


def test_try_again(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    answer(page, "fx-single", 0)
    q = question(page, "fx-single")
    q.locator(".ctip-quiz__button--retry").click()
    assert q.locator(".ctip-question__result").inner_text() == ""
    assert (
        q.locator(".ctip-mark, .ctip-question__feedback, .ctip-question__explanation").count() == 0
    )
    assert q.locator("fieldset input:checked, fieldset input:disabled").count() == 0
    assert q.locator(".ctip-quiz__button--check").is_visible()
    first = shown(page, "fx-single")[0]
    assert active(page) == f"ctip-fx-single-{first + 1}"  # the first option on the screen
    assert stored(page, "fx-single") is None
    assert summary(page) == "This quiz has 5 questions. Answered: 0 of 5."
    assert answer(page, "fx-single", 1) == "Correct"
    no_problems(log)


def test_show_answer(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    q = question(page, "fx-multi")
    q.locator(".ctip-quiz__button--show").click()
    assert q.locator(".ctip-question__result").inner_text() == (
        "The right answer is marked below; this question scores no points."
    )
    assert marks(page, "fx-multi") == ["Right answer", "Right answer", "", ""]
    assert "Platypus: A and B are right" in q.locator(".ctip-question__explanation").inner_text()
    saved = stored(page, "fx-multi")
    assert (saved["selected"], saved["sign"], saved["shown"]) == ([], "multiple:1100", True)
    assert summary(page) == (
        "This quiz has 5 questions. Answered: 1 of 5. Score: 0% (0 of 5 points)."
    )
    no_problems(log)


def test_check_without_a_choice_asks_for_one(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    assert answer(page, "fx-scenario") == "Choose an answer first."
    assert stored(page, "fx-scenario") is None
    assert summary(page) == "This quiz has 5 questions. Answered: 0 of 5."
    no_problems(log)


def test_arrow_keys_move_without_submitting(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    q = question(page, "fx-single")
    q.locator("fieldset input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    second = shown(page, "fx-single")[1]
    assert q.locator("fieldset input:checked").get_attribute("value") == str(second)
    assert q.locator(".ctip-question__result").inner_text() == ""
    assert q.locator(".ctip-mark").count() == 0
    assert stored(page, "fx-single") is None
    assert summary(page) == "This quiz has 5 questions. Answered: 0 of 5."
    no_problems(log)


def test_keyboard_only(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    order = shown(page, "fx-single")
    page.locator("#first-quiz .headerlink").focus()
    page.keyboard.press("Tab")
    assert active(page) == f"ctip-fx-single-{order[0] + 1}"  # into the radio group
    page.keyboard.press("ArrowDown")  # selects the second option shown, checks nothing
    page.keyboard.press("Tab")
    assert "ctip-quiz__button--check" in active(page)
    page.keyboard.press("Enter")
    q = question(page, "fx-single")
    expected = "Correct" if order[1] == 1 else "Incorrect"
    assert q.locator(".ctip-question__result").inner_text() == expected
    assert active(page).startswith("ctip-question__result")
    page.keyboard.press("Tab")
    assert "ctip-quiz__button--retry" in active(page)
    page.keyboard.press("Space")
    assert active(page) == f"ctip-fx-single-{order[0] + 1}"
    assert q.locator(".ctip-question__result").inner_text() == ""

    # Checkboxes: Tab from one to the next, Space to tick the right ones (A and B).
    question(page, "fx-multi").locator("fieldset input").first.focus()
    for place in shown(page, "fx-multi"):
        if place in (0, 1):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert "ctip-quiz__button--check" in active(page)
    page.keyboard.press("Space")
    assert question(page, "fx-multi").locator(".ctip-question__result").inner_text() == "Correct"
    no_problems(log)


def test_progress_survives_a_reload(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    answer(page, "fx-single", 1)
    answer(page, "fx-multi", 0, 2, 3)
    page.reload()
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    q = question(page, "fx-single")
    assert q.locator(".ctip-question__result").inner_text() == "Correct"
    assert q.locator("fieldset input:checked").get_attribute("value") == "1"
    assert q.locator("fieldset input:disabled").count() == 3
    assert marks(page, "fx-multi") == [
        "Your choice Right answer",
        "Right answer",
        "Your choice Wrong answer",
        "Your choice Wrong answer",
    ]
    assert question(page, "fx-multi").locator(".ctip-question__result").inner_text() == "Incorrect"
    assert summary(page).startswith("This quiz has 5 questions. Answered: 2 of 5.")
    no_problems(log)


def test_progress_carries_across_languages(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url, "ru/")
    assert answer(page, "fx-single", 1) == "Правильно"
    assert answer(page, "fx-multi", 0) == "Частично правильно (50%)"
    page.goto(f"{quiz_url}tk/quiz/")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert question(page, "fx-single").locator(".ctip-question__result").inner_text() == (
        "Jogabyňyz dogry"
    )
    assert marks(page, "fx-single") == ["", "Siziň saýlan jogabyňyz Dogry jogap", ""]
    assert "Ikinji jogap dogry." in question(page, "fx-single").inner_text()  # Turkmen feedback
    assert summary(page).startswith("Bu testde 5 sorag bar. Jogap berlen soraglar: 2, jemi 5.")
    no_problems(log)


def test_answers_to_a_changed_question_are_dropped(new_page, quiz_url):
    page, log = new_page()
    page.add_init_script(
        f"""if (!sessionStorage.getItem("seeded")) {{
            sessionStorage.setItem("seeded", "1");
            localStorage.setItem("{PREFIX}fx-single",
                JSON.stringify({{selected: [0], sign: "single:100"}}));
        }}"""
    )
    page.goto(f"{quiz_url}quiz/")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert question(page, "fx-single").locator(".ctip-question__result").inner_text() == (
        "This question has changed since you answered it; please answer it again."
    )
    assert stored(page, "fx-single") is None
    page.reload()  # said once: the old answer is gone
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert question(page, "fx-single").locator(".ctip-question__result").inner_text() == ""
    no_problems(log)


def test_answers_kept_by_the_first_format_are_moved_once(new_page, quiz_url):
    page, log = new_page()
    page.add_init_script(
        """if (!sessionStorage.getItem("seeded")) {
            sessionStorage.setItem("seeded", "1");
            localStorage.setItem("ctip.quiz.v1.fx-single",
                JSON.stringify({selected: [1], key: "single:010", shown: false}));
            localStorage.setItem("ctip.quiz.v1.fx-multi", "{not json");
        }"""
    )
    page.goto(f"{quiz_url}quiz/")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    single = question(page, "fx-single")
    assert single.locator('input[value="1"]').is_checked()
    assert "Correct" in single.locator(".ctip-question__result").inner_text()
    assert stored(page, "fx-single")["selected"] == [1]
    assert stored(page, "fx-multi") is None  # garbage is not migrated
    left = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('ctip.quiz'))")
    assert left == []
    no_problems(log)


def test_corrupt_stored_values_do_not_break_the_page(new_page, quiz_url):
    page, log = new_page()
    page.add_init_script(
        f"""if (!sessionStorage.getItem("seeded")) {{
            sessionStorage.setItem("seeded", "1");
            localStorage.setItem("{PREFIX}fx-single", "{{not json");
            localStorage.setItem(
                "{PREFIX}fx-multi", '{{"selected": "x", "sign": "multiple:1100"}}'
            );
            localStorage.setItem("{PREFIX}fx-true", '{{"selected": [7], "sign": "truefalse:10"}}');
            localStorage.setItem("{PREFIX}fx-false", "null");
        }}"""
    )
    page.goto(f"{quiz_url}quiz/")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert summary(page) == "This quiz has 5 questions. Answered: 0 of 5."
    for question_id in ("fx-single", "fx-multi", "fx-true", "fx-false"):
        assert stored(page, question_id) is None, question_id
    assert page.locator(".ctip-quiz__storage").count() == 0
    assert answer(page, "fx-single", 1) == "Correct"
    no_problems(log)


def test_storage_that_throws_does_not_break_the_page(new_page, quiz_url):
    page, log = new_page()
    page.add_init_script(
        """for (const name of ["getItem", "setItem", "removeItem"]) {
            const original = Storage.prototype[name];
            Storage.prototype[name] = function (key, ...rest) {
                if (String(key).startsWith("ctip/")) {
                    throw new DOMException("The operation is insecure.", "SecurityError");
                }
                return original.call(this, key, ...rest);
            };
        }"""
    )
    page.goto(f"{quiz_url}quiz/")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    notice = page.locator(".ctip-quiz__storage")
    assert notice.count() == 1  # once per page, though two quizzes could not read
    assert notice.inner_text() == (
        "This browser does not let the site keep your answers; "
        "they will be lost when you leave the page."
    )
    assert answer(page, "fx-single", 1) == "Correct"
    assert summary(page).startswith("This quiz has 5 questions. Answered: 1 of 5.")
    assert notice.count() == 1
    no_problems(log)


def test_without_javascript_the_questions_and_answers_are_readable(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url, java_script_enabled=False)
    q = question(page, "fx-single")
    assert q.locator("legend").inner_text() == "Quokka single: which option is right?"
    assert q.locator("fieldset input[type=radio]").count() == 3
    assert page.locator(".ctip-quiz__button").count() == 0
    details = q.locator("details.ctip-answer")
    assert details.is_visible()
    assert details.get_attribute("open") is None
    assert q.locator("details .ctip-answer__explanation").is_hidden()
    details.locator("summary").click()
    text = details.inner_text()
    assert "Right answer: Second option" in text
    assert "Wrong answer: First numbat option" in text
    assert "Wombat: the second option is right." in text
    assert "Platypus: the second option is the right one." in text
    truefalse = question(page, "fx-false").locator("details")
    truefalse.locator("summary").click()
    assert "Correct answer: False" in truefalse.inner_text()
    q.locator("fieldset input").nth(1).check()  # the controls still work
    no_problems(log)


def axe_violations(page) -> str:
    # The fade-in of new marks must end before colours are read.
    page.wait_for_function(
        "() => document.getAnimations().filter(a => a.effect?.target?.closest?.('.ctip-quiz'))"
        ".every(a => a.playState === 'finished')"
    )
    results = Axe().run(page)
    return "" if results.violations_count == 0 else results.generate_report()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_before_and_after_answering(new_page, quiz_url, scheme):
    page, log = open_quiz(new_page, quiz_url, color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page) == ""
    answer(page, "fx-single", 0)
    answer(page, "fx-multi", 0, 2)
    answer(page, "fx-true", 0)
    question(page, "fx-scenario").locator(".ctip-quiz__button--show").click()
    answer(page, "fx-false")  # "Choose an answer first."
    assert axe_violations(page) == ""
    no_problems(log)


def test_russian_plural_forms_in_the_summary(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url, "ru/")
    assert summary(page) == "В этом тесте 5 вопросов. Отвечено: 0 из 5."
    assert summary(page, 1) == "В этом тесте 2 вопроса. Отвечено: 0 из 2."
    answer(page, "fx2-single", 0)
    answer(page, "fx2-true", 0)
    assert summary(page, 1) == (
        "В этом тесте 2 вопроса. Отвечено: 2 из 2. Результат: 100% (баллы: 2 из 2). "
        "Тест пройден: вы достигли проходного порога в 60%."
    )
    no_problems(log)


def test_start_the_quiz_again(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    answer(page, "fx-single", 1)
    answer(page, "fx-true", 0)
    answer(page, "fx2-single", 0)
    restart = page.locator(".ctip-quiz__button--reset").first
    assert restart.inner_text() == "Start the quiz again"
    restart.click()
    assert summary(page) == "This quiz has 5 questions. Answered: 0 of 5."
    assert stored(page, "fx-single") is None and stored(page, "fx-true") is None
    assert stored(page, "fx2-single") is not None  # the other quiz keeps its answers
    assert page.locator("[data-question-id^='fx-'] .ctip-mark").count() == 0
    assert active(page) == f"ctip-fx-single-{shown(page, 'fx-single')[0] + 1}"
    assert restart.is_hidden()
    no_problems(log)


def test_loading_the_script_twice_initialises_once(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    page.add_script_tag(url=f"{quiz_url}assets/ctip/quiz.js")  # returns once it has run
    assert page.locator(".ctip-question__actions").count() == 7
    assert page.locator(".ctip-quiz__summary").count() == 2
    assert answer(page, "fx-single", 1) == "Correct"
    no_problems(log)


def test_narrow_screen_and_reduced_motion(new_page, quiz_url):
    page, log = open_quiz(
        new_page, quiz_url, "ru/", viewport={"width": 360, "height": 740}, reduced_motion="reduce"
    )
    answer(page, "fx-multi", 0, 2)
    answer(page, "fx-scenario", 0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    animation = page.locator(".ctip-js").first.evaluate("el => getComputedStyle(el).animationName")
    assert animation == "none"
    no_problems(log)


# -- Options in a reader's own order -----------------------------------------------------------


def orders(page) -> dict[str, list[int]]:
    return {qid: shown(page, qid) for qid in ("fx-single", "fx-multi", "fx-scenario")}


def test_shuffled_order_is_kept_across_reloads_and_languages(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    first = orders(page)
    assert all(sorted(order) == list(range(len(order))) for order in first.values())
    page.reload()
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert orders(page) == first
    page.goto(f"{quiz_url}ru/quiz/")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert orders(page) == first
    no_problems(log)


def test_two_readers_get_different_orders_and_right_scores(new_page, quiz_url):
    seen = []
    for _ in range(4):  # fresh browser profiles: a new seed each
        page, log = open_quiz(new_page, quiz_url)
        seen.append(orders(page))
        assert answer(page, "fx-single", 1) == "Correct"
        assert answer(page, "fx-multi", 0, 1) == "Correct"
        assert answer(page, "fx-scenario", 0) == "Incorrect"
        no_problems(log)
    assert any(order != seen[0] for order in seen[1:])


def test_starting_again_gives_a_new_order(new_page, quiz_url):
    page, log = open_quiz(new_page, quiz_url)
    before = orders(page)
    answer(page, "fx-single", 1)
    changed = False
    for _ in range(4):  # a new attempt reshuffles; four tries make a repeat most unlikely
        page.locator(".ctip-quiz__button--reset").first.click()
        answer(page, "fx-single", 1)
        changed = changed or orders(page) != before
    assert changed
    no_problems(log)


def test_a_pinned_option_stays_last(new_page, quiz_url):
    for _ in range(3):
        page, log = open_quiz(new_page, quiz_url)
        assert shown(page, "fx2-single")[-1] == 2  # "None of these" (pin: last)
        no_problems(log)
