"""`ctip handbook`: the course as PDF files, per language, built from the page model.

    ctip handbook [--lang L] [--output DIR]        (default: every language, into dist/)

For each language it writes:

- `handbook-<lang>.pdf`: cover, imprint with the source revision, contents with page numbers,
  the modules in order (the quiz as questions with empty boxes), the glossary, the resources
  and the sources; running headers with the module title, "Page N of M" in the language;
- `answer-key-<lang>.pdf`: every quiz's right answers with the explanation, and the notes for
  trainers (`/// facilitator` blocks and `??? facilitator` sections);
- `handouts-<lang>.pdf`: the pages of HANDOUTS (ctip.handbook.files) that exist, one A4 page
  each (when none exists yet it says so and writes no file);
- `slides-<module>-<lang>.pdf`: a module's authored `/// slide` blocks, one landscape page each.

The content check runs first: a page that fails it stops everything with `path:line`, and no
PDF is written. Files are written to a folder beside the output and moved into place only when
every one of them is done, so a failure leaves no partial PDF. Rendering is WeasyPrint's (no
JavaScript, no browser); it fetches only the project's own files (ctip.handbook.pdf).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ctip import checks
from ctip.pages import Site, course
from ctip.project import ROOT

from .files import HANDOUTS, Planned, planned

DEFAULT_OUTPUT = ROOT / "dist"
# Handouts that do not fit on one page at 100 % are tried smaller, down to the last of these.
HANDOUT_SCALES = (1.0, 0.93, 0.86, 0.8, 0.74, 0.68)
BASE_SIZE_PT = 10

__all__ = ["DEFAULT_OUTPUT", "HandbookError", "Planned", "Result", "build", "main", "planned"]


class HandbookError(Exception):
    """The handbook cannot be built; `problems` are `path:line: message` lines."""

    def __init__(self, message: str, problems: list[str] = ()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class Written:
    path: Path
    kind: str  # handbook, answer-key, handouts, slides
    language: str
    pages: int

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass
class Result:
    written: list[Written] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # URLs the fetcher would not fetch
    fetched: list[Path] = field(default_factory=list)  # files it did
    seconds: float = 0.0


def source_revision(root: Path) -> str:
    """The commit the sources come from ("unknown" outside a git checkout)."""
    try:
        found = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "docs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return os.environ.get("GITHUB_SHA") or "unknown"
    return f"{found} (+ uncommitted changes)" if changed else found


def build(
    root: Path = ROOT,
    languages: list[str] | None = None,
    output: Path = DEFAULT_OUTPUT,
) -> Result:
    """Check the content of root/docs, then write the PDFs of `languages` (default: all)."""
    started = time.monotonic()
    root = Path(root).resolve()
    site = Site.load(root / "docs")
    known = site.project.locales
    languages = list(languages or known)
    if unknown := [language for language in languages if language not in known]:
        raise HandbookError(f"unknown language {', '.join(unknown)}; known: {', '.join(known)}")
    problems = [problem for problem in checks.check(root) if not problem.warning]
    if problems:
        raise HandbookError(
            "the content check failed: no PDF written", [str(problem) for problem in problems]
        )
    from .pdf import ProjectFetcher, Renderer  # WeasyPrint loads only when PDFs are made

    fetcher = ProjectFetcher(site.docs_dir)
    renderer = Renderer(fetcher)
    revision = source_revision(root)
    output = Path(output).resolve()
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ctip-handbook-", dir=output))
    result = Result()
    try:
        for language in languages:
            _language(site, language, renderer, revision, staging, result)
        for item in result.written:
            target = output / item.path.name
            item.path.replace(target)
            item.path = target
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.refused = sorted(set(fetcher.refused))
    result.fetched = sorted(set(fetcher.fetched))
    result.seconds = time.monotonic() - started
    return result


def _language(site: Site, language: str, renderer, revision: str, staging: Path, result) -> None:
    from . import documents
    from .documents import Meta
    from .pdf import css_string, css_text, merge, write

    meta = Meta(site, language, revision)
    plan = planned(site, language)
    the_course = course(site, language)
    footer = f"@page {{ @bottom-center {{ content: {css_text(meta.t('print.page'))}; }} }}"

    def save(document, name: str, kind: str) -> None:
        write(document, staging / name)
        result.written.append(Written(staging / name, kind, language, len(document.pages)))

    save(
        renderer.render(documents.handbook(site, the_course, meta), footer),
        plan.handbook,
        "handbook",
    )
    save(
        renderer.render(documents.answer_key(site, the_course, meta), footer),
        plan.answer_key,
        "answer-key",
    )

    if plan.handouts:
        bottom = css_string(f"{meta.site_name} · {meta.t('print.licence')}")
        handout_css = (
            f"@page {{ @top-center {{ content: none; border: none; }}"
            f" @bottom-center {{ content: {bottom}; }} }}"
        )
        fitted = []
        for name in HANDOUTS:
            page = site.shown(language, name)
            if page is not None:
                fitted.append(
                    _fit(renderer, documents.handout(site, page, meta), handout_css, page)
                )
        title = f"{meta.site_name}: {meta.t('print.handouts')}"
        save(merge(fitted, title), plan.handouts, "handouts")
    if plan.missing_handouts:
        where = ", ".join(f"docs/{language}/{name}" for name in plan.missing_handouts)
        result.notes.append(
            f"{language}: no handout page {where} (nor its English original): "
            + ("not in the handouts" if plan.handouts else f"handouts-{language}.pdf not written")
        )

    for module in the_course.modules:
        if module.slug not in plan.slides:
            continue
        header = css_string(f"{meta.t('print.module', number=module.number)}. {module.title}")
        slide_css = (
            f"@page {{ size: A4 landscape; margin: 16mm 20mm;"
            f" @top-center {{ content: {header}; }}"
            f" @bottom-center {{ content: {css_text(meta.t('print.page'))}; }} }}"
        )
        html = documents.slides(site, module, meta)
        save(renderer.render(html, slide_css), plan.slides[module.slug], "slides")


def _fit(renderer, html: str, css: str, page):
    for scale in HANDOUT_SCALES:
        document = renderer.render(
            html, css + f" body.print-handout {{ font-size: {BASE_SIZE_PT * scale:.2f}pt; }}"
        )
        if len(document.pages) == 1:
            return document
    smallest = round(HANDOUT_SCALES[-1] * 100)
    raise HandbookError(
        "a handout does not fit on one page: no PDF written",
        [
            f"{page.display}:1: does not fit on one A4 page, even printed at {smallest} %:"
            f" shorten it ({len(document.pages)} pages)"
        ],
    )


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="ctip handbook",
        description="The course as PDF files per language: handbook, answer key for trainers, "
        "handouts, slide decks (see README, 'Print and PDF').",
    )
    main.add_argument(
        "--lang", action="append", metavar="L", help="only this language (repeatable)"
    )
    main.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help=f"folder (default: {DEFAULT_OUTPUT})"
    )
    main.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result = build(args.root, args.lang, args.output)
    except HandbookError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"handbook: {error}", file=sys.stderr)
        return 1
    for item in result.written:
        print(f"{item.path}  {item.pages} pages  {_size(item.size)}")
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for url in result.refused:
        print(f"warning: not fetched (not one of the project's files): {url}", file=sys.stderr)
    print(f"handbook: {len(result.written)} PDF files in {result.seconds:.1f} s", file=sys.stderr)
    return 0
