"""What a quiz is, independent of how it is written or shown."""

from dataclasses import dataclass, field

KINDS = ("single", "multiple", "truefalse", "scenario")


@dataclass
class Option:
    text_md: str  # one line of inline Markdown
    correct: bool
    feedback_md: str = ""  # Markdown: why this option is right or wrong
    line: int | None = None
    pinned: bool = False  # keeps its place when options are shuffled ("None of these")


@dataclass
class Question:
    id: str
    kind: str  # one of KINDS
    line: int | None
    stem_md: list[str]  # paragraphs; the last is the question itself, any before it the case
    options: list[Option] = field(default_factory=list)  # empty for truefalse
    answer: bool | None = None  # truefalse only
    explanation_md: str = ""

    @property
    def correct(self) -> list[bool]:
        """Which choices are right, in order; a truefalse question offers True, then False."""
        if self.kind == "truefalse":
            return [self.answer is True, self.answer is False]
        return [option.correct for option in self.options]


@dataclass
class Quiz:
    id: str
    line: int | None  # the `/// quiz` line
    questions: list[Question] = field(default_factory=list)
    end: int | None = None  # the line of the `///` that closes it
