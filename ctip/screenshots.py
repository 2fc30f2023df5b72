"""Screenshots of the trainer's views in one language, for reviewers and release notes.

    ctip screenshots [--lang tk] [--module identifying-victims] [--site DIR] [--output DIR]

Builds the site strictly (or reads DIR), serves it on 127.0.0.1 and photographs, at 1280x720 in
real Chromium: a module page in trainer mode and at its first facilitator note, the trainer's
notes page, the session planner and its agenda, a slide in light and dark, the presenter view,
the live quiz (question, tally, explanation) and the webinar guide. Writes PNG files to
dist/screenshots/<lang>/ by default. Needs the test extras (Playwright) and Debian's chromium.
"""

import argparse
import shutil
import tempfile
from pathlib import Path

from ctip import project
from ctip.sweep import FLAGS, build, served

SCREEN = {"width": 1280, "height": 720}


def shoot(browser, base: str, module: str, output: Path) -> list[Path]:
    """Photograph the views of the site at `base` (a language's root) with a Playwright
    browser; return the files written."""
    output.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def save(page, name: str, element=None) -> None:
        path = output / f"{name}.png"
        (element or page).screenshot(path=str(path))
        shots.append(path)

    module_url = f"{base}modules/{module}/"
    context = browser.new_context(viewport=SCREEN)
    try:
        page = context.new_page()
        page.goto(module_url + "?trainer")
        page.wait_for_selector(".ctip-trainer-notice")
        save(page, "trainer-mode")
        page.locator("aside.ctip-facilitator:visible").first.scroll_into_view_if_needed()
        page.evaluate("() => window.scrollBy(0, -200)")
        save(page, "trainer-mode-note")

        page.goto(base + "trainer/")
        save(page, "trainer-notes-page")
        page.goto(base + "trainer/planner/")
        page.wait_for_selector(".ctip-agenda:not([hidden])")
        page.fill("#ctip-planner-start", "09:30")
        page.fill("#ctip-planner-date", "2026-12-01")
        save(page, "planner")
        save(page, "planner-agenda", page.locator(".ctip-agenda"))

        for scheme in ("light", "dark"):
            slides = browser.new_context(viewport=SCREEN, color_scheme=scheme)
            deck = slides.new_page()
            deck.goto(module_url + "?present=2")
            deck.wait_for_selector(".ctip-deck")
            save(deck, f"slide-{scheme}")
            slides.close()

        page.goto(module_url + "?present=2")
        page.wait_for_selector(".ctip-deck")
        with context.expect_page() as opened:
            page.keyboard.press("p")
        presenter = opened.value
        presenter.set_viewport_size(SCREEN)
        presenter.wait_for_selector(".ctip-deck--presenter .ctip-slide-frame")
        save(presenter, "presenter-view")
        presenter.close()

        page.goto(module_url + "?live-quiz")
        live = page.locator(".ctip-live")
        live.wait_for()
        save(page, "live-quiz-question")
        page.keyboard.press("r")
        page.keyboard.press("v")
        for number in range(live.locator(".ctip-live__options li").count()):
            if number:
                page.keyboard.press("Tab")
            page.keyboard.type(str(3 + 5 * number % 11))
        page.keyboard.press("Enter")
        save(page, "live-quiz-tally")
        page.keyboard.press("r")
        save(page, "live-quiz-explanation")

        page.goto(base + "trainer/webinar/")
        save(page, "webinar-guide")
    finally:
        context.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ctip screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="tk", help="the language (default tk)")
    parser.add_argument("--module", default="identifying-victims", help="the module to show")
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--output", type=Path, help="default: dist/screenshots/<lang>/")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    language = project.load().language(args.lang)
    output = args.output or project.ROOT / "dist" / "screenshots" / args.lang
    with tempfile.TemporaryDirectory(prefix="ctip-screenshots-") as temp:
        site = args.site or Path(temp) / "site"
        if args.site is None:
            build(site)
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=FLAGS
            )
            for path in shoot(browser, base.rstrip("/") + language.link, args.module, output):
                print(path)
            browser.close()
    return 0
