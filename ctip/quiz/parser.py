"""The one parser of the quiz text format (docs/en/contributing/quizzes.md describes it).

`parse_document` reads a whole Markdown file and reports mistakes with real line numbers;
`parse_question` reads one question and is shared with the Markdown extension, so the build,
the content checks and the exporter all agree on what a question is.

Blocks are found the way pymdownx.blocks finds them: a start line `/// name | argument` with at
most 3 spaces before it, a header of `key: value` lines indented 4 or more spaces right after it,
and an end line of as many slashes alone. Fenced code is skipped.
"""

import re
from collections.abc import Mapping

from ctip import frontmatter
from ctip.fences import FENCE, fence_end

from .errors import QuizError
from .model import KINDS, Option, Question, Quiz

BLOCK_START = re.compile(r"^[ ]{0,3}(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
BLOCK_END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
HEADER_LINE = re.compile(r"^[ ]{4,}\S")
HEADER_OPTION = re.compile(r"^[ ]{4,}([A-Za-z_][\w-]*)[ ]*:[ ]*(.*?)[ ]*$")
# A quiz block indented as if inside an admonition or a list: pymdownx would find it there, but
# a quiz belongs at the top level of the page.
INDENTED_START = re.compile(r"^[ ]{4,}(/{3,})[ ]*(quiz|question)\b", re.I)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OPTION = re.compile(r"^[-*+][ ]+\[([ xX])\](?:[ ]+(.*?))?[ ]*$")
LIST_ITEM = re.compile(r"^[-*+][ ]+")
QUOTE = re.compile(r"^[ ]{0,3}>[ ]?(.*)$")
NOT_A_PARAGRAPH = re.compile(r"^(?:#{1,6}[ ]|[-*+][ ]|\d+[.)][ ]|\||`{3,}|~{3,}|[ ]{4})")

QUIZ_OPTIONS = ("id",)
QUESTION_OPTIONS = ("id", "answer", "pin")
# How many options each kind offers (MODULE_SPEC: 3 to 5, or 4 to 6 for select-all).
OPTION_COUNTS = {"single": (3, 5), "scenario": (3, 5), "multiple": (4, 6)}


# -- Headers -------------------------------------------------------------------------------------


def _check_id(value: object, what: str, example: str, line: int | None) -> str:
    if not isinstance(value, str) or not ID.match(value):
        raise QuizError(
            line,
            f"{what} id '{value}' is not valid: use lower-case letters, digits and hyphens, "
            f"e.g. '{example}'",
        )
    return value


def _unknown_options(
    options: Mapping, allowed: tuple[str, ...], line: int | None, option_lines: Mapping
) -> None:
    for key in options:
        if key not in allowed:
            raise QuizError(
                option_lines.get(key, line), f"unknown option '{key}' in the block header"
            )


def check_quiz_header(
    argument: str | None,
    options: Mapping,
    line: int | None = None,
    option_lines: Mapping[str, int] | None = None,
) -> str:
    """Validate the `/// quiz` line and header; return the quiz id."""
    option_lines = option_lines or {}
    if argument:
        raise QuizError(
            line,
            f"'/// quiz' takes nothing after '|' (found '{argument}'); "
            "give the quiz id in the header: '    id: m1'",
        )
    _unknown_options(options, QUIZ_OPTIONS, line, option_lines)
    if "id" not in options:
        raise QuizError(
            line, "quiz has no id: add '    id: m1' (indented 4 spaces) after '/// quiz'"
        )
    return _check_id(options["id"], "quiz", "m3", option_lines.get("id", line))


def check_question_header(
    kind: str | None,
    options: Mapping,
    line: int | None = None,
    option_lines: Mapping[str, int] | None = None,
) -> tuple[str, str, bool | None]:
    """Validate the `/// question | kind` line and header; return (kind, id, answer)."""
    option_lines = option_lines or {}
    kind = (kind or "").strip().lower()
    if not kind:
        raise QuizError(
            line,
            "question has no kind: write '/// question | single' "
            "(or multiple, truefalse, scenario)",
        )
    if kind not in KINDS:
        raise QuizError(line, f"unknown question kind '{kind}'; use one of: {', '.join(KINDS)}")
    _unknown_options(options, QUESTION_OPTIONS, line, option_lines)
    if "id" not in options:
        raise QuizError(
            line,
            f"question has no id: add '    id: m1-short-name' (indented 4 spaces) "
            f"after '/// question | {kind}'",
        )
    question_id = _check_id(options["id"], "question", "m3-first-contact", option_lines.get("id"))
    answer = options.get("answer")
    if kind == "truefalse":
        if not isinstance(answer, bool):
            raise QuizError(
                option_lines.get("answer", line),
                "truefalse question needs 'answer: true' or 'answer: false'",
            )
    elif "answer" in options:
        raise QuizError(
            option_lines.get("answer", line),
            f"'answer' is only for truefalse questions; in a {kind} question mark the right "
            "options with [x]",
        )
    pin = options.get("pin")
    if pin is not None and (pin != "last" or kind == "truefalse"):
        raise QuizError(
            option_lines.get("pin", line),
            "'pin: last' keeps the last option in place when options are shuffled "
            "(for 'None of these'); it is the only pin, and truefalse questions have no options",
        )
    return kind, question_id, answer


# -- One question ----------------------------------------------------------------------------


def parse_question(
    kind: str | None,
    options: Mapping,
    body: str,
    first_line: int | None,
    *,
    header_line: int | None = None,
    option_lines: Mapping[str, int] | None = None,
) -> Question:
    """Read one question.

    `kind` is the argument after `|`, `options` the parsed header, `body` the text between the
    header and the closing `///`, `first_line` the file line `body` starts on (None when
    unknown). `header_line` is the line of `/// question`; `option_lines` maps header keys to
    their lines. Raises QuizError.
    """
    if header_line is None:
        header_line = first_line
    kind, question_id, answer = check_question_header(kind, options, header_line, option_lines)
    reader = _BodyReader(kind, question_id, first_line)
    for index, line in enumerate(body.split("\n")):
        reader.feed(index, line.rstrip())
    question = reader.finish(header_line, answer)
    if options.get("pin") == "last":
        question.options[-1].pinned = True
    return question


class _BodyReader:
    """Question text, then the options (a task list with indented feedback), then a blockquote."""

    def __init__(self, kind: str, question_id: str, first_line: int | None):
        self.kind, self.id, self.first_line = kind, question_id, first_line
        self.state = "stem"
        self.stem: list[tuple[int | None, list[str]]] = []  # (line, lines) per paragraph
        self.paragraph: list[str] | None = None
        self.options: list[Option] = []
        self.feedback: list[list[str]] = []
        self.explanation: list[str] = []
        self.blank = False

    def at(self, index: int) -> int | None:
        return None if self.first_line is None else self.first_line + index

    def feed(self, index: int, line: str) -> None:
        option = OPTION.match(line)
        if option:
            self.add_option(index, option)
        elif self.state == "stem":
            self.feed_stem(index, line)
        elif self.state == "options":
            self.feed_options(index, line)
        else:
            self.feed_explanation(index, line)
        self.blank = not line

    def feed_stem(self, index: int, line: str) -> None:
        if not line:
            self.paragraph = None
        elif QUOTE.match(line):
            self.state = "explanation"
            self.feed_explanation(index, line)
        elif self.paragraph is None:
            self.paragraph = [line]
            self.stem.append((self.at(index), self.paragraph))
        else:
            self.paragraph.append(line)

    def add_option(self, index: int, match: re.Match) -> None:
        line = self.at(index)
        if self.kind == "truefalse":
            raise QuizError(
                line,
                "a truefalse question has no option list: give the answer in the header as "
                "'answer: true' or 'answer: false'",
            )
        if self.state == "explanation":
            raise QuizError(line, "options must come before the explanation ('> ...')")
        text = (match.group(2) or "").strip()
        if not text:
            raise QuizError(line, "option is empty")
        for earlier in self.options:
            if earlier.text_md == text:
                where = f" (line {earlier.line})" if earlier.line else ""
                raise QuizError(line, f"option '{text}' is listed twice{where}")
        self.state = "options"
        self.options.append(Option(text, match.group(1) != " ", "", line))
        self.feedback.append([])

    def feed_options(self, index: int, line: str) -> None:
        if not line:
            self.feedback[-1].append("")
        elif line.startswith("    "):
            self.feedback[-1].append(line[4:])
        elif QUOTE.match(line):
            self.state = "explanation"
            self.feed_explanation(index, line)
        elif line.startswith(" "):
            raise QuizError(self.at(index), "feedback must be indented 4 spaces under its option")
        elif LIST_ITEM.match(line):
            raise QuizError(
                self.at(index),
                "option needs a checkbox: '- [x] right option' or '- [ ] wrong option'",
            )
        else:
            raise QuizError(
                self.at(index),
                "text after the options must be feedback indented 4 spaces under an option, "
                "or the explanation as a blockquote ('> ...')",
            )

    def feed_explanation(self, index: int, line: str) -> None:
        quote = QUOTE.match(line)
        if quote:
            if self.blank and self.explanation:
                self.explanation.append("")
            self.explanation.append(quote.group(1))
        elif line and not self.blank:  # a lazy continuation line belongs to the quote
            self.explanation.append(line.strip())
        elif line:
            raise QuizError(
                self.at(index),
                "the explanation ('> ...') must be the last part of a question; "
                "move this text into it or above the options",
            )

    def finish(self, header_line: int | None, answer: bool | None) -> Question:
        kind, question_id = self.kind, self.id
        if not self.stem:
            raise QuizError(header_line, f"question '{question_id}' has no question text")
        last_line, last = self.stem[-1]
        if LIST_ITEM.match(last[0]) and kind != "truefalse" and self.options:
            raise QuizError(
                last_line, "option needs a checkbox: '- [x] right option' or '- [ ] wrong option'"
            )
        if NOT_A_PARAGRAPH.match(last[0]):
            raise QuizError(
                last_line,
                "the question itself must be a plain paragraph of its own, "
                + (
                    "just before the explanation"
                    if kind == "truefalse"
                    else "just before the options"
                ),
            )
        if kind == "scenario" and len(self.stem) < 2:
            raise QuizError(
                header_line,
                f"scenario question '{question_id}' needs the case in one or more paragraphs, "
                "then the question in a paragraph of its own",
            )
        for option, lines in zip(self.options, self.feedback, strict=True):
            option.feedback_md = "\n".join(lines).strip("\n")
        if kind != "truefalse":
            self.check_options(header_line)
        explanation = "\n".join(self.explanation).strip()
        if not explanation:
            raise QuizError(
                header_line,
                f"question '{question_id}' has no explanation: add it after the "
                + ("question" if kind == "truefalse" else "options")
                + " as a blockquote ('> ...')",
            )
        return Question(
            id=question_id,
            kind=kind,
            line=header_line,
            stem_md=["\n".join(lines) for _, lines in self.stem],
            options=self.options,
            answer=answer if kind == "truefalse" else None,
            explanation_md=explanation,
        )

    def check_options(self, header_line: int | None) -> None:
        kind, question_id = self.kind, self.id
        if not self.options:
            raise QuizError(
                header_line,
                f"question '{question_id}' has no options: list them as "
                "'- [x] right option' and '- [ ] wrong option'",
            )
        right = sum(option.correct for option in self.options)
        if not right:
            raise QuizError(header_line, "no right option: mark one with [x]")
        if kind == "single" and right > 1:
            raise QuizError(
                header_line,
                f"question '{question_id}' (single) has {right} right options; a single-choice "
                "question needs exactly one — use 'multiple' for select-all",
            )
        if kind == "scenario" and right > 1:
            raise QuizError(
                header_line,
                f"question '{question_id}' (scenario) has {right} right options; a scenario "
                "question needs exactly one",
            )
        low, high = OPTION_COUNTS[kind]
        if not low <= len(self.options) <= high:
            raise QuizError(
                header_line,
                f"question '{question_id}' ({kind}) has {len(self.options)} options; "
                f"a {kind} question needs {low} to {high}",
            )
        for option in self.options:
            if not option.feedback_md:
                raise QuizError(
                    option.line,
                    "option has no feedback: add a line indented 4 spaces under it saying why "
                    "it is right or wrong",
                )


# -- A whole document --------------------------------------------------------------------------


def parse_document(text: str) -> list[Quiz]:
    """Every quiz in the text of a Markdown file, with the file's line numbers."""
    front = frontmatter.split(text.removeprefix("\ufeff"))
    return parse_body(front.body, front.body_line)


parses = 0  # documents parsed by this module (tests count them)


def parse_body(body: str, first_line: int = 1) -> list[Quiz]:
    """Every quiz in a page's body; `first_line` is the file line the body starts on."""
    global parses
    parses += 1
    offset = first_line - 1
    lines = [line.expandtabs(4) for line in body.split("\n")]
    quizzes: list[Quiz] = []
    quiz_lines: dict[str, int] = {}
    question_lines: dict[str, int] = {}
    quiz: Quiz | None = None
    quiz_slashes = 0
    others: list[tuple[str, int, int]] = []  # other open blocks: (name, slashes, line)
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1 + offset
        start, end = BLOCK_START.match(line), BLOCK_END.match(line)
        if FENCE.match(line):
            if quiz is not None:
                raise _stray(number)
            index = fence_end(lines, index)
            continue
        if indented := INDENTED_START.match(line):
            raise QuizError(
                number,
                f"a /// {indented.group(2).lower()} block must start at the beginning of the "
                "line, at the top level of the page (not indented inside an admonition, a list "
                "or another block)",
            )
        if start:
            slashes, name, argument = len(start.group(1)), start.group(2).lower(), start.group(3)
            options, option_lines, index = _read_header(lines, index + 1, offset)
            if options is None:
                if name in ("quiz", "question"):
                    raise QuizError(
                        number + 1,
                        "the block header must be 'key: value' lines indented 4 spaces, "
                        "e.g. '    id: m1-x'",
                    )
                continue  # pymdownx reads such a block as plain text
            if name == "quiz":
                if quiz is not None:
                    raise QuizError(
                        number,
                        f"a quiz cannot contain another quiz: close quiz '{quiz.id}' "
                        f"(line {quiz.line}) with '///' first",
                    )
                if others:
                    name, _, opened = others[-1]
                    raise QuizError(
                        number,
                        "a /// quiz block must be at the top level of the page, "
                        f"not inside '/// {name}' (line {opened})",
                    )
                quiz_id = check_quiz_header(argument, options, number, option_lines)
                if quiz_id in quiz_lines:
                    raise QuizError(
                        number,
                        f"duplicate quiz id '{quiz_id}' (first used on line {quiz_lines[quiz_id]})",
                    )
                quiz_lines[quiz_id] = number
                quiz, quiz_slashes = Quiz(quiz_id, number, []), slashes
            elif name == "question":
                if quiz is None:
                    raise QuizError(number, "question outside a /// quiz block")
                question, index = _read_question(
                    lines, index, argument, options, option_lines, number, slashes, offset
                )
                if question.id in question_lines:
                    raise QuizError(
                        number,
                        f"duplicate question id '{question.id}' "
                        f"(first used on line {question_lines[question.id]})",
                    )
                question_lines[question.id] = number
                quiz.questions.append(question)
            elif quiz is not None:
                raise QuizError(
                    number,
                    f"only /// question blocks may go inside a /// quiz block, not '/// {name}'",
                )
            else:
                others.append((name, slashes, number))
            continue
        if end:
            slashes = len(end.group(1))
            if quiz is not None:
                if slashes != quiz_slashes:
                    raise _mismatch(number, line, quiz_slashes, "quiz", quiz.line)
                if not quiz.questions:
                    raise QuizError(quiz.line, f"quiz '{quiz.id}' has no questions")
                quiz.end = number
                quizzes.append(quiz)
                quiz = None
            elif others and others[-1][1] == slashes:
                others.pop()
        elif quiz is not None and line.strip():
            raise _stray(number)
        index += 1
    if quiz is not None:
        raise QuizError(quiz.line, "/// quiz opened here is never closed")
    return quizzes


def _read_header(
    lines: list[str], index: int, offset: int
) -> tuple[dict | None, dict[str, int], int]:
    """The header after a start line: (options or None if not 'key: value' lines, the line of
    each key, next index). Values are read as pymdownx reads simple YAML scalars."""
    end = index
    while end < len(lines) and HEADER_LINE.match(lines[end]):
        end += 1
    options: dict = {}
    option_lines: dict[str, int] = {}
    for number in range(index, end):
        match = HEADER_OPTION.match(lines[number])
        if match is None:
            return None, {}, end
        options[match.group(1)] = _scalar(match.group(2))
        option_lines.setdefault(match.group(1), number + 1 + offset)
    return options, option_lines, end


def _scalar(text: str):
    """A YAML scalar as a header holds it: true/false, a whole number, or text."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    lowered = text.lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off"):
        return False
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    return text or None


def _read_question(
    lines: list[str],
    index: int,
    kind: str | None,
    options: dict,
    option_lines: dict[str, int],
    header_line: int,
    slashes: int,
    offset: int,
) -> tuple[Question, int]:
    """Parse the question whose body starts at `index`; return it and the index after its end."""
    end = index
    while end < len(lines):
        line = lines[end]
        if FENCE.match(line):
            end = fence_end(lines, end)
            continue
        closing, start = BLOCK_END.match(line), BLOCK_START.match(line)
        if closing and len(closing.group(1)) == slashes:
            break
        if closing:
            raise _mismatch(end + 1 + offset, line, slashes, "question", header_line)
        if start and start.group(2).lower() in ("question", "quiz"):
            raise QuizError(header_line, "/// question opened here is never closed")
        if start:
            raise QuizError(
                end + 1 + offset, f"blocks cannot go inside a question ('/// {start.group(2)}')"
            )
        end += 1
    else:
        raise QuizError(header_line, "/// question opened here is never closed")
    question = parse_question(
        kind,
        options,
        "\n".join(lines[index:end]),
        index + 1 + offset,
        header_line=header_line,
        option_lines=option_lines,
    )
    return question, end + 1


def _stray(number: int) -> QuizError:
    return QuizError(
        number,
        "only /// question blocks may go inside a /// quiz block: move this text into a "
        "question or out of the quiz",
    )


def _mismatch(number: int, line: str, slashes: int, name: str, opened: int) -> QuizError:
    return QuizError(
        number,
        f"'{line.strip()}' does not close the {name} opened with '{'/' * slashes}' on line "
        f"{opened}: use the same number of slashes",
    )


# -- Structure shared by the translations ---------------------------------------------------------


def structure(quizzes: list[Quiz]) -> list[dict]:
    """What must be the same in every language: ids, kinds, option count, which are right."""
    return [
        {
            "quiz": quiz.id,
            "questions": [
                {
                    "id": question.id,
                    "kind": question.kind,
                    "options": len(question.options),
                    "right": [n for n, option in enumerate(question.options, 1) if option.correct],
                    "answer": question.answer,
                    "pinned": [n for n, option in enumerate(question.options, 1) if option.pinned],
                }
                for question in quiz.questions
            ],
        }
        for quiz in quizzes
    ]


def compare_structure(
    a: list[dict], b: list[dict], names: tuple[str, str] = ("original", "translation")
) -> list[str]:
    """Differences between two `structure()` results, as sentences; empty when they agree."""
    first, second = names
    differences = []
    quiz_ids = ([quiz["quiz"] for quiz in a], [quiz["quiz"] for quiz in b])
    if quiz_ids[0] != quiz_ids[1]:
        differences.append(
            f"quizzes differ: {', '.join(quiz_ids[0]) or 'none'} in the {first}, "
            f"{', '.join(quiz_ids[1]) or 'none'} in the {second}"
        )
    quizzes_b = {quiz["quiz"]: quiz for quiz in b}
    for quiz_a in a:
        quiz_b = quizzes_b.get(quiz_a["quiz"])
        if quiz_b is None:
            continue
        questions_b = {question["id"]: question for question in quiz_b["questions"]}
        ids_a = [question["id"] for question in quiz_a["questions"]]
        ids_b = list(questions_b)
        for missing in [qid for qid in ids_a if qid not in questions_b]:
            differences.append(f"question '{missing}' is missing in the {second}")
        for extra in [qid for qid in ids_b if qid not in ids_a]:
            differences.append(f"question '{extra}' is missing in the {first}")
        common = [qid for qid in ids_a if qid in questions_b]
        if common != [qid for qid in ids_b if qid in ids_a]:
            differences.append(f"quiz '{quiz_a['quiz']}': the questions are in a different order")
        for question_a in quiz_a["questions"]:
            question_b = questions_b.get(question_a["id"])
            if question_b is None:
                continue
            for key, label in (
                ("kind", "kind"),
                ("options", "number of options"),
                ("right", "right options"),
                ("answer", "truefalse answer"),
                ("pinned", "pinned options"),
            ):
                if question_a[key] != question_b[key]:
                    differences.append(
                        f"question '{question_a['id']}': {label} is {question_a[key]} in the "
                        f"{first} but {question_b[key]} in the {second}"
                    )
    return differences
