"""Which PDF files `ctip handbook` writes for a language, from the page model alone.

The command writes exactly these files, and the site's "Download PDF" links name them; this
module renders nothing and does not import WeasyPrint, so the MkDocs plugin can ask it cheaply.
"""

from dataclasses import dataclass, field

from ctip.pages import Site, course

# The handouts, in this order, when the page exists in the language or in the original.
HANDOUTS = (
    "tools/indicator-card.md",
    "tools/first-contact-checklist.md",
    "tools/referral-pathway.md",
)
# The back matter of the handbook, after the modules, when the page exists.
BACK_MATTER = ("glossary.md", "resources.md", "sources.md")


@dataclass
class Planned:
    language: str
    handbook: str
    answer_key: str
    handouts: str | None  # None: no handout page yet
    missing_handouts: list[str] = field(default_factory=list)  # page names
    slides: dict[str, str] = field(default_factory=dict)  # module slug -> file name

    @property
    def names(self) -> list[str]:
        found = [self.handbook, self.answer_key]
        if self.handouts:
            found.append(self.handouts)
        return found + list(self.slides.values())


def slides_name(slug: str, language: str) -> str:
    """ "modules/understanding-trafficking", "ru" -> "slides-understanding-trafficking-ru.pdf"."""
    return f"slides-{slug.rsplit('/', 1)[-1]}-{language}.pdf"


def planned(site: Site, language: str) -> Planned:
    handouts = [name for name in HANDOUTS if site.shown(language, name) is not None]
    result = Planned(
        language=language,
        handbook=f"handbook-{language}.pdf",
        answer_key=f"answer-key-{language}.pdf",
        handouts=f"handouts-{language}.pdf" if handouts else None,
        missing_handouts=[name for name in HANDOUTS if name not in handouts],
    )
    for module in course(site, language).modules:
        if module.page.outline.named("slide"):
            result.slides[module.slug] = slides_name(module.slug, language)
    return result
