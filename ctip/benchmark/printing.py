"""The print output in the benchmark: `ctip handbook` for every language, timed, with each PDF's
pages and size (the issue's aims: all handbooks under 60 s together, a handbook at most 5 MB)."""

import time
from pathlib import Path

from ctip.project import ROOT

TIME_BUDGET_S = 60
HANDBOOK_BUDGET = 5 * 1024 * 1024


def measure(workdir: Path, root: Path = ROOT) -> dict:
    from ctip import handbook

    started = time.monotonic()
    result = handbook.build(root, None, workdir)
    wall = time.monotonic() - started
    files = [
        {
            "name": item.path.name,
            "kind": item.kind,
            "language": item.language,
            "pages": item.pages,
            "bytes": item.size,
        }
        for item in result.written
    ]
    largest = max((f["bytes"] for f in files if f["kind"] == "handbook"), default=0)
    return {
        "seconds": round(wall, 2),
        "files": files,
        "notes": result.notes,
        "budgets": [
            {
                "name": "ctip handbook, every language",
                "value": round(wall, 2),
                "limit": TIME_BUDGET_S,
                "unit": "s",
                "status": "PASS" if wall < TIME_BUDGET_S else "OVER",
            },
            {
                "name": "largest handbook",
                "value": largest,
                "limit": HANDBOOK_BUDGET,
                "unit": "bytes",
                "status": "PASS" if largest <= HANDBOOK_BUDGET else "OVER",
            },
        ],
    }


def render(printing: dict) -> list[str]:
    if not printing:
        return []
    out = [
        "",
        "7. Print: `ctip handbook` for every language (content check included), PDFs in bytes",
        f"  {'file':<44}{'pages':>7}{'bytes':>12}",
    ]
    for row in printing["files"]:
        out.append(f"  {row['name']:<44}{row['pages']:>7}{row['bytes']:>12,}")
    out += [f"  note: {note}" for note in printing["notes"]]
    for budget in printing["budgets"]:
        value = (
            f"{budget['value']:.1f} s (budget < {budget['limit']} s)"
            if budget["unit"] == "s"
            else f"{budget['value'] / 1024 / 1024:.2f} MB (budget <= "
            f"{budget['limit'] / 1024 / 1024:.0f} MB)"
        )
        out.append(f"  {budget['status']:<5} {budget['name']}: {value}")
    return out
