"""Judging rendered content against the allowlist: an element tree, and raw HTML as a browser
would parse it (entities decoded), and text that must stay plain."""

from html.parser import HTMLParser

from .allowlist import ELEMENTS, element_problems

__all__ = ["ELEMENTS", "element_problems", "markup", "raw_html"]

Finding = tuple[str, str]  # (needle to find the source line, message)


class _Fragment(HTMLParser):
    """Every start tag, comment and declaration of a piece of raw HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def set_cdata_mode(self, elem):
        """Read tags inside <script>, <style> and the like too: those elements are refused
        anyway, and what hides in them is reported as well."""

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or f"<{tag}"
        for _, needle, message in element_problems(tag, dict(attrs)):
            self.findings.append((needle if needle in raw else raw, message))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        if any(mark in data for mark in ("<", ">", "--")):
            self.findings.append(
                ("<!--", "an HTML comment holding '<', '>' or '--' is not allowed in content")
            )

    def handle_decl(self, decl):
        self.findings.append((f"<!{decl[:20]}", "<!...> declarations are not allowed in content"))

    def unknown_decl(self, data):
        self.handle_decl(data)

    def handle_pi(self, data):
        self.findings.append(("<?", "<?...> processing instructions are not allowed in content"))


def raw_html(text: str) -> list[Finding]:
    parser = _Fragment()
    parser.feed(text)
    parser.close()
    return parser.findings


def markup(text: str) -> str | None:
    """The first piece of markup in text a template prints as it is (a title, a label, a
    definition), or None when the text is plain, as it must be."""
    found = _Markup()
    found.feed(text)
    found.close()
    return found.first


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.first: str | None = None

    def _found(self, text: str) -> None:
        self.first = self.first or text

    def handle_starttag(self, tag, attrs):
        self._found(self.get_starttag_text() or f"<{tag}>")

    def handle_endtag(self, tag):
        self._found(f"</{tag}>")

    def handle_comment(self, data):
        self._found("<!--")

    def handle_decl(self, decl):
        self._found(f"<!{decl}>")

    def unknown_decl(self, data):
        self._found(f"<![{data}")

    def handle_pi(self, data):
        self._found(f"<?{data}")
