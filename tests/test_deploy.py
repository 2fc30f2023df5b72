"""The nginx example's Content Security Policy matches the build, and the site works under it."""

import base64
import functools
import hashlib
import re
import threading
from http.server import ThreadingHTTPServer

import pytest
from browser_helpers import search
from conftest import ROOT, _QuietHandler
from html_helpers import LANGUAGES

NGINX = ROOT / "deploy" / "nginx.conf"
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S
)


def policy() -> str:
    return re.search(r'add_header Content-Security-Policy "([^"]+)"', NGINX.read_text()).group(1)


def test_csp_allows_exactly_the_inline_scripts_the_build_has(site):
    allowed = set(re.findall(r"'sha256-([^']+)'", policy()))
    found = set()
    for page in site.rglob("*.html"):
        for body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            found.add(base64.b64encode(hashlib.sha256(body.encode()).digest()).decode())
    assert found == allowed


@pytest.fixture(scope="module")
def csp_site_url(site):
    class Handler(_QuietHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", policy())
            super().end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_site_works_under_the_policy(new_page, csp_site_url, language):
    page, log = new_page()
    page.goto(f"{csp_site_url}{LANGUAGES[language]}privacy/")
    assert search(page, page.locator("h1").first.inner_text().split()[0].rstrip("¶"))
    assert log.errors == [] and log.failures == []
