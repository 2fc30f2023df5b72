"""Benchmark the site: build time against plain Material at 1x and 10x content, the editor's
preview, first-visit transfer, search indexes, the project's own asset sizes, and the print
output (`ctip handbook`: time, each PDF's size).

    ctip benchmark [--runs 5] [--scale 10] [--preview-edits 5] [--no-handbook] [--json FILE]

Prints a plain-text report (report.py) and, with --json, writes the figures. Exits 0 whatever
the figures are (budgets are reported as PASS/OVER), 1 if a build fails, 2 if a page asked for
is missing.
"""

import argparse
import json
import platform
import sys
import tempfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from ctip.handbook import HandbookError
from ctip.project import CONFIG_FILE

from . import builds, configs, preview, printing, synthetic
from .report import render
from .sizes import own_assets, search_indexes
from .units import GZIP_LEVEL, KB, MODULE_PAGE_BUDGET, OWN_ASSETS_BUDGET
from .visits import FALLBACK_ORIGIN, default_module_page, first_visit, normalise_page


def versions() -> dict:
    found = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "?"
    return found


def build_pairs(
    project_file: Path, docs: Path, nav, runs: int, workdir: Path, search: bool = True
) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    config = configs.read_config(project_file)
    plugins = None if search else configs.without_search(config.get("plugins") or [])
    project = configs.write(
        workdir / "project.mkdocs.yml", configs.project_config(project_file, docs, nav, plugins)
    )
    plain_config = configs.plain_config({**config, "nav": nav}, docs)
    if not search:
        plain_config["plugins"] = configs.without_search(plain_config["plugins"])
    plain = configs.write(workdir / "plain.mkdocs.yml", plain_config)
    measured = builds.pairs(
        {"project": (project, True), "plain": (plain, False)}, runs, workdir, project_file.parent
    )
    builds.add_source_size(measured["summary"], synthetic.markdown_bytes(docs))
    return measured


def budgets(module: str, module_gzip: int, own_gzip: int) -> list[dict]:
    found = [
        {
            "name": f"module page first visit, gzipped ({module})",
            "value": module_gzip,
            "limit": MODULE_PAGE_BUDGET,
        },
        {"name": "project's own JS+CSS, gzipped", "value": own_gzip, "limit": OWN_ASSETS_BUDGET},
    ]
    for budget in found:
        budget["status"] = "PASS" if budget["value"] < budget["limit"] else "OVER"
    return found


def run(args, workdir: Path) -> dict:
    project_file = CONFIG_FILE
    config = configs.read_config(project_file)
    docs = (project_file.parent / config.get("docs_dir", "docs")).resolve()
    origin = (config.get("site_url") or FALLBACK_ORIGIN).rstrip("/") + "/"
    languages = configs.i18n_languages(config)
    default_locale = next(lang["locale"] for lang in languages if lang.get("default"))
    nav = config.get("nav")

    scales = {"1x": build_pairs(project_file, docs, nav, args.runs, workdir / "1x", args.search)}
    if args.scale > 1:
        big, big_nav = synthetic.scale(docs, workdir / "synthetic", args.scale, nav)
        scales[f"{args.scale}x"] = build_pairs(
            project_file, big, big_nav, args.runs, workdir / "big", args.search
        )
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "versions": versions(),
        "runs": args.runs,
        "search": args.search,
        "kb_bytes": KB,
        "gzip_level": GZIP_LEVEL,
        "origin": origin,
    }
    builds_measured = {scale: measured["summary"] for scale, measured in scales.items()}
    if not args.search:  # what search costs each build; the other figures need the search
        return {"meta": meta, "builds": builds_measured}
    sites = scales["1x"]["sites"]
    module = normalise_page(args.page) if args.page else default_module_page(sites["project"])
    if module is None:
        raise FileNotFoundError("no page under modules/ in the project build: pass --page")
    visits = {
        name: {
            "home": first_visit(site, "index.html", origin, name == "project"),
            "module": first_visit(site, module, origin, name == "project"),
        }
        for name, site in sites.items()
    }
    own = own_assets()
    printed = printing.measure(workdir / "pdf") if args.handbook else {}
    previews = []
    if args.preview_edits:
        previews = [
            preview.measure(
                project_file,
                docs,
                args.preview_language,
                args.preview_edits,
                workdir / f"preview-{mode}",
                quick=mode == "quick",
            )
            for mode in ("full", "quick")
        ]
    return {
        "meta": {**meta, "pages": {"home": "index.html", "module": module}},
        "builds": builds_measured,
        "preview": previews,
        "first_visit": visits,
        "foreign_host_resources": sum(
            len(visit["foreign"]) for pages in visits.values() for visit in pages.values()
        ),
        "search_index": search_indexes(sites["project"], default_locale),
        "own_assets": own,
        "ratios": {
            role: round(
                visits["project"][role]["total"]["gzip"] / visits["plain"][role]["total"]["gzip"],
                3,
            )
            for role in ("home", "module")
        },
        "budgets": budgets(
            module, visits["project"]["module"]["total"]["gzip"], own["total"]["gzip"]
        ),
        "print": printed,
    }


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="ctip benchmark",
        description=__doc__.splitlines()[0],
        epilog=f"Sizes in bytes; 1 KB = {KB} bytes; gzip level {GZIP_LEVEL}. Budgets: module page"
        f" first visit < {MODULE_PAGE_BUDGET // KB} KB gzipped, own JS+CSS"
        f" < {OWN_ASSETS_BUDGET // KB} KB gzipped.",
    )
    main.add_argument("--runs", type=int, default=5, help="alternating build pairs (default 5)")
    main.add_argument(
        "--scale", type=int, default=10, help="also build N times the content (default 10; 1: no)"
    )
    main.add_argument(
        "--preview-edits", type=int, default=5, help="saved edits timed in the preview (0: none)"
    )
    main.add_argument("--preview-language", default="ru", help="language previewed (default ru)")
    main.add_argument(
        "--page",
        metavar="PATH",
        help="module page to measure, relative to the site root, e.g. modules/sample/ or"
        " ru/modules/sample/index.html (default: the first page under modules/ after its index)",
    )
    main.add_argument(
        "--handbook",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time `ctip handbook` for every language and report each PDF's size (default: on)",
    )
    main.add_argument(
        "--search",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="build both sites with Material's search plugin (default); --no-search builds both"
        " without it, to show what search costs each",
    )
    main.add_argument("--json", metavar="FILE", type=Path, help="also write the figures here")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.runs < 1 or args.scale < 1:
        parser().error("--runs and --scale must be at least 1")
    with tempfile.TemporaryDirectory(prefix="ctip-benchmark-") as temp:
        try:
            results = run(args, Path(temp))
        except builds.BuildError as error:
            print(error, file=sys.stderr)
            return 1
        except FileNotFoundError as error:
            print(f"benchmark: {error}", file=sys.stderr)
            return 2
        except HandbookError as error:
            print("\n".join([*error.problems, f"benchmark: {error}"]), file=sys.stderr)
            return 1
    print(render(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0
