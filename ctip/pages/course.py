"""The site-wide view of the course, in one language: its modules and learning paths.

Features that need other pages (module cards, progress, schedules, the trainer's page, print
and LMS exports) read this, never the files: `course(site, "ru")`. It is plain data computed
from the page model, so a Markdown block, a template given it as a variable, or a standalone
command all read the same thing, with or without MkDocs.
"""

from dataclasses import dataclass, field

from ctip.project import PASS_MARK

from .outline import Block, Heading
from .page import Page
from .site import Site


@dataclass(frozen=True)
class Module:
    page: Page  # the page a reader of the language gets (translation or English original)
    number: int
    slug: str  # "modules/understanding-trafficking"
    title: str
    description: str
    audiences: tuple[str, ...]
    duration: int
    teaching: int
    exercises: int
    pause: int  # the `break` minutes
    pass_mark: int
    question_ids: tuple[str, ...]
    sections: tuple[Heading, ...]  # the level-2 headings
    facilitator: tuple[Block, ...]


@dataclass(frozen=True)
class LearningPath:
    page: Page
    slug: str
    title: str
    description: str
    audience: str | None
    modules: tuple[str, ...]  # module slugs, in the path's order


@dataclass
class Course:
    language: str
    modules: list[Module] = field(default_factory=list)
    paths: list[LearningPath] = field(default_factory=list)

    def module(self, slug: str) -> Module | None:
        return next((module for module in self.modules if module.slug == slug), None)


def _int(value, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _module(page: Page) -> Module:
    meta = page.meta
    try:
        questions = tuple(q.id for quiz in page.quizzes for q in quiz.questions)
    except Exception:  # a malformed quiz is the content check's to report
        questions = ()
    return Module(
        page=page,
        number=_int(meta.get("module"), 999),
        slug=page.slug,
        title=page.title,
        description=str(meta.get("description") or ""),
        audiences=tuple(str(a) for a in meta.get("audiences") or ()),
        duration=_int(meta.get("duration")),
        teaching=_int(meta.get("teaching")),
        exercises=_int(meta.get("exercises")),
        pause=_int(meta.get("break")),
        pass_mark=_int(page.pass_mark, PASS_MARK),
        question_ids=questions,
        sections=tuple(h for h in page.outline.headings if h.level == 2),
        facilitator=tuple(page.outline.named("facilitator")),
    )


def course(site: Site, language: str) -> Course:
    """The course as a reader of `language` sees it (untranslated pages in the original)."""
    names = sorted({page.name for page in site.pages})
    shown = [page for name in names if (page := site.shown(language, name)) is not None]
    result = Course(language)
    result.modules = sorted(
        (_module(page) for page in shown if page.is_module and not page.meta_error),
        key=lambda module: (module.number, module.slug),
    )
    for page in shown:
        if page.name.startswith("paths/") and page.name != "paths/index.md":
            modules = page.meta.get("modules") or []
            result.paths.append(
                LearningPath(
                    page=page,
                    slug=page.slug,
                    title=page.title,
                    description=str(page.meta.get("description") or ""),
                    audience=page.meta.get("audience"),
                    modules=tuple(f"modules/{slug}" for slug in modules if isinstance(slug, str)),
                )
            )
    return result
