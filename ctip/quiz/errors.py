"""The one error type of the quiz format, with the line an editor should look at."""

from dataclasses import dataclass


@dataclass
class QuizError(Exception):
    """A mistake in a quiz. `line` is a 1-based line of the Markdown file, or None if unknown."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"{self.line}: {self.message}"
