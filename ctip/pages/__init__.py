"""The page model: every page of docs/ read and parsed once per process.

- `Site.load(docs_dir)`: all pages, re-read only when a file changes;
- `Page`: one file's front matter, outline (blocks, admonitions, headings) and quizzes, plus
  what its render recorded (ids, refused content);
- `course(site, language)`: the site-wide view (modules, learning paths) for features.

The Markdown extension, the content check, the build checks, the exporters and the print
output all read pages through here, so each file is read and parsed once.
"""

from .course import Course, LearningPath, Module, course
from .page import Page, Rendered, body_key
from .site import Site, registered

__all__ = [
    "Course",
    "LearningPath",
    "Module",
    "Page",
    "Rendered",
    "Site",
    "body_key",
    "course",
    "registered",
]
