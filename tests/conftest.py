"""Shared fixtures: real site builds in temporary folders, a loopback server, real Chromium.

Every test is marked with its tier: `unit` (no build, no browser), `build` (builds a site and
reads files) or `browser` (drives Chromium). Each fixture site is built once per session.
"""

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from ctip.sweep import FLAGS as CHROMIUM_FLAGS  # the flags the guide gives, in one place

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


TIERS = ("unit", "build", "browser")


def pytest_collection_modifyitems(items):
    """A test without exactly one tier would escape `scripts/test -m TIER`: refuse it."""
    for item in items:
        tiers = {marker.name for marker in item.iter_markers() if marker.name in TIERS}
        if len(tiers) != 1:
            raise pytest.UsageError(
                f"{item.nodeid}: mark it with exactly one of {TIERS}, not {sorted(tiers)}"
            )


def run_mkdocs(
    *args: str, env: dict | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
    )


def build_docs(docs_dir: Path, site_dir: Path, nav: list | None = None, **env: str):
    """Build `docs_dir` with the project's mkdocs.yml (overrides, plugins, extensions), strictly.

    Returns the finished process; the caller checks its return code.
    """
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
    }
    if nav is not None:
        config["nav"] = nav
    config_file = site_dir.with_name(site_dir.name + ".mkdocs.yml")
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return run_mkdocs("build", "--strict", "-f", str(config_file), "-d", str(site_dir), env=env)


def default_language_nav(docs_dir: Path) -> list[str]:
    pages = sorted(
        p.relative_to(docs_dir / "en").as_posix() for p in (docs_dir / "en").rglob("*.md")
    )
    return sorted(pages, key=lambda page: page != "index.md")


# The address fixture sites are built for, as the Pages workflow would give it.
SITE_URL = "https://training.example.org/"


def build_fixture(name: str, site_dir: Path, **env: str) -> Path:
    env.setdefault("SITE_URL", SITE_URL)
    docs_dir = FIXTURES / name / "docs"
    result = build_docs(docs_dir, site_dir, nav=default_language_nav(docs_dir), **env)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built strictly with the project's own configuration."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = run_mkdocs("build", "--strict", "-d", str(site_dir), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, handbooks) -> Path:
    """The offline edition, built by ctip.offline (with the session's PDFs) and unpacked."""
    import zipfile

    from ctip.offline import build_offline

    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(build_offline(folder / "offline.zip", handbooks[1])) as zipped:
        zipped.extractall(folder)
    return folder / "ctip-training"


@pytest.fixture(scope="session")
def scorm_packages(tmp_path_factory) -> dict[str, Path]:
    """The SCORM package of every language, built once by ctip.scorm: {language: zip}."""
    from ctip.scorm import export

    folder = tmp_path_factory.mktemp("scorm")
    languages = ["en", "ru", "tk"]
    packages = export(languages, {lang: folder / f"scorm-{lang}.zip" for lang in languages})
    return {package.language: package.path for package in packages}


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory) -> Path:
    """tests/fixtures/quiz, built once."""
    return build_fixture("quiz", tmp_path_factory.mktemp("quiz") / "site")


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> Path:
    """tests/fixtures/search (with an English-only page), built once."""
    return build_fixture("search", tmp_path_factory.mktemp("search") / "site")


@pytest.fixture(scope="session")
def trainer_site(tmp_path_factory) -> Path:
    """tests/fixtures/trainer (modules with slides, notes and timings), built once as the
    offline edition is built: opened from file://."""
    folder = tmp_path_factory.mktemp("trainer") / "site"
    return build_fixture("trainer", folder, CTIP_OFFLINE="true")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer:
    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> base URL on 127.0.0.1; servers stop at the end of the session."""
    servers = []

    def start(root: Path) -> str:
        servers.append(StaticServer(root))
        return servers[-1].url

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is required: scripts/test installs it"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class PageLog:
    """What a page did: every request, failed responses and console errors."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and self.failures.append(f"{response.status} {response.url}")
            ),
        )
        page.on("requestfailed", self._failed)
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _failed(self, request):
        # Leaving a page aborts what it was still loading; that is not a failure.
        if request.failure != "net::ERR_ABORTED":
            self.failures.append(f"failed {request.url} ({request.failure})")


@pytest.fixture
def new_page(browser):
    """new_page(**context_options) -> (page, log); contexts close after the test."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        return page, PageLog(page)

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def handbooks(tmp_path_factory):
    """`ctip handbook` of the real docs/, every language, built once: (result, folder)."""
    from ctip import handbook

    folder = tmp_path_factory.mktemp("handbooks")
    return handbook.build(ROOT, None, folder), folder


@pytest.fixture(scope="session")
def print_pdfs(tmp_path_factory):
    """`ctip handbook` of tests/fixtures/print (handouts, slides): (result, folder)."""
    from ctip import handbook

    folder = tmp_path_factory.mktemp("print")
    return handbook.build(FIXTURES / "print", None, folder), folder
