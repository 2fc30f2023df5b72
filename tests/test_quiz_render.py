"""The quiz Markdown extension: exact HTML per kind, strictness, no-JS reading, search index."""

import re
from pathlib import Path

import markdown
import pytest

from ctip.quiz import QuizError, parse_body

RENDER = Path(__file__).parent / "fixtures" / "quiz" / "render"
pytestmark = pytest.mark.unit

EXTENSIONS = [
    "abbr",
    "attr_list",
    "md_in_html",
    "pymdownx.superfences",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "ctip.quiz.markdown_ext",
]
QUESTION = """\
/// question | single
    id: q-one

Which?

- [x] A
    Yes.
- [ ] B
    No.
- [ ] C
    No.

> Because.
///
"""


def render(text: str, **config) -> str:
    md = markdown.Markdown(
        extensions=EXTENSIONS, extension_configs={"ctip.quiz.markdown_ext": config}
    )
    return md.convert(text)


def quiz(body: str = QUESTION, header: str = "    id: q\n") -> str:
    return f"/// quiz\n{header}\n{body}\n///\n"


def failure(text: str, **config) -> str:
    with pytest.raises(QuizError) as caught:
        render(text, **config)
    return str(caught.value)


# -- Exact HTML, one fixture per kind (tests/fixtures/quiz/render/<kind>.md -> .html) -----------


@pytest.mark.parametrize(
    ("kind", "config"),
    [
        ("single", {"pass_mark": 70}),  # with a link, emphasis and an abbreviation
        ("multiple", {}),
        ("truefalse", {"lang": "ru"}),
        ("scenario", {"lang": "tk"}),
    ],
)
def test_exact_html(kind, config):
    source = (RENDER / f"{kind}.md").read_text(encoding="utf-8")
    expected = (RENDER / f"{kind}.html").read_text(encoding="utf-8").rstrip("\n")
    assert render(source, **config) == expected


def test_html_is_readable_without_javascript():
    html = render((RENDER / "single.md").read_text(encoding="utf-8"))
    details = re.search(r'<details class="ctip-answer"[^>]*>(.*?)</details>', html, re.S)
    assert details, "the answer sits in a details element"
    outside = html.replace(details.group(0), "")
    # Question and options outside; the answer, the feedback and the explanation only inside.
    assert "Which is <em>right</em>?" in outside
    assert '<label for="ctip-q-one-2">B</label>' in outside
    assert '<strong class="ctip-answer__verdict">Right answer:</strong> B' in details.group(1)
    for hidden in ("Yes.", "Because of the"):
        assert hidden in details.group(1)
        assert hidden not in outside
    assert "<summary>Answer and explanation</summary>" in details.group(1)
    assert "open" not in details.group(0)[: details.group(0).index(">")]


def test_ids_are_unique_and_labels_point_at_inputs():
    two = QUESTION + "\n" + QUESTION.replace("q-one", "q-two")
    html = render(quiz(two))
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'<label for="([^"]+)"', html):
        assert f'id="{target}"' in html


def test_quiz_syntax_inside_fenced_code_stays_code():
    html = render("```markdown\n" + quiz() + "```\n")
    assert "ctip-quiz" not in html
    assert "/// question | single" in html


# -- A bad block never falls back to plain text: the extension raises the parser's error --------

BAD = [
    quiz(QUESTION.replace("single", "singel")),
    quiz(QUESTION.replace("    id: q-one", "    ids: q-one")),
    quiz(QUESTION.replace("    id: q-one", "    id q-one")),
    quiz(header="    id: q\n    title: x\n"),
    quiz(QUESTION.replace("- [x] A", "- [ ] A")),
    quiz(QUESTION.replace("- [ ] C", "- [ ]")),
    quiz(QUESTION.replace("- [ ] B", "- [x] B")),
    quiz(QUESTION.replace("/// question | single", "/// question | truefalse")),
    quiz(QUESTION + "\n" + QUESTION),
    QUESTION,
    quiz(QUESTION.removesuffix("///\n")),
    "/// quiz\n    id: q\n\n" + QUESTION,
    "/// quiz\n    id: q\n\n///\n",
    quiz("Some text.\n\n" + QUESTION),
    "/// details | Quiz\n\n" + quiz() + "\n///\n",
    "!!! note\n\n    " + quiz().replace("\n", "\n    ") + "\n",
    "/// quiz | q\n\n" + QUESTION + "\n///\n",
    quiz() + "\n" + quiz(QUESTION.replace("q-one", "q-two")),
]


@pytest.mark.parametrize("text", BAD)
def test_bad_blocks_fail_with_the_parsers_message(text):
    with pytest.raises(QuizError) as expected:
        parse_body(text)
    assert expected.value.line is not None
    assert failure(text) == str(expected.value)


def test_pass_mark_must_be_a_percent():
    assert (
        failure(quiz(), pass_mark=120) == "pass_mark must be a whole percent from 1 to 100, not 120"
    )


# -- The project configuration and a real build --------------------------------------------------
