"""The content check: one small docs tree per rule, asserting the exact path:line reported."""

import textwrap

import pytest

from ctip import checks
from ctip.project import MODULE_BLOCKS

pytestmark = pytest.mark.unit

PAGE = """\
---
title: A page
description: What it is about.
---

# A page

Some text.
"""

TRANSLATION_RECORD = """\
translation:
  source_commit: 375266f1b50a5eccaa14e8ba535cac1ff6caf872
  translated: 2026-11-23
  reviewed: false
"""


def write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def problems(root, files) -> list[str]:
    write(root, files)
    return [str(problem) for problem in checks.check(root) if not problem.warning]


def page_with(body: str) -> str:
    return PAGE + textwrap.dedent(body)


def test_a_clean_tree_has_no_problems(tmp_path):
    assert problems(tmp_path, {"en/index.md": PAGE}) == []


def test_invalid_front_matter(tmp_path):
    assert problems(tmp_path, {"en/index.md": "---\ntitle: a: b\n---\n\n# T\n"}) == [
        "docs/en/index.md:2: front matter is not valid YAML: "
        "mapping values are not allowed in this context"
    ]


def test_missing_required_field(tmp_path):
    assert problems(tmp_path, {"en/index.md": "---\ntitle: T\n---\n\n# T\n"}) == [
        "docs/en/index.md:1: front matter needs 'description' (text)"
    ]


MODULE = PAGE.replace(
    "description: What it is about.\n",
    """\
description: What it is about.
module: 1
audiences: [consular, police]
duration: 1.5
teaching: 40
exercises: 20
last_reviewed: someday
""",
)


def test_module_front_matter_schema(tmp_path):
    found = problems(tmp_path, {"en/modules/m.md": MODULE})
    assert (
        "docs/en/modules/m.md:5: unknown audience 'police'; use: consular, government, ngo" in found
    )
    assert (
        "docs/en/modules/m.md:6: front matter needs 'duration' in minutes, a whole number (e.g. 45)"
        in found
    )
    assert (
        "docs/en/modules/m.md:9: front matter needs 'last_reviewed' as a date: YYYY-MM-DD" in found
    )


def test_module_needs_its_blocks(tmp_path):
    found = problems(tmp_path, {"en/modules/m.md": MODULE})
    for kind in MODULE_BLOCKS:
        example = (
            "/// facilitator | Facilitator notes"
            if kind == "facilitator"
            else (f'!!! {kind} "Title"')
        )
        assert f"docs/en/modules/m.md:12: module has no '{kind}' block (e.g. {example})" in found
    assert "docs/en/modules/m.md:12: module has no quiz (/// quiz)" in found


def test_translation_needs_its_record(tmp_path):
    assert problems(tmp_path, {"en/index.md": PAGE, "ru/index.md": PAGE}) == [
        "docs/ru/index.md:1: front matter needs 'translation:' with 'source_commit' (the English "
        "revision translated), 'translated' (date) and 'reviewed' (true/false)"
    ]


def test_translation_record_is_accepted(tmp_path):
    translated = PAGE.replace("---\n\n", TRANSLATION_RECORD + "---\n\n", 1)
    assert problems(tmp_path, {"en/index.md": PAGE, "ru/index.md": translated}) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("\n### Skipped\n", "10: heading level 3 follows level 1: a level is skipped"),
        ("\n# Again\n", "10: a second level-1 heading: a page has one (# Title)"),
        (
            "\n![](map.png)\n",
            "10: image has no alt text: describe it, or mark a purely decorative "
            "image with { .decorative }",
        ),
        (
            "\nSee [click here](https://www.iom.int/).\n",
            "10: link text 'click here' does not say where it leads; describe the target",
        ),
        (
            "\nSee [IOM](http://www.iom.int/).\n",
            "10: insecure link http://www.iom.int/: use https://",
        ),
        ("\nSee [a page](missing.md).\n", "10: link to 'missing.md', which does not exist"),
        (
            "\nSee [a section](#nowhere).\n",
            "10: link to '#nowhere', which is not a heading of docs/en/index.md",
        ),
        (
            "\n<script>alert(1)</script>\n",
            "10: <script> is not allowed in content: only the HTML that Markdown writes is "
            "(see CONTRIBUTING.md, 'What a page may contain')",
        ),
        (
            '\n<iframe src="https://example.org"></iframe>\n',
            "10: <iframe> is not allowed in content: only the HTML that Markdown writes is "
            "(see CONTRIBUTING.md, 'What a page may contain')",
        ),
        (
            '\n[Home](index.md){ onclick="steal()" }\n',
            "10: the attribute 'onclick' is not allowed on <a> in content",
        ),
        (
            "\n[Home](javascript:alert(1))\n",
            "10: link to 'javascript:alert(1)' is not allowed: links go to https:// or mailto: "
            "addresses, or to pages and files of this site",
        ),
        (
            "\nWrite to someone@example.org.\n",
            "10: looks like an e-mail address (someone@example.org); remove personal data, "
            "or add a public contact to content-allowlist.yml",
        ),
        (
            "\nCall +993 12 34 56 78.\n",
            "10: looks like a phone number (+993 12 34 56 78); remove personal data, "
            "or add a public contact to content-allowlist.yml",
        ),
    ],
)
def test_one_rule_each(tmp_path, body, message):
    assert problems(tmp_path, {"en/index.md": page_with(body)}) == [f"docs/en/index.md:{message}"]


