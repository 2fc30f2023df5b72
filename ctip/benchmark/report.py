"""The benchmark's report as plain text."""

from .printing import render as render_print
from .units import GZIP_LEVEL, KB, TYPES


def size(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def kb(value: float) -> str:
    return f"{value / KB:.1f} KB"


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


LABELS = {"project": "project (--strict)", "plain": "plain Material (not strict)"}


def render_builds(meta: dict, builds: dict) -> list[str]:
    out = [
        "1. Builds: every language; build = the time MkDocs reports for the build itself,",
        f"   wall = the whole process; medians of {meta['runs']} alternating pairs",
    ]
    if not meta.get("search", True):
        out.append("   both built without Material's search plugin (--no-search)")
    for scale, summary in builds.items():
        out.append(
            f"  {scale:<4}{'build':<24}{'build':>9}{'wall':>9}{'pages':>7}{'ms/page':>9}"
            f"{'warnings':>10}"
        )
        for name, label in LABELS.items():
            b = summary[name]
            out.append(
                f"      {label:<28}{b['build_s_median']:>7.2f}s{b['wall_s_median']:>8.2f}s"
                f"{b['pages']:>7}{b['ms_per_page']:>9.1f}{b['warnings']:>10}"
            )
        out.append(
            f"      ratio project/plain: build {times(summary['ratio_build'])}, wall "
            f"{times(summary['ratio_wall'])}; the project adds "
            f"{summary['overhead_ms_per_page']:.1f} ms per page"
        )
        if "source_bytes" in summary:
            out.append(
                f"      Markdown source {summary['source_bytes'] / 1e6:.2f} MB; the project adds "
                f"{summary['overhead_s_per_mb']:.3f} s per MB of it"
            )
    out.append("  pages = every .html file written, 404 pages included")
    return out


def render_preview(previews: list[dict]) -> list[str]:
    if not previews:
        return []
    out = ["", "2. Editor's preview (mkdocs serve, one language): save a module page -> served"]
    for preview in previews:
        mode = "--quick, only the saved page rebuilt" if preview.get("quick") else "every page"
        if preview.get("error"):
            out.append(f"  {mode}: {preview['error']}")
            continue
        shown = ", ".join(
            "-" if value is None else f"{value:.2f}s" for value in preview["save_to_served_s"]
        )
        median = preview["median_s"]
        out.append(
            f"  {preview['page']} ({mode}): median"
            f" {'-' if median is None else f'{median:.2f}s'}  ({shown})"
        )
    return out


def render(results: dict) -> str:
    meta = results["meta"]
    out = [
        "CTIP site benchmark",
        f"  {meta['date']}  Python {meta['python']}  "
        + "  ".join(f"{name} {version}" for name, version in meta["versions"].items()),
        f"  gzip level {GZIP_LEVEL}  1 KB = {KB} bytes",
        "",
        *render_builds(meta, results["builds"]),
    ]
    if "first_visit" not in results:  # --no-search: the builds alone
        return "\n".join(out)
    out += render_preview(results["preview"])
    labels = LABELS
    out += ["", "3. First visit (empty cache, 1x build): same-site resources, bytes"]
    for role in ("home", "module"):
        for name in ("project", "plain"):
            visit = results["first_visit"][name][role]
            out.append(f"  {visit['page']} — {labels[name]}")
            out.append(f"    {'type':<7}{'files':>6}{'raw':>12}{'gzip':>12}")
            for kind in TYPES:
                row = visit["by_type"][kind]
                out.append(
                    f"    {kind:<7}{row['files']:>6}{size(row['raw']):>12}{size(row['gzip']):>12}"
                )
            t = visit["total"]
            out.append(
                f"    {'total':<7}{t['files']:>6}{size(t['raw']):>12}{size(t['gzip']):>12}"
                f"   ({kb(t['gzip'])} gzipped)"
            )
            lang = ", ".join(visit["search"]["lang"]) or "-"
            index = visit["search"]["index"] or "-"
            out.append(f"    search index: {index.removeprefix(meta['origin'])}  lunr lang: {lang}")
            later = visit["on_first_search"]
            if later["files"]:
                out.append(
                    f"    on first search (index + lunr, not in the total): {later['files']} files,"
                    f" {size(later['raw'])} raw, {size(later['gzip'])} gzip"
                )
            out.append(f"    foreign-host resources: {len(visit['foreign'])}")
            out += [f"      {item['via']}: {item['url']}" for item in visit["foreign"]]
            out += [f"    MISSING {item['via']}: {item['url']}" for item in visit["missing"]]
            if visit["alternate_sitemaps"]:
                count = len(visit["alternate_sitemaps"])
                found = sum(item["exists"] for item in visit["alternate_sitemaps"])
                out.append(
                    f"    not counted: sitemap.xml beside each <link rel=alternate>"
                    f" ({count} URL{'s' if count != 1 else ''}, {found} exist), which Material"
                    " requests unless a script removes the links first"
                )
    out.append(f"  foreign-host resources in all: {results['foreign_host_resources']}")

    out += ["", "4. Search index per language (project build)"]
    out.append(f"  {'lang':<6}{'path':<30}{'docs':>6}{'raw':>10}{'gzip':>10}")
    for lang, index in results["search_index"].items():
        out.append(
            f"  {lang:<6}{index['path']:<30}{index['docs']:>6}"
            f"{size(index['raw']):>10}{size(index['gzip']):>10}"
        )

    own = results["own_assets"]
    out += ["", "5. The project's own JS and CSS (overrides/assets/ctip), bytes"]
    out.append(f"  {'file':<36}{'raw':>8}{'min':>8}{'gzip':>8}{'min+gzip':>10}")
    rows = [
        *(
            {**row, "path": row["path"] + (" *" if row.get("on_demand") else "")}
            for row in own["files"]
        ),
        {"path": "total, every page", **own["total"]},
    ]
    if "on_demand_total" in own:
        rows.append({"path": "total, * on demand (trainer's views)", **own["on_demand_total"]})
    for row in rows:
        out.append(
            f"  {row['path']:<36}{size(row['raw']):>8}{size(row['min']):>8}"
            f"{size(row['gzip']):>8}{size(row['min_gzip']):>10}"
        )
    missing = [name for name, found in own["minifiers"].items() if not found]
    if missing:
        out.append(f"  minified columns skipped: {', '.join(missing)} not importable")

    out += ["", "6. Ratios project/plain and budgets"]
    for scale, summary in results["builds"].items():
        out.append(f"  build time, {scale:<17} {times(summary['ratio_build'])}")
    for role in ("home", "module"):
        page = results["first_visit"]["project"][role]["page"]
        out.append(f"  first visit gzipped, {role:<7} {times(results['ratios'][role])}  ({page})")
    for budget in results["budgets"]:
        out.append(
            f"  {budget['status']:<5} {budget['name']}: {kb(budget['value'])}"
            f" (budget < {kb(budget['limit'])})"
        )
    out += render_print(results.get("print") or {})
    return "\n".join(out)
