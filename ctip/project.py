"""The project's settings, read from mkdocs.yml once, and the constants every tool shares.

mkdocs.yml is the one configuration file (Material's successor reads it too). It is loaded with
MkDocs' own YAML loader, so `!ENV`, `INHERIT` and Python tags mean what they mean to the build.
The default language is the one marked `default: true` under the i18n plugin *in the file*: a
preview that builds a single language (scripts/serve --lang ru) must not make Russian the
language that translations are compared with.
"""

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG_FILE = ROOT / "mkdocs.yml"

# Percent of the points needed to pass a module's quiz, and the values `pass_mark` may take.
PASS_MARK = 80
PASS_MARK_RANGE = range(1, 101)
# The term base: terms, abbreviations and definitions in every language (docs/termbase.yml).
TERMBASE = "termbase.yml"
# What every module has (CONTRIBUTING.md), checked by the content check.
MODULE_BLOCKS = ("objectives", "scenario", "discussion", "facilitator", "key-points")
AUDIENCES = ("consular", "ngo", "government")


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    link: str  # "/" for the default language, "/ru/" for the others
    default: bool
    site_name: str | None


@dataclass(frozen=True)
class Edition:
    """The course edition: one version and date for progress storage, the statement of
    completion, the handbook cover, the LMS packages and the footer."""

    course: str  # a short name, used in storage keys and file names
    version: str
    date: datetime.date


@dataclass(frozen=True)
class Project:
    config_file: Path
    docs_dir: Path
    site_name: str
    languages: tuple[Language, ...]
    edition: Edition
    nav: list
    site_url: str | None
    markdown_extensions: tuple[tuple[str, dict], ...]

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def default_language(self) -> str:
        return next(lang.locale for lang in self.languages if lang.default)

    @property
    def locales(self) -> list[str]:
        return [lang.locale for lang in self.languages]

    def language(self, locale: str) -> Language:
        return next(lang for lang in self.languages if lang.locale == locale)


def load(config_file: Path = CONFIG_FILE) -> Project:
    config_file = Path(config_file).resolve()
    return _load(config_file, config_file.stat().st_mtime_ns)


@cache
def _load(config_file: Path, mtime: int) -> Project:
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as handle:
        config = yaml_load(handle)
    i18n = plugin_options(config, "i18n") or {}
    languages = tuple(
        Language(
            locale=lang["locale"],
            name=lang.get("name", lang["locale"]),
            link=lang.get("link") or ("/" if lang.get("default") else f"/{lang['locale']}/"),
            default=bool(lang.get("default")),
            site_name=lang.get("site_name"),
        )
        for lang in i18n.get("languages") or [{"locale": "en", "default": True}]
        if lang.get("build", True)
    )
    edition = (config.get("extra") or {}).get("edition") or {}
    return Project(
        config_file=config_file,
        docs_dir=(config_file.parent / config.get("docs_dir", "docs")).resolve(),
        site_name=str(config.get("site_name") or ""),
        languages=languages,
        edition=Edition(
            course=str(edition.get("course", "ctip-training")),
            version=str(edition.get("version", "0")),
            date=edition.get("date") or datetime.date.today(),
        ),
        nav=config.get("nav") or [],
        site_url=config.get("site_url") or None,
        markdown_extensions=tuple(_extensions(config.get("markdown_extensions") or [])),
    )


def plugin_options(config: dict, name: str) -> dict | None:
    """A plugin's options in a raw mkdocs.yml, {} when it has none, None when it is not listed."""
    for entry in config.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


def _extensions(entries: list):
    for entry in entries:
        if isinstance(entry, dict):
            for name, options in entry.items():
                yield name, dict(options or {})
        else:
            yield str(entry), {}
