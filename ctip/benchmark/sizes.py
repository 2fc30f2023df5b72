"""Sizes of what the build writes and of the project's own assets."""

import json
from pathlib import Path

from ctip.project import ROOT

from .units import gzip_size

OWN_ASSETS = ROOT / "overrides" / "assets" / "ctip"


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
        }
        if file.suffix in minify:
            small = minify[file.suffix](data.decode("utf-8")).encode("utf-8")
            row["min"], row["min_gzip"] = len(small), gzip_size(small)
        files.append(row)
    total = {key: sum(row[key] for row in files) for key in ("raw", "gzip")}
    for key in ("min", "min_gzip"):
        values = [row[key] for row in files]
        total[key] = sum(values) if values and None not in values else None
    return {
        "minifiers": {
            "rjsmin": ".js" in minify,
            "rcssmin": ".css" in minify,
        },
        "files": files,
        "total": total,
    }
