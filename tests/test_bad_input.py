"""Bad content fails the build with a message naming the file (and line), and writes no site."""

import re
import shutil

import pytest
from conftest import FIXTURES, build_docs, default_language_nav

pytestmark = pytest.mark.build


def copy_fixture(tmp_path, name="search"):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / name / "docs", docs)
    return docs


def build(tmp_path, docs):
    return build_docs(docs, tmp_path / "site", nav=default_language_nav(docs))


def test_broken_internal_link_fails_naming_the_file(tmp_path):
    docs = copy_fixture(tmp_path)
    (docs / "ru" / "help.md").write_text(
        "# Помощь\n\nСм. [раздел](missing.md).\n", encoding="utf-8"
    )
    result = build(tmp_path, docs)
    assert result.returncode != 0
    assert "ru/help.md" in result.stderr and "missing.md" in result.stderr


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [("title: Help\ndescription: one: two\n", 3), ("title: [Help\n", 2)],
)
def test_invalid_front_matter_fails_naming_file_and_line(tmp_path, front_matter, line):
    docs = copy_fixture(tmp_path)
    (docs / "tk" / "help.md").write_text(f"---\n{front_matter}---\n\n# Kömek\n", encoding="utf-8")
    result = build(tmp_path, docs)
    assert result.returncode != 0
    assert f"docs/tk/help.md:{line}: front matter is not valid YAML" in result.stderr


def test_unclosed_front_matter_fails(tmp_path):
    docs = copy_fixture(tmp_path)
    (docs / "en" / "help.md").write_text("---\ntitle: Help\n\n# Help\n", encoding="utf-8")
    result = build(tmp_path, docs)
    assert result.returncode != 0
    assert "docs/en/help.md:1: front matter is opened with '---' but never closed" in result.stderr


def test_missing_translation_falls_back_visibly(tmp_path):
    docs = copy_fixture(tmp_path)
    (docs / "tk" / "help.md").unlink()
    result = build(tmp_path, docs)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "tk" / "help" / "index.html").read_text(encoding="utf-8")
    assert 'class="ctip-notice"' in html and '<div lang="en">' in html


def test_translated_quiz_that_differs_from_the_original_fails(tmp_path):
    docs = copy_fixture(tmp_path, "quiz")
    page = docs / "ru" / "quiz.md"
    text = page.read_text(encoding="utf-8")
    first_id = re.search(r"^    id: (\S+-\S+)$", text, re.M).group(1)
    page.write_text(text.replace(f"id: {first_id}\n", "id: changed-id\n", 1), encoding="utf-8")
    result = build(tmp_path, docs)
    assert result.returncode != 0
    assert re.search(r"docs/ru/quiz\.md:\d+: quiz differs from the English original", result.stderr)


def test_question_id_used_on_two_pages_fails(tmp_path):
    docs = copy_fixture(tmp_path, "quiz")
    shutil.copy(docs / "en" / "quiz.md", docs / "en" / "copy.md")
    result = build(tmp_path, docs)
    assert result.returncode != 0
    assert re.search(
        r"docs/en/quiz\.md:\d+: question id '[^']+' is already used in docs/en/copy\.md",
        result.stderr,
    )


INDENTED_QUIZ = """\
---
title: Help
description: Help.
---

# Help

!!! note

    /// quiz
        id: h

    ///
"""


def test_a_quiz_inside_an_admonition_fails_the_build_and_the_export_with_its_line(tmp_path):
    from ctip.cli import main

    docs = copy_fixture(tmp_path)
    (docs / "en" / "help.md").write_text(INDENTED_QUIZ, encoding="utf-8")
    result = build(tmp_path, docs)
    assert result.returncode != 0
    message = "docs/en/help.md:10: a /// quiz block must start at the beginning of the line"
    assert message in result.stderr
    assert main(["export-quizzes", "--module", str(docs / "en" / "help.md")]) == 1


def test_empty_front_matter_builds(tmp_path):
    docs = copy_fixture(tmp_path)
    (docs / "en" / "help.md").write_text("---\n---\n\n# Help\n\nText.\n", encoding="utf-8")
    result = build(tmp_path, docs)
    assert result.returncode == 0, result.stderr
