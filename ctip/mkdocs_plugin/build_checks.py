"""What the build refuses to publish: the content check's rules that protect readers.

Content is written by many hands: a page that could run code, or whose quiz is malformed or
disagrees with the English original, fails the build (the full check is scripts/docs.py check).
"""

from pathlib import Path

from ctip.editor import content_check
from ctip.editor.pages import DEFAULT_LANGUAGE, read_page

BUILD_RULES = (content_check.rule_unsafe_html, content_check.rule_quiz)


def check_page(docs_dir: Path, path: Path) -> list[tuple[int, str]]:
    root = docs_dir.parent
    page = read_page(root, docs_dir, path)
    pages = [page]
    original = docs_dir / DEFAULT_LANGUAGE / page.name
    if page.language != DEFAULT_LANGUAGE and original.exists():
        pages.append(read_page(root, docs_dir, original))
    site = content_check.Site(root, pages)
    return sorted({problem for rule in BUILD_RULES for problem in rule(page, site)})


def check_site(docs_dir: Path) -> list[str]:
    """Rules across pages: a question id is used on one page only (progress is kept by id)."""
    root = docs_dir.parent
    pages = [read_page(root, docs_dir, path) for path in sorted(docs_dir.glob("*/**/*.md"))]
    site = content_check.Site(root, pages)
    return [
        f"{page.display}:{line}: {message}"
        for page in pages
        for line, message in content_check.rule_unique_question_ids(page, site)
    ]
