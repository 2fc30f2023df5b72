"""Rendering pages outside a site build, with the Markdown configuration of mkdocs.yml.

The content check, the print output and a preview that builds one language render pages here,
with exactly the extensions and settings the build uses, so what they find (anchors, refused
content) is what the build finds. One Markdown instance per language serves every page.
"""

from functools import cache

from markdown import Markdown

from .page import Page
from .site import Site

EXTENSION = "ctip.markdown_ext"


def configured(site: Site, language: str) -> tuple[list[str], dict[str, dict]]:
    """The extensions and their settings for rendering `language` pages of `site`."""
    names, settings = [], {}
    for name, options in site.project.markdown_extensions:
        if name == EXTENSION:
            options = {**options, "lang": language, "docs_dir": str(site.docs_dir)}
        names.append(name)
        settings[name] = options
    return names, settings


@cache
def _markdown(site: Site, language: str) -> Markdown:
    names, settings = configured(site, language)
    return Markdown(extensions=names, extension_configs=settings)


def render(site: Site, page: Page, language: str) -> str:
    """The page's HTML (its render is recorded on the page: ids, headings, problems)."""
    md = _markdown(site, language)
    md.reset()
    return md.convert(page.body)
