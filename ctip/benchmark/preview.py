"""The editor's preview: from saving a module page to the rebuilt page being served.

Starts `mkdocs serve` for one language the way scripts/serve --lang does (with `quick`, as
scripts/serve --lang --quick does: MkDocs rebuilds only the saved page), waits for the first
build, then saves an edit to a module page and polls the served page until the edit shows,
several times. Works on a copy of the docs, so the real files are never touched.
"""

import contextlib
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from . import configs

POLL_S = 0.02
# What scripts/serve --quick adds: rebuild only what changed. MkDocs warns on every such build
# that other pages may be out of date, so it cannot be strict.
QUICK = ["--dirty", "--no-strict"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The served text at `url`, None if nothing is served there (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def served_with(url: str, text: str, timeout: float) -> str | None:
    """What `url` serves once it holds `text`; None if it does not within `timeout` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(POLL_S)
    return None


@contextlib.contextmanager
def serving(
    project_file: Path, docs: Path, language: str, workdir: Path, quick: bool = False
) -> Iterator[tuple]:
    """`mkdocs serve` of one language over a copy of the docs, as scripts/serve --lang runs it:
    yields (the served address of the copy's last module page, that page's file), or raises
    if the server does not start."""
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / "preview-docs"
    shutil.copytree(docs, copy)
    config_file = configs.write(
        workdir / "preview.mkdocs.yml", configs.project_config(project_file, copy, None)
    )
    page = sorted((copy / language / "modules").glob("*.md"))[-1]
    url = f"http://127.0.0.1:{_free_port()}/"
    address = url.removeprefix("http://").rstrip("/")
    env = {
        **configs.web_edition_environment(),
        "NO_MKDOCS_2_WARNING": "1",
        "CTIP_PREVIEW_LANGUAGE": language,
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", address]
    command += QUICK if quick else []
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=workdir
    )
    target = f"{url}modules/{page.stem}/"
    try:
        if served_with(target, "</html>", timeout=120) is None:
            raise RuntimeError("the preview server did not start")
        yield target, page
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(
    project_file: Path, docs: Path, language: str, edits: int, workdir: Path, quick: bool = False
) -> dict:
    times = []
    try:
        with serving(project_file, docs, language, workdir, quick) as (target, page):
            original = page.read_text(encoding="utf-8")
            for number in range(edits):
                marker = f"ctippreviewedit{number}x"
                time.sleep(0.5)  # the watcher settles after the previous build
                saved = time.perf_counter()
                page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
                shown = served_with(target, marker, timeout=30)
                times.append(None if shown is None else round(time.perf_counter() - saved, 3))
    except RuntimeError as error:
        return {"language": language, "error": str(error)}
    measured = [value for value in times if value is not None]
    return {
        "language": language,
        "quick": quick,
        "page": f"{language}/modules/{page.name}",
        "save_to_served_s": times,
        "median_s": round(statistics.median(measured), 3) if measured else None,
    }
