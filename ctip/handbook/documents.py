"""The print documents of one language, as HTML built from the page model (no JavaScript).

- `handbook()`: cover, imprint, contents, the modules in order, then the glossary, the resources
  and the sources;
- `answer_key()`: every quiz's right answers with the explanation, and the notes for trainers;
- `handout()`: one tool page (`tools/...`), made to fit one A4 page;
- `slides()`: a module's authored `/// slide` blocks, one landscape page each.

Every document is in the reader's language throughout; a page not translated yet is printed in
English, marked `lang="en"`, with the site's notice in the reader's language.
"""

import datetime
from dataclasses import dataclass

from ctip.pages import Course, Page, Site
from ctip.project import Edition
from ctip.ui_strings import translate

from .content import Links, PrintPage, letter, prefix_for, prepare
from .files import BACK_MATTER
from .tree import Element, contents, find, make, serialise, text_of


@dataclass(frozen=True)
class Meta:
    """What every document of a language shares: strings, names, edition, revision."""

    site: Site
    language: str
    revision: str

    def t(self, key: str, **values) -> str:
        return translate(self.language, key, **values)

    @property
    def edition(self) -> Edition:
        return self.site.project.edition

    @property
    def language_name(self) -> str:
        return self.site.project.language(self.language).name

    @property
    def site_name(self) -> str:
        return self.site.project.language(self.language).site_name or self.site.project.site_name

    @property
    def date(self) -> str:
        date = self.edition.date
        return date.isoformat() if isinstance(date, datetime.date) else str(date)

    @property
    def edition_line(self) -> str:
        return self.t("print.edition", version=self.edition.version, date=self.date)


def _document(meta: Meta, title: str, subject: str, kind: str) -> tuple[Element, Element]:
    head = make(
        "head",
        None,
        None,
        make("meta", {"charset": "utf-8"}),
        make("title", None, title),
        make("meta", {"name": "author", "content": meta.t("print.author")}),
        make("meta", {"name": "description", "content": subject}),
        make("meta", {"name": "keywords", "content": meta.t("print.keywords")}),
        make("meta", {"name": "generator", "content": "ctip handbook"}),
        make("meta", {"name": "dcterms.created", "content": meta.date}),
    )
    body = make("body", {"class": f"print-{kind}"})
    return make("html", {"lang": meta.language}, None, head, body), body


def _cover(meta: Meta, subtitle: str, note: str | None = None) -> Element:
    language_line = meta.t("print.language", language=meta.language_name)
    cover = make(
        "section",
        {"class": "cover"},
        None,
        make("p", {"class": "cover__site"}, meta.site_name),
        make("p", {"class": "cover__title"}, subtitle),
        make("p", {"class": "cover__language"}, language_line),
        make("p", {"class": "cover__edition"}, meta.edition_line),
    )
    if note:
        cover.append(make("p", {"class": "cover__note"}, note))
    cover.append(make("p", {"class": "cover__licence"}, meta.t("print.licence")))
    return cover


def _imprint(meta: Meta, title: str) -> Element:
    imprint = make(
        "section",
        {"class": "imprint"},
        None,
        make("p", {"class": "imprint__title"}, f"{meta.site_name}: {title}"),
        make("p", None, meta.edition_line),
        make("p", None, meta.t("print.revision", revision=meta.revision)),
        make("p", None, meta.t("print.imprint")),
    )
    if url := meta.site.project.site_url:
        link = make("a", {"href": url, "class": "print-external"}, url)
        imprint.append(make("p", None, meta.t("print.online", url="").rstrip(), " ", link))
    imprint.append(make("p", None, meta.t("print.licence")))
    imprint.append(make("p", None, meta.t("print.author")))
    return imprint


def _chapter(meta: Meta, printed: PrintPage, kind: str, kicker: str | None = None) -> Element:
    attrs = {"class": f"chapter chapter--{kind}", "id": printed.prefix}
    if printed.fallback:
        attrs["lang"] = printed.page.language
    section = make("section", attrs)
    if kicker:
        section.append(make("p", {"class": "chapter__kicker"}, kicker))
    if printed.fallback:
        notice = meta.t("page.untranslated", language=meta.language_name)
        section.append(make("p", {"class": "print-notice", "lang": meta.language}, notice))
    for part in contents(printed.body):
        if isinstance(part, str):
            if part.strip():
                section.append(make("p", None, part))
        else:
            section.append(part)
    return section


def _toc_entry(label: str, target: str, cls: str, children: list[Element] = ()) -> Element:
    item = make("li", {"class": cls}, None, make("a", {"href": f"#{target}"}, label))
    if children:
        item.append(make("ol", None, None, *children))
    return item


def _sections(printed: PrintPage) -> list[Element]:
    """Contents entries for the level-2 headings of a page."""
    return [
        _toc_entry(text_of(heading).strip(), heading.get("id"), "toc__section")
        for heading in printed.body
        if heading.tag == "h2" and heading.get("id")
    ]


