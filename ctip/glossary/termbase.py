"""Read the term base: one entry per concept, with its term, abbreviation and definition per
language, and the synonyms translators should avoid."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Entry:
    id: str
    term: dict[str, str]
    abbr: dict[str, str | None]
    definition: dict[str, str]
    avoid: dict[str, list[str]]

    def in_language(self, lang: str, fallback: str = "en") -> tuple[str, str | None, str]:
        """(term, abbreviation, definition) in `lang`, English standing in for gaps."""
        term = self.term.get(lang) or self.term[fallback]
        definition = self.definition.get(lang) or self.definition[fallback]
        return term, self.abbr.get(lang), definition


@cache
def _load(path: str, mtime: float) -> tuple[Entry, ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader) or []
    return tuple(
        Entry(
            id=item["id"],
            term=item.get("term") or {},
            abbr=item.get("abbr") or {},
            definition=item.get("definition") or {},
            avoid=item.get("avoid") or {},
        )
        for item in data
    )


def load(path: Path) -> tuple[Entry, ...]:
    return _load(str(path), path.stat().st_mtime)


def abbreviations(entries: tuple[Entry, ...], lang: str) -> dict[str, str]:
    """Abbreviation -> expansion in `lang`; the English abbreviation too, as texts in any
    language quote it (a Turkmen page may say UNODC)."""
    found = {}
    for entry in entries:
        term = entry.term.get(lang) or entry.term.get("en")
        for abbr in (entry.abbr.get(lang), entry.abbr.get("en")):
            if abbr and abbr != term:
                found.setdefault(abbr, term)
    return found
