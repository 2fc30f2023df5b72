"""The project's own reader-facing strings, kept in one file for every language."""

from functools import cache
from pathlib import Path

import yaml

STRINGS_FILE = Path(__file__).with_name("ui_strings.yml")
FALLBACK_LANGUAGE = "en"


@cache
def _table() -> dict[str, dict]:
    return yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))


def languages() -> list[str]:
    return list(_table())


def strings_for(lang: str) -> dict:
    """All strings in `lang`, with English standing in for keys it lacks."""
    table = _table()
    merged = dict(table[FALLBACK_LANGUAGE])
    merged.update(table.get(lang) or {})
    return merged


def translate(lang: str, key: str, **values: object) -> str:
    text = strings_for(lang)[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
