"""Python-Markdown extension: abbreviation tooltips and the glossary, from the term base.

- Every page gets the term base's abbreviations as the `abbr` extension's glossary, which it
  turns into <abbr title> (Material shows them as tooltips). Generating them from the term base
  keeps one source for the glossary, the tooltips and the term check.
- `/// glossary` + `///` renders the glossary of the page's language as a definition list.
"""

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension
from markdown.extensions.abbr import AbbrExtension
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from . import termbase


class GlossaryBlock(Block):
    NAME = "glossary"
    ARGUMENT = False

    def on_create(self, parent):
        entries = self.config["entries"]
        lang = self.config["lang"]
        rows = sorted(
            ((entry.in_language(lang), entry.id) for entry in entries),
            key=lambda row: row[0][0].casefold(),
        )
        glossary = etree.SubElement(parent, "dl", {"class": "ctip-glossary"})
        for (term, abbr, definition), entry_id in rows:
            title = etree.SubElement(glossary, "dt", {"id": f"term-{entry_id}"})
            title.text = f"{term} ({abbr})" if abbr and abbr != term else term
            etree.SubElement(glossary, "dd").text = definition
        return glossary


class GlossaryBlocks(BlocksExtension):
    def __init__(self, entries, lang, **kwargs):
        self.entries, self.lang = entries, lang
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        block_mgr.register(GlossaryBlock, {"entries": self.entries, "lang": self.lang})


class GlossaryExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "termbase": ["", "Path of the term base YAML file"],
            "lang": ["en", "Language of the page"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        path = Path(self.getConfig("termbase"))
        lang = self.getConfig("lang")
        entries = termbase.load(path) if path.is_file() else ()
        definitions = termbase.abbreviations(entries, lang)
        # Replaces the processors of an `abbr` listed in mkdocs.yml: authors' own `*[X]: y`
        # definitions still work, beside the term base's.
        AbbrExtension(glossary=definitions).extendMarkdown(md)
        GlossaryBlocks(entries, lang).extendMarkdown(md)


def makeExtension(**kwargs):
    return GlossaryExtension(**kwargs)
