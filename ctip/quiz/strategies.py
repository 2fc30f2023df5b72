"""What a reader scores who answers by surface patterns instead of reading.

Each strategy picks answers from the form of the options alone (the longest, the shortest, a
position, "true", the first k of a select-all list), kind by kind; combined, they give the best
score such a reader reaches. A quiz that rewards reading keeps every combination below its pass
mark. Scores follow quiz.js: one point a question; select-all questions earn (right - wrong) /
right options, never below zero.
"""

import itertools
from collections.abc import Callable

from .model import Question

Pick = Callable[[Question], list[int]]
CHOICE_KINDS = ("single", "scenario")


def score(question: Question, chosen: list[int]) -> float:
    key = question.correct
    right = sum(1 for index in chosen if key[index])
    wrong = len(chosen) - right
    return max(0.0, (right - wrong) / sum(key))


def _by_length(longest: bool) -> Pick:
    def pick(question: Question) -> list[int]:
        lengths = [len(option.text_md) for option in question.options]
        best = max(lengths) if longest else min(lengths)
        return [lengths.index(best)]

    return pick


def _position(number: int) -> Pick:
    return lambda question: [min(number, len(question.options)) - 1]


def _first(count: int) -> Pick:
    return lambda question: list(range(min(count, len(question.options))))


CHOICE = {
    "longest": _by_length(True),
    "shortest": _by_length(False),
    **{f"position {n}": _position(n) for n in range(1, 6)},
}
TRUEFALSE = {"always true": lambda q: [0], "always false": lambda q: [1]}
MULTIPLE = {
    "longest half": lambda q: sorted(
        sorted(range(len(q.options)), key=lambda i: -len(q.options[i].text_md))[
            : len(q.options) // 2
        ]
    ),
    **{f"first {k}": _first(k) for k in range(1, 7)},
}


def best(questions: list[Question]) -> tuple[float, str]:
    """The highest percent any combination of strategies reaches, and which one."""
    top = (-1.0, "")
    for (choice, pick_choice), (tf, pick_tf), (multi, pick_multi) in itertools.product(
        CHOICE.items(), TRUEFALSE.items(), MULTIPLE.items()
    ):
        points = 0.0
        for question in questions:
            if question.kind in CHOICE_KINDS:
                points += score(question, pick_choice(question))
            elif question.kind == "truefalse":
                points += score(question, pick_tf(question))
            else:
                points += score(question, pick_multi(question))
        percent = 100 * points / len(questions) if questions else 0.0
        if percent > top[0]:
            top = (percent, f"{choice}; {tf}; select-all: {multi}")
    return top
