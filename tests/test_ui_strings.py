"""The strings file (ctip/ui_strings.yml): every language says everything English says, with
the same placeholders, and counts take their language's plural forms."""

import re

import pytest

from ctip.ui_strings import FALLBACK_LANGUAGE, _table, plural

pytestmark = pytest.mark.unit
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Strings whose placeholders may differ, and why.
FREE = {
    "page.untranslated": "a translation names its own language itself, in the right case",
    "date.time": "a clock pattern: each locale writes hours as H or HH",
}


def shape(value) -> object:
    """What a translation must keep: the placeholders of a text, the "#" of plural forms."""
    if isinstance(value, dict):
        return {"plural": all("#" in form for form in value.values())}
    return sorted(PLACEHOLDER.findall(value))


@pytest.mark.parametrize("language", [lang for lang in _table() if lang != FALLBACK_LANGUAGE])
def test_every_language_has_every_string_with_its_placeholders(language):
    english, other = _table()[FALLBACK_LANGUAGE], _table()[language]
    assert sorted(set(english) - set(other)) == []
    assert sorted(set(other) - set(english)) == []  # no string left behind by a rename
    changed = [
        key for key in english if key not in FREE and shape(english[key]) != shape(other[key])
    ]
    assert changed == []


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", 1, "1 minute"),
        ("en", 90, "90 minutes"),
        ("ru", 1, "1 минута"),
        ("ru", 21, "21 минута"),
        ("ru", 3, "3 минуты"),
        ("ru", 12, "12 минут"),
        ("ru", 90, "90 минут"),
        ("tk", 90, "90 minut"),
    ],
)
def test_counts_take_the_plural_form_of_their_language(language, count, expected):
    assert plural(language, "learning.minutes", count) == expected
