"""MkDocs glue for what static-i18n and Material leave undone for a multilingual site.

- one search index per language, with lunr settings per language (search_index.py);
- each page loads its own language's index (html_rewrite.set_language_base);
- absolute hreflang links with x-default, none to untranslated fallbacks;
- untranslated fallback pages labelled: notice, `lang="en"` on the content, noindex, canonical
  link to the original (main.html reads `ctip`);
- a 404 page per language (static-i18n keeps only the last-built one);
- front matter that does not parse, content that could run code, a malformed quiz, a translated
  quiz that differs from the original and a question id used twice fail the build with
  `path:line` (build_checks.py);
- per-page settings of the project's Markdown extensions (quiz labels and pass mark, glossary
  language), and English anchors for a translation's headings (ctip.headings).
"""

import json
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import meta as mkdocs_meta

from ctip import frontmatter, headings
from ctip.ui_strings import strings_for

from . import build_checks, html_rewrite, search_index
from .config import CtipConfig

QUIZ_EXTENSION = "ctip.quiz.markdown_ext"
GLOSSARY_EXTENSION = "ctip.glossary.markdown_ext"


class CtipPlugin(BasePlugin[CtipConfig]):
    def on_config(self, config):
        if not self.config.enabled:
            return
        self.i18n = config.plugins.get("i18n")
        if self.i18n is None:
            raise PluginError("ctip: the i18n plugin (mkdocs-static-i18n) must be enabled")
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        self.offline = bool(offline and offline.config.enabled)
        if self.offline:
            # Listed before Material's offline plugin sees it, so no CDN copy is linked.
            polyfills = config.extra.setdefault("polyfills", [])
            if self.config.offline_worker_shim not in polyfills:
                polyfills.append(self.config.offline_worker_shim)
        if not hasattr(self, "fallback_urls"):
            self.fallback_urls: dict[str, set[str]] = {}
            self.error_pages: dict[str, str] = {}
        return config

    def on_pre_build(self, config):
        if not self.config.enabled or self.i18n.building:
            return  # once per build, not again for each language
        if problems := build_checks.check_site(Path(config.docs_dir)):
            raise PluginError("content that cannot be published:\n" + "\n".join(problems))

    # The language being built; static-i18n switches it between builds.
    @property
    def language(self) -> str:
        return self.i18n.current_language

    def language_links(self) -> dict[str, str]:
        return {lang.locale: lang.link for lang in self.i18n.config.languages if lang.build}

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return
        meta = self.check_source(page, config)
        # Per-page settings of the project's Markdown extensions.
        pass_mark = meta.get("pass_mark", self.config.default_pass_mark)
        quiz_settings = {"lang": self.language, "pass_mark": pass_mark}
        config.mdx_configs.setdefault(QUIZ_EXTENSION, {}).update(quiz_settings)
        termbase = str(Path(config.docs_dir) / "termbase.yml")
        glossary_settings = {"lang": self.language, "termbase": termbase}
        config.mdx_configs.setdefault(GLOSSARY_EXTENSION, {}).update(glossary_settings)
        return self.align_with_original(markdown, page, config)

    def check_source(self, page, config) -> dict:
        """Fail the build on front matter that does not parse and on unpublishable content."""
        path = Path(page.file.abs_src_path)
        try:
            meta, _ = frontmatter.split(path.read_text(encoding="utf-8-sig"))
        except frontmatter.FrontMatterError as error:
            raise PluginError(f"{self.relative(page, config)}:{error}") from None
        if problems := build_checks.check_page(Path(config.docs_dir), path):
            where = self.relative(page, config)
            shown = "\n".join(f"{where}:{line}: {message}" for line, message in problems)
            raise PluginError(f"content that cannot be published:\n{shown}")
        return meta

    def align_with_original(self, markdown, page, config):
        """A translation's headings take the English anchors (see ctip.headings)."""
        default = self.i18n.default_language
        original = Path(config.docs_dir) / default / page.file.src_uri.split("/", 1)[-1]
        if page.file.locale == default or not original.exists():
            return markdown
        english, _ = mkdocs_meta.get_data(original.read_text(encoding="utf-8-sig"))
        return headings.align_anchors(markdown, english)

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return
        fallback = page.file.locale != self.language
        if fallback:
            self.fallback_urls.setdefault(self.language, set()).add(self.strip_language(page.url))
            original = page.file.alternates.get(page.file.locale)
            if original is not None:
                page.canonical_url = urljoin(config.site_url or "/", original.url)
        context["ctip"] = self.template_values(fallback=fallback)
        original = page.file.alternates.get(self.i18n.default_language)
        context["ctip"]["original"] = original.url if original is not None else None
        page.ctip_alternates = [] if fallback else self.alternates(page, config)
        return context

    def on_template_context(self, context, template_name, config):
        if not self.config.enabled:
            return
        context["ctip"] = self.template_values(fallback=False)
        return context

    def template_values(self, fallback: bool) -> dict:
        names = {lang.locale: lang.name for lang in self.i18n.config.languages}
        return {
            "lang": self.language,
            "language_name": names.get(self.language, self.language),
            "fallback": fallback,
            "t": strings_for(self.language),
        }

    def alternates(self, page, config) -> list[tuple[str, str]]:
        """hreflang targets: the translations that exist, and x-default (the original)."""
        site_url = config.site_url or "/"
        links = []
        for locale, link in self.language_links().items():
            file = page.file if locale == self.language else page.file.alternates.get(locale)
            if file is None or file.locale != locale:
                continue
            href = urljoin(site_url, file.url)
            links.append((locale, href))
            if link == "/":
                links.append(("x-default", href))
        return links

    def strip_language(self, url: str) -> str:
        link = self.language_links()[self.language].lstrip("/")
        return url[len(link) :] if link and url.startswith(link) else url

    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return
        link = self.language_links()[self.language]
        output = html_rewrite.set_language_base(output, link)
        return html_rewrite.replace_alternate_links(output, getattr(page, "ctip_alternates", []))

    def on_post_template(self, output_content, template_name, config):
        if not self.config.enabled:
            return
        if template_name == "404.html":
            link = self.language_links()[self.language]
            output_content = html_rewrite.set_language_base(output_content, link)
            self.error_pages[self.language] = output_content
        return output_content

    @event_priority(-200)  # after static-i18n has built every language and merged the index
    def on_post_build(self, config):
        if not self.config.enabled or self.i18n.building:
            return
        site_dir = Path(config.site_dir)
        links = self.language_links()
        for locale, html in self.error_pages.items():
            target = site_dir / links[locale].strip("/") / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        merged_path = site_dir / "search" / "search_index.json"
        if merged_path.exists():
            merged = json.loads(merged_path.read_text(encoding="utf-8"))
            settings = {
                locale: {key: value for key, value in dict(lang).items() if value}
                for locale, lang in self.config.search.items()
            }
            indexes = search_index.split_index(merged, links, settings, self.fallback_urls)
            search_index.write_indexes(site_dir, indexes, links, as_script=self.offline)
        self.fallback_urls = {}
        self.error_pages = {}

    @staticmethod
    def relative(page, config) -> str:
        return (
            Path(page.file.abs_src_path)
            .relative_to(Path(config.config_file_path).parent)
            .as_posix()
        )
