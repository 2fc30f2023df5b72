"""Scaffold a new module in every language and add it to the navigation."""

import datetime
import json
import re
import subprocess
from pathlib import Path

from ctip.pages import Site

TEMPLATES = Path(__file__).with_name("templates")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    pass


def _head_commit(root: Path) -> str:
    result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else "0000000"


def _next_number(site: Site) -> int:
    numbers = [
        page.meta["module"]
        for page in site.in_language(site.default_language)
        if page.is_module and isinstance(page.meta.get("module"), int)
    ]
    return max(numbers, default=0) + 1


def new_module(root: Path, slug: str, title: str, number: int | None = None) -> list[Path]:
    """Write docs/<lang>/modules/<slug>.md for every language folder; return the files."""
    if not _SLUG.match(slug):
        raise ScaffoldError(f"'{slug}' is not a valid name: use lower-case words joined by hyphens")
    docs = root / "docs"
    site = Site.load(docs)
    default = site.default_language
    languages = sorted(path.name for path in docs.iterdir() if path.is_dir())
    targets = [docs / language / "modules" / f"{slug}.md" for language in languages]
    if existing := [target for target in targets if target.exists()]:
        raise ScaffoldError(f"{existing[0].relative_to(root)} already exists")
    number = number or _next_number(site)
    values = {
        "title": title,
        "title_yaml": json.dumps(title, ensure_ascii=False),
        "number": number,
        "quiz_id": f"m{number}",
        "today": datetime.date.today().isoformat(),
        "source_commit": _head_commit(root),
    }
    for language, target in zip(languages, targets, strict=True):
        template = TEMPLATES / f"module.{language}.md"
        if not template.exists():
            template = TEMPLATES / f"module.{default}.md"
        text = template.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{" + key + "}", str(value))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _add_to_nav(root / "mkdocs.yml", f"modules/{slug}.md")
    return targets


def _add_to_nav(config: Path, entry: str) -> None:
    """Insert the entry after the last module in `nav` (a text edit keeps comments intact)."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(
        (i for i, line in enumerate(lines) if re.match(r"^\s*- modules/[\w-]+\.md\s*$", line)),
        default=None,
    )
    if last is None:
        raise ScaffoldError("mkdocs.yml has no 'modules/...' entry in nav to add the module after")
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {entry}\n")
    config.write_text("".join(lines), encoding="utf-8")
