"""The trainer's blocks, on pymdownx-extensions' Blocks API (like `/// details`):

- `/// facilitator | Title` holds notes for trainers: timings, activities, what to watch for.
  Learners do not see it (`hidden`) and search does not index it; trainer mode shows it in
  place, and the trainer's page (`/// trainer-notes`) gathers them all.
- `/// slide | Title` is one slide of the module's presentation. It is not shown on the page
  (option `show: page` shows it there too) and not indexed; a `/// facilitator` inside it holds
  the slide's speaker notes.

Both are written like any text, so translators translate title and body as they do the rest.
"""

import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string_in

from ctip.ui_strings import translate


class Facilitator(Block):
    NAME = "facilitator"
    ARGUMENT = None  # an optional title

    def on_create(self, parent: etree.Element) -> etree.Element:
        notes = etree.SubElement(
            parent, "aside", {"class": "ctip-facilitator", "hidden": "", "data-search-exclude": ""}
        )
        title = etree.SubElement(notes, "p", {"class": "ctip-facilitator__title"})
        title.text = (self.argument or "").strip() or translate(
            self.config["lang"], "trainer.notes"
        )
        return notes


class Slide(Block):
    NAME = "slide"
    ARGUMENT = True  # the slide's title
    OPTIONS = {"show": ("", type_string_in(["", "page"]))}

    def on_create(self, parent: etree.Element) -> etree.Element:
        attributes = {"class": "ctip-slide", "data-search-exclude": ""}
        if self.options["show"] != "page":
            attributes["hidden"] = ""
        slide = etree.SubElement(parent, "section", attributes)
        title = etree.SubElement(slide, "p", {"class": "ctip-slide__title"})
        title.text = self.argument.strip()
        return slide


class TrainerBlocks(BlocksExtension):
    def __init__(self, lang: str = "en", **kwargs):
        self.lang = lang
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:  # noqa: N802
        config = {"lang": self.lang}
        block_mgr.register(Facilitator, config)
        block_mgr.register(Slide, config)
