"""The files of docs/ that are published as they are, without passing through Markdown.

- Markdown pages are rendered and judged (ctip.safety.markdown).
- SVG images must pass an SVG allowlist: shapes, text, gradients and markers; no script, no
  event handler, no foreignObject, no style, no reference outside the file. A browser runs script
  in an SVG opened on its own, so an SVG that fails is not published.
- PNG, JPEG, GIF and WebP images must be what their name says (their first bytes are checked):
  browsers decode them as images and never run them.
- The YAML data files the build reads (the term base) are not published.
- Anything else (HTML, JavaScript, CSS, PDF, archives...) is refused: site code lives in
  overrides/, where it is reviewed as code.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from ctip.project import TERMBASE

RASTER = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
SVG_ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "textPath", "marker", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "symbol", "use",
})  # fmt: skip
SVG_ATTRIBUTES = frozenset({
    "id", "class", "role", "lang", "xml:lang", "xmlns", "xmlns:xlink", "version", "viewBox",
    "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
    "rx", "ry", "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
    "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "opacity", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "alignment-baseline", "letter-spacing", "dx", "dy",
    "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits",
    "refX", "refY", "orient", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "patternUnits", "clipPathUnits", "clip-path", "mask", "focusable",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "href", "xlink:href",
    "display", "visibility", "vector-effect", "textLength", "lengthAdjust",
})  # fmt: skip
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)")


def svg_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for an SVG file, judged element by element."""
    text = path.read_bytes()
    problems: list[tuple[int, str]] = []
    parser = expat.ParserCreate()

    def start(name: str, attributes: dict) -> None:
        line = parser.CurrentLineNumber
        local = name.rsplit(" ", 1)[-1]
        if local not in SVG_ELEMENTS:
            problems.append((line, f"<{local}> is not allowed in an SVG image"))
            return
        for attribute, value in attributes.items():
            if attribute not in SVG_ATTRIBUTES:
                problems.append((line, f"the attribute '{attribute}' is not allowed in an SVG"))
            elif attribute in ("href", "xlink:href") and not value.startswith("#"):
                problems.append((line, f"'{value}': an SVG may only refer inside itself (#id)"))
            elif any(not ref.startswith("#") for _, ref in _URL.findall(value)):
                problems.append((line, f"'{value}': an SVG may only refer inside itself"))

    def refuse(kind: str):
        def handler(*_):
            problems.append((parser.CurrentLineNumber, f"{kind} is not allowed in an SVG image"))

        return handler

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse("a <!DOCTYPE> (with its entities)")
    parser.EntityDeclHandler = refuse("an <!ENTITY>")
    parser.ProcessingInstructionHandler = refuse("a processing instruction")
    parser.ExternalEntityRefHandler = refuse("an external entity")
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        problems.append(
            (
                error.lineno,
                f"the SVG is not well-formed XML: {expat.errors.messages.get(error.code, error)}",
            )
        )
    return problems


def file_problems(path: Path, docs_dir: Path) -> list[tuple[int, str]]:
    suffix = path.suffix.lower()
    if suffix == ".md" or path == docs_dir / TERMBASE:
        return []
    if suffix == ".svg":
        return svg_problems(path)
    if suffix in RASTER:
        with path.open("rb") as handle:
            head = handle.read(12)
        if not head.startswith(RASTER[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
            return [(1, f"this is not a {suffix[1:].upper()} image, whatever its name says")]
        return []
    return [
        (
            1,
            f"'{suffix or path.name}' files are not published from docs/: pages are Markdown, "
            "images are SVG, PNG, JPEG, GIF or WebP (site code belongs in overrides/)",
        )
    ]


def published(docs_dir: Path) -> Iterator[tuple[Path, int, str]]:
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.parts):
            for line, problem in file_problems(path, docs_dir):
                yield path, line, problem
