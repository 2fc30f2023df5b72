"""The nginx example's Content Security Policy matches the build, and the site works under it."""

import functools
import re
import threading
from http.server import ThreadingHTTPServer

import pytest
from browser_helpers import search
from conftest import ROOT, _QuietHandler
from html_helpers import LANGUAGES

from ctip.safety import csp

NGINX = ROOT / "deploy" / "nginx.conf"


def policy() -> str:
    return re.search(r'add_header Content-Security-Policy "([^"]+)"', NGINX.read_text()).group(1)


@pytest.mark.build
def test_the_nginx_policy_is_the_one_the_build_generates(site):
    """`ctip csp site/` prints the header for the built site: the example must be it."""
    assert policy() == csp.header(site)
    assert "frame-ancestors 'none'" in policy()


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
