"""A synthetic curriculum: the real docs plus copies of their modules, until the site has N
times as many pages, quiz and question ids renamed so every copy passes the build's rules.

Only modules are copied. A larger curriculum has more modules; the pages that gather all of them
(the home and module list, learning paths, the trainer's notes, the session planner) stay one per
language and grow with the modules they list, which is the growth a real site would see. Copying
those pages too would multiply them and their size together, a cost no real site has.
"""

import math
import re
import shutil
from pathlib import Path

_ID = re.compile(r"^(    id: )(\S+)$", re.M)
MODULES = "modules"


def pages(docs: Path) -> int:
    return sum(1 for _ in docs.glob("*/**/*.md"))


def markdown_bytes(docs: Path) -> int:
    """The size of the Markdown source in every language: the content a build renders. Copies
    are modules, the largest pages, so it grows faster than the page count."""
    return sum(path.stat().st_size for path in docs.glob("*/**/*.md"))


def scale(source: Path, target: Path, factor: int, nav: list) -> tuple[Path, list]:
    """Copy `source` (a docs folder) to `target` with copies of its modules up to `factor` times
    its pages; returns the folder and the nav extended with the copies."""
    shutil.copytree(source, target)
    languages = sorted(path.name for path in source.iterdir() if path.is_dir())
    first = source / languages[0] / MODULES
    modules = sorted(
        path.relative_to(source / languages[0])
        for path in first.glob("*.md")
        if path.name != "index.md"
    )
    per_round = sum(1 for name in modules for lang in languages if (source / lang / name).exists())
    rounds = math.ceil(pages(source) * (factor - 1) / per_round) if per_round else 0
    copies = []
    for number in range(1, rounds + 1):
        for name in modules:
            copy = name.with_name(f"copy{number}-{name.name}")
            for language in languages:
                original = source / language / name
                if original.exists():
                    text = original.read_text(encoding="utf-8")
                    text = _ID.sub(lambda m, n=number: f"{m.group(1)}c{n}-{m.group(2)}", text)
                    (target / language / copy).write_text(text, encoding="utf-8")
            copies.append(copy.as_posix())
    return target, [*nav, {"Synthetic copies": copies}]
