"""Same anchors in every language, and a record of the ids each render defines.

A translation's headings take the ids of the English original's headings, as Python-Markdown's
`toc` extension computed them for the original, where both pages have headings of the same
levels in the same order (headings inside admonitions and setext headings included). Links to a
section then work from English pages that fall back into another language, and `#anchors` mean
the same section everywhere. A heading with its own `{ #id }` keeps it.

After `toc` has run, the ids and headings of the render are recorded on the page model, where the
content check looks up the anchors that links name.
"""

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ctip.pages import Rendered

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def flat_toc(tokens: list[dict]) -> list[tuple[int, str, str]]:
    """(level, id, text) of every heading in a toc token tree, in document order."""
    found = []
    for token in tokens:
        found.append((token["level"], token["id"], token["name"]))
        found.extend(flat_toc(token.get("children") or []))
    return found


class AlignAnchors(Treeprocessor):
    """Before `toc` (5), after `attr_list` (8): give headings the original's ids."""

    def __init__(self, md: Markdown, original_toc):
        super().__init__(md)
        self.original_toc = original_toc  # () -> flat toc of the original, or None

    def run(self, root: etree.Element) -> None:
        english = self.original_toc()
        if not english:
            return
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        if [int(h.tag[1]) for h in headings] != [level for level, _, _ in english]:
            return  # the structure differs: the content check reports it
        for heading, (_, anchor, _) in zip(headings, english, strict=True):
            if "id" not in heading.attrib:
                heading.set("id", anchor)


class RecordRender(Treeprocessor):
    """After `toc` (5): record the ids and headings on the page model."""

    def __init__(self, md: Markdown, language: str):
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        page = getattr(self.md, "ctip_page", None)
        if page is None:
            return
        ids = {element.get("id") for element in root.iter() if element.get("id")}
        toc = flat_toc(getattr(self.md, "toc_tokens", []))
        page.rendered[self.language] = Rendered(ids=ids, toc=toc)
