"""Small, exact rewrites of the HTML that Material writes, for what its templates cannot say."""

import re
from html import escape

_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">.*?"base":\s*")([^"]*)(")', re.S
)
_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_CANONICAL = re.compile(r'(<link rel="canonical" href="[^"]*">)')


def set_language_base(html: str, language_link: str) -> str:
    """Point Material's `base` at the language's root so search loads that language's index.

    Material loads `search/search_index.json` relative to `base` (the site root); the search
    index is split per language (see search_index.py), so a page in /ru/ must load /ru/search/.
    """
    if language_link == "/":
        return html

    def join(match: re.Match) -> str:
        return match.group(1) + match.group(2).rstrip("/") + language_link + match.group(3)

    return _CONFIG_BASE.sub(join, html, count=1)


def replace_alternate_links(html: str, alternates: list[tuple[str, str]]) -> str:
    """Replace static-i18n's relative hreflang links by absolute ones (with x-default)."""
    html = _ALTERNATE_LINK.sub("", html)
    tags = "".join(
        f'\n      <link rel="alternate" href="{escape(href)}" hreflang="{escape(lang)}">'
        for lang, href in alternates
    )
    if _CANONICAL.search(html):
        return _CANONICAL.sub(lambda m: m.group(1) + tags, html, count=1)
    return html.replace("</head>", tags + "\n</head>", 1)
