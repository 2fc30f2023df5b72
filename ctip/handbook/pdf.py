"""Print HTML to PDF with WeasyPrint: the project's fonts embedded, nothing fetched from outside.

- The stylesheet (pdf.css) embeds DejaVu Sans from ctip/handbook/fonts with @font-face; no
  system font and no download is used.
- `ProjectFetcher` is WeasyPrint's URL fetcher for every resource: it serves `data:` URLs and
  files inside the allowed folders (the docs folder, this package) and refuses anything else,
  recording what it refused.
- Page footers ("Page 3 of 120") come from ctip/ui_strings.yml, made into CSS per language.
- PDFs are tagged (WeasyPrint's `pdf_tags`), with title, author, subject and language.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "pdf.css"
FONTS = HERE / "fonts"
OPTIONS = {"pdf_tags": True}
_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


class ProjectFetcher(URLFetcher):
    """Fetches the project's own files and `data:` URLs, and refuses every other address."""

    def __init__(self, *allowed: Path):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.allowed = [folder.resolve() for folder in (HERE, *allowed)]
        self.fetched: list[Path] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(folder) for folder in self.allowed):
                self.fetched.append(path)
                return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"not one of the project's files, not fetched: {url}")


def css_text(template: str) -> str:
    """A CSS `content` value from a UI string with {page} and {pages}: "Page " counter(page)..."""
    parts = []
    for index, piece in enumerate(_PLACEHOLDER.split(template)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or '""'


def css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


class Renderer:
    """One font configuration and stylesheet for all the documents of a run."""

    def __init__(self, fetcher: ProjectFetcher):
        self.fetcher = fetcher
        self.fonts = FontConfiguration()
        self.stylesheet = CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=self.fonts)

    def render(self, html: str, extra_css: str = "") -> Document:
        sheets = [self.stylesheet]
        if extra_css:
            sheets.append(CSS(string=extra_css, url_fetcher=self.fetcher, font_config=self.fonts))
        document = HTML(string=html, base_url=str(HERE) + "/", url_fetcher=self.fetcher)
        return document.render(stylesheets=sheets, font_config=self.fonts, **OPTIONS)


def write(document: Document, target: Path) -> None:
    document.write_pdf(target, **OPTIONS)


def merge(documents: list[Document], title: str) -> Document:
    """The pages of several documents as one (the first one's metadata, with `title`)."""
    merged = documents[0].copy([page for document in documents for page in document.pages])
    merged.metadata.title = title
    return merged
