"""One page of the course made ready for print, from the page model and the site's own render.

`prepare()` renders a page with the site's Markdown configuration (ctip.pages.render) and turns
it into print content:

- the quiz becomes its questions with their options and empty boxes, from the quiz model (the
  rendered labels keep links and abbreviations); the answers are kept apart for the answer key;
- `/// facilitator` blocks and `??? facilitator` notes are taken out (the answer key prints them),
  and so are `/// slide` blocks (the slide decks print them), whose speaker notes go to the answer
  key under their slide's title;
- folded boxes (`??? answer` discussions) are printed open;
- ids get the page's prefix, so pages can share one document; links to a page of the same
  document point inside it, links to other pages of the site go to the published address (or
  lose their link when there is none), external links keep theirs (the CSS prints it);
- images point at the project's files;
- each abbreviation is spelled out at its first use on the page.
"""

import copy
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ctip.pages import Page, Site
from ctip.pages.render import render
from ctip.quiz import Question
from ctip.ui_strings import translate

from .tree import (
    Element,
    add_class,
    classes,
    contents,
    find,
    find_all,
    has_class,
    make,
    parents,
    parse_fragment,
    remove,
    replace,
    text_of,
)

BOX = "\u2610"  # ☐, in DejaVu Sans
CHECKED = "\u2611"  # ☑
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class PrintQuestion:
    question: Question
    number: int  # 1, 2, ... within the page
    anchor: str
    text: list  # the question, as rendered
    labels: list[list]  # each choice, as rendered (True/False for a truefalse question)
    explanation: list  # as rendered


@dataclass
class PrintPage:
    page: Page  # the page a reader of `language` gets: the translation or the original
    language: str
    prefix: str  # ids of the page start with it; the page's own anchor is the prefix itself
    body: Element
    questions: list[PrintQuestion] = field(default_factory=list)
    facilitator: list[Element] = field(default_factory=list)
    slides: list[Element] = field(default_factory=list)

    @property
    def fallback(self) -> bool:
        return self.page.language != self.language


@dataclass
class Links:
    """Where links of a printed page go."""

    site: Site
    language: str
    targets: dict[str, str]  # page name -> prefix, for the pages inside this document

    def page_url(self, name: str, fragment: str) -> str | None:
        """The published address of a page of the site (None without a site address)."""
        base = self.site.project.site_url
        if not base:
            return None
        link = self.site.project.language(self.language).link.lstrip("/")
        path = name.removesuffix(".md")
        path = "" if path == "index" else path.removesuffix("/index") + "/"
        return urljoin(base.rstrip("/") + "/", link + path) + (f"#{fragment}" if fragment else "")


def prefix_for(name: str) -> str:
    """The id prefix of a page: "modules/x.md" -> "p-modules-x"."""
    return "p-" + name.removesuffix(".md").replace("/", "-")


def letter(index: int) -> str:
    return chr(ord("A") + index)


def prepare(site: Site, page: Page, language: str, links: Links) -> PrintPage:
    """`page` rendered for a reader of `language` and made ready for print."""
    root = parse_fragment(render(site, page, language))
    prefix = links.targets.get(page.name) or prefix_for(page.name)
    printed = PrintPage(page, language, prefix, root)
    for anchor in find_all(root, "a", "headerlink"):
        remove(root, anchor)
    speaker_notes = []
    for slide in find_all(root, "section", "ctip-slide"):
        remove(root, slide)
        slide.attrib.pop("hidden", None)
        for notes in find_all(slide, "aside", "ctip-facilitator"):
            remove(slide, notes)  # not on the participants' slides: in the answer key
            _label_speaker_notes(notes, slide, printed.language)
            speaker_notes.append(notes)
        printed.slides.append(slide)
    notes = find_all(root, "aside", "ctip-facilitator") + [
        element
        for element in root.iter()
        if element.tag in ("div", "details") and has_class(element, "facilitator")
    ]
    for element in notes:
        remove(root, element)
    for element in notes + speaker_notes:
        element.attrib.pop("hidden", None)  # hidden on the site until trainer mode is on
        printed.facilitator.append(element)
    _quizzes(printed)
    for part in [root, *printed.facilitator, *printed.slides]:
        _open_details(part)
        _checkboxes(part)
        _links(part, page, prefix, links)
        _images(part, site, page)
    if page.name != "glossary.md":
        _spell_out_abbreviations(root)
    return printed


def _label_speaker_notes(notes: Element, slide: Element, language: str) -> None:
    """Notes taken out of a slide say which slide they belong to, as on the trainer's page."""
    slide_title = next(iter(find_all(slide, "p", "ctip-slide__title")), None)
    label = next(iter(find_all(notes, "p", "ctip-facilitator__title")), None)
    if slide_title is not None and label is not None:
        label.text = _strings(language)("notes.speaker", title=text_of(slide_title).strip())
        for child in list(label):
            label.remove(child)


def _quizzes(printed: PrintPage) -> None:
    root, page, t = printed.body, printed.page, _strings(printed.language)
    sections = find_all(root, "section", "ctip-quiz")
    quizzes = page.quizzes
    if len(sections) != len(quizzes):  # the render and the model disagree: a bug, not content
        raise RuntimeError(f"{page.display}: {len(quizzes)} quizzes, {len(sections)} rendered")
    number = 0
    for section, quiz in zip(sections, quizzes, strict=True):
        forms = {form.get("data-question-id"): form for form in find_all(section, "form")}
        listing = make("ol", {"class": "print-questions", "start": str(number + 1)})
        for question in quiz.questions:
            number += 1
            form = forms[question.id]
            item = _question(printed, question, number, form, t)
            listing.append(item)
        replace(root, section, make("section", {"class": "print-quiz"}, None, listing))