def test_code_is_not_content(tmp_path):
    body = "\n```html\n<script>alert(1)</script>\n```\n\nInline `<script>` is text.\n"
    assert problems(tmp_path, {"en/index.md": page_with(body)}) == []


def test_anchors_and_years_are_fine(tmp_path):
    body = "\n## Plans 2016-2018\n\nSee [the plans](#plans-2016-2018) of 2020-2022.\n"
    assert problems(tmp_path, {"en/index.md": page_with(body)}) == []


def test_allow_list_admits_a_public_contact(tmp_path):
    (tmp_path / "content-allowlist.yml").write_text("- info@example.org\n")
    body = "\nWrite to info@example.org.\n"
    assert problems(tmp_path, {"en/index.md": page_with(body)}) == []


QUIZ = """
/// quiz
    id: q

/// question | single
    id: q-one

Which?

- [x] This
    Yes: this is the one the text describes.
- [ ] That
    No: that is the other case of the text.
- [ ] Other
    No: the text does not mention it at all.

> Because.
///

///
"""


def test_malformed_quiz_is_reported_at_its_line(tmp_path):
    body = QUIZ.replace("- [ ] That", "- [x] That")
    found = problems(tmp_path, {"en/index.md": page_with(body)})
    assert len(found) == 1 and found[0].startswith("docs/en/index.md:13: ")


def test_question_ids_are_unique_across_the_site(tmp_path):
    found = problems(tmp_path, {"en/index.md": page_with(QUIZ), "en/other.md": page_with(QUIZ)})
    assert found == [
        "docs/en/other.md:13: question id 'q-one' is already used in docs/en/index.md:13; "
        "ids must be unique on the site (progress is kept by id)"
    ]


def test_translated_quiz_must_match_the_original(tmp_path):
    translated = PAGE.replace("---\n\n", TRANSLATION_RECORD + "---\n\n", 1)
    found = problems(
        tmp_path,
        {
            "en/index.md": page_with(QUIZ),
            "ru/index.md": translated + QUIZ.replace("id: q-one", "id: q-two"),
        },
    )
    assert found == [
        "docs/ru/index.md:14: quiz differs from the English original: "
        "question 'q-one' is missing in the translation",
        "docs/ru/index.md:14: quiz differs from the English original: "
        "question 'q-two' is missing in the original",
    ]


def test_translation_must_keep_the_structure_of_the_original(tmp_path):
    translated = PAGE.replace("---\n\n", TRANSLATION_RECORD + "---\n\n", 1)
    original = page_with('\n## One\n\n!!! scenario "S"\n\n    Text.\n\n## Two\n')
    found = problems(
        tmp_path,
        {
            "en/index.md": original,
            "ru/index.md": translated + "\n## Один\n\n## Два\n",
        },
    )
    assert found == [
        "docs/ru/index.md:16: the English original has a 'scenario' block "
        "(docs/en/index.md:12) here, the translation a level-2 heading"
    ]
    found = problems(tmp_path, {"ru/index.md": translated + "\n## Один\n"})
    assert found == [
        "docs/ru/index.md:14: the translation ends before a 'scenario' block of the English "
        "original (docs/en/index.md:12)"
    ]


