"""Quizzes to Moodle: GIFT text and Moodle XML, from what ctip.quiz.parser reads.

Each module becomes a question category named after the page title; each question keeps its id
(Moodle's "ID number"). Options are shuffled, as on the site: Moodle XML turns "Shuffle the
choices" on for each question; a question with a pinned option ("None of these" kept last) has it
off instead, since Moodle can only shuffle all of a question's choices or none, and GIFT (which
cannot say either) tags such questions `keep-order` so an administrator can find them. Question
text, options, feedback and explanations stay Markdown, which Moodle renders. Select-all
questions score as on the site: each right option is worth 100/R percent (R right options), each
wrong one costs the same, and Moodle keeps the total between 0 and 100.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

from ctip.pages import Page, Site, course

from .model import Question, Quiz

GIFT_SPECIAL = "~=#{}:"


class Module:
    def __init__(self, path: Path, title: str, quizzes: list[Quiz]):
        self.path, self.title, self.quizzes = path, title, quizzes

    @property
    def questions(self) -> list[Question]:
        return [question for quiz in self.quizzes for question in quiz.questions]


def from_page(page: Page) -> Module:
    """The page's quizzes (raises the page's FrontMatterError or QuizError)."""
    if page.meta_error:
        raise page.meta_error
    return Module(page.path, page.title, page.quizzes)


def read_module(path: Path) -> Module:
    """One Markdown file, wherever it is."""
    path = path.resolve()
    page = Page(root=path.parent, path=path, language="", name=path.name, text=_text(path))
    return from_page(page)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def language_modules(docs: Path, lang: str) -> list[Module]:
    """The modules with a quiz, in curriculum order, as a reader of `lang` gets them."""
    site = Site.load(docs)
    return [
        from_page(module.page)
        for module in course(site, lang).modules
        if module.page.language == lang and "quiz" in {b.name for b in module.page.outline.blocks}
    ]


def percent(value: float) -> str:
    """A Moodle grade: 50, -50, 33.33333, 16.66667."""
    return str(int(value)) if value == int(value) else f"{value:.5f}"


def option_fractions(question: Question) -> list[str]:
    if question.kind != "multiple":
        return ["100" if option.correct else "0" for option in question.options]
    share = 100 / sum(option.correct for option in question.options)
    return [percent(share if option.correct else -share) for option in question.options]


def paragraphs(markdown: str) -> list[str]:
    """Markdown paragraphs with their lines joined: GIFT ends a question at a blank line."""
    blocks = [block for block in markdown.split("\n\n") if block.strip()]
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks]


# -- GIFT --------------------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def gift_text(*markdown: str) -> str:
    """Markdown as one GIFT line; paragraphs are separated by GIFT's \\n escape."""
    return "\\n\\n".join(gift_escape(p) for block in markdown for p in paragraphs(block))


def gift_question(question: Question) -> str:
    pinned = " [tag:keep-order]" if any(option.pinned for option in question.options) else ""
    lines = [
        f"// [id:{question.id}]{pinned}",
        f"::{gift_escape(question.id)}::[markdown]{gift_text(*question.stem_md)}{{",
    ]
    if question.kind == "truefalse":
        lines[-1] += "T" if question.answer else "F"
    else:
        fractions = option_fractions(question)
        for option, fraction in zip(question.options, fractions, strict=True):
            if question.kind == "multiple":
                mark = f"~%{fraction}%"
            else:
                mark = "=" if option.correct else "~"
            feedback = gift_text(option.feedback_md)
            lines.append(
                f"\t{mark}{gift_escape(option.text_md)}" + (f"#{feedback}" if feedback else "")
            )
    lines.append(f"\t####{gift_text(question.explanation_md)}")
    lines.append("}")
    return "\n".join(lines)


def to_gift(modules: list[Module]) -> str:
    parts = ["// Quizzes of the counter-trafficking training site (ctip export-quizzes)."]
    for module in modules:
        parts.append(f"$CATEGORY: $course$/top/{category_name(module.title)}")
        parts.extend(gift_question(question) for question in module.questions)
    return "\n\n".join(parts) + "\n"


def category_name(title: str) -> str:
    return " ".join(title.replace("/", "-").split())


# -- Moodle XML ------------------------------------------------------------------------------


def text_element(parent: ET.Element, tag: str, text: str, markdown: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "markdown"} if markdown else {})
    ET.SubElement(element, "text").text = text
    return element


def xml_question(parent: ET.Element, question: Question) -> None:
    kind = "truefalse" if question.kind == "truefalse" else "multichoice"
    element = ET.SubElement(parent, "question", {"type": kind})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question.id
    text_element(element, "questiontext", "\n\n".join(question.stem_md))
    text_element(element, "generalfeedback", question.explanation_md)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    if kind == "truefalse":
        for value in (True, False):
            answer = ET.SubElement(
                element,
                "answer",
                {
                    "fraction": "100" if question.answer is value else "0",
                    "format": "moodle_auto_format",
                },
            )
            ET.SubElement(answer, "text").text = "true" if value else "false"
            text_element(answer, "feedback", "")
        return
    ET.SubElement(element, "single").text = "false" if question.kind == "multiple" else "true"
    pinned = any(option.pinned for option in question.options)
    ET.SubElement(element, "shuffleanswers").text = "false" if pinned else "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    for option, fraction in zip(question.options, option_fractions(question), strict=True):
        answer = ET.SubElement(element, "answer", {"fraction": fraction, "format": "markdown"})
        ET.SubElement(answer, "text").text = option.text_md
        text_element(answer, "feedback", option.feedback_md)


def to_moodle_xml(modules: list[Module]) -> str:
    root = ET.Element("quiz")
    for module in modules:
        category = ET.SubElement(root, "question", {"type": "category"})
        name = ET.SubElement(category, "category")
        ET.SubElement(name, "text").text = f"$course$/top/{category_name(module.title)}"
        for question in module.questions:
            xml_question(root, question)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
