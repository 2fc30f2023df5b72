"""The LMS variant of the site: one language, built strictly, as pages that suit an LMS frame.

The configuration INHERITs mkdocs.yml (the same Markdown, the same extension, the same output
check and Content Security Policy) and changes only what an LMS frame needs:

- one language at the root (static-i18n's `build_only_locale`, as `scripts/serve --lang` does):
  no language switcher;
- no search plugin (so no search field, no index): search would lead out of the module;
- `.html` file URLs (`use_directory_urls: false`), which any LMS file server and the Moodle app's
  offline copy can open, with no `site_url` (no links to the published site);
- `extra.lms`, which overrides/main.html reads: a header without links and no site navigation,
  the page's table of contents only; no page footer links (`navigation.footer` off) and no
  generator link;
- `assets/ctip/lms.js` first among the scripts (before store.js) and `assets/ctip/lms.css`.
"""

import os
import subprocess
import sys
from pathlib import Path

import yaml

from ctip import project as project_settings

LMS_SCRIPT = "assets/ctip/lms.js"
LMS_STYLE = "assets/ctip/lms.css"
LEFT_OUT_PLUGINS = {"search", "material/search", "offline", "material/offline"}


class BuildError(Exception):
    pass


def _raw_config(config_file: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as handle:
        return yaml_load(handle)


def _plugins(raw: dict, language: str) -> list:
    plugins = []
    for entry in raw.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name in LEFT_OUT_PLUGINS:
            continue
        options = dict((entry[name] or {}) if isinstance(entry, dict) else {})
        if name in ("i18n", "static-i18n"):
            options["build_only_locale"] = language
        plugins.append({name: options})
    return plugins


def _features(raw: dict) -> list[str]:
    features = (raw.get("theme") or {}).get("features") or []
    return [
        feature
        for feature in features
        if not feature.startswith(("navigation.", "search.")) or feature == "navigation.top"
    ]


def lms_config(project: project_settings.Project, language: str, folder: Path) -> Path:
    """Write the LMS variant's configuration for `language` into `folder`; return its path."""
    raw = _raw_config(project.config_file)
    theme = raw.get("theme") or {}
    custom_dir = theme.get("custom_dir")
    config = {
        "INHERIT": str(project.config_file),
        "docs_dir": str(project.docs_dir),
        "site_url": None,
        "use_directory_urls": False,
        "theme": {
            "features": _features(raw),
            **({"custom_dir": str(project.root / custom_dir)} if custom_dir else {}),
        },
        "plugins": _plugins(raw, language),
        "extra_css": [*(raw.get("extra_css") or []), LMS_STYLE],
        "extra_javascript": [LMS_SCRIPT, *(raw.get("extra_javascript") or [])],
        "extra": {"lms": True, "generator": False},
    }
    path = folder / f"lms-{language}.mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_language(project: project_settings.Project, language: str, folder: Path) -> Path:
    """Build the LMS variant of one language strictly into `folder`/site-<language>."""
    site = folder / f"site-{language}"
    config = lms_config(project, language, folder)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SITE_URL", "CTIP_PREVIEW_LANGUAGE", "CTIP_OFFLINE")
    }
    environment["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    command += ["-f", str(config), "-d", str(site)]
    result = subprocess.run(
        command, cwd=project.root, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BuildError(f"the {language} build failed:\n{result.stderr.strip()}")
    return site