def test_term_base_flags_stray_synonyms(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "termbase.yml").write_text(
        "- id: shelter\n  term: {en: shelter, ru: приют}\n  avoid: {ru: [убежище]}\n",
        encoding="utf-8",
    )
    translated = PAGE.replace("---\n\n", TRANSLATION_RECORD + "---\n\n", 1)
    found = problems(
        tmp_path, {"en/index.md": PAGE, "ru/index.md": translated + "\nЖертвам дают убежище.\n"}
    )
    assert found == ["docs/ru/index.md:14: use the term base's 'приют' rather than 'убежище'"]


def test_the_real_docs_pass(tmp_path):
    from conftest import ROOT

    assert [str(p) for p in checks.check(ROOT) if not p.warning] == []


def test_anchors_come_from_the_rendered_page(tmp_path):
    """Headings inside admonitions and setext headings are anchors too (the toc's own ids)."""
    body = """
!!! note "A note"

    ### Inside a note

Setext heading
--------------

See [the note](#inside-a-note) and [the other](#setext-heading).
"""
    assert problems(tmp_path, {"en/index.md": page_with(body)}) == []


def test_empty_front_matter_is_accepted_as_mkdocs_does(tmp_path):
    found = problems(tmp_path, {"en/index.md": "---\n---\n\n# Home\n"})
    assert not any("front matter is" in problem for problem in found)  # only missing fields


def test_a_quiz_inside_an_admonition_is_named_where_it_is(tmp_path):
    indented = "!!! note\n\n" + "\n".join(
        "    " + line if line else "" for line in QUIZ.strip("\n").split("\n")
    )
    found = problems(tmp_path, {"en/index.md": page_with("\n" + indented + "\n")})
    assert found == [
        "docs/en/index.md:12: a /// quiz block must start at the beginning of the line, at the "
        "top level of the page (not indented inside an admonition, a list or another block)"
    ]


def _question(number: int, kind: str, options: list[tuple[bool, str]], feedback: str) -> str:
    lines = [f"/// question | {kind}", f"    id: q-{number}", "", f"Question {number}?", ""]
    for right, text in options:
        lines += [f"- [{'x' if right else ' '}] {text}", f"    {feedback}"]
    return "\n".join([*lines, "", "> The explanation of the answer.", "///", ""])


def quiz_module(questions: list[str]) -> str:
    return page_with("\n## Quiz\n\n/// quiz\n    id: patterns\n\n" + "\n".join(questions) + "///\n")


def test_a_quiz_passed_by_surface_patterns_is_warned_about(tmp_path):
    teach = "This is why the option is so."
    longest_first = [(True, "The long and careful right answer"), (False, "No"), (False, "Nor")]
    first_two = [(True, "A"), (True, "B"), (False, "C"), (False, "D")]
    questions = [_question(n, "single", longest_first, teach) for n in (1, 2)] + [
        _question(n, "multiple", first_two, teach) for n in (3, 4)
    ]
    write(tmp_path, {"en/modules/m.md": quiz_module(questions)})
    found = checks.check(tmp_path)
    assert not any("question" in p.message for p in found if not p.warning)  # a valid quiz
    warnings = [str(p) for p in found if p.warning]
    assert (
        "docs/en/modules/m.md:12: warning: a reader who never reads scores 100% by surface "
        "patterns" in "\n".join(warnings)
    ), warnings
    assert (
        "docs/en/modules/m.md:12: warning: in every select-all question the right options "
        "come first" in warnings
    )


@pytest.mark.parametrize("feedback", ["Correct.", "No.", "Верно.", "Dogry.", "Right, see above."])
def test_feedback_that_does_not_teach_is_refused(tmp_path, feedback):
    options = [(True, "Right"), (False, "Wrong"), (False, "Also wrong")]
    module = quiz_module([_question(1, "single", options, feedback)])
    found = problems(tmp_path, {"en/modules/m.md": module})
    expected = (
        f"docs/en/modules/m.md:20: feedback '{feedback}' does not teach: say in five words or "
        "more why this option is right or wrong"
    )
    assert expected in found, found
