"""The one parser of the quiz format: real modules, every error an editor can make, structure."""

import subprocess
import sys
from pathlib import Path

import pytest

from ctip.quiz import QuizError, compare_structure, parse_document, parse_question, structure

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    path
    for path in (ROOT / "docs" / "en" / "modules").glob("*.md")
    if "/// quiz" in path.read_text(encoding="utf-8")
)

# Line numbers in the comments: the tests below assert them exactly.
DOC = """\
---
title: Test
---

# Test

/// quiz
    id: m1

/// question | single
    id: m1-x

Which one?

- [ ] Wrong one
    Why it is wrong.
- [x] Right one
    Why it is right.
- [ ] Another wrong one
    Why it is wrong too.

> Because.
///

///
"""
# 7: /// quiz   8: id   10: /// question   11: id   13: Which one?   15, 17, 19: options
# 22: > Because.   23: /// (question)   25: /// (quiz)

TRUEFALSE = """\
/// quiz
    id: m1

/// question | truefalse
    id: m1-tf
    answer: false

Is it so?

> No.
///

///
"""


def error(text: str) -> QuizError:
    with pytest.raises(QuizError) as caught:
        parse_document(text)
    return caught.value


def changed(old: str, new: str, text: str = DOC) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# -- Real modules --------------------------------------------------------------------------------


def test_the_real_modules_have_every_kind_and_parse():
    assert len(MODULES) >= 6
    kinds = set()
    ids = []
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        quizzes = parse_document(text)
        assert len(quizzes) == 1, path.name
        quiz = quizzes[0]
        assert text.splitlines()[quiz.line - 1] == "/// quiz"
        assert len(quiz.questions) >= 8
        for question in quiz.questions:
            assert text.splitlines()[question.line - 1] == f"/// question | {question.kind}"
            assert question.explanation_md
            kinds.add(question.kind)
            ids.append(question.id)
    assert kinds == {"single", "multiple", "truefalse", "scenario"}
    assert len(ids) == len(set(ids)), "question ids must be unique on the site"


