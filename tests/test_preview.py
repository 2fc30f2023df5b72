"""The editor's preview, as `scripts/serve --lang tk` runs it: MkDocs' live-reload script runs
under the page's own policy, so a saved edit appears in the open tab by itself."""

import pytest
from conftest import ROOT

from ctip.benchmark import preview

pytestmark = pytest.mark.browser
MARK = "ctiplivereloadmark"


def test_a_saved_edit_reloads_the_open_page(new_page, tmp_path):
    with preview.serving(ROOT / "mkdocs.yml", ROOT / "docs", "tk", tmp_path) as (url, source):
        page, log = new_page()
        page.goto(url)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "'unsafe-inline'" in policy  # the live-reload script has no hash to give
        source.write_text(source.read_text(encoding="utf-8") + f"\n\n{MARK}\n", encoding="utf-8")
        page.wait_for_function(f"() => document.body.innerText.includes('{MARK}')")
        assert log.errors == []
