"""Sizes of what the build writes and of the project's own assets."""

import json
from pathlib import Path

from ctip.project import ROOT

from .units import gzip_size

OWN_ASSETS = ROOT / "overrides" / "assets" / "ctip"
# Loaded by trainer.js only in a trainer's view (slides, live quiz, planner), never by a
# learner's page: counted apart from the budget of what every page loads.
ON_DEMAND = ("present.js", "present.css", "live-quiz.js", "planner.js")


def search_indexes(site_dir: Path, default_locale: str) -> dict:
    """{language: sizes} for every folder that holds search/search_index.json."""
    indexes = {}
    files = site_dir.rglob("search/search_index.json")
    for file in sorted(files, key=lambda file: (len(file.parts), file.as_posix())):
        folder = file.parent.parent.relative_to(site_dir).as_posix()
        lang = default_locale if folder == "." else folder
        data = file.read_bytes()
        indexes[lang] = {
            "path": file.relative_to(site_dir).as_posix(),
            "raw": len(data),
            "gzip": gzip_size(data),
            "docs": len(json.loads(data).get("docs", [])),
        }
    return indexes


def minifiers() -> dict:
    found = {}
    try:
        import rjsmin

        found[".js"] = rjsmin.jsmin
    except ImportError:
        pass
    try:
        import rcssmin

        found[".css"] = rcssmin.cssmin
    except ImportError:
        pass
    return found


def own_assets() -> dict:
    minify = minifiers()
    files = []
    for file in sorted([*OWN_ASSETS.glob("*.js"), *OWN_ASSETS.glob("*.css")]):
        data = file.read_bytes()
        row = {
            "path": file.relative_to(ROOT).as_posix(),
            "raw": len(data),
            "gzip": gzip_size(data),
            "min": None,
            "min_gzip": None,
            "on_demand": file.name in ON_DEMAND,
        }
        if file.suffix in minify:
            small = minify[file.suffix](data.decode("utf-8")).encode("utf-8")
            row["min"], row["min_gzip"] = len(small), gzip_size(small)
        files.append(row)
    every_page = [row for row in files if not row["on_demand"]]
    on_demand = [row for row in files if row["on_demand"]]
    return {
        "minifiers": {
            "rjsmin": ".js" in minify,
            "rcssmin": ".css" in minify,
        },
        "files": files,
        "total": _total(every_page),
        "on_demand_total": _total(on_demand),
    }


def _total(rows: list[dict]) -> dict:
    total = {key: sum(row[key] for row in rows) for key in ("raw", "gzip")}
    for key in ("min", "min_gzip"):
        values = [row[key] for row in rows]
        total[key] = sum(values) if values and None not in values else None
    return total
