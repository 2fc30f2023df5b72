"""What a first visit to a page fetches: every same-site resource, raw and gzipped.

Pages are read as if served at the project's site_url (or a stand-in); a resource that resolves
to another scheme or host is a foreign-host resource.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .units import FONT_SUFFIXES, TYPES, served_size

FALLBACK_ORIGIN = "https://site.invalid/"


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


def lunr_scripts(langs: list[str]) -> list[str]:
    """The scripts Material's search worker imports for these lunr languages."""
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
    return ["min/lunr.stemmer.support.min.js", *scripts] if scripts else []


def tally(items) -> dict:
    return {
        "files": len(items),
        "raw": sum(item["raw"] for item in items),
        "gzip": sum(item["gzip"] for item in items),
    }


class Visit:
    """One first visit: the resources fetched, in the order a browser finds them."""

    def __init__(self, site_dir: Path, page: str, origin: str):
        self.site_dir, self.origin = site_dir, origin
        self.page_url = urljoin(origin, page)
        self.fetched: dict[str, dict] = {}
        self.foreign: list[dict] = []
        self.missing: list[dict] = []

    def add(self, kind: str, url: str, via: str, required: bool = True) -> Path | None:
        url = url.split("#")[0]
        if url.startswith("data:") or url in self.fetched:
            return None
        if is_foreign(url, self.origin):
            self.foreign.append({"url": url, "via": via})
            return None
        file = on_disk(url, self.site_dir, self.origin)
        if file is None:
            if required:
                self.missing.append({"url": url, "via": via})
            return None
        data = file.read_bytes()
        self.fetched[url] = {
            "path": file.relative_to(self.site_dir.resolve()).as_posix(),
            "type": kind,
            "via": via,
            "raw": len(data),
            "gzip": served_size(file, data),
        }
        return file

    def page(self, parser: "PageParser") -> list[tuple[str, Path]]:
        """What the HTML itself references; returns the stylesheets fetched."""
        stylesheets = []
        for kind, ref, via in parser.refs:
            url = urljoin(self.page_url, ref)
            file = self.add(kind, url, via)
            if kind == "css" and file is not None:
                stylesheets.append((url, file))
        for ref in parser.hints:
            if is_foreign(url := urljoin(self.page_url, ref), self.origin):
                self.foreign.append({"url": url, "via": "link rel=preconnect"})
        return stylesheets

    def stylesheets(self, stylesheets: list[tuple[str, Path]]) -> None:
        """Fonts the fetched CSS declares, and stylesheets it imports (other url()s load on
        demand)."""
        while stylesheets:
            css_url, css_file = stylesheets.pop(0)
            css = css_file.read_text(encoding="utf-8", errors="replace")
            for ref in _CSS_IMPORT.findall(css):
                url = urljoin(css_url, ref)
                if (file := self.add("css", url, "css @import")) is not None:
                    stylesheets.append((url, file))
            for match in _CSS_URL.finditer(css):
                ref = next(group for group in match.groups() if group is not None)
                if not ref or ref.startswith(("data:", "#")):
                    continue
                url = urljoin(css_url, ref)
                if is_foreign(url, self.origin):
                    self.foreign.append({"url": url, "via": "css url()"})
                elif urlsplit(url).path.lower().endswith(FONT_SUFFIXES):
                    self.add("other", url, "css font", required=False)

    def search(self, parser: "PageParser") -> dict:
        """Material's search: the worker, the page's index and the lunr languages it imports."""
        config = json.loads(parser.config_text) if parser.config_text else {}
        search = {"worker": None, "index": None, "lang": []}
        if not (parser.search_form and config.get("search")):
            return search
        worker_url = search["worker"] = urljoin(self.page_url, config["search"])
        self.add("js", worker_url, "search worker")
        base = urljoin(self.page_url, config.get("base") or ".")
        index_url = search["index"] = urljoin(base, "search/search_index.json")
        index_file = self.add("index", index_url, "search index")
        if index_file is not None:
            langs = json.loads(index_file.read_text(encoding="utf-8")).get("config", {}).get("lang")
            search["lang"] = [langs] if isinstance(langs, str) else list(langs or [])
            lunr = urljoin(worker_url, "../lunr/")  # the worker's own `../lunr` folder
            for script in lunr_scripts(search["lang"]):
                self.add("js", urljoin(lunr, script), "lunr (worker importScripts)")
        return search


def first_visit(site_dir: Path, page: str, origin: str, index_on_search: bool = False) -> dict:
    """Every same-site resource a first visit to `page` fetches, with raw and gzipped sizes.

    With `index_on_search` (the project: overrides/assets/ctip/ctip.js holds the index request
    back until the reader opens search), the index and the lunr scripts are counted apart, as
    what the first search adds.
    """
    visit = Visit(site_dir, page, origin)
    html_file = visit.add("html", visit.page_url, "page")
    if html_file is None:
        raise FileNotFoundError(f"page {page} is not in the {site_dir.name.split('-')[0]} build")
    parser = PageParser()
    parser.feed(html_file.read_text(encoding="utf-8"))
    parser.close()
    visit.stylesheets(visit.page(parser))
    search = visit.search(parser)

    later = [i for i in visit.fetched.values() if index_on_search and i["via"] in SEARCH_ON_DEMAND]
    counted = [item for item in visit.fetched.values() if item not in later]
    by_type = {kind: tally([i for i in counted if i["type"] == kind]) for kind in TYPES}
    # Material's bundle also asks for sitemap.xml beside every <link rel=alternate> it finds when
    # it starts, unless a script removed them first (the project's ctip.js does): listed, not
    # counted, since whether they are still in the document is up to the page's scripts.
    sitemaps = sorted(
        {urljoin(urljoin(visit.page_url, href), "sitemap.xml") for href in parser.alternates}
    )
    return {
        "page": page,
        "by_type": by_type,
        "total": tally(counted),
        "resources": counted,
        "search": search,
        "on_first_search": tally(later),
        "foreign": visit.foreign,
        "missing": visit.missing,
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
