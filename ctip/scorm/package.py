"""The files of a package: the module pages (one SCO each) and the shared files they use.

Only what the module pages reference is packaged: their stylesheets, scripts, images and
icons, the files those stylesheets reference, and files the content links to. A reference that
does not resolve inside the build is an error (nothing half-built is zipped); a link to a page
of the site that is not a module is reported, since the package does not carry it (inside an
LMS, lms.js says so where the link was).
"""

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
SKIPPED = (".map", ".gz")
# <link>s that name a page without loading it (Material's rel="prev"/"next" hints).
NOT_FETCHED = {"prev", "next", "canonical", "alternate"}


class PackageError(Exception):
    pass


class _References(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        if tag == "link" and dict(attrs).get("rel") in NOT_FETCHED:
            return
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append((tag, value))
            elif name == "srcset" and value:
                self.found += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]


def _local(url: str) -> str | None:
    """The path part of a URL that points into the site, else None."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//") or not parts.path:
        return None
    return unquote(parts.path)


def _resolve(site: Path, page: str, path: str) -> str:
    """A site-relative path with forward slashes, or PackageError if it leaves the site."""
    if path.startswith("/"):
        raise PackageError(f"{page}: absolute path {path} (the package may live anywhere)")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined.startswith("../") or joined == "..":
        raise PackageError(f"{page}: {path} points outside the package")
    return joined


@dataclass
class Contents:
    scos: list[str]  # the module pages, in curriculum order
    shared: list[str]  # every other file, sorted
    outside_links: list[tuple[str, str]] = field(default_factory=list)  # (page, link)


def collect(site: Path, sco_pages: list[str]) -> Contents:
    """The files of a package whose SCOs are `sco_pages` (paths inside the built `site`)."""
    shared: set[str] = set()
    outside: list[tuple[str, str]] = []
    pending: list[str] = []
    for page in sco_pages:
        if not (site / page).is_file():
            raise PackageError(f"{page} was not built")
        parser = _References()
        parser.feed((site / page).read_text(encoding="utf-8"))
        for tag, url in parser.found:
            path = _local(url)
            if path is None:
                continue
            target = _resolve(site, page, path)
            if target.endswith(".html") or path.endswith("/"):
                if target not in sco_pages:
                    outside.append((page, url))
                continue
            if not (site / target).is_file():
                raise PackageError(f"{page}: <{tag}> {url} is not in the build")
            pending.append(target)
    while pending:
        path = pending.pop()
        if path in shared:
            continue
        shared.add(path)
        if path.endswith(".css"):
            text = (site / path).read_text(encoding="utf-8")
            for match in CSS_URL.finditer(text):
                local = _local(match.group(1) or match.group(2))
                if local is None or local.startswith("data:"):
                    continue
                target = _resolve(site, path, local)
                if not (site / target).is_file():
                    raise PackageError(f"{path}: url({local}) is not in the build")
                pending.append(target)
    shared_files = sorted(path for path in shared if not path.endswith(SKIPPED))
    return Contents(list(sco_pages), shared_files, sorted(set(outside)))


def write_zip(output: Path, site: Path, contents: Contents, extra: dict[str, bytes], date) -> Path:
    """Write the zip: `extra` (manifest, schemas) at the root, then the files from `site`.

    Written next to `output` and moved into place at the end: a failure leaves no zip. Entries
    are sorted with the edition's date, so the same edition gives the same bytes."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:

            def add(name: str, data: bytes):
                info = zipfile.ZipInfo(name, stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)

            for name in sorted(extra):
                add(name, extra[name])
            for path in sorted({*contents.scos, *contents.shared}):
                add(path, (site / path).read_bytes())
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return output
