"""Every stylesheet the project ships parses as CSS: a brace lost in a merge makes browsers read
the rest of the file as part of one rule, and every rule after it silently stops applying."""

from pathlib import Path

import pytest
import tinycss2

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted([*ROOT.glob("overrides/assets/ctip/*.css"), *ROOT.glob("ctip/handbook/*.css")])
NESTED_RULES = ("media", "supports", "layer", "container")


def problems(rules, path: Path) -> list[str]:
    found = []
    for rule in rules:
        if rule.type == "error":
            found.append(f"{path.name}:{rule.source_line}: {rule.message}")
        elif rule.type == "qualified-rule":
            for item in tinycss2.parse_declaration_list(
                rule.content, skip_comments=True, skip_whitespace=True
            ):
                if item.type != "declaration":
                    found.append(f"{path.name}:{item.source_line}: not a declaration inside a rule")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED_RULES and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            found += problems(inner, path)
    return found


def test_the_stylesheets_are_found():
    assert {p.name for p in STYLESHEETS} >= {"ctip.css", "quiz.css", "print.css", "pdf.css"}


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_parses(path):
    rules = tinycss2.parse_stylesheet(
        path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
    )
    assert problems(rules, path) == []
