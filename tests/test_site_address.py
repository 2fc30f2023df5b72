"""Where the site is published: a header-less host (the policy inside the pages), a project
site under a sub-path (/repo/), and a build with no address at all."""

import functools
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_helpers import answer_first_question, policy_page, search, until
from conftest import _QuietHandler, run_mkdocs
from html_helpers import LANGUAGES
from page_kinds import KINDS, VIEWS

from ctip.ui_strings import strings_for

# Every kind of page, then every view (trainer mode, slides, live quiz) on the page that has it.
PAGES = [*KINDS.values(), *(KINDS[kind] + view for view, kind in VIEWS.items())]
PLANT = """() => document.head.append(Object.assign(document.createElement("script"),
    { textContent: "window.planted = 1" }))"""


class PagesHandler(_QuietHandler):
    """A host like GitHub Pages: the site under a path, no headers, one 404 page per language
    (as deploy/nginx.conf maps them; GitHub serves the root one)."""

    prefix = "/repo/"

    def translate_path(self, path):
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        target = Path(self.translate_path(self.path.split("?")[0]))
        if target.is_dir():
            target = target / "index.html"
        if target.exists():
            return super().send_head()
        language = next(
            (code for code in ("ru", "tk") if self.path.startswith(f"/repo/{code}/")), ""
        )
        page = Path(self.directory) / language / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("subpath") / "site"
    result = run_mkdocs(
        "build", "--strict", "-d", str(site), env={"SITE_URL": "https://example.org/repo/"}
    )
    assert result.returncode == 0, result.stderr
    handler = functools.partial(PagesHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/repo/", site
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_policy_in_the_page_alone_allows_search_quiz_and_switch(
    new_page, site, serve, language
):
    base = serve(site) + LANGUAGES[language]
    page, log, violations = policy_page(new_page)
    for path in PAGES:
        page.goto(base + path)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        page.wait_for_load_state("load")
    page.goto(base + "modules/identifying-victims/")
    answer_first_question(page, language)
    assert search(page, page.locator("h1").first.inner_text().split()[0].rstrip("¶"))
    other = "ru" if language != "ru" else "tk"
    page.goto(base + "privacy/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f'a.md-select__link[hreflang="{other}"]').click()
    page.wait_for_function(f"() => document.documentElement.lang === '{other}'")
    assert violations == []
    assert [error for error in log.errors if "404" not in error] == []
    # The listener does hear a violation: an inline script added now is refused, and not run.
    page.evaluate(PLANT)
    assert until(page, lambda: violations) and page.evaluate("() => window.planted") is None


@pytest.mark.browser
def test_a_project_site_under_a_sub_path_works(new_page, subpath_url):
    url, site = subpath_url
    page, log, violations = policy_page(new_page)
    page.goto(url)
    assert re.search(r"/repo/", page.evaluate("() => __md_scope.pathname"))
    page.goto(url + "ru/")
    found = search(page, "торговли")
    assert found and all(path.startswith("/repo/ru/") for path in found)
    page.goto(url + "privacy/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('a.md-select__link[hreflang="tk"]').click()
    page.wait_for_url(url + "tk/privacy/")
    page.goto(url + "tk/modules/identifying-victims/")
    answer_first_question(page, "tk")
    page.goto(url + "ru/no-such-page/")
    assert page.locator("h1").first.inner_text() == strings_for("ru")["error.title"]
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert violations == []
    assert [f for f in log.failures if "no-such-page" not in f] == []
    assert [error for error in log.errors if "404" not in error] == []
    canonical = (site / "ru" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/repo/ru/privacy/" hreflang="ru"' in canonical


@pytest.mark.build
def test_without_an_address_no_absolute_link_is_written(search_site, tmp_path):
    from conftest import FIXTURES, build_docs, default_language_nav

    docs = FIXTURES / "search" / "docs"
    result = build_docs(docs, tmp_path / "site", nav=default_language_nav(docs), SITE_URL="")
    assert result.returncode == 0, result.stderr
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html and 'rel="alternate"' not in html, page
        assert "127.0.0.1" not in html, page
    assert not (tmp_path / "site" / "sitemap.xml").exists()