def handbook(site: Site, course: Course, meta: Meta) -> str:
    """The whole course in one language."""
    language = meta.language
    back = [page for name in BACK_MATTER if (page := site.shown(language, name))]
    pages = [module.page for module in course.modules] + back
    links = Links(site, language, {page.name: prefix_for(page.name) for page in pages})
    title = f"{meta.site_name}: {meta.t('print.handbook')}"
    html, body = _document(meta, title, meta.t("print.subject"), "handbook")
    body.append(_cover(meta, meta.t("print.handbook")))
    body.append(_imprint(meta, meta.t("print.handbook")))
    toc = make("ol", {"class": "toc__list"})
    body.append(
        make(
            "section",
            {"class": "toc"},
            None,
            make("h1", {"class": "toc__title"}, meta.t("print.contents")),
            toc,
        )
    )
    for module in course.modules:
        printed = prepare(site, module.page, language, links)
        kicker = meta.t("print.module", number=module.number)
        label = f"{module.number}. {module.title}"
        toc.append(_toc_entry(label, printed.prefix, "toc__module", _sections(printed)))
        body.append(_chapter(meta, printed, "module", kicker))
    for page in back:
        printed = prepare(site, page, language, links)
        toc.append(_toc_entry(page.title, printed.prefix, "toc__back"))
        body.append(_chapter(meta, printed, "back"))
    return _serialise(html)


def answer_key(site: Site, course: Course, meta: Meta) -> str:
    """Every quiz's right answers with the explanation, then the notes for trainers, by module."""
    language = meta.language
    links = Links(
        site,
        language,
        {module.page.name: prefix_for(module.page.name) for module in course.modules},
    )
    title = f"{meta.site_name}: {meta.t('print.answer_key')}"
    html, body = _document(meta, title, meta.t("print.answer_key_subject"), "answer-key")
    body.append(_cover(meta, meta.t("print.answer_key"), meta.t("print.for_trainers")))
    body.append(_imprint(meta, meta.t("print.answer_key")))
    t = meta.t
    for module in course.modules:
        printed = prepare(site, module.page, language, links)
        attrs = {"class": "chapter chapter--key", "id": printed.prefix}
        section = make(
            "section",
            attrs,
            None,
            make("p", {"class": "chapter__kicker"}, t("print.module", number=module.number)),
            make("h1", None, module.title),
        )
        if printed.fallback:
            section.set("lang", printed.page.language)
            notice = t("page.untranslated", language=meta.language_name)
            section.append(make("p", {"class": "print-notice", "lang": language}, notice))
        if printed.questions:
            section.append(make("h2", None, t("print.answers")))
            entries = make("ol", {"class": "key"})
            for item in printed.questions:
                entries.append(_key_entry(item, t))
            section.append(entries)
        if printed.facilitator:
            section.append(make("h2", None, t("trainer.notes")))
            section.extend(printed.facilitator)
        body.append(section)
    return _serialise(html)


def _key_entry(item, t) -> Element:
    question = item.question
    right = [index for index, correct in enumerate(question.correct) if correct]
    letters = ", ".join(letter(index) for index in right)
    answer = f"{t('quiz.correct_answer')} {letters}"
    entry = make(
        "li",
        {"class": "key__entry", "value": str(item.number)},
        None,
        make("p", {"class": "key__question"}, None, *item.text),
        make(
            "p",
            {"class": "key__answer"},
            None,
            make("strong", None, answer),
        ),
    )
    chosen = make("ul", {"class": "key__options"})
    for index in right:
        chosen.append(make("li", None, f"{letter(index)}. ", *item.labels[index]))
    entry.append(chosen)
    if item.explanation:
        entry.append(
            make(
                "div",
                {"class": "key__explanation"},
                None,
                make("p", None, None, make("strong", None, t("quiz.explanation"))),
                *item.explanation,
            )
        )
    return entry


def handout(site: Site, page: Page, meta: Meta) -> str:
    """One tool page, alone, for one A4 page."""
    links = Links(site, meta.language, {page.name: prefix_for(page.name)})
    printed = prepare(site, page, meta.language, links)
    html, body = _document(
        meta, f"{printed.page.title}: {meta.site_name}", meta.t("print.handouts"), "handout"
    )
    body.append(make("p", {"class": "handout__site"}, f"{meta.site_name} · {meta.edition_line}"))
    body.append(_chapter(meta, printed, "handout"))
    return _serialise(html)


def slides(site: Site, module, meta: Meta) -> str | None:
    """A module's authored slides, one landscape page each (None if it has none)."""
    links = Links(site, meta.language, {module.page.name: prefix_for(module.page.name)})
    printed = prepare(site, module.page, meta.language, links)
    if not printed.slides:
        return None
    title = f"{module.title}: {meta.t('print.slides')}"
    html, body = _document(meta, title, meta.t("print.slides"), "slides")
    body.set("data-module", module.title)
    body.append(
        make(
            "p",
            {"class": "slides__module"},
            f"{meta.t('print.module', number=module.number)}. {module.title}",
        )
    )
    for slide in printed.slides:
        title_element = find(slide, "p", "ctip-slide__title")
        if title_element is not None:
            title_element.tag = "h1"
            title_element.set("class", "slide__title")
        slide.set("class", "slide")
        if printed.fallback:
            slide.set("lang", printed.page.language)
        body.append(slide)
    return _serialise(html)


def _serialise(html: Element) -> str:
    return serialise(html)
