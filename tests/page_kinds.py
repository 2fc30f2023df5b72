"""Every kind of page of the site and every view features add, in one place.

The sweep (test_sweep.py) visits one page of each kind, and each view, in every language. A kind
of page the build writes that is not listed here fails test_every_kind_of_page_is_swept, so a new
kind of page, or a new view, cannot be forgotten by the accessibility sweep.
"""

# Sweep kind -> one page of that kind, relative to a language's root.
KINDS = {
    "home": "",
    "module": "modules/identifying-victims/",
    "modules": "modules/",
    "path": "paths/consular/",
    "glossary": "glossary/",
    "progress": "progress/",
    "tools": "tools/first-contact-checklist/",  # task lists: labelled checkboxes
    "trainer-notes": "trainer/",
    "planner": "trainer/planner/",
    "page": "lms/",  # code blocks and tables
    "404": "404.html",
}
# The `kind` a page's data gives (overrides/main.html, __ctip.page.kind) -> its sweep kind.
PAGE_KINDS = {
    "index": "home",
    "module": "module",
    "modules": "modules",
    "paths": "path",
    "glossary": "glossary",
    "progress": "progress",
    "about": "page",
    "privacy": "page",
    "resources": "page",
    "quiz-demo": "page",
    "contributing": "page",
    "sources": "page",
    "lms": "page",
    "tools": "tools",
    "trainer": "trainer-notes",
}
# Views a page can be opened in (query string -> the kind of page that has it): trainer mode, the
# slides and the live quiz (overrides/assets/ctip/trainer.js).
VIEWS = {"?trainer": "module", "?present": "module", "?live-quiz": "module"}
