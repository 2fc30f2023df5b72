"""Export to Moodle: exact GIFT, escaping read back the way Moodle reads it, well-formed XML."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ctip.quiz import export as export_quiz

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_IDS = [
    "fx-single",
    "fx-multi",
    "fx-true",
    "fx-false",
    "fx-scenario",
    "fx2-single",
    "fx2-true",
]
FIXTURE = ROOT / "tests" / "fixtures" / "quiz"
PAGE = FIXTURE / "docs" / "en" / "quiz.md"


TRICKY = """\
---
title: "Escaping: a/b"
---

/// quiz
    id: t

/// question | single
    id: t-escape

A case with all of them: ~ = # { } : and a back\\slash, see <https://example.org/a#b>.

It has a second paragraph
over two lines.

- [x] 1 = 1 {always}
    Right: see *note* #1.
- [ ] 2 ~ 3
    No.
- [ ] 50%
    No.

> Why: C:\\temp is a path.
>
> Second paragraph.
///

///
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ctip.cli", "export-quizzes", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


# -- A GIFT reader that follows Moodle's qformat_gift::readquestion ------------------------------

_PLACEHOLDERS = {
    "\\:": ":",
    "\\#": "#",
    "\\=": "=",
    "\\{": "{",
    "\\}": "}",
    "\\~": "~",
    "\\n": "\n",
}


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\x00")
    for escaped, char in _PLACEHOLDERS.items():
        text = text.replace(escaped, f"\x01{ord(char)}\x02")
    return text.replace("\x00", "\\")


def _post(text: str) -> str:
    return re.sub("\x01([0-9]+)\x02", lambda m: chr(int(m.group(1))), text).strip()


def _format(text: str) -> str:
    text = text.strip()
    assert text.startswith("[markdown]") or not text.startswith("["), text
    return _post(text.removeprefix("[markdown]"))


