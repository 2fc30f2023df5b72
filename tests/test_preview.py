"""The editor's preview, as `scripts/serve --lang tk` runs it: MkDocs' live-reload script runs
under the page's own policy, so a saved edit appears in the open tab by itself. With --quick,
only the saved page is rebuilt, and the language's search index stays whole and its own."""

import json
import shutil

import pytest
from conftest import ROOT

from ctip.benchmark import preview

MARK = "ctiplivereloadmark"


@pytest.mark.browser
def test_a_saved_edit_reloads_the_open_page(new_page, tmp_path):
    with preview.serving(ROOT / "mkdocs.yml", ROOT / "docs", "tk", tmp_path) as (url, source):
        page, log = new_page()
        page.goto(url)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "'unsafe-inline'" in policy  # the live-reload script has no hash to give
        source.write_text(source.read_text(encoding="utf-8") + f"\n\n{MARK}\n", encoding="utf-8")
        page.wait_for_function(f"() => document.body.innerText.includes('{MARK}')")
        assert log.errors == []


@pytest.mark.build
def test_quick_preview_rebuilds_the_saved_page_and_keeps_the_index(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "ru" / "glossary.md").unlink()  # not translated: the English page stands in
    with preview.serving(ROOT / "mkdocs.yml", docs, "ru", tmp_path, quick=True) as (url, source):
        root = url.split("modules/")[0]
        index = f"{root}search/search_index.json"
        before = json.loads(preview.fetch(index))
        source.write_text(source.read_text(encoding="utf-8") + f"\n\n{MARK}\n", encoding="utf-8")
        assert preview.served_with(url, MARK, timeout=30) is not None
        after = json.loads(preview.served_with(index, MARK, timeout=30))  # written after the pages
        assert "</html>" in preview.fetch(f"{root}glossary/")
        # the translation arrives: its page replaces the stand-in, in the index too
        translated = (ROOT / "docs" / "ru" / "glossary.md").read_text(encoding="utf-8")
        (source.parents[1] / "glossary.md").write_text(
            f"{translated}\n\nctipglossarymark\n", encoding="utf-8"
        )
        translated_index = json.loads(preview.served_with(index, "ctipglossarymark", timeout=30))
    locations = {doc["location"].split("#")[0] for doc in after["docs"]}
    assert locations == {doc["location"].split("#")[0] for doc in before["docs"]}
    assert "glossary/" not in locations  # an English stand-in stays out of the Russian index
    assert after["config"]["lang"] == before["config"]["lang"] == ["ru", "en"]
    assert {doc["location"].split("#")[0] for doc in translated_index["docs"]} == {
        *locations,
        "glossary/",
    }
