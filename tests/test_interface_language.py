"""Every interface string of a Russian or Turkmen page is in that language: no English string of
Material's or of the project's interface appears outside an element marked lang="en"."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from html_helpers import material_strings, pages

from ctip.ui_strings import strings_for

pytestmark = pytest.mark.build
MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
SKIPPED = {"script", "style", "code", "pre"}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def english_interface(language: str) -> set[str]:
    """English strings of the interface that the language has its own words for."""
    english = {**material_strings(MATERIAL / "en.html")}
    for key, value in strings_for("en").items():
        english[key] = value if isinstance(value, str) else value.get("other", "")
    own = {**material_strings(MATERIAL / f"{language}.html")} if language != "tk" else {}
    own.update({k: v for k, v in strings_for(language).items() if isinstance(v, str)})
    return {
        text
        for key, text in english.items()
        if len(text) >= 8 and " " in text and "{" not in text and own.get(key) != text
    }


class Interface(HTMLParser):
    """Text and interface attributes outside lang="en" and code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def hidden(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = (
            tag in SKIPPED or attributes.get("lang") == "en" or attributes.get("hreflang") == "en"
        )
        if tag not in ("meta", "link", "input", "img", "br", "hr", "source"):
            self.stack.append((tag, skip))
        if not (skip or self.hidden()):
            self.parts += [attributes[name] or "" for name in ATTRIBUTES if name in attributes]

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.hidden():
            self.parts.append(data)


@pytest.mark.parametrize("language", ["ru", "tk"])
def test_no_english_interface_string_on_translated_pages(site, language):
    english = english_interface(language)
    found = []
    for path in [*pages(site, language), site / language / "404.html"]:
        parser = Interface()
        parser.feed(path.read_text(encoding="utf-8"))
        text = " ".join(" ".join(parser.parts).split())
        found += [(path.relative_to(site).as_posix(), s) for s in english if s in text]
    assert found == []
