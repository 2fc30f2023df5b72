"""The quiz on a built site: labelled in the page's language, and what search indexes."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def index_text(site: Path, lang: str) -> str:
    folder = site if lang == "en" else site / lang
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return " ".join(
        doc["title"] + " " + doc["text"]
        for doc in index["docs"]
        if doc["location"].startswith("quiz/")
    )


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


def test_built_page_is_labelled_in_its_language(quiz_site):
    russian = (quiz_site / "ru" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "<summary>Ответ и пояснение</summary>" in russian
    assert 'data-pass-mark="60"' in russian  # from the page's front matter
    turkmen = (quiz_site / "tk" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "<summary>Jogap we düşündiriş</summary>" in turkmen
    english = (quiz_site / "quiz" / "index.html").read_text(encoding="utf-8")
    assert english.count('class="ctip-question"') == 7
    assert "assets/ctip/quiz.js" in english
