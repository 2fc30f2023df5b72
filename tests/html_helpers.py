"""Reading built HTML without a browser."""

import re
from html.parser import HTMLParser
from pathlib import Path

LANGUAGES = {"en": "", "ru": "ru/", "tk": "tk/"}


class Elements(HTMLParser):
    """Collects (tag, attributes) of every start tag and the visible text."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def find(elements: Elements, tag: str, **attrs: str) -> list[dict]:
    return [
        found
        for name, found in elements.elements
        if name == tag and all(found.get(key.rstrip("_")) == value for key, value in attrs.items())
    ]


def pages(site: Path, language: str) -> list[Path]:
    """The HTML pages of one language (404 pages aside)."""
    root = site / LANGUAGES[language]
    others = [
        site / prefix for prefix in LANGUAGES.values() if prefix and prefix != LANGUAGES[language]
    ]
    found = []
    for path in root.rglob("*.html"):
        if path.name == "404.html" or any(other in path.parents for other in others):
            continue
        if language == "en" and any((site / p) in path.parents for p in ("ru/", "tk/")):
            continue
        if "assets" in path.relative_to(site).parts:
            continue
        found.append(path)
    return sorted(found)


def material_strings(path: Path) -> dict[str, str]:
    """Key/value pairs of a Material language partial (partials/languages/xx.html)."""
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', text, re.M))
