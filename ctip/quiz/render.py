"""HTML of a question, built as ElementTree elements inside a Python-Markdown parse.

Everything a reader needs works without JavaScript: real radio buttons and checkboxes with
labels, and a collapsed `details` holding the right answer, the feedback and the explanation.
quiz.js reads the answer key from that `details` (`data-correct`, `data-answer`), so the page
has one source of truth. Answers, feedback and the option list carry `data-search-exclude`, so
Material's search indexes the question but never the answer.

Markdown fragments are rendered by the page's own Markdown instance: block fragments through
`md.parser.parseChunk`, one-line fragments (legend, option labels) as element text, which the
inline processor handles later, so links, emphasis and abbreviations work everywhere.
"""

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString

from ctip.trust import element

from .model import Question


def render_quiz_start(
    md: Markdown, parent: etree.Element, quiz_id: str, pass_mark: int, t
) -> etree.Element:
    """The quiz container and its note; questions are appended to it."""
    section = element(
        md,
        parent,
        "section",
        {"class": "ctip-quiz", "data-quiz-id": quiz_id, "data-pass-mark": str(pass_mark)},
    )
    note = element(md, section, "p", {"class": "ctip-quiz__note", "data-search-exclude": ""})
    note.text = AtomicString(t("quiz.not_exam"))
    return section


def render_question(md: Markdown, parent: etree.Element, question: Question, t) -> None:
    """The question as a `form.ctip-question` in `parent`; `t(key)` gives UI strings."""
    base = f"ctip-{question.id}"
    multiple = question.kind == "multiple"
    form = element(
        md,
        parent,
        "form",
        {"class": "ctip-question", "data-question-id": question.id, "data-kind": question.kind},
    )
    described_by = []

    if len(question.stem_md) > 1:  # the case of a scenario, or context before the question
        context_id = f"{base}-case"
        context = element(md, form, "div", {"class": "ctip-question__case", "id": context_id})
        if question.kind == "scenario":
            context.set("role", "group")
            context.set("aria-labelledby", f"{context_id}-label")
            label = element(
                md,
                context,
                "p",
                {
                    "class": "ctip-question__case-label",
                    "id": f"{context_id}-label",
                    "data-search-exclude": "",
                },
            )
            label.text = AtomicString(t("quiz.scenario"))
        for paragraph in question.stem_md[:-1]:
            md.parser.parseChunk(context, paragraph)
        described_by.append(context_id)

    fieldset = element(md, form, "fieldset")
    legend = element(md, fieldset, "legend", {"class": "ctip-question__text"})
    legend.text = question.stem_md[-1]
    hint = element(
        md,
        fieldset,
        "p",
        {"class": "ctip-question__hint", "id": f"{base}-hint", "data-search-exclude": ""},
    )
    hint.text = AtomicString(t("quiz.choose_all" if multiple else "quiz.choose_one"))
    described_by.append(f"{base}-hint")
    fieldset.set("aria-describedby", " ".join(described_by))

    if question.kind == "truefalse":
        labels = [AtomicString(t("quiz.true")), AtomicString(t("quiz.false"))]
    else:
        labels = [option.text_md for option in question.options]
    options = element(
        md, fieldset, "ul", {"class": "ctip-question__options", "data-search-exclude": ""}
    )
    pinned = (
        [False] * len(labels)
        if question.kind == "truefalse"
        else [option.pinned for option in question.options]
    )
    for number, (text, pin) in enumerate(zip(labels, pinned, strict=True), 1):
        attributes = {"class": "ctip-question__option"}
        if pin:
            attributes["data-pinned"] = ""  # quiz.js keeps it last when it shuffles
        item = element(md, options, "li", attributes)
        input_id = f"{base}-{number}"
        element(
            md,
            item,
            "input",
            {
                "type": "checkbox" if multiple else "radio",
                "name": base,
                "id": input_id,
                "value": str(number - 1),
            },
        )
        label = element(md, item, "label", {"for": input_id})
        label.text = text

    element(
        md, form, "div", {"class": "ctip-question__result", "role": "status", "aria-live": "polite"}
    )
    _render_answer(md, form, question, t)


def _render_answer(md: Markdown, form: etree.Element, question: Question, t) -> None:
    details = element(md, form, "details", {"class": "ctip-answer", "data-search-exclude": ""})
    summary = element(md, details, "summary")
    summary.text = AtomicString(t("quiz.answer_details"))
    if question.kind == "truefalse":
        key = element(
            md,
            details,
            "p",
            {"class": "ctip-answer__key", "data-answer": "true" if question.answer else "false"},
        )
        key.text = AtomicString(t("quiz.correct_answer") + " ")
        value = element(md, key, "strong")
        value.text = AtomicString(t("quiz.true" if question.answer else "quiz.false"))
    else:
        options = element(md, details, "ul", {"class": "ctip-answer__options"})
        for option in question.options:
            item = element(
                md,
                options,
                "li",
                {
                    "class": "ctip-answer__option",
                    "data-correct": "true" if option.correct else "false",
                },
            )
            line = element(md, item, "p")
            verdict = element(md, line, "strong", {"class": "ctip-answer__verdict"})
            verdict.text = AtomicString(
                t("quiz.right_option" if option.correct else "quiz.wrong_option") + ":"
            )
            verdict.tail = " " + option.text_md
            feedback = element(md, item, "div", {"class": "ctip-answer__feedback"})
            md.parser.parseChunk(feedback, option.feedback_md)
    explanation = element(md, details, "div", {"class": "ctip-answer__explanation"})
    heading = element(md, explanation, "p")
    label = element(md, heading, "strong")
    label.text = AtomicString(t("quiz.explanation"))
    md.parser.parseChunk(explanation, question.explanation_md)
