"""The project's own reader-facing strings, kept in one file for every language."""

import json
from functools import cache
from pathlib import Path

import yaml

STRINGS_FILE = Path(__file__).with_name("ui_strings.yml")
FALLBACK_LANGUAGE = "en"
# Strings only the trainer's views use (slides, presenter view, live quiz, planner), whose
# scripts are loaded on demand: pages do not carry them in their __ctip data; they are published
# once per language as assets/ctip/strings/<lang>.js (view_script), which trainer.js loads with
# the view. Every other string is in every page.
VIEW_PREFIXES = ("present.", "live.", "planner.", "date.", "schedule.", "notes.")
VIEW_SCRIPTS = "assets/ctip/strings"


@cache
def _table() -> dict[str, dict]:
    return yaml.load(STRINGS_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def languages() -> list[str]:
    return list(_table())


@cache
def strings_for(lang: str) -> dict:
    """All strings in `lang`, with English standing in for keys it lacks (one dict per language,
    shared: read it, do not change it)."""
    table = _table()
    merged = dict(table[FALLBACK_LANGUAGE])
    merged.update(table.get(lang) or {})
    return merged


def translate(lang: str, key: str, **values: object) -> str:
    text = strings_for(lang)[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def plural_category(lang: str, count: int) -> str:
    """CLDR's plural category of a whole number, as the pages' Intl.PluralRules gives it."""
    if lang == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return "one"
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return "few"
        return "many"
    return "one" if count == 1 else "other"


def plural(lang: str, key: str, count: int) -> str:
    """A string with plural forms ("# minutes"), for `count`."""
    forms = strings_for(lang)[key]
    form = forms.get(plural_category(lang, count)) or forms["other"]
    return form.replace("#", str(count))


@cache
def page_strings(lang: str) -> dict:
    """The strings every page carries for its scripts (the views' strings left out)."""
    return {k: v for k, v in strings_for(lang).items() if not k.startswith(VIEW_PREFIXES)}


def view_script(lang: str) -> str:
    """A classic script holding the views' strings in `lang`: window.ctipViewStrings[lang]."""
    views = {k: v for k, v in strings_for(lang).items() if k.startswith(VIEW_PREFIXES)}
    data = json.dumps(views, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return (
        "/* The strings of the trainer's views (ctip/ui_strings.yml), written by the build */\n"
        "window.ctipViewStrings = window.ctipViewStrings || {};\n"
        f"window.ctipViewStrings[{json.dumps(lang)}] = {data};\n"
    )
