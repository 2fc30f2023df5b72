"""The quiz Markdown extension: exact HTML per kind, strictness, no-JS reading, search index."""

import json
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


def index_text(site: Path, lang: str) -> str:
    folder = site if lang == "en" else site / lang
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return " ".join(
        doc["title"] + " " + doc["text"]
        for doc in index["docs"]
        if doc["location"].startswith("quiz/")
    )


@pytest.mark.build
def test_search_index_has_questions_but_not_answers(quiz_site):
    text = index_text(quiz_site, "en")
    assert "Quokka single: which option is right?" in text  # legend
    assert "Quokka case: Aýna has a choice of three doors." in text  # scenario case
    for answer_only in ("numbat", "Wombat", "Platypus", "Right answer", "Choose one answer"):
        assert answer_only not in text, answer_only
    russian = index_text(quiz_site, "ru")
    assert "Один ответ: какой вариант правильный?" in russian
    assert "Второй вариант правильный" not in russian  # feedback
    assert "Правильный ответ — второй вариант" not in russian  # explanation


@pytest.mark.build
def test_built_page_is_labelled_in_its_language(quiz_site):
    russian = (quiz_site / "ru" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "<summary>Ответ и пояснение</summary>" in russian
    assert 'data-pass-mark="60"' in russian  # from the page's front matter
    turkmen = (quiz_site / "tk" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "<summary>Jogap we düşündiriş</summary>" in turkmen
    english = (quiz_site / "quiz" / "index.html").read_text(encoding="utf-8")
    assert english.count('class="ctip-question"') == 7
    assert "assets/ctip/quiz.js" in english
