"""The offline edition: a zip that works from file:// with search in every language."""

import pytest
from browser_helpers import policy_page, search

from ctip.safety import csp

pytestmark = pytest.mark.browser


def test_zip_has_every_language_with_its_own_search_script(offline_site):
    for prefix in ("", "ru/", "tk/"):
        assert (offline_site / prefix / "index.html").is_file()
        assert (offline_site / prefix / "search" / "search_index.js").is_file()


@pytest.mark.parametrize("language", ["", "ru/", "tk/"])
def test_offline_search_answers_from_file_url_without_network(new_page, offline_site, language):
    page, log, violations = policy_page(new_page)
    page.goto((offline_site / language / "index.html").as_uri())
    # The offline edition's own policy (inline scripts for the search shim, nothing else).
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy == csp.policy([], inline=True)
    title = page.locator("h1").first.inner_text().replace("¶", "")
    found = search(page, title.split()[0])
    assert found, f"no result for {title.split()[0]!r}"
    home = str(offline_site / language)
    assert all(path.startswith(home) for path in found), found
    if not language:
        assert not any("/ru/" in path or "/tk/" in path for path in found), found
    assert [url for url in log.requests if not url.startswith("file://")] == []
    assert not log.failures and not log.errors, (log.failures, log.errors)
    assert violations == []
