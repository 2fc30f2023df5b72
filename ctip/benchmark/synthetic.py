"""A synthetic curriculum: the real docs with every page copied until the site has N times as
many pages (the same mix of modules, paths and other pages), quiz and question ids renamed so
every copy passes the build's rules."""

import re
import shutil
from pathlib import Path

_ID = re.compile(r"^(    id: )(\S+)$", re.M)


def pages(docs: Path) -> int:
    return sum(1 for _ in docs.glob("*/**/*.md"))


def scale(source: Path, target: Path, factor: int, nav: list) -> tuple[Path, list]:
    """Copy `source` (a docs folder) to `target` with `factor` times its pages; returns the
    folder and the nav extended with the copies."""
    shutil.copytree(source, target)
    languages = sorted(path.name for path in source.iterdir() if path.is_dir())
    names = sorted(
        p.relative_to(source / languages[0]) for p in (source / languages[0]).rglob("*.md")
    )
    copies = []
    for number in range(1, factor):
        for name in names:
            copy = name.with_name(f"copy{number}-{name.name}")
            for language in languages:
                original = source / language / name
                if original.exists():
                    text = original.read_text(encoding="utf-8")
                    text = _ID.sub(lambda m, n=number: f"{m.group(1)}c{n}-{m.group(2)}", text)
                    (target / language / copy).write_text(text, encoding="utf-8")
            copies.append(copy.as_posix())
    return target, [*nav, {"Synthetic copies": copies}]
