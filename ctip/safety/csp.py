"""The site's Content Security Policy, from the inline scripts actually built.

Material writes a few small inline scripts (its storage scope, the palette); they are allowed by
their SHA-256 hashes, nothing else inline. Each page carries the policy in a `<meta>` (hosts that
send no headers: GitHub Pages, a shared folder, a USB stick), with the hashes of its own inline
scripts; a server sends the same policy as a header, with the hashes of every page, plus what a
`<meta>` policy cannot say (`frame-ancestors`). `ctip csp SITE` prints that header.
"""

import base64
import hashlib
import re
from pathlib import Path

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    # Material's stylesheet draws its icons from data: SVGs; authors' data: images are refused
    # by the allowlist (ctip.safety.allowlist.url_problem), so only the project's own use them.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
HEADER_ONLY = (("frame-ancestors", "'none'"),)  # ignored in a <meta> policy
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S
)


def inline_hashes(html: str) -> list[str]:
    """'sha256-...' of each inline script of a page, in order, once each."""
    found = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        if (source := f"'sha256-{digest}'") not in found:
            found.append(source)
    return found


def policy(hashes: list[str], header: bool = False, inline: bool = False) -> str:
    """The policy. `inline` allows inline scripts, where a page runs one no hash can be known for
    at build time: the offline edition under file://, whose search iframe gets an inline script
    naming the folder the zip was unpacked to, and `mkdocs serve`'s preview, which adds its
    live-reload script to every page it serves. There, the allowlist of the build
    (ctip.safety) is what keeps authors' scripts out. Everything else is as strict: nothing
    from any other place."""
    directives = [*DIRECTIVES, *HEADER_ONLY] if header else list(DIRECTIVES)
    parts = []
    for name, value in directives:
        if name == "script-src":
            value = " ".join([value, "'unsafe-inline'"] if inline else [value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def meta(html: str, inline: bool = False) -> str:
    content = policy(inline_hashes(html), inline=inline)
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def site_hashes(site_dir: Path) -> list[str]:
    found: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        for source in inline_hashes(page.read_text(encoding="utf-8")):
            if source not in found:
                found.append(source)
    return sorted(found)


def header(site_dir: Path) -> str:
    """The policy a server should send for the built site in `site_dir`."""
    return policy(site_hashes(site_dir), header=True)
