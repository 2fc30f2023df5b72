#!/usr/bin/env python3
"""Benchmark the site: build time, first-visit transfer, search index and own asset sizes.

Builds the project (every language, strictly) and a "plain Material" control build of the same
docs (Material without the project's overrides, plugin, extensions, CSS and JS), then reads the
built HTML the way a browser's first visit would and adds up what it fetches, raw and gzipped.
Prints a plain-text report; --json FILE also writes the figures. Exits 0 whatever the figures
are (budgets are reported as PASS/OVER), 1 if a build fails, 2 if a page asked for is missing.

Run it with the project's venv (scripts/_env.sh makes it): .venv/bin/python scripts/benchmark.py
"""

import argparse
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT_CONFIG = ROOT / "mkdocs.yml"
OWN_ASSETS = ROOT / "overrides" / "assets" / "ctip"

# Pages are read as if served at the project's site_url (or this, without one); a resource that
# resolves to another scheme or host is a foreign-host resource.
FALLBACK_ORIGIN = "https://site.invalid/"
KB = 1000  # budgets and report use decimal kilobytes (the stricter reading of "150 KB")
MODULE_PAGE_BUDGET = 150 * KB
OWN_ASSETS_BUDGET = 15 * KB
GZIP_LEVEL = 6
TYPES = ("html", "css", "js", "index", "other")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")
# Already compressed: a web server sends these as they are, so their "gzip" size is the raw one.
PRECOMPRESSED = {
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".avif",
    ".woff",
    ".woff2",
    ".gz",
    ".zip",
}


class BuildError(RuntimeError):
    pass


# --- the project's configuration, read without MkDocs ---------------------------------------


