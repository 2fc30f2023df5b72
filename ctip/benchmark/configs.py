"""The configurations the benchmark builds: the project's, and the plain-Material control.

mkdocs.yml is read with MkDocs' own loader (`!ENV`, `INHERIT`, Python tags), as the build reads
it.
"""

import contextlib
import importlib.util
import os
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from ctip.project import plugin_options

# Variables that switch the project to another edition (offline, one-language preview) or add
# an address: the benchmark measures the web edition, whatever the caller's shell has.
EDITION_VARIABLES = ("CTIP_OFFLINE", "CTIP_PREVIEW_LANGUAGE", "SITE_URL")


def web_edition_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in EDITION_VARIABLES}


def read_config(path: Path) -> dict:
    """mkdocs.yml as the build reads it; `!ENV` values as in the web edition."""
    with _web_edition(), path.open("rb") as file:
        return yaml_load(file) or {}


@contextlib.contextmanager
def _web_edition():
    saved = {name: os.environ.pop(name) for name in EDITION_VARIABLES if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def without_search(plugins: list) -> list:
    """A plugins list without Material's search plugin: `ctip benchmark --no-search` builds
    both sites so, to show what search costs each."""
    return [
        entry
        for entry in plugins
        if entry not in ("search", "material/search")
        and not (isinstance(entry, dict) and {"search", "material/search"} & set(entry))
    ]


def i18n_languages(config: dict) -> list[dict]:
    options = plugin_options(config, "i18n") or {}
    return [lang for lang in options.get("languages") or [] if isinstance(lang, dict)]


def material_languages() -> set[str] | None:
    """The interface languages Material ships (partials/languages/*.html), None if unknown."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "templates" / "partials" / "languages"
    return {file.stem for file in folder.glob("*.html")} or None


def standard_extensions(config: dict) -> list:
    """The project's Markdown extensions that are not its own (Python-Markdown and
    pymdown-extensions), with their settings."""
    found = []
    for entry in config.get("markdown_extensions") or []:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if not str(name).startswith("ctip"):
            found.append(entry)
    return found


def plain_config(config: dict, docs_dir: Path, extensions: bool = True) -> dict:
    """Material as it comes, with static-i18n, over the same docs: the control build.

    No overrides, no ctip plugin, no project CSS or JS. With `extensions`, the standard
    Markdown extensions the content is written for (admonitions, details, tables, footnotes,
    abbreviations...), so the control renders the same pages; without, MkDocs' defaults only
    (the "bare" control). A language Material has no interface strings for (tk: the project
    ships them in overrides/) gets Material's English interface, the least that lets plain
    Material build it.
    """
    shipped = material_languages()
    languages = []
    for lang in i18n_languages(config):
        plain_lang = {
            key: lang[key] for key in ("locale", "name", "default", "build") if key in lang
        }
        if shipped is not None and lang.get("locale") not in shipped:
            plain_lang["theme"] = {"language": "en"}
        languages.append(plain_lang)
    plain = {
        "site_name": config.get("site_name") or "Plain Material",
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}],
    }
    if config.get("nav"):
        plain["nav"] = config["nav"]
    if extensions:
        plain["markdown_extensions"] = standard_extensions(config)
    return plain


def project_config(
    project_file: Path, docs_dir: Path, nav: list | None, plugins: list | None = None
) -> dict:
    """The project's configuration over another docs folder (the synthetic curriculum); with
    `plugins`, these instead of mkdocs.yml's (MkDocs' INHERIT replaces the list whole)."""
    root = project_file.parent
    config = {
        "INHERIT": str(project_file),
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "custom_dir": str(root / "overrides")},
    }
    if nav is not None:
        config["nav"] = nav
    if plugins is not None:
        config["plugins"] = plugins
    return config


def write(path: Path, config: dict) -> Path:
    """A config file; Python objects in it (the toc's slugify function) written as tags."""
    path.write_text(yaml.dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
