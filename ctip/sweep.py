"""Sweep every page of the built site, in every language, in real Chromium, and report.

    ctip sweep [--site DIR] [--json FILE]

Builds the site strictly (or reads DIR), serves it on 127.0.0.1, and opens every page at desktop
width in light and at phone width in dark, once with storage that throws: axe-core violations and
page errors per page, then a summary. A report for people (the test suite sweeps one page of each
kind: tests/test_sweep.py). Needs the test extras (Playwright, axe-playwright-python) and
Debian's chromium.
"""

import argparse
import contextlib
import functools
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ctip.project import ROOT

# Debian's Chromium, headless, quiet: the flags every browser test and the sweep use.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
THROWS = """Object.defineProperty(window, "localStorage", { configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""
# axe-core's rules as they are, plus WCAG 2.2's target size (2.5.8, AA), which axe leaves off.
AXE_OPTIONS = {"rules": {"target-size": {"enabled": True}}}
STATES = {
    "desktop, light": ({"viewport": {"width": 1280, "height": 800}}, None),
    "phone, dark": ({"viewport": {"width": 375, "height": 740}, "color_scheme": "dark"}, None),
    "phone, storage throws": ({"viewport": {"width": 375, "height": 740}}, THROWS),
}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(site: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(command, cwd=ROOT, check=True)


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 and yield its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def sweep(site: Path) -> dict:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    pages = sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if "assets" not in path.parts
    )
    report: dict[str, dict] = {}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        for state, (options, script) in STATES.items():
            context = browser.new_context(**options)
            if script:
                context.add_init_script(script)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            for path in pages:
                errors.clear()
                page.goto(base + path)
                found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
                entry = report.setdefault(path, {})
                entry[state] = {
                    "violations": [f"{v['id']} ({len(v['nodes'])})" for v in found],
                    "errors": list(errors),
                }
            context.close()
        browser.close()
    return report


def render(report: dict) -> str:
    lines = []
    clean = 0
    for path, states in report.items():
        bad = {state: r for state, r in states.items() if r["violations"] or r["errors"]}
        if not bad:
            clean += 1
            continue
        for state, result in bad.items():
            lines.append(
                f"{path or '/'} [{state}]: {', '.join(result['violations'] + result['errors'])}"
            )
    visits = sum(len(states) for states in report.values())
    lines.append(
        f"{len(report)} pages x {len(STATES)} states = {visits} visits; "
        f"{clean} pages clean in every state"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ctip sweep", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ctip-sweep-") as temp:
        site = args.site or Path(temp) / "site"
        if args.site is None:
            build(site)
        report = sweep(site)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    bad = any(r["violations"] or r["errors"] for s in report.values() for r in s.values())
    return 1 if bad else 0