def _question(printed: PrintPage, question: Question, number: int, form: Element, t) -> Element:
    anchor = f"{printed.prefix}--question-{question.id}"
    item = make("li", {"class": "print-question", "id": anchor})
    case = find(form, "div", "ctip-question__case")
    if case is not None:
        label = find(case, "p", "ctip-question__case-label")
        if label is not None:
            label.set("class", "print-question__case-label")
        item.append(make("div", {"class": "print-question__case"}, None, *contents(case)))
    legend = find(form, "legend")
    text = contents(legend)
    item.append(make("p", {"class": "print-question__text"}, None, *text))
    hint = t("quiz.choose_all" if question.kind == "multiple" else "quiz.choose_one")
    item.append(make("p", {"class": "print-question__hint"}, hint))
    if question.kind == "truefalse":
        labels = [[t("quiz.true")], [t("quiz.false")]]
    else:
        labels = [contents(label) for label in find_all(form, "label")]
    if len(labels) != len(question.correct):
        raise RuntimeError(f"{printed.page.display}: question {question.id} rendered differently")
    options = make("ul", {"class": "print-options"})
    for index, label in enumerate(labels):
        options.append(
            make(
                "li",
                {"class": "print-option"},
                None,
                make("span", {"class": "print-box"}, BOX),
                " ",
                make("span", {"class": "print-letter"}, f"{letter(index)}."),
                " ",
                *copy.deepcopy(label),
            )
        )
    item.append(options)
    explanation = find(form, "div", "ctip-answer__explanation")
    said = contents(explanation) if explanation is not None else []
    said = [part for part in said if not isinstance(part, str) or part.strip()]
    if said and not isinstance(said[0], str) and said[0].tag == "p":
        said = said[1:]  # the "Explanation:" label
    printed.questions.append(PrintQuestion(question, number, anchor, text, labels, said))
    return item


def _open_details(root: Element) -> None:
    """A folded box prints open, as an admonition with its title."""
    for details in list(root.iter("details")):
        details.tag = "div"
        details.attrib.pop("open", None)
        add_class(details, "admonition")
        summary = details.find("summary")
        if summary is not None:
            summary.tag = "p"
            summary.attrib = {"class": "admonition-title"}


def _checkboxes(root: Element) -> None:
    """Task lists (`- [ ] ...`) print a box, not a form field."""
    for box in list(root.iter("input")):
        checked = box.get("checked") is not None
        box.tag, box.attrib = "span", {"class": "print-box"}
        box.text = CHECKED if checked else BOX


def _links(root: Element, page: Page, prefix: str, links: Links) -> None:
    for element in root.iter():
        if element.get("id"):
            element.set("id", f"{prefix}--{element.get('id')}")
    for anchor in list(root.iter("a")):
        href = anchor.get("href")
        if href is None:
            continue
        target = _target(href, page, prefix, links)
        if target is None:  # a page of the site not in this document, and no address for it
            anchor.tag = "span"
            anchor.attrib = {"class": "print-link"}
        else:
            anchor.set("href", target)
            if not target.startswith("#"):
                add_class(anchor, "print-external")


def _target(href: str, page: Page, prefix: str, links: Links) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    if not parts.path:
        return f"#{prefix}--{parts.fragment}" if parts.fragment else f"#{prefix}"
    name = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), parts.path))
    if name.endswith("/") or not posixpath.splitext(name)[1]:
        name = posixpath.join(name, "index.md")
    if name in links.targets:
        inside = links.targets[name]
        return f"#{inside}--{parts.fragment}" if parts.fragment else f"#{inside}"
    if name.endswith(".md"):
        return links.page_url(name, parts.fragment)
    return None


def _images(root: Element, site: Site, page: Page) -> None:
    for image in root.iter("img"):
        src = image.get("src") or ""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # the URL fetcher refuses what is not the project's
        candidates = [page.path.parent / parts.path]
        default = site.docs_dir / site.default_language / Path(page.name).parent / parts.path
        candidates.append(default)
        found = next((path for path in candidates if path.resolve().is_file()), None)
        if found is not None:
            image.set("src", found.resolve().as_uri())


def _spell_out_abbreviations(root: Element) -> None:
    """ "IOM (International Organization for Migration)" the first time, outside headings."""
    parent_of = parents(root)
    seen: set[str] = set()
    for abbr in list(root.iter("abbr")):
        title, text = abbr.get("title"), text_of(abbr).strip()
        if not title or not text or text in seen or _in_heading(abbr, parent_of):
            continue
        seen.add(text)
        if title.casefold() in text_of(parent_of[abbr]).casefold():
            continue  # spelled out beside it already: "International Organization ... (IOM)"
        expansion = make("span", {"class": "print-expansion"}, f" ({title})")
        expansion.tail, abbr.tail = abbr.tail, None
        parent = parent_of[abbr]
        parent.insert(list(parent).index(abbr) + 1, expansion)


def _in_heading(element: Element, parent_of: dict) -> bool:
    while element in parent_of:
        element = parent_of[element]
        if element.tag in HEADINGS or "admonition-title" in classes(element):
            return True
    return False


def _strings(language: str):
    return lambda key, **values: translate(language, key, **values)
