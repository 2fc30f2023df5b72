"""Small helpers over ElementTree for the print HTML: parse, build, find, move, serialise.

Pages are rendered by ctip.pages.render (the site's own Markdown configuration) and parsed here
with tinyhtml5, the HTML parser WeasyPrint itself uses, so what is changed is what is printed.
"""

import copy
import xml.etree.ElementTree as etree

import tinyhtml5

Element = etree.Element


def parse_fragment(html: str) -> Element:
    """The elements of an HTML fragment, inside a `div`."""
    root = tinyhtml5.parse(f"<body>{html}</body>", namespace_html_elements=False)
    body = root.find("body")
    body.tag = "div"
    return body


def make(tag: str, attrs: dict | None = None, text: str | None = None, *children) -> Element:
    """An element with attributes, text and children (elements or strings)."""
    element = etree.Element(tag, {k: v for k, v in (attrs or {}).items() if v is not None})
    element.text = text
    for child in children:
        append(element, child)
    return element


def append(parent: Element, child: "Element | str | None") -> None:
    """Append an element, or text after the last child."""
    if child is None:
        return
    if isinstance(child, str):
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + child
        else:
            parent.text = (parent.text or "") + child
        return
    parent.append(child)


def classes(element: Element) -> set[str]:
    return set((element.get("class") or "").split())


def has_class(element: Element, name: str) -> bool:
    return name in classes(element)


def add_class(element: Element, *names: str) -> None:
    element.set("class", " ".join(sorted(classes(element) | set(names))))


def find_all(root: Element, tag: str | None = None, cls: str | None = None) -> list[Element]:
    """Descendants of `root` (not root) with the tag and class, in document order."""
    return [
        element
        for element in root.iter(tag)
        if element is not root and (cls is None or has_class(element, cls))
    ]


def find(root: Element, tag: str | None = None, cls: str | None = None) -> Element | None:
    found = find_all(root, tag, cls)
    return found[0] if found else None


def parents(root: Element) -> dict[Element, Element]:
    return {child: parent for parent in root.iter() for child in parent}


def remove(root: Element, element: Element, parent_of: dict | None = None) -> None:
    """Remove `element` from the tree under `root`, keeping the text that follows it."""
    parent_of = parent_of if parent_of is not None else parents(root)
    parent = parent_of[element]
    index = list(parent).index(element)
    if element.tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def replace(root: Element, old: Element, new: Element, parent_of: dict | None = None) -> None:
    parent_of = parent_of if parent_of is not None else parents(root)
    parent = parent_of[old]
    new.tail = old.tail
    parent[list(parent).index(old)] = new


def contents(element: Element) -> list:
    """Copies of an element's content: its text and its children (with their tails)."""
    found: list = [element.text] if element.text else []
    found += [copy.deepcopy(child) for child in element]
    return found


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def serialise(root: Element) -> str:
    return "<!DOCTYPE html>\n" + etree.tostring(root, encoding="unicode", method="html")
