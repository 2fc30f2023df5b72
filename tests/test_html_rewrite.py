"""The rewrites of Material's HTML: exact, and loud when Material's output changes."""

import pytest

from ctip.mkdocs_plugin import html_rewrite
from ctip.mkdocs_plugin.html_rewrite import RewriteError

pytestmark = pytest.mark.unit

PAGE = """<!doctype html><html><head>
    <meta charset="utf-8">
      <link rel="canonical" href="https://x.org/ru/a/">
      <link rel="alternate" href="/a/" hreflang="en">
      <link rel="alternate" href="/ru/a/" hreflang="ru">
    <script src="../../assets/ctip/ctip.js"></script>
</head><body>
<script id="__config" type="application/json">{"base": "../..", "search": "x.js"}</script>
</body></html>"""


def test_language_base_points_search_at_the_language_index():
    assert '"base": "../../ru/"' in html_rewrite.set_language_base(PAGE, "/ru/")
    assert html_rewrite.set_language_base(PAGE, "/") == PAGE


def test_alternate_links_become_absolute_after_the_canonical_link():
    alternates = [("en", "https://x.org/a/"), ("x-default", "https://x.org/a/")]
    html = html_rewrite.replace_alternate_links(PAGE, alternates)
    assert 'href="/a/"' not in html and 'href="/ru/a/"' not in html
    head = html.split("</head>")[0]
    assert head.index('hreflang="x-default"') < head.index("ctip.js")  # before the script
    assert head.index('rel="canonical"') < head.index('hreflang="en"')


def test_without_an_address_no_alternate_link_is_written():
    html = html_rewrite.replace_alternate_links(PAGE.replace("canonical", "x"), [])
    assert 'rel="alternate"' not in html


def test_the_policy_goes_first_in_the_head():
    html = html_rewrite.insert_after_charset(PAGE, "<meta http-equiv=x>")
    assert html.index("<meta http-equiv=x>") < html.index("<link")


@pytest.mark.parametrize(
    ("rewrite", "page", "name"),
    [
        (
            lambda html: html_rewrite.set_language_base(html, "/ru/"),
            "__config",
            "set_language_base",
        ),
        (
            lambda html: html_rewrite.replace_alternate_links(html, [("en", "https://x.org/")]),
            "canonical",
            "replace_alternate_links",
        ),
        (
            lambda html: html_rewrite.insert_after_charset(html, "<x>"),
            "charset",
            "insert_after_charset",
        ),
    ],
)
def test_a_rewrite_that_finds_nothing_fails_naming_itself(rewrite, page, name):
    with pytest.raises(RewriteError, match=f"html rewrite '{name}' found no"):
        rewrite(PAGE.replace(page, "changed"))
