"""Elements the project's own code puts into a page, as opposed to what authors wrote.

The quiz's form and inputs, the glossary's list, the facilitator's aside: the output check
(ctip.safety) allows these elements as they are, because the project wrote them, and judges
everything else, including the text and Markdown that authors put inside them, by the authors'
allowlist. The mark is kept in Python, on the Markdown instance, so nothing an author writes can
forge it.
"""

import xml.etree.ElementTree as etree

from markdown import Markdown


def trusted(md: Markdown) -> set:
    """The elements the project created in the current conversion (see reset)."""
    if not hasattr(md, "ctip_trusted"):
        md.ctip_trusted = set()
    return md.ctip_trusted


def reset(md: Markdown) -> None:
    """Forget the elements of the previous conversion (a Markdown instance is reused)."""
    trusted(md).clear()


def element(md: Markdown, parent: etree.Element, tag: str, attrs: dict | None = None):
    """`etree.SubElement`, marked as the project's own."""
    created = etree.SubElement(parent, tag, attrs or {})
    trusted(md).add(created)
    return created
