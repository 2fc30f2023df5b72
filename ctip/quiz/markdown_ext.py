"""Python-Markdown extension for `/// quiz` blocks: renders the quizzes of the page model.

The quiz text format has one parser (ctip.quiz.parser), which the content check, the build
checks and the exporters also use. This extension does not parse quizzes a second time: it takes
the page's parsed quizzes from the page model (ctip.pages, found from the text it is given), cuts
each quiz's lines out of the text before Markdown's block parser sees them, and renders the
model where the quiz stood. Rendered alone (no page model), it parses the text itself once.

Config: `lang` picks the UI strings of the labels written into the page; `pass_mark` (percent)
is the default when the page does not set one.
"""

from functools import partial

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, STX

from ctip.project import PASS_MARK, PASS_MARK_RANGE
from ctip.ui_strings import translate

from .errors import QuizError
from .parser import parse_body
from .render import render_question, render_quiz_start

MARKER = STX + "ctip-quiz:{}" + ETX


def page_quizzes(md: Markdown, lines: list[str]) -> list:
    """The quizzes of the text being converted: the page model's, else parsed here."""
    page = getattr(md, "ctip_page", None)
    if page is not None:
        return page.quizzes
    return parse_body("\n".join(lines))


def check_pass_mark(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in PASS_MARK_RANGE:
        raise QuizError(
            None,
            f"pass_mark must be a whole percent from {PASS_MARK_RANGE.start} to "
            f"{PASS_MARK_RANGE.stop - 1}, not {value!r}",
        )
    return value


class QuizCutter(Preprocessor):
    """Replaces the lines of each quiz by a marker line the block processor renders."""

    def __init__(self, md: Markdown, quizzes: dict):
        super().__init__(md)
        self.quizzes = quizzes

    def run(self, lines: list[str]) -> list[str]:
        self.quizzes.clear()
        found = page_quizzes(self.md, lines)
        if not found:
            return lines
        first = getattr(getattr(self.md, "ctip_page", None), "body_line", 1)
        result, position = [], 0
        for number, quiz in enumerate(found):
            start, end = quiz.line - first, quiz.end - first
            result.extend(lines[position:start])
            result.extend(["", MARKER.format(number), ""])
            self.quizzes[MARKER.format(number)] = quiz
            position = end + 1
        result.extend(lines[position:])
        return result


class QuizRenderer(BlockProcessor):
    def __init__(self, md: Markdown, quizzes: dict, config: dict):
        super().__init__(md.parser)
        self.md, self.quizzes, self.config = md, quizzes, config

    def test(self, parent, block) -> bool:
        return block.strip() in self.quizzes

    def run(self, parent, blocks) -> None:
        quiz = self.quizzes[blocks.pop(0).strip()]
        page = getattr(self.md, "ctip_page", None)
        pass_mark = check_pass_mark(page.pass_mark if page else self.config["pass_mark"])
        t = partial(translate, self.config["lang"])
        section = render_quiz_start(self.md, parent, quiz.id, pass_mark, t)
        for question in quiz.questions:
            render_question(self.md, section, question, t)


class QuizExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the labels written into the page (ctip/ui_strings.yml)"],
            "pass_mark": [PASS_MARK, "Percent needed to pass, unless the page sets pass_mark"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        check_pass_mark(self.getConfig("pass_mark"))
        quizzes: dict = {}
        # After NormalizeWhitespace (30), before raw HTML is stashed (20).
        md.preprocessors.register(QuizCutter(md, quizzes), "ctip_quiz", 29)
        md.parser.blockprocessors.register(
            QuizRenderer(md, quizzes, self.getConfigs()), "ctip_quiz", 200
        )


def makeExtension(**kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return QuizExtension(**kwargs)
