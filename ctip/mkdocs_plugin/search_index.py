"""Split the merged search index that static-i18n writes into one index per language.

static-i18n merges every language into `search/search_index.json` and every page loads it, so a
Turkmen reader gets English and Russian hits. Here each language gets `<lang>/search/`, with
locations relative to the language root and lunr settings suited to the language.
"""

import json
from pathlib import Path


def split_index(
    merged: dict,
    language_links: dict[str, str],
    search_settings: dict[str, dict],
    excluded: dict[str, set[str]],
) -> dict[str, dict]:
    """Return {locale: index} from the merged index.

    `language_links` maps each locale to its root link ("/" or "/ru/"); `excluded` maps a locale
    to page URLs that are not in that language (untranslated fallbacks).
    """
    prefixes = {
        locale: link.strip("/") + "/" for locale, link in language_links.items() if link != "/"
    }
    default = next(locale for locale, link in language_links.items() if link == "/")
    indexes = {
        locale: {"config": {**merged["config"], **search_settings.get(locale, {})}, "docs": []}
        for locale in language_links
    }
    for doc in merged["docs"]:
        locale, location = default, doc["location"]
        for candidate, prefix in prefixes.items():
            if location.startswith(prefix):
                locale, location = candidate, location[len(prefix) :]
                break
        if location.split("#")[0] in excluded.get(locale, set()):
            continue
        indexes[locale]["docs"].append({**doc, "location": location})
    return indexes


def write_indexes(
    site_dir: Path, indexes: dict[str, dict], language_links: dict[str, str], as_script: bool
) -> None:
    for locale, index in indexes.items():
        folder = site_dir / language_links[locale].strip("/") / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if as_script:  # the offline edition reads the index from a script under file://
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
