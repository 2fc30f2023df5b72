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

from .model import Question


def render_quiz_start(parent: etree.Element, quiz_id: str, pass_mark: int, t) -> etree.Element:
    """The quiz container and its note; questions are appended to it."""
    section = etree.SubElement(
        parent,
        "section",
        {"class": "ctip-quiz", "data-quiz-id": quiz_id, "data-pass-mark": str(pass_mark)},
    )
    note = etree.SubElement(section, "p", {"class": "ctip-quiz__note", "data-search-exclude": ""})
    note.text = AtomicString(t("quiz.not_exam"))
    return section


def render_question(md: Markdown, form: etree.Element, question: Question, t) -> None:
    """Fill `form` (a `form.ctip-question`) with the question; `t(key)` gives UI strings."""
    base = f"ctip-{question.id}"
    multiple = question.kind == "multiple"
    form.set("class", "ctip-question")
    form.set("data-question-id", question.id)
    form.set("data-kind", question.kind)
    described_by = []

    if len(question.stem_md) > 1:  # the case of a scenario, or context before the question
        context_id = f"{base}-case"
        context = etree.SubElement(form, "div", {"class": "ctip-question__case", "id": context_id})
        if question.kind == "scenario":
            context.set("role", "group")
            context.set("aria-labelledby", f"{context_id}-label")
            label = etree.SubElement(
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

    fieldset = etree.SubElement(form, "fieldset")
    legend = etree.SubElement(fieldset, "legend", {"class": "ctip-question__text"})
    legend.text = question.stem_md[-1]
    hint = etree.SubElement(
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
    options = etree.SubElement(
        fieldset, "ul", {"class": "ctip-question__options", "data-search-exclude": ""}
    )
    for number, text in enumerate(labels, 1):
        item = etree.SubElement(options, "li", {"class": "ctip-question__option"})
        input_id = f"{base}-{number}"
        etree.SubElement(
            item,
            "input",
            {
                "type": "checkbox" if multiple else "radio",
                "name": base,
                "id": input_id,
                "value": str(number - 1),
            },
        )
        label = etree.SubElement(item, "label", {"for": input_id})
        label.text = text

    etree.SubElement(
        form, "div", {"class": "ctip-question__result", "role": "status", "aria-live": "polite"}
    )
    _render_answer(md, form, question, t)


def _render_answer(md: Markdown, form: etree.Element, question: Question, t) -> None:
    details = etree.SubElement(form, "details", {"class": "ctip-answer", "data-search-exclude": ""})
    summary = etree.SubElement(details, "summary")
    summary.text = AtomicString(t("quiz.answer_details"))
    if question.kind == "truefalse":
        key = etree.SubElement(
            details,
            "p",
            {"class": "ctip-answer__key", "data-answer": "true" if question.answer else "false"},
        )
        key.text = AtomicString(t("quiz.correct_answer") + " ")
        value = etree.SubElement(key, "strong")
        value.text = AtomicString(t("quiz.true" if question.answer else "quiz.false"))
    else:
        options = etree.SubElement(details, "ul", {"class": "ctip-answer__options"})
        for option in question.options:
            item = etree.SubElement(
                options,
                "li",
                {
                    "class": "ctip-answer__option",
                    "data-correct": "true" if option.correct else "false",
                },
            )
            line = etree.SubElement(item, "p")
            verdict = etree.SubElement(line, "strong", {"class": "ctip-answer__verdict"})
            verdict.text = AtomicString(
                t("quiz.right_option" if option.correct else "quiz.wrong_option") + ":"
            )
            verdict.tail = " " + option.text_md
            feedback = etree.SubElement(item, "div", {"class": "ctip-answer__feedback"})
            md.parser.parseChunk(feedback, option.feedback_md)
    explanation = etree.SubElement(details, "div", {"class": "ctip-answer__explanation"})
    heading = etree.SubElement(explanation, "p")
    label = etree.SubElement(heading, "strong")
    label.text = AtomicString(t("quiz.explanation"))
    md.parser.parseChunk(explanation, question.explanation_md)
