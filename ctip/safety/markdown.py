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


def locate(md: Markdown, needle: str, raw: str | None = None) -> int | None:
    """The file line of `needle` (inside `raw`, when given) in the page being rendered."""
    page = getattr(md, "ctip_page", None)
    if page is None:
        return None
    body = page.body.expandtabs(4)
    if raw is not None and (start := body.find(raw)) >= 0:
        inside = max(raw.find(needle), 0)
        return page.body_line + body.count("\n", 0, start + inside)
    return page.line_containing(needle)


class OutputCheck(Treeprocessor):
    def __init__(self, md: Markdown, language: str):
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        problems = self.check_tree(root) + self.check_raw_html()
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
            for needle, message in findings:
                problems.append((locate(self.md, needle), message))
                element.attrib.pop(needle, None)
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
            findings = judge.raw_html(raw)
            for needle, message in findings:
                problems.append((locate(self.md, needle, raw), message))
            if findings:
                stash[index] = html.escape(raw)
        return problems
