"""A translation not yet reviewed says so, politely, in its language; a reviewed one does not."""

import shutil

import pytest
from conftest import FIXTURES, build_docs, default_language_nav

from ctip.ui_strings import strings_for

pytestmark = pytest.mark.build

RECORD = (
    "---\ntitle: {title}\ndescription: x\ntranslation:\n  source_commit: 0123abc\n"
    "  translated: 2026-11-23\n  reviewed: {reviewed}\n---\n\n"
)


@pytest.mark.parametrize("reviewed", [False, True])
def test_unreviewed_notice_follows_the_record(tmp_path, reviewed):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "search" / "docs", docs)
    for language in ("ru", "tk"):
        page = docs / language / "help.md"
        header = RECORD.format(title="help", reviewed=str(reviewed).lower())
        page.write_text(header + page.read_text(encoding="utf-8"), encoding="utf-8")
    result = build_docs(docs, tmp_path / "site", nav=default_language_nav(docs))
    assert result.returncode == 0, result.stderr
    for language in ("ru", "tk"):
        html = (tmp_path / "site" / language / "help" / "index.html").read_text(encoding="utf-8")
        notice = strings_for(language)["page.unreviewed"]
        assert (notice in html) is not reviewed
        if not reviewed:
            assert strings_for(language)["page.original"] in html
            assert 'href="../../help/" hreflang="en"' in html