def test_a_real_module_in_detail():
    """Every question of a real module, read back against the file's own lines."""
    text = (ROOT / "docs/en/modules/identifying-victims.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    (quiz,) = parse_document(text)
    assert {question.kind for question in quiz.questions} == {
        "single",
        "multiple",
        "truefalse",
        "scenario",
    }
    for question in quiz.questions:
        assert lines[question.line - 1].startswith("/// question | " + question.kind)
        assert question.explanation_md and "\n> " not in question.explanation_md
        if question.kind == "truefalse":
            assert question.options == [] and question.correct == [
                question.answer,
                not question.answer,
            ]
            continue
        if question.kind == "scenario":
            assert len(question.stem_md) >= 2  # the case, then the question
        for option in question.options:
            mark = "- [x] " if option.correct else "- [ ] "
            assert lines[option.line - 1] == mark + option.text_md
            assert option.feedback_md and lines[option.line].strip() in option.feedback_md


def test_the_example_document_parses_with_real_line_numbers():
    [quiz] = parse_document(DOC)
    assert (quiz.id, quiz.line) == ("m1", 7)
    [question] = quiz.questions
    assert (question.id, question.kind, question.line) == ("m1-x", "single", 10)
    assert question.stem_md == ["Which one?"]
    assert [option.line for option in question.options] == [15, 17, 19]
    assert [option.text_md for option in question.options] == [
        "Wrong one",
        "Right one",
        "Another wrong one",
    ]
    assert question.options[1].feedback_md == "Why it is right."
    assert question.explanation_md == "Because."


def test_truefalse_and_parse_question_on_its_own():
    [quiz] = parse_document(TRUEFALSE)
    [question] = quiz.questions
    assert (question.kind, question.answer, question.stem_md) == ("truefalse", False, ["Is it so?"])
    alone = parse_question("truefalse", {"id": "m1-tf", "answer": True}, "Is it?\n\n> Yes.", None)
    assert (alone.answer, alone.line, alone.explanation_md) == (True, None, "Yes.")


def test_quiz_syntax_in_fenced_code_is_not_a_quiz():
    text = "# Guide\n\n```markdown\n/// question | singel\n///\n```\n" + DOC.split("---\n", 2)[2]
    [quiz] = parse_document(text)
    assert quiz.line == 10


def test_loose_lists_multi_paragraph_feedback_and_lazy_explanation_lines():
    body = """Which one?

- [x] Right
    Yes.

    A second paragraph of feedback.

- [ ] Wrong
    No.
- [ ] Also wrong
    No.

> Because
of this.
>
> And that."""
    question = parse_question("single", {"id": "m1-y"}, body, 1)
    assert question.options[0].feedback_md == "Yes.\n\nA second paragraph of feedback."
    assert question.explanation_md == "Because\nof this.\n\nAnd that."


# -- Every error, with its line ------------------------------------------------------------------


def test_two_right_options_in_a_single_question():
    found = error(changed("- [ ] Another wrong one", "- [x] Another wrong one"))
    assert found.line == 10
    assert found.message == (
        "question 'm1-x' (single) has 2 right options; a single-choice question needs exactly "
        "one — use 'multiple' for select-all"
    )
    assert str(found) == f"10: {found.message}"


def test_unknown_kind():
    found = error(changed("/// question | single", "/// question | singel"))
    assert (found.line, found.message) == (
        10,
        "unknown question kind 'singel'; use one of: single, multiple, truefalse, scenario",
    )


def test_empty_option():
    found = error(changed("- [ ] Another wrong one", "- [ ]"))
    assert (found.line, found.message) == (19, "option is empty")


def test_no_right_option():
    found = error(changed("- [x] Right one", "- [ ] Right one"))
    assert (found.line, found.message) == (10, "no right option: mark one with [x]")


def test_duplicate_question_id():
    question = DOC[DOC.index("/// question") : DOC.index("///\n\n///") + 4]
    found = error(changed("///\n\n///", "///\n\n" + question + "\n///"))
    assert (found.line, found.message) == (
        25,
        "duplicate question id 'm1-x' (first used on line 10)",
    )


def test_unknown_option_in_the_header():
    found = error(changed("    id: m1-x", "    ids: m1-x"))
    assert (found.line, found.message) == (11, "unknown option 'ids' in the block header")
    found = error(changed("    id: m1\n", "    id: m1\n    title: Quiz\n"))
    assert (found.line, found.message) == (9, "unknown option 'title' in the block header")


def test_truefalse_needs_an_answer():
    message = "truefalse question needs 'answer: true' or 'answer: false'"
    found = error(changed("    answer: false\n", "", TRUEFALSE))
    assert (found.line, found.message) == (4, message)
    found = error(changed("answer: false", "answer: maybe", TRUEFALSE))
    assert (found.line, found.message) == (6, message)


def test_question_never_closed():
    # A question whose '///' is missing runs into the next question.
    question = DOC[DOC.index("/// question") : DOC.index("///\n\n///") + 4]
    second = question.replace("m1-x", "m1-y")
    text = changed("///\n\n///", question.removesuffix("///\n") + "\n" + second + "\n///")
    found = error(text)
    assert (found.line, found.message) == (10, "/// question opened here is never closed")
    # ... or into the end of the file.
    found = error(DOC.removesuffix("///\n\n///\n"))
    assert (found.line, found.message) == (10, "/// question opened here is never closed")


def test_quiz_never_closed():
    found = error(DOC.removesuffix("\n///\n"))
    assert (found.line, found.message) == (7, "/// quiz opened here is never closed")


def test_question_outside_a_quiz():
    text = DOC.replace("/// quiz\n    id: m1\n", "").removesuffix("\n///\n")
    found = error(text)
    assert (found.line, found.message) == (8, "question outside a /// quiz block")


def test_quiz_inside_another_block():
    found = error(changed("/// quiz", "/// details | Quiz\n\n/// quiz") + "\n///\n")
    assert (found.line, found.message) == (
        9,
        "a /// quiz block must be at the top level of the page, not inside '/// details' (line 7)",
    )


def test_text_inside_a_quiz_but_outside_questions():
    found = error(changed("    id: m1\n\n", "    id: m1\n\nSome text.\n\n"))
    assert found.line == 10
    assert found.message.startswith("only /// question blocks may go inside a /// quiz block")


def test_other_block_inside_a_quiz():
    found = error(changed("    id: m1\n\n", "    id: m1\n\n/// qestion | single\n///\n\n"))
    assert (found.line, found.message) == (
        10,
        "only /// question blocks may go inside a /// quiz block, not '/// qestion'",
    )


def test_empty_quiz():
    found = error("/// quiz\n    id: m1\n\n///\n")
    assert (found.line, found.message) == (1, "quiz 'm1' has no questions")


def test_quiz_ids():
    found = error(changed("    id: m1\n", ""))
    assert (found.line, found.message) == (
        7,
        "quiz has no id: add '    id: m1' (indented 4 spaces) after '/// quiz'",
    )
    found = error(changed("    id: m1\n", "    id: M1\n"))
    assert found.line == 8
    assert found.message.startswith("quiz id 'M1' is not valid")
    found = error(DOC + "\n" + DOC.split("---\n", 2)[2])
    assert (found.line, found.message) == (
        30,
        "duplicate quiz id 'm1' (first used on line 7)",
    )


def test_question_ids():
    found = error(changed("    id: m1-x\n", ""))
    assert found.line == 10
    assert found.message.startswith("question has no id: add '    id: m1-short-name'")
    found = error(changed("    id: m1-x", "    id: m1_x"))
    assert (found.line, found.message) == (
        11,
        "question id 'm1_x' is not valid: use lower-case letters, digits and hyphens, "
        "e.g. 'm3-first-contact'",
    )


def test_missing_kind_and_argument_on_quiz():
    found = error(changed("/// question | single", "/// question"))
    assert found.line == 10
    assert found.message.startswith("question has no kind")
    found = error(changed("/// quiz", "/// quiz | m1"))
    assert found.line == 7
    assert found.message.startswith("'/// quiz' takes nothing after '|'")


def test_header_that_is_not_key_value_lines():
    found = error(changed("    id: m1-x", "    id m1-x"))
    assert (found.line, found.message) == (
        11,
        "the block header must be 'key: value' lines indented 4 spaces, e.g. '    id: m1-x'",
    )


def test_closing_line_with_another_number_of_slashes():
    found = error(changed("> Because.\n///", "> Because.\n////"))
    assert (found.line, found.message) == (
        23,
        "'////' does not close the question opened with '///' on line 10: "
        "use the same number of slashes",
    )


def test_answer_option_on_a_choice_question():
    found = error(changed("    id: m1-x\n", "    id: m1-x\n    answer: true\n"))
    assert found.line == 12
    assert found.message.startswith("'answer' is only for truefalse questions")


def test_truefalse_with_options():
    found = error(changed("Is it so?\n", "Is it so?\n\n- [x] Yes\n    Yes.\n", TRUEFALSE))
    assert found.line == 10
    assert found.message.startswith("a truefalse question has no option list")


def test_option_problems():
    found = error(changed("- [ ] Wrong one", "- Wrong one"))
    assert (found.line, found.message) == (
        15,
        "option needs a checkbox: '- [x] right option' or '- [ ] wrong option'",
    )
    found = error(changed("    Why it is right.", "  Why it is right."))
    assert (found.line, found.message) == (
        18,
        "feedback must be indented 4 spaces under its option",
    )
    found = error(changed("    Why it is right.\n", ""))
    assert found.line == 17
    assert found.message.startswith("option has no feedback")
    found = error(changed("- [ ] Another wrong one", "- [ ] Wrong one"))
    assert (found.line, found.message) == (19, "option 'Wrong one' is listed twice (line 15)")
    found = error(changed("- [ ] Another wrong one\n    Why it is wrong too.\n", ""))
    assert (found.line, found.message) == (
        10,
        "question 'm1-x' (single) has 2 options; a single question needs 3 to 5",
    )
    found = error(changed("- [x] Right one\n    Why it is right.\n", ""))
    assert (found.line, found.message) == (10, "no right option: mark one with [x]")
    no_options = DOC[: DOC.index("- [ ] Wrong one")] + DOC[DOC.index("> Because.") :]
    found = error(no_options)
    assert (found.line, found.message) == (
        10,
        "question 'm1-x' has no options: list them as '- [x] right option' and "
        "'- [ ] wrong option'",
    )


def test_text_in_the_wrong_place():
    found = error(changed("    Why it is wrong too.\n", "    Why it is wrong too.\nStray text.\n"))
    assert found.line == 21
    assert found.message.startswith("text after the options must be feedback")
    found = error(changed("> Because.\n", "> Because.\n\nStray text.\n"))
    assert found.line == 24
    assert found.message.startswith("the explanation ('> ...') must be the last part")
    found = error(changed("> Because.\n", "> Because.\n\n- [ ] Late\n    Late.\n"))
    assert (found.line, found.message) == (24, "options must come before the explanation ('> ...')")


def test_missing_parts():
    found = error(changed("Which one?\n\n", ""))
    assert (found.line, found.message) == (10, "question 'm1-x' has no question text")
    found = error(changed("\n> Because.\n", "\n"))
    assert found.line == 10
    assert found.message.startswith("question 'm1-x' has no explanation")
    found = error(changed("/// question | single", "/// question | scenario"))
    assert found.line == 10
    assert found.message.startswith("scenario question 'm1-x' needs the case")
    found = error(changed("/// question | single", "/// question | scenario").replace("Which", "x"))
    assert found.line == 10
    found = error(changed("Which one?", "## Which one?"))
    assert found.line == 13
    assert found.message.startswith("the question itself must be a plain paragraph")


def test_scenario_with_two_right_options():
    text = changed("/// question | single", "/// question | scenario")
    text = changed("Which one?", "(Fictional.) A case.\n\nWhich one?", text)
    assert parse_document(text)[0].questions[0].stem_md == ["(Fictional.) A case.", "Which one?"]
    found = error(changed("- [ ] Another wrong one", "- [x] Another wrong one", text))
    assert (found.line, found.message) == (
        10,
        "question 'm1-x' (scenario) has 2 right options; a scenario question needs exactly one",
    )


# -- Structure shared by the translations -----------------------------------------------------


def test_structure_is_language_neutral():
    translated = (
        DOC.replace("Which one?", "Какой?")
        .replace("Right one", "Правильный")
        .replace("Because.", "Потому что.")
    )
    assert structure(parse_document(DOC)) == structure(parse_document(translated))
    assert compare_structure(structure(parse_document(DOC)), structure(parse_document(DOC))) == []
    assert structure(parse_document(TRUEFALSE)) == [
        {
            "quiz": "m1",
            "questions": [
                {
                    "id": "m1-tf",
                    "kind": "truefalse",
                    "options": 0,
                    "right": [],
                    "answer": False,
                    "pinned": [],
                }
            ],
        }
    ]


def test_compare_structure_catches_a_changed_right_option():
    moved = DOC.replace("- [ ] Wrong one", "- [x] Wrong one").replace("- [x] Right one", "- [ ] R")
    differences = compare_structure(
        structure(parse_document(DOC)), structure(parse_document(moved)), ("en", "ru")
    )
    assert differences == ["question 'm1-x': right options is [2] in the en but [1] in the ru"]


def test_compare_structure_catches_a_missing_question_and_a_changed_id():
    question = DOC[DOC.index("/// question") : DOC.index("///\n\n///") + 4]
    two = DOC.replace("///\n\n///", "///\n\n" + question.replace("m1-x", "m1-y") + "\n///")
    original = structure(parse_document(two))
    assert compare_structure(original, structure(parse_document(DOC))) == [
        "question 'm1-y' is missing in the translation"
    ]
    renamed = structure(parse_document(two.replace("m1-y", "m1-z")))
    assert compare_structure(original, renamed) == [
        "question 'm1-y' is missing in the translation",
        "question 'm1-z' is missing in the original",
    ]
    swapped = structure(parse_document(two))
    swapped[0]["questions"].reverse()
    assert compare_structure(original, swapped) == [
        "quiz 'm1': the questions are in a different order"
    ]


def test_compare_structure_catches_kind_answer_and_quiz_changes():
    flipped = structure(parse_document(TRUEFALSE.replace("answer: false", "answer: true")))
    assert compare_structure(structure(parse_document(TRUEFALSE)), flipped) == [
        "question 'm1-tf': truefalse answer is False in the original but True in the translation"
    ]
    four = DOC.replace("> Because.", "- [ ] Fourth\n    Why.\n\n> Because.")
    multiple = structure(parse_document(four.replace("| single", "| multiple")))
    assert compare_structure(structure(parse_document(four)), multiple) == [
        "question 'm1-x': kind is single in the original but multiple in the translation"
    ]
    other_quiz = structure(parse_document(DOC.replace("id: m1\n", "id: m2\n")))
    assert compare_structure(structure(parse_document(DOC)), other_quiz) == [
        "quizzes differ: m1 in the original, m2 in the translation"
    ]


def test_the_quiz_package_does_not_import_mkdocs():
    code = (
        "import sys, ctip.quiz, ctip.quiz.markdown_ext, ctip.quiz.export; "
        "print([name for name in sys.modules if name.split('.')[0] == 'mkdocs'])"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_pin_keeps_the_last_option_in_place():
    pinned = changed("    id: m1-x\n", "    id: m1-x\n    pin: last\n")
    (quiz,) = parse_document(pinned)
    assert [option.pinned for option in quiz.questions[0].options] == [False, False, True]
    assert structure([quiz])[0]["questions"][0]["pinned"] == [3]
    assert error(changed("    id: m1-x\n", "    id: m1-x\n    pin: first\n")).line == 12
