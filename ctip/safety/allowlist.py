"""What authors' content may contain once rendered: the one allowlist of the site.

Elements and attributes are those that Markdown and the project's Markdown extensions write
(paragraphs, lists, tables, admonitions, details, footnotes, task lists, abbreviations, code),
nothing else. URLs are judged the way a browser reads them: entities decoded, tabs and newlines
removed, control characters and spaces trimmed.
"""

import html
import re

# `hidden` and `data-search-exclude` (Material leaves the element out of search) change nothing
# but what is shown and indexed; the trainer's blocks use them.
GLOBAL = frozenset({"id", "class", "title", "lang", "dir", "hidden", "data-search-exclude"})
TABLE_CELL = frozenset({"align", "colspan", "rowspan"})
PLAIN = (  # noqa: SIM905 (a list of words reads better as words)
    "p br hr blockquote pre code kbd samp var em strong b i u s del ins mark small sub sup q cite "
    "span div ul li dl dt dd summary table thead tbody tfoot tr caption figure figcaption label "
    "h1 h2 h3 h4 h5 h6 aside section"
).split()
ELEMENTS: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in PLAIN},
    "a": frozenset({"href", "name"}),
    "abbr": frozenset(),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "type"}),
    "td": TABLE_CELL,
    "th": TABLE_CELL | {"scope"},
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "input": frozenset({"type", "checked", "disabled"}),  # task lists' checkboxes
}
# The one value an attribute may take, where it has one.
FIXED = {("input", "type"): "checkbox"}
LINK_SCHEMES = ("https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROLS = "".join(chr(n) for n in range(0x21))  # C0 controls and space


def browser_url(value: str) -> str:
    """A URL attribute as a browser resolves it (its value already entity-decoded)."""
    return re.sub(r"[\t\n\r]", "", value).strip(_CONTROLS)


def url_problem(tag: str, attribute: str, value: str) -> str | None:
    url = browser_url(html.unescape(value))
    shown = url if len(url) <= 60 else url[:57] + "..."
    scheme = _SCHEME.match(url)
    other_host = url.startswith(("//", "\\\\", "/\\", "\\/"))
    if attribute == "src":
        if scheme or other_host:
            return (
                f"image '{shown}' is not allowed: images are files of this site, in docs/ "
                "(not a link to another site or a data: URL)"
            )
        return None
    if scheme and scheme.group(1).lower() == "http":
        return f"insecure link {shown}: use https://"
    if (scheme and scheme.group(1).lower() not in LINK_SCHEMES) or other_host:
        return (
            f"link to '{shown}' is not allowed: links go to https:// or mailto: addresses, or "
            "to pages and files of this site"
        )
    return None


def element_problems(
    tag: str, attributes: dict[str, str | None]
) -> list[tuple[str | None, str, str]]:
    """(attribute at fault or None for the element, needle, message) for each thing wrong with
    one element; the needle helps find the line of the source it came from."""
    tag = tag.lower()
    if tag not in ELEMENTS:
        return [
            (
                None,
                f"<{tag}",
                f"<{tag}> is not allowed in content: only the HTML that Markdown writes is "
                "(see CONTRIBUTING.md, 'What a page may contain')",
            )
        ]
    found = []
    allowed = ELEMENTS[tag] | GLOBAL
    for name, value in attributes.items():
        name = name.lower()
        value = value or ""
        if name not in allowed:
            found.append(
                (name, name, f"the attribute '{name}' is not allowed on <{tag}> in content")
            )
        elif (fixed := FIXED.get((tag, name))) is not None and value.lower() != fixed:
            found.append(
                (name, value, f"<{tag} {name}='{value}'> is not allowed: only '{fixed}' is")
            )
        elif name in ("href", "src") and (problem := url_problem(tag, name, value)):
            found.append((name, value, problem))
        elif name == "id" and value.startswith("__"):
            found.append((name, value, f"the id '{value}' is reserved for the site's own scripts"))
    return found