class ConfigLoader(yaml.SafeLoader):
    """A SafeLoader for mkdocs.yml: `!ENV` gives its default, Python and unknown tags give None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    """Like pyyaml_env_tag: the first variable that is set, else the default (last of several)."""
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node, deep=True)
    else:
        values = [loader.construct_scalar(node)]
    names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name] or "null")
    return default


ConfigLoader.add_constructor("!ENV", _env)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
ConfigLoader.add_constructor(None, lambda loader, node: None)


def read_config(path: Path) -> dict:
    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=ConfigLoader) or {}


def plugin_options(config: dict, name: str) -> dict | None:
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{key: value} for key, value in plugins.items()]
    for entry in plugins:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


def i18n_languages(config: dict) -> list[dict]:
    options = plugin_options(config, "i18n") or {}
    return [lang for lang in options.get("languages") or [] if isinstance(lang, dict)]


def material_languages() -> set[str] | None:
    """The interface languages Material ships (partials/languages/*.html), None if unknown."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "templates" / "partials" / "languages"
    return {file.stem for file in folder.glob("*.html")} or None


def plain_config(config: dict, config_path: Path) -> dict:
    """Material as it comes, over the project's docs: the control build.

    A language Material has no interface strings for (tk: the project ships them in overrides/)
    gets Material's English interface, the least that lets plain Material build it.
    """
    shipped = material_languages()
    languages = []
    for lang in i18n_languages(config):
        plain_lang = {
            key: lang[key] for key in ("locale", "name", "default", "build") if key in lang
        }
        if shipped is not None and lang.get("locale") not in shipped:
            plain_lang["theme"] = {"language": "en"}
        languages.append(plain_lang)
    plain = {
        "site_name": config.get("site_name") or "Plain Material",
        "docs_dir": str((config_path.parent / config.get("docs_dir", "docs")).resolve()),
        "theme": {"name": "material", "font": False},
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "folder", "languages": languages}},
        ],
    }
    if config.get("site_url"):
        plain["site_url"] = config["site_url"]
    if config.get("nav"):
        plain["nav"] = config["nav"]
    return plain


# --- builds -------------------------------------------------------------------------------------


def build(name: str, config_file: Path, site_dir: Path, strict: bool) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CTIP_OFFLINE", None)  # measure the web edition, whatever the caller's shell has
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file)]
    command += ["--strict"] if strict else []
    command += ["-d", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-20:])
        raise BuildError(f"{name} build failed (exit {result.returncode}):\n{tail}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    return {
        "wall_s": wall,
        "mkdocs_reported_s": float(reported.group(1)) if reported else None,
        "pages": sum(1 for _ in site_dir.rglob("*.html")),
        "warnings": sum(1 for line in result.stderr.splitlines() if line.startswith("WARNING")),
    }


def summarise_builds(runs: list[dict], strict: bool) -> dict:
    wall = statistics.median(run["wall_s"] for run in runs)
    reported = [run["mkdocs_reported_s"] for run in runs if run["mkdocs_reported_s"] is not None]
    pages = runs[-1]["pages"]
    return {
        "strict": strict,
        "runs": len(runs),
        "wall_s_runs": [round(run["wall_s"], 4) for run in runs],
        "wall_s_median": round(wall, 4),
        "mkdocs_reported_s_median": round(statistics.median(reported), 4) if reported else None,
        "pages": pages,
        "s_per_page": round(wall / pages, 5) if pages else None,
        "warnings": runs[-1]["warnings"],
    }


# --- first visit --------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """What a browser fetches from the HTML itself, and Material's `__config` JSON."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []  # (type, url, how it is referenced)
        self.hints: list[str] = []  # preconnect / dns-prefetch targets
        self.alternates: list[str] = []
        self.search_form = False
        self.config_text: str | None = None
        self._config_parts: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attr = {key: value or "" for key, value in attrs}
        rel = set(attr.get("rel", "").lower().split())
        if tag == "link" and attr.get("href"):
            href = attr["href"]
            if "stylesheet" in rel:
                self.refs.append(("css", href, "link rel=stylesheet"))
            elif "icon" in rel:
                self.refs.append(("other", href, "link rel=icon"))
            elif rel & {"preconnect", "dns-prefetch"}:
                self.hints.append(href)
            elif "alternate" in rel:
                self.alternates.append(href)
        elif tag == "script":
            if attr.get("src"):
                self.refs.append(("js", attr["src"], "script src"))
            elif attr.get("id") == "__config":
                self._config_parts = []
        elif tag == "img" and attr.get("src"):
            self.refs.append(("other", attr["src"], "img src"))
        elif tag == "form" and attr.get("name") == "search":
            self.search_form = True

    def handle_data(self, data):
        if self._config_parts is not None:
            self._config_parts.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._config_parts is not None:
            self.config_text = "".join(self._config_parts)
            self._config_parts = None


_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)""")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def served_size(file: Path, data: bytes) -> int:
    return len(data) if file.suffix.lower() in PRECOMPRESSED else gzip_size(data)


def is_foreign(url: str, origin: str) -> bool:
    return urlsplit(url)[:2] != urlsplit(origin)[:2]


def on_disk(url: str, site_dir: Path, origin: str) -> Path | None:
    """The file a same-site URL serves, or None if there is none."""
    path = unquote(urlsplit(url).path)
    root = urlsplit(origin).path
    if not path.startswith(root):
        return None
    path = path[len(root) :]
    if path == "" or path.endswith("/"):
        path += "index.html"
    file = (site_dir / path).resolve()
    if not file.is_relative_to(site_dir.resolve()):
        return None
    return file if file.is_file() else None


SEARCH_ON_DEMAND = ("search index", "lunr (worker importScripts)")


def first_visit(site_dir: Path, page: str, origin: str, index_on_search: bool = False) -> dict:
    """Every same-site resource a first visit to `page` fetches, with raw and gzipped sizes.

    With `index_on_search` (the project: overrides/assets/ctip/ctip.js holds the index request
    back until the reader opens search), the index and the lunr scripts are counted apart, as
    what the first search adds.
    """
    page_url = urljoin(origin, page)
    fetched: dict[str, dict] = {}
    foreign: list[dict] = []
    missing: list[dict] = []

    def add(kind: str, url: str, via: str, required: bool = True) -> Path | None:
        url = url.split("#")[0]
        if url.startswith("data:") or url in fetched:
            return None
        if is_foreign(url, origin):
            foreign.append({"url": url, "via": via})
            return None
        file = on_disk(url, site_dir, origin)
        if file is None:
            if required:
                missing.append({"url": url, "via": via})
            return None
        data = file.read_bytes()
        fetched[url] = {
            "path": file.relative_to(site_dir.resolve()).as_posix(),
            "type": kind,
            "via": via,
            "raw": len(data),
            "gzip": served_size(file, data),
        }
        return file

    html_file = add("html", page_url, "page")
    if html_file is None:
        raise FileNotFoundError(f"page {page} is not in the {site_dir.name.split('-')[0]} build")
    parser = PageParser()
    parser.feed(html_file.read_text(encoding="utf-8"))
    parser.close()

    stylesheets = []
    for kind, ref, via in parser.refs:
        url = urljoin(page_url, ref)
        file = add(kind, url, via)
        if kind == "css" and file is not None:
            stylesheets.append((url, file))
    for url in parser.hints:
        if is_foreign(urljoin(page_url, url), origin):
            foreign.append({"url": urljoin(page_url, url), "via": "link rel=preconnect"})

    # Fonts the fetched CSS declares (and stylesheets it imports); other url()s load on demand.
    while stylesheets:
        css_url, css_file = stylesheets.pop(0)
        css = css_file.read_text(encoding="utf-8", errors="replace")
        for ref in _CSS_IMPORT.findall(css):
            url = urljoin(css_url, ref)
            file = add("css", url, "css @import")
            if file is not None:
                stylesheets.append((url, file))
        for match in _CSS_URL.finditer(css):
            ref = next(group for group in match.groups() if group is not None)
            if not ref or ref.startswith(("data:", "#")):
                continue
            url = urljoin(css_url, ref)
            if is_foreign(url, origin):
                foreign.append({"url": url, "via": "css url()"})
            elif urlsplit(url).path.lower().endswith(FONT_SUFFIXES):
                add("other", url, "css font", required=False)

    # Material's search: the worker, the page's index, and the lunr languages the worker imports.
    config = json.loads(parser.config_text) if parser.config_text else {}
    search = {"worker": None, "index": None, "lang": []}
    if parser.search_form and config.get("search"):
        worker_url = urljoin(page_url, config["search"])
        search["worker"] = worker_url
        add("js", worker_url, "search worker")
        base = urljoin(page_url, config.get("base") or ".")
        index_url = urljoin(base, "search/search_index.json")
        search["index"] = index_url
        index_file = add("index", index_url, "search index")
        if index_file is not None:
            langs = json.loads(index_file.read_text(encoding="utf-8")).get("config", {}).get("lang")
            langs = [langs] if isinstance(langs, str) else list(langs or [])
            search["lang"] = langs
            lunr = urljoin(worker_url, "../lunr/")  # the worker's own `../lunr` folder
            scripts = []
            for lang in langs:
                if lang == "ja":
                    scripts.append("tinyseg.js")
                elif lang in ("hi", "th"):
                    scripts.append("wordcut.js")
                if lang != "en":
                    scripts.append(f"min/lunr.{lang}.min.js")
            if len(langs) > 1:
                scripts.append("min/lunr.multi.min.js")
            if scripts:
                scripts.insert(0, "min/lunr.stemmer.support.min.js")
            for script in scripts:
                add("js", urljoin(lunr, script), "lunr (worker importScripts)")

    on_search = {"files": 0, "raw": 0, "gzip": 0}
    if index_on_search:
        for url, item in list(fetched.items()):
            if item["via"] in SEARCH_ON_DEMAND:
                del fetched[url]
                for key, value in (("files", 1), ("raw", item["raw"]), ("gzip", item["gzip"])):
                    on_search[key] += value
    by_type = {kind: {"files": 0, "raw": 0, "gzip": 0} for kind in TYPES}
    for item in fetched.values():
        for key, value in (("files", 1), ("raw", item["raw"]), ("gzip", item["gzip"])):
            by_type[item["type"]][key] += value
    total = {key: sum(row[key] for row in by_type.values()) for key in ("files", "raw", "gzip")}
    # Material's bundle also asks for sitemap.xml beside every <link rel=alternate> it finds when
    # it starts, unless a script removed them first (the project's ctip.js does): listed, not
    # counted, since whether they are still in the document is up to the page's scripts.
    sitemaps = sorted(
        {urljoin(urljoin(page_url, href), "sitemap.xml") for href in parser.alternates}
    )
    return {
        "page": page,
        "by_type": by_type,
        "total": total,
        "resources": list(fetched.values()),
        "search": search,
        "on_first_search": on_search,
        "foreign": foreign,
        "missing": missing,
        "alternate_sitemaps": [
            {"url": url, "exists": on_disk(url, site_dir, origin) is not None}
            for url in sitemaps
            if not is_foreign(url, origin)
        ],
    }


def normalise_page(page: str) -> str:
    page = page.strip().lstrip("/")
    if page == "" or page.endswith("/"):
        return page + "index.html"
    return page if page.endswith(".html") else page + "/index.html"


def default_module_page(site_dir: Path) -> str | None:
    modules = site_dir / "modules"
    pages = sorted(
        path.relative_to(site_dir).as_posix()
        for path in modules.rglob("*.html")
        if path != modules / "index.html"
    )
    return pages[0] if pages else None


# --- sizes of built and source files ------------------------------------------------------------


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


# --- report -------------------------------------------------------------------------------------


def size(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def kb(value: float) -> str:
    return f"{value / KB:.1f} KB"


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def render(results: dict) -> str:
    meta, builds = results["meta"], results["builds"]
    out = [
        "CTIP site benchmark",
        f"  {meta['date']}  Python {meta['python']}  "
        + "  ".join(f"{name} {version}" for name, version in meta["versions"].items()),
        f"  runs: {meta['runs']} (times are medians)  gzip level {GZIP_LEVEL}  1 KB = {KB} bytes",
        "",
        "1-2. Builds (mkdocs build, every language, wall time of the whole process)",
        f"  {'build':<26}{'wall':>9}{'pages':>7}{'per page':>11}"
        f"{'mkdocs says':>13}{'warnings':>10}",
    ]
    labels = {"project": "project (--strict)", "plain": "plain Material (not strict)"}
    for name, label in labels.items():
        b = builds[name]
        said = (
            "-"
            if b["mkdocs_reported_s_median"] is None
            else f"{b['mkdocs_reported_s_median']:.2f}s"
        )
        out.append(
            f"  {label:<26}{b['wall_s_median']:>8.2f}s{b['pages']:>7}"
            f"{b['s_per_page'] * 1000:>9.1f}ms{said:>13}{b['warnings']:>10}"
        )
    out.append(f"  {'ratio project/plain':<26}{times(results['ratios']['build_wall']):>9}")
    out.append("  pages = every .html file written, 404 pages included")

    out += ["", "3. First visit (empty cache): same-site resources, bytes"]
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
    for row in [*own["files"], {"path": "total", **own["total"]}]:
        out.append(
            f"  {row['path']:<36}{size(row['raw']):>8}{size(row['min']):>8}"
            f"{size(row['gzip']):>8}{size(row['min_gzip']):>10}"
        )
    missing = [name for name, found in own["minifiers"].items() if not found]
    if missing:
        out.append(f"  minified columns skipped: {', '.join(missing)} not importable")

    r = results["ratios"]
    out += ["", "6. Ratios project/plain and budgets"]
    out.append(f"  build wall time               {times(r['build_wall'])}")
    for role in ("home", "module"):
        page = results["first_visit"]["project"][role]["page"]
        out.append(
            f"  first visit gzipped, {role:<7} {times(r['first_visit_gzip'][role])}  ({page})"
        )
    for budget in results["budgets"]:
        out.append(
            f"  {budget['status']:<5} {budget['name']}: {kb(budget['value'])}"
            f" (budget < {kb(budget['limit'])})"
        )
    return "\n".join(out)


# --- main ---------------------------------------------------------------------------------------


def versions() -> dict:
    found = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "?"
    return found


def run(runs: int, module_page: str | None, workdir: Path) -> dict:
    config = read_config(PROJECT_CONFIG)
    origin = config.get("site_url") or FALLBACK_ORIGIN
    origin = origin if origin.endswith("/") else origin + "/"
    languages = i18n_languages(config)
    default_locale = next(
        (lang["locale"] for lang in languages if lang.get("default")),
        languages[0]["locale"] if languages else "default",
    )
    plain_file = workdir / "plain.mkdocs.yml"
    plain_file.write_text(
        yaml.safe_dump(plain_config(config, PROJECT_CONFIG), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )

    # Alternate the two builds so that drift in the machine's speed hits both alike.
    measured: dict[str, list[dict]] = {"project": [], "plain": []}
    sites = {}
    for number in range(runs):
        for name, config_file, strict in (
            ("project", PROJECT_CONFIG, True),
            ("plain", plain_file, False),
        ):
            site = workdir / f"{name}-{number}"
            measured[name].append(build(name, config_file, site, strict))
            if name in sites:
                shutil.rmtree(sites[name], ignore_errors=True)
            sites[name] = site

    builds = {name: summarise_builds(measured[name], name == "project") for name in measured}
    module = normalise_page(module_page) if module_page else default_module_page(sites["project"])
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
    module_gzip = visits["project"]["module"]["total"]["gzip"]
    budgets = [
        {
            "name": f"module page first visit, gzipped ({module})",
            "value": module_gzip,
            "limit": MODULE_PAGE_BUDGET,
        },
        {
            "name": "project's own JS+CSS, gzipped",
            "value": own["total"]["gzip"],
            "limit": OWN_ASSETS_BUDGET,
        },
    ]
    for budget in budgets:
        budget["status"] = "PASS" if budget["value"] < budget["limit"] else "OVER"
    return {
        "meta": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "python": platform.python_version(),
            "versions": versions(),
            "runs": runs,
            "kb_bytes": KB,
            "gzip_level": GZIP_LEVEL,
            "origin": origin,
            "pages": {"home": "index.html", "module": module},
        },
        "builds": builds,
        "first_visit": visits,
        "foreign_host_resources": sum(
            len(visit["foreign"]) for pages in visits.values() for visit in pages.values()
        ),
        "search_index": search_indexes(sites["project"], default_locale),
        "own_assets": own,
        "ratios": {
            "build_wall": ratio(
                builds["project"]["wall_s_median"], builds["plain"]["wall_s_median"]
            ),
            "first_visit_gzip": {
                role: ratio(
                    visits["project"][role]["total"]["gzip"], visits["plain"][role]["total"]["gzip"]
                )
                for role in ("home", "module")
            },
        },
        "budgets": budgets,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog=f"Sizes in bytes; 1 KB = {KB} bytes; gzip level {GZIP_LEVEL}. Budgets: module page"
        f" first visit < {MODULE_PAGE_BUDGET // KB} KB gzipped, own JS+CSS"
        f" < {OWN_ASSETS_BUDGET // KB} KB gzipped.",
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="builds of each kind; times are medians (default 1)"
    )
    parser.add_argument(
        "--page",
        metavar="PATH",
        help="module page to measure, relative to the site root, e.g. modules/sample/ or"
        " ru/modules/sample/index.html (default: the first page under modules/ after its index)",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="ctip-benchmark-") as temp:
        try:
            results = run(args.runs, args.page, Path(temp))
        except BuildError as error:
            print(error, file=sys.stderr)
            return 1
        except FileNotFoundError as error:
            print(f"benchmark: {error}", file=sys.stderr)
            return 2
    print(render(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