def read_gift(gift: str) -> list[dict]:
    """Questions and categories as Moodle would import them (the subset the exporter writes)."""
    items = []
    for block in re.split(r"\n\s*\n", gift):
        lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
        text = _pre("\n".join(lines).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            items.append({"category": text[10:].strip()})
            continue
        assert text.startswith("::")
        name, text = text[2:].split("::", 1)
        start, end = text.index("{"), text.index("}")
        answers = text[start + 1 : end].strip()
        question = {"name": _post(name), "text": _format(text[:start])}
        answers, _, general = answers.rpartition("####")
        question["general"] = _format(general)
        answers = answers.strip()
        if answers in ("T", "F"):
            question["answer"] = answers == "T"
        else:
            question["single"] = "=" in answers
            question["options"] = []
            for answer in answers.replace("=", "~=").split("~")[1:]:
                answer = answer.strip()
                weight = 1.0 if answer.startswith("=") else 0.0
                answer = answer.removeprefix("=")
                match = re.match(r"^%(-?[0-9.]+)%", answer)
                if match:
                    weight, answer = float(match.group(1)) / 100, answer[match.end() :]
                text_part, _, feedback = answer.partition("#")
                question["options"].append((_format(text_part), weight, _format(feedback)))
        items.append(question)
    return items


# -- Tests ---------------------------------------------------------------------------------------


def test_gift_of_the_fixture_quiz_is_exactly_as_expected():
    expected = (FIXTURE / "export" / "quiz.gift").read_text(encoding="utf-8")
    result = run("--module", str(PAGE))
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected


def test_gift_escaping(tmp_path):
    assert export_quiz.gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    page = tmp_path / "tricky.md"
    page.write_text(TRICKY, encoding="utf-8")
    gift = run("--module", str(page)).stdout
    assert "$CATEGORY: $course$/top/Escaping: a-b" in gift
    assert (
        "::t-escape::[markdown]A case with all of them\\: \\~ \\= \\# \\{ \\} \\: and a "
        "back\\\\slash, see <https\\://example.org/a\\#b>.\\n\\nIt has a second paragraph "
        "over two lines.{"
    ) in gift
    assert "\t=1 \\= 1 \\{always\\}#Right\\: see *note* \\#1." in gift
    assert "\t####Why\\: C\\:\\\\temp is a path.\\n\\nSecond paragraph." in gift
    [_, question] = read_gift(gift)
    assert question["text"] == (
        "A case with all of them: ~ = # { } : and a back\\slash, see "
        "<https://example.org/a#b>.\n\nIt has a second paragraph over two lines."
    )
    assert question["options"] == [
        ("1 = 1 {always}", 1, "Right: see *note* #1."),
        ("2 ~ 3", 0, "No."),
        ("50%", 0, "No."),
    ]
    assert question["general"] == "Why: C:\\temp is a path.\n\nSecond paragraph."


def fractions(question: ET.Element) -> list[str]:
    return [answer.get("fraction") for answer in question.findall("answer")]


def test_moodle_xml_is_well_formed_with_the_right_fractions(tmp_path):
    output = tmp_path / "quiz.xml"
    result = run("--module", str(PAGE), "--format", "moodle-xml", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    root = ET.fromstring(output.read_text(encoding="utf-8"))
    assert root.tag == "quiz"
    category, *questions = root
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/Quiz fixture"
    by_id = {question.findtext("idnumber"): question for question in questions}
    assert list(by_id) == FIXTURE_IDS
    single = by_id["fx-single"]
    assert single.get("type") == "multichoice"
    assert single.findtext("single") == "true"
    assert single.findtext("shuffleanswers") == "true"  # shuffled, as on the site
    assert by_id["fx2-single"].findtext("shuffleanswers") == "false"  # its last option is pinned
    assert single.findtext("name/text") == "fx-single"
    assert fractions(single) == ["0", "100", "0"]
    assert single.find("questiontext").get("format") == "markdown"
    assert single.findtext("questiontext/text") == "Quokka single: which option is right?"
    assert single.findtext("answer[2]/feedback/text") == "Wombat: the second option is right."
    assert (
        single.findtext("generalfeedback/text") == "Platypus: the second option is the right one."
    )
    multiple = by_id["fx-multi"]
    assert (multiple.get("type"), multiple.findtext("single")) == ("multichoice", "false")
    assert fractions(multiple) == ["50", "50", "-50", "-50"]
    assert by_id["fx-scenario"].findtext("questiontext/text").count("\n\n") == 2
    for question_id, answer in (("fx-true", True), ("fx-false", False)):
        truefalse = by_id[question_id]
        assert truefalse.get("type") == "truefalse"
        texts = [a.findtext("text") for a in truefalse.findall("answer")]
        assert texts == ["true", "false"]
        assert fractions(truefalse) == (["100", "0"] if answer else ["0", "100"])


def test_select_all_weights_follow_the_site_scoring():
    """Each right option is worth 100/R percent, each wrong one costs as much (R right ones)."""
    [module] = [export_quiz.read_module(ROOT / "docs/en/modules/understanding-trafficking.md")]
    for question in (q for q in module.questions if q.kind == "multiple"):
        right = sum(option.correct for option in question.options)
        share = export_quiz.percent(100 / right)
        assert export_quiz.option_fractions(question) == [
            share if option.correct else f"-{share}" for option in question.options
        ]


def test_every_english_module_exports(tmp_path):
    gift = run("--lang", "en")
    assert gift.returncode == 0, gift.stderr
    items = read_gift(gift.stdout)
    categories = [item["category"] for item in items if "category" in item]
    assert categories[0] == "$course$/top/Understanding trafficking in persons"  # module 1 first
    pages = (ROOT / "docs" / "en" / "modules").glob("*.md")
    modules = len([page for page in pages if page.name != "index.md"])
    assert len(categories) == modules
    questions = [item for item in items if "name" in item]
    assert len(questions) == gift.stdout.count("// [id:") >= 48
    xml = run("--lang", "en", "--format", "moodle-xml")
    root = ET.fromstring(xml.stdout)
    assert len(root.findall("question[@type='category']")) == modules
    assert len(root.findall("question")) == modules + len(questions)


def test_language_export_reads_that_languages_modules(tmp_path):
    docs = tmp_path / "docs"
    (docs / "ru" / "modules").mkdir(parents=True)
    for number, name in ((2, "b.md"), (1, "a-second.md")):
        text = (FIXTURE / "docs" / "ru" / "quiz.md").read_text(encoding="utf-8")
        text = text.replace("pass_mark: 60", f"module: {number}")
        text = text.replace("Тестовая страница", f"Модуль {number}")
        if number == 1:
            text = text.replace("id: fx", "id: one-fx")
        (docs / "ru" / "modules" / name).write_text(text, encoding="utf-8")
    result = run("--lang", "ru", "--docs", str(docs))
    assert result.returncode == 0, result.stderr
    assert re.findall(r"\$CATEGORY: .*", result.stdout) == [
        "$CATEGORY: $course$/top/Модуль 1",
        "$CATEGORY: $course$/top/Модуль 2",
    ]
    missing = run("--lang", "tk", "--docs", str(docs))
    assert missing.returncode == 1
    assert "no module with a quiz" in missing.stderr


def test_errors_name_the_file_and_line(tmp_path):
    page = tmp_path / "broken.md"
    page.write_text(TRICKY.replace("| single", "| singel"), encoding="utf-8")
    result = run("--module", str(page))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{page}:8: unknown question kind 'singel'; use one of: single, multiple, truefalse, "
        "scenario"
    )
    assert run("--module", str(tmp_path / "absent.md")).returncode == 1


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(flag):
    result = run(flag)
    assert result.returncode == 0
    for option in ("--lang", "--module", "--format", "--output", "gift", "moodle-xml"):
        assert option in result.stdout
