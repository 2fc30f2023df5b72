"""Small, exact rewrites of the HTML that Material writes, for what its templates cannot say.

Each rewrite looks for a fixed piece of Material's output. If an upgrade changes that piece, the
rewrite raises RewriteError naming itself, and the build fails, rather than quietly doing nothing.
"""

import re
from html import escape


class RewriteError(Exception):
    def __init__(self, rewrite: str, expected: str):
        super().__init__(
            f"html rewrite '{rewrite}' found no {expected} in Material's output: Material's "
            "templates have changed; update ctip/mkdocs_plugin/html_rewrite.py"
        )


_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">.*?"base":\s*")([^"]*)(")', re.S
)
_ALTERNATE = '<link rel="alternate" href="'
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
_CHARSET = '<meta charset="utf-8">'


def set_language_base(html: str, language_link: str) -> str:
    """Point Material's `base` at the language's root so search loads that language's index.

    Material loads `search/search_index.json` relative to `base` (the site root); the search
    index is split per language (see search_index.py), so a page in /ru/ must load /ru/search/.
    """

    def join(match: re.Match) -> str:
        if language_link == "/":
            return match.group(0)
        return match.group(1) + match.group(2).rstrip("/") + language_link + match.group(3)

    html, found = _CONFIG_BASE.subn(join, html, count=1)
    if not found:
        raise RewriteError("set_language_base", 'Material "__config" script with a "base"')
    return html


def remove_alternate_links(html: str) -> str:
    """static-i18n's relative hreflang links (each one line of the head)."""
    while (start := html.find(_ALTERNATE)) >= 0:
        end = html.index(">", start) + 1
        html = html[:start].rstrip() + html[end:]
    return html


def replace_alternate_links(html: str, alternates: list[tuple[str, str]]) -> str:
    """Replace static-i18n's relative hreflang links by absolute ones (with x-default), placed
    after the canonical link, early in the head, before any script that reads them."""
    html = remove_alternate_links(html)
    if not alternates:
        return html
    tags = "".join(
        f'\n      <link rel="alternate" href="{escape(href)}" hreflang="{escape(lang)}">'
        for lang, href in alternates
    )
    match = _CANONICAL.search(html)
    if match is None:
        raise RewriteError("replace_alternate_links", "canonical link")
    return html[: match.end()] + tags + html[match.end() :]


def insert_after_charset(html: str, tag: str) -> str:
    """Put `tag` right after `<meta charset>`, the first element of the head."""
    if _CHARSET not in html:
        raise RewriteError("insert_after_charset", "<meta charset>")
    return html.replace(_CHARSET, f"{_CHARSET}\n    {tag}", 1)
