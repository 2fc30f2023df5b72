"""The last step of rendering a page: judge what the author's Markdown became.

Runs after every other tree step, so it sees the elements, attributes and URLs exactly as they
will be written, and the raw HTML that Markdown will paste in. Everything the project's own code
created is trusted (ctip.trust); everything else must pass the allowlist. What fails is recorded
on the page model with its line (the build and the content check report it) and neutralised in
the output: raw HTML is written as text, a refused element loses its attributes and its tag.
"""

import html
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from ctip import trust

from . import ContentError, judge


class Locator:
    """Finds the source line of what the check found, walking the page's body in step with the
    output: tree elements in document order (a cursor moves forward), raw HTML in the order
    Markdown stashed it (each piece claims its place, so a short `<script>` inside a paragraph
    is not mistaken for the start of an earlier block)."""

    def __init__(self, md: Markdown):
        page = getattr(md, "ctip_page", None)
        self.page = page
        self.body = page.body.expandtabs(4) if page else ""
        self.cursor = 0
        self.claimed: list[tuple[int, int]] = []

    def line(self, offset: int) -> int:
        return self.page.body_line + self.body.count("\n", 0, offset)

    def element(self, needle: str) -> int | None:
        if self.page is None:
            return None
        found = self.body.find(needle, self.cursor) if needle else -1
        if found < 0:
            found = self.body.find(needle) if needle else -1
        if found < 0:
            return self.page.line_containing(needle)
        self.cursor = found + len(needle)
        return self.line(found)

    def raw(self, raw: str) -> int | None:
        """The offset of a stashed piece of raw HTML in the body (claiming it)."""
        start = self.body.find(raw) if raw else -1
        while start >= 0 and any(a <= start < b for a, b in self.claimed):
            start = self.body.find(raw, start + 1)
        if start < 0:
            return None
        self.claimed.append((start, start + len(raw)))
        return start

    def inside(self, start: int | None, raw: str, needle: str) -> int | None:
        if self.page is None:
            return None
        if start is None:
            return self.page.line_containing(needle)
        return self.line(start + max(raw.find(needle), 0))


class OutputCheck(Treeprocessor):
    def __init__(self, md: Markdown, language: str):
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        self.locator = Locator(self.md)
        problems = self.check_raw_html() + self.check_tree(root)
        if not problems:
            return
        page = getattr(self.md, "ctip_page", None)
        if page is None:
            raise ContentError("\n".join(f"{line or '?'}: {message}" for line, message in problems))
        page.rendered[self.language].problems.extend(problems)

    def check_tree(self, root: etree.Element) -> list[tuple[int, str]]:
        problems = []
        trusted = trust.trusted(self.md)
        for element in list(root.iter()):
            if element is root or element in trusted or not isinstance(element.tag, str):
                continue
            findings = judge.element_problems(element.tag, dict(element.attrib))
            for attribute, needle, message in findings:
                problems.append((self.locator.element(needle), message))
                if attribute is not None:
                    element.attrib.pop(attribute, None)
            if findings and element.tag not in judge.ELEMENTS:
                element.tag, element.attrib = "span", {}
        return problems

    def check_raw_html(self) -> list[tuple[int, str]]:
        problems = []
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, raw in enumerate(stash):
            if isinstance(raw, etree.Element):
                problems += self.check_tree(raw)
                continue
            start = self.locator.raw(raw)
            findings = judge.raw_html(raw)
            for needle, message in findings:
                problems.append((self.locator.inside(start, raw, needle), message))
            if findings:
                stash[index] = html.escape(raw)
        return problems
