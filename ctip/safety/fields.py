"""Text that editors write outside Markdown, printed by templates as it is: it must be plain.

Front matter (a page's title and description go into the navigation of every page, unescaped),
nav titles and site names in mkdocs.yml, the term base, and the UI strings file. Each string is
parsed as HTML, as a browser would; any tag, comment or declaration is refused with its line.
"""

from collections.abc import Iterator
from pathlib import Path

import yaml

from .judge import markup

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def message(where: str, found: str) -> str:
    shown = found if len(found) <= 40 else found[:37] + "..."
    return f"{where} holds HTML ('{shown}'): it is shown as it is on every page, write plain text"


def strings(node: yaml.Node, path: tuple = ()) -> Iterator[tuple[int, tuple, str]]:
    """(line, key path, text) of every string scalar under a composed YAML node."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":str") or node.tag == "!ENV":
            yield node.start_mark.line + 1, path, str(node.value)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from strings(item, (*path, index))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from strings(key, (*path, "<key>"))
            yield from strings(value, (*path, key.value))


def compose(path: Path) -> yaml.Node | None:
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)


def yaml_file(path: Path, label: str, selected=lambda key_path: True):
    """(line, message) for each string of a YAML file that holds markup."""
    node = compose(path) if path.exists() else None
    if node is None:
        return
    for line, key_path, text in strings(node):
        if selected(key_path) and (found := markup(text)):
            yield line, message(label, found)


def front_matter(meta: dict, line_of) -> Iterator[tuple[int, str]]:
    def walk(value, key: str):
        if isinstance(value, str):
            if found := markup(value):
                yield line_of(key), message(f"front matter '{key}'", found)
        elif isinstance(value, dict):
            for inner in value.values():
                yield from walk(inner, key)
        elif isinstance(value, list):
            for inner in value:
                yield from walk(inner, key)

    for key, value in meta.items():
        yield from walk(value, str(key))


def _shown_in_templates(key_path: tuple) -> bool:
    """mkdocs.yml strings the theme prints: nav titles, site names, translations, copyright."""
    first = key_path[0] if key_path else None
    if first == "nav":
        return key_path[-1] == "<key>"
    if first in ("site_name", "site_description", "copyright"):
        return True
    return first == "plugins" and any(
        part in ("site_name", "name", "nav_translations", "site_description") for part in key_path
    )


def mkdocs_yml(path: Path):
    return yaml_file(path, "a nav title or site name in mkdocs.yml", _shown_in_templates)
