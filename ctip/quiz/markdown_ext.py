"""Python-Markdown extension for `/// quiz` and `/// question | kind` blocks.

Built on pymdown-extensions' Blocks API, the same machinery as the site's `/// details` and
`/// admonition` blocks, so a quiz is ordinary Markdown to the rest of the toolchain. Unlike
pymdownx's own blocks, a quiz block with a bad argument, header or body never falls back to
plain text: it raises QuizError, naming what is wrong, and the build fails.

The question body is taken raw and read by `ctip.quiz.parser.parse_question`, the parser the
content checks and the exporter use; `ctip.quiz.render` turns it into HTML.

Config: `lang` picks the UI strings of server-rendered labels; `pass_mark` (percent) is written
on the quiz for quiz.js. The ctip MkDocs plugin sets both per page.
"""

import xml.etree.ElementTree as etree
from functools import partial

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx import util as pymdownx_util
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ctip.ui_strings import translate

from .errors import QuizError
from .parser import check_question_header, check_quiz_header, parse_question
from .render import render_question, render_quiz_start

NAMES = ("quiz", "question")


def _in_context(error: QuizError, where: str) -> QuizError:
    return QuizError(error.line, f"{where}: {error.message}")


class QuizBlock(Block):
    """`/// quiz` with an `id` option; its content is Markdown holding question blocks."""

    NAME = "quiz"
    ARGUMENT = None
    OPTIONS = {"id": ("", None)}

    def _validate(self, parent, arg, **options) -> bool:
        try:
            quiz_id = check_quiz_header(arg, options)
        except QuizError as error:
            raise _in_context(error, "/// quiz") from None
        if parent is not getattr(self.md.parser, "root", None):
            raise QuizError(
                None,
                f"quiz '{quiz_id}': a /// quiz block must be at the top level of the page, "
                "not indented or inside another block",
            )
        if quiz_id in self.tracker.setdefault("ids", set()):
            raise QuizError(None, f"duplicate quiz id '{quiz_id}'")
        self.tracker["ids"].add(quiz_id)
        self.argument = arg
        self.options = {"id": quiz_id, "attrs": {}}
        return True

    def on_markdown(self) -> str:
        return "block"

    def on_create(self, parent):
        t = partial(translate, self.config["lang"])
        return render_quiz_start(parent, self.options["id"], self.config["pass_mark"], t)

    def on_end(self, block) -> None:
        quiz_id = self.options["id"]
        questions = 0
        for child in block:
            if child.get("class") == "ctip-question":
                questions += 1
            elif child.get("class") != "ctip-quiz__note":
                text = " ".join("".join(child.itertext()).split())[:60]
                raise QuizError(
                    None,
                    f"quiz '{quiz_id}': only /// question blocks may go inside a /// quiz block "
                    f"(found '{text}')",
                )
        if not questions:
            raise QuizError(None, f"quiz '{quiz_id}' has no questions")


class QuestionBlock(Block):
    """`/// question | kind` with `id` (and `answer` for truefalse); its body is read raw."""

    NAME = "question"
    ARGUMENT = None
    OPTIONS = {"id": ("", None), "answer": (None, None)}

    def _validate(self, parent, arg, **options) -> bool:
        where = f"/// question | {arg}" if arg else "/// question"
        if "id" in options:
            where += f" (id '{options['id']}')"
        try:
            kind, question_id, _ = check_question_header(arg, options)
        except QuizError as error:
            raise _in_context(error, where) from None
        if parent.get("class") != "ctip-quiz":
            raise QuizError(None, f"question '{question_id}': question outside a /// quiz block")
        if question_id in self.tracker.setdefault("ids", set()):
            raise QuizError(None, f"duplicate question id '{question_id}'")
        self.tracker["ids"].add(question_id)
        self.argument = kind
        self.header = dict(options)
        self.options = {"id": question_id, "attrs": {}}
        return True

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(
            parent,
            "form",
            {
                "class": "ctip-question",
                "data-question-id": self.options["id"],
                "data-kind": self.argument,
            },
        )

    def on_end(self, block) -> None:
        body, block.text = block.text or "", None
        try:
            question = parse_question(self.argument, self.header, body, None)
        except QuizError as error:
            raise _in_context(error, f"question '{self.options['id']}'") from None
        render_question(self.md, block, question, partial(translate, self.config["lang"]))


class UnclosedBlocks(Treeprocessor):
    """pymdownx leaves a block that is never closed on its stack, unrendered: fail instead."""

    def __init__(self, md: Markdown, block_mgr: BlocksProcessor):
        super().__init__(md)
        self.block_mgr = block_mgr

    def run(self, root) -> None:
        for entry in self.block_mgr.stack:
            if isinstance(entry.block, QuizBlock | QuestionBlock):
                name = entry.block.NAME
                raise QuizError(
                    None,
                    f"{name} '{entry.block.options['id']}': /// {name} opened here is never closed",
                )


def _strict(block_mgr: BlocksProcessor) -> None:
    """Raise where pymdownx would silently show a quiz block with a bad header as plain text."""
    test = block_mgr.test

    def strict_test(parent, block: str) -> bool:
        found = test(parent, block)
        if not found:
            start = block_mgr.start.search(block)
            if (
                start
                and start.group(2).lower() in NAMES
                and not pymdownx_util.nearing_depth_limit(block_mgr.parser, parent)
            ):
                raise QuizError(
                    None,
                    f"'{start.group(0).strip()}': the block header must be 'key: value' lines "
                    "indented 4 spaces, e.g. '    id: m1-x'",
                )
        return found

    block_mgr.test = strict_test


class QuizExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            "lang": ["en", "Language of the labels written into the page (ctip/ui_strings.yml)"],
            "pass_mark": [80, "Percent of the points needed to pass the quiz"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        config = self.getConfigs()
        pass_mark = config["pass_mark"]
        if (
            not isinstance(pass_mark, int)
            or isinstance(pass_mark, bool)
            or not 0 <= pass_mark <= 100
        ):
            raise QuizError(
                None, f"pass_mark must be a whole percent from 0 to 100, not {pass_mark!r}"
            )
        block_mgr.register(QuizBlock, config)
        block_mgr.register(QuestionBlock, config)
        _strict(block_mgr)
        md.treeprocessors.register(UnclosedBlocks(md, block_mgr), "ctip_quiz_unclosed", 30)


def makeExtension(*args, **kwargs):  # noqa: N802 (the name Python-Markdown looks for)
    return QuizExtension(*args, **kwargs)
