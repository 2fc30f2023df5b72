"""Self-check quizzes: the model, the one parser of the text format, the Markdown extension.

Nothing here imports MkDocs: the parser also serves the exporter and the content checks.
"""

from .errors import QuizError
from .model import KINDS, Option, Question, Quiz
from .parser import compare_structure, parse_body, parse_document, parse_question, structure

__all__ = [
    "KINDS",
    "Option",
    "Question",
    "Quiz",
    "QuizError",
    "compare_structure",
    "parse_body",
    "parse_document",
    "parse_question",
    "structure",
]
