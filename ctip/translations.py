"""Translation status: per language, the pages missing, outdated and not yet reviewed.

A translation records the English revision it was made from (`translation.source_commit`);
it is outdated when git shows a later change to the English page.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ctip.pages import Page, Site

STATES = ("missing", "outdated", "unreviewed", "unknown source", "up to date")


@dataclass(frozen=True)
class Entry:
    language: str
    name: str
    state: str
    detail: str = ""


def _changed_since(root: Path, commit: str, path: Path) -> bool | None:
    """Whether git has a change to `path` after `commit`; None when git cannot tell."""
    result = subprocess.run(
        ["git", "log", "--format=%H", f"{commit}..HEAD", "--", str(path)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return None
    uncommitted = subprocess.run(
        ["git", "status", "--porcelain", "--", str(path)], cwd=root, capture_output=True, text=True
    )
    return bool(result.stdout.strip() or uncommitted.stdout.strip())


def status(root: Path, languages: list[str] | None = None) -> list[Entry]:
    site = Site.load(root / "docs")
    default = site.default_language
    originals = site.in_language(default)
    languages = languages or sorted({page.language for page in site.pages} - {default})
    entries = []
    for language in languages:
        for original in originals:
            translation = site.page(language, original.name)
            entries.append(_entry(root, language, original, translation))
    return entries


def _entry(root: Path, language: str, original: Page, translation: Page | None) -> Entry:
    if translation is None:
        return Entry(language, original.name, "missing")
    record = translation.meta.get("translation") if isinstance(translation.meta, dict) else None
    record = record if isinstance(record, dict) else {}
    commit = record.get("source_commit")
    changed = _changed_since(root, commit, original.path) if isinstance(commit, str) else None
    if changed is None:
        return Entry(language, original.name, "unknown source", str(commit or "not recorded"))
    if changed:
        return Entry(
            language, original.name, "outdated", f"git diff {commit[:10]} -- {original.display}"
        )
    if record.get("reviewed") is not True:
        return Entry(language, original.name, "unreviewed")
    return Entry(language, original.name, "up to date")


def render_text(entries: list[Entry]) -> str:
    lines = []
    for language in sorted({entry.language for entry in entries}):
        mine = [entry for entry in entries if entry.language == language]
        counts = ", ".join(f"{sum(e.state == s for e in mine)} {s}" for s in STATES)
        lines.append(f"{language}: {counts}")
        for entry in mine:
            if entry.state != "up to date":
                detail = f"  ({entry.detail})" if entry.detail else ""
                lines.append(f"  {entry.state:<14} {entry.name}{detail}")
    return "\n".join(lines)


def render_markdown(entries: list[Entry]) -> str:
    lines = ["## Translation status", ""]
    for language in sorted({entry.language for entry in entries}):
        mine = [entry for entry in entries if entry.language == language]
        lines += [f"### {language}", "", "| page | state | detail |", "| --- | --- | --- |"]
        lines += [f"| `{e.name}` | {e.state} | {e.detail} |" for e in mine]
        lines.append("")
    return "\n".join(lines)
