"""The learner's quiz state in `cmi.suspend_data`: the format lms.js writes, and its worst case.

SCORM 1.2 gives a SCO 4,096 characters of `cmi.suspend_data`. lms.js keeps there what quiz.js
keeps in ctipStore on the website (the reader's shuffle seed, the attempt number of each quiz,
the answer to each question), in this form (version 1):

    1|<seed>|<quiz id>.<attempt>,...|<question id>.<chosen>.<sign>,...

- <seed>: quiz.js's shuffle seed, base 36, at most 24 characters (dropped otherwise: quiz.js
  then draws a new one);
- <attempt>: how often the quiz was started again, base 36, at most ATTEMPT_DIGITS digits
  (capped); quizzes never restarted are left out;
- <chosen>: the chosen options as a bitmask of their AUTHORED places (bit 0 is the first option
  written, whatever the order on the screen), base 36; `!` when the reader asked for the answer;
- <sign>: the question's kind as one letter and its answer key, one 0/1 per option in authored
  order. quiz.js compares it with the question as it is now and drops an answer to a question
  whose right options have changed (a new edition of the package).

Entries are sorted by name, as lms.js sorts them. `encode` mirrors lms.js (the browser tests
compare the two); `worst_case` is the longest text a module can produce: every question
answered with every option chosen, the longest seed, every quiz restarted the most times.
"""

from dataclasses import dataclass

from ctip.pages import Module

LIMIT = 4096  # SCORM 1.2: cmi.suspend_data is a CMIString4096
VERSION = "1"
SEED_LENGTH = 24
ATTEMPT_DIGITS = 4  # base 36: up to 1,679,615 restarts of one quiz
KIND_LETTERS = {"single": "s", "multiple": "m", "truefalse": "t", "scenario": "c"}


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


@dataclass(frozen=True)
class Answer:
    selected: tuple[int, ...]  # authored places
    sign: str  # "kind:0101", as quiz.js computes it
    shown: bool = False


def encode(seed: str, attempts: dict[str, int], answers: dict[str, Answer]) -> str:
    """The suspend_data lms.js writes for this state."""
    attempt_part = ",".join(
        f"{quiz}.{base36(min(count, 36**ATTEMPT_DIGITS - 1))}"
        for quiz, count in sorted(attempts.items())
        if count > 0
    )
    answer_part = []
    for question, answer in sorted(answers.items()):
        kind, key = answer.sign.split(":")
        chosen = "!" if answer.shown else base36(sum(1 << n for n in set(answer.selected)))
        answer_part.append(f"{question}.{chosen}.{KIND_LETTERS[kind]}{key}")
    return "|".join([VERSION, seed, attempt_part, ",".join(answer_part)])


def sign(question) -> str:
    """quiz.js's sign of a question of the model: kind and answer key."""
    return question.kind + ":" + "".join("1" if right else "0" for right in question.correct)


def worst_case(module: Module) -> str:
    """The longest suspend_data the module's page can produce."""
    quizzes = module.page.quizzes
    answers = {
        question.id: Answer(tuple(range(len(question.correct))), sign(question))
        for quiz in quizzes
        for question in quiz.questions
    }
    attempts = {quiz.id: 36**ATTEMPT_DIGITS - 1 for quiz in quizzes}
    return encode("z" * SEED_LENGTH, attempts, answers)


def longest(modules: list[Module]) -> tuple[int, Module | None]:
    """The worst case over modules: (length, module)."""
    found = [(len(worst_case(module)), module) for module in modules]
    return max(found, key=lambda item: item[0], default=(0, None))
