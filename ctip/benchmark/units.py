"""Units and sizes shared by the measurements and the report."""

import gzip
from pathlib import Path

KB = 1000  # budgets and report use decimal kilobytes (the stricter reading of "150 KB")
GZIP_LEVEL = 6
MODULE_PAGE_BUDGET = 150 * KB
# The project's JS and CSS every page loads, gzipped: the storage guard, page data, quiz, learner
# progress, keyboard and phone fixes, the trainer-mode switch and the styles (27.5 KB when the
# trainer's toolkit landed). It was 15 KB before learner progress and the trainer's toolkit; the
# trainer's views (slides, live quiz, planner) load on demand and are reported apart.
OWN_ASSETS_BUDGET = 30 * KB
TYPES = ("html", "css", "js", "index", "other")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")
# Already compressed: a web server sends these as they are, so their "gzip" size is the raw one.
PRECOMPRESSED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".gz",
                 ".zip", ".pdf"}  # fmt: skip


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def served_size(file: Path, data: bytes) -> int:
    return len(data) if file.suffix.lower() in PRECOMPRESSED else gzip_size(data)
