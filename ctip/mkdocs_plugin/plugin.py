"""MkDocs glue for what static-i18n and Material leave undone for a multilingual site.

- one search index per language, with lunr settings per language (search_index.py);
- each page loads its own language's index (html_rewrite.set_language_base);
- absolute hreflang links with x-default, none to untranslated fallbacks;
- untranslated fallback pages labelled: notice, `lang="en"` on the content, noindex, canonical
  link to the original (main.html reads `ctip`);
- a 404 page per language (static-i18n keeps only the last-built one);
- the UI strings of the trainer's views, one script per language (ctip.ui_strings.view_script),
  for the scripts that load on demand; pages carry the rest in their own data;
- the content rules the build enforces (ctip.checks), over the page model loaded once per
  build: front matter that does not parse, a malformed quiz, a translated quiz that differs from
  the original, a question id used twice, and content a page's render refused, fail the build
  with `path:line`;
- the language of each static-i18n pass given to the project's Markdown extension
  (ctip.markdown_ext), which finds everything else in the page model;
- "Download PDF" links on the home page and module pages (downloads.py): to the files
  `ctip handbook` writes into `downloads/` when `extra.downloads` is on (CTIP_DOWNLOADS), else a
  note that this copy was built without them.
"""

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from ctip import checks
from ctip.pages import Site
from ctip.safety import csp
from ctip.ui_strings import VIEW_SCRIPTS, page_strings, strings_for, translate, view_script

from . import downloads, html_rewrite, search_index
from .config import CtipConfig

EXTENSION = "ctip.markdown_ext"
SERVE_POLLING_S = 0.1  # how often `mkdocs serve` looks for saved files (MkDocs: 0.5)


class _MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _MemoryBytecodeCache()


class CtipPlugin(BasePlugin[CtipConfig]):
    @event_priority(50)  # before Material's offline plugin, which links a CDN copy otherwise
    def _offline_polyfill(self, config):
        if not self.config.enabled:
            return
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        self.offline = bool(offline and offline.config.enabled)
        if self.offline:
            polyfills = config.extra.setdefault("polyfills", [])
            if self.config.offline_worker_shim not in polyfills:
                polyfills.append(self.config.offline_worker_shim)
        return config

    @event_priority(-150)  # after static-i18n has chosen the language of this pass
    def _language_pass(self, config):
        if not self.config.enabled:
            return
        self.i18n = config.plugins.get("i18n")
        if self.i18n is None:
            raise PluginError("ctip: the i18n plugin (mkdocs-static-i18n) must be enabled")
        if EXTENSION not in config.markdown_extensions:
            raise PluginError(f"ctip: add '{EXTENSION}' to markdown_extensions in mkdocs.yml")
        config.mdx_configs[EXTENSION] = {
            **config.mdx_configs.get(EXTENSION, {}),
            "lang": self.language,
            "docs_dir": config.docs_dir,
        }
        # Material keys browser storage by this path; under a sub-path (/repo/) it is that path.
        config.extra["scope"] = urlsplit(config.site_url).path if config.site_url else "/"
        self.site = Site.load(config.docs_dir, Path(config.config_file_path))
        self.translate_theme(config)
        if not hasattr(self, "fallback_urls"):
            self.fallback_urls: dict[str, set[str]] = {}
            self.error_pages: dict[str, str] = {}
            self.refused: set[checks.Problem] = set()
        return config

    on_config = CombinedEvent(_offline_polyfill, _language_pass)

    def translate_theme(self, config) -> None:
        """Strings mkdocs.yml would give in one language only: the palette toggle, the heading
        permalink's title and the footer's licence line, from ctip/ui_strings.yml."""
        strings = strings_for(self.language)
        palettes = config.theme.get("palette") or []
        for palette in palettes if isinstance(palettes, list) else [palettes]:
            toggle = palette.get("toggle") or {}
            scheme = "palette.dark" if palette.get("scheme") == "default" else "palette.light"
            if toggle:
                toggle["name"] = strings[scheme]
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings["page.permalink"]
        edition = self.site.project.edition
        config.copyright = " ".join(
            [
                translate(
                    self.language,
                    "footer.edition",
                    version=edition.version,
                    date=edition.date.isoformat(),
                ),
                strings["footer.copyright"],
            ]
        )

    def on_env(self, env, config, files):
        """Templates compiled once per process, not again for every language pass and every
        rebuild of `mkdocs serve` (Jinja's bytecode cache; the templates' source is checked)."""
        if self.config.enabled:
            env.bytecode_cache = TEMPLATE_CACHE
        return env

    serving = False
    dirty = False

    def on_startup(self, *, command, dirty):
        # `mkdocs serve` adds its live-reload script, inline, to every page it serves.
        self.serving = command == "serve"
        # `serve --dirty` (scripts/serve --quick) rebuilds only the pages saved since the last
        # build; what the plugin learnt of the others is kept from build to build.
        self.dirty = dirty

    def on_serve(self, server, config, builder):
        """`mkdocs serve` notices a saved file within a tenth of a second rather than MkDocs'
        half-second polling: the server is made again with a shorter polling interval (a
        parameter of MkDocs' own LiveReloadServer), watching what `serve` watches. Polling the
        docs folder that often costs nothing; an editor sees the change ~0.3 s sooner."""
        if not self.config.enabled:
            return server
        host, port = server.server_address[:2]
        faster = LiveReloadServer(
            builder=builder,
            host=host,
            port=port,
            root=server.root,
            mount_path=server.mount_path,
            polling_interval=SERVE_POLLING_S,
        )
        faster.error_handler = server.error_handler
        faster.watch(config.docs_dir)
        if config.config_file_path:
            faster.watch(config.config_file_path)
        return faster

    def on_pre_build(self, config):
        if not self.config.enabled or self.i18n.building:
            return  # once per build, not again for each language
        self.site = Site.load(config.docs_dir, Path(config.config_file_path))
        if problems := checks.build_problems(self.site):
            raise PluginError(_refused(problems))

    # The language being built; static-i18n switches it between builds.
    @property
    def language(self) -> str:
        return self.i18n.current_language

    def language_links(self) -> dict[str, str]:
        if self.preview:
            return {self.preview: "/"}
        return {lang.locale: lang.link for lang in self.i18n.config.languages if lang.build}

    @property
    def preview(self) -> str | None:
        """The language of a one-language preview (scripts/serve --lang), else None.

        static-i18n's `build_only_locale` builds that language alone, at the root, as if it were
        the default: the project's default language still comes from mkdocs.yml (ctip.project),
        and the pages not translated yet are added back as fallbacks (on_files).
        """
        only = self.i18n.config.build_only_locale
        return only if only and only != self.site.default_language else None

    @event_priority(-200)  # after static-i18n has chosen this pass's files
    def on_files(self, files, config):
        if not self.config.enabled or not self.preview:
            return
        from mkdocs.structure.files import File
        from mkdocs_static_i18n.folder import create_i18n_file

        languages = [lang.locale for lang in self.i18n.config.languages]
        default = self.site.default_language
        for original in self.site.in_language(default):
            if self.site.page(self.preview, original.name) is not None:
                continue
            stand_in = File.generated(
                config, f"{self.preview}/{original.name}", abs_src_path=str(original.path)
            )
            file = create_i18n_file(stand_in, self.preview, self.preview, languages, config)
            file.abs_src_path = str(original.path)
            file.locale = default
            files.append(file)
        return files

    def on_page_content(self, html, page, config, files):
        """Content the page's render refused (ctip.markdown_ext records it, and writes it
        harmless): gathered from every page, the build then fails listing it all."""
        if not self.config.enabled:
            return
        model = self.site.at(Path(page.file.abs_src_path))
        rendered = model.rendered.get(self.language) if model else None
        for line, message in rendered.problems if rendered else ():
            self.refused.add(checks.Problem(model.display, line or model.body_line, message))
        return html

    def on_page_context(self, context, page, config, nav):
        if not self.config.enabled:
            return
        fallback = page.file.locale != self.language
        urls = self.fallback_urls.setdefault(self.language, set())
        if fallback:
            urls.add(self.strip_language(page.url))
            original = page.file.alternates.get(page.file.locale)
            if original is not None and config.site_url:
                page.canonical_url = urljoin(config.site_url, original.url)
        else:
            urls.discard(self.strip_language(page.url))
        context["ctip"] = self.template_values(fallback=fallback)
        original = page.file.alternates.get(self.site.default_language)
        context["ctip"]["original"] = original.url if original is not None else None
        context["ctip"]["page"] = self.page_data(page)
        context["ctip"]["downloads"] = downloads.for_page(
            self.site, self.site.at(Path(page.file.abs_src_path)), page, self.language, config
        )
        page.ctip_alternates = [] if fallback else self.alternates(page, config)
        return context

    def on_template_context(self, context, template_name, config):
        if not self.config.enabled:
            return
        context["ctip"] = self.template_values(fallback=False)
        return context

    def template_values(self, fallback: bool) -> dict:
        names = {lang.locale: lang.name for lang in self.i18n.config.languages}
        edition = self.site.project.edition
        return {
            "lang": self.language,
            "language_name": names.get(self.language, self.language),
            "fallback": fallback,
            "t": page_strings(self.language),
            "edition": {
                "course": edition.course,
                "version": edition.version,
                "date": edition.date.isoformat(),
            },
            "page": {},
        }

    def page_data(self, page) -> dict:
        """What the page's scripts need to know of it (the `__ctip` data of main.html)."""
        model = self.site.at(Path(page.file.abs_src_path))
        if model is None:
            return {}
        home = self.language_links()[self.language].lstrip("/")
        kind = "module" if model.is_module else model.name.split("/")[0].removesuffix(".md")
        return {
            "slug": model.slug,
            "kind": kind,
            "module": model.meta.get("module") if model.is_module else None,
            "title": page.title,
            "home": get_relative_url(home or ".", page.url).rstrip("/") + "/",
        }

    def alternates(self, page, config) -> list[tuple[str, str]]:
        """hreflang targets: the translations that exist, and x-default (the original); none
        without the address the site is published at (a preview, the offline edition)."""
        site_url = config.site_url
        links = []
        if not site_url:
            return links
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
        output = html_rewrite.replace_alternate_links(output, getattr(page, "ctip_alternates", []))
        return self.with_policy(output)

    def with_policy(self, html: str) -> str:
        """The Content Security Policy inside the page, for hosts that send no header."""
        if not self.config.content_security_policy:
            return html
        return html_rewrite.insert_after_charset(
            html, csp.meta(html, inline=self.offline or self.serving)
        )

    def on_post_template(self, output_content, template_name, config):
        if not self.config.enabled:
            return
        if template_name == "404.html":
            link = self.language_links()[self.language]
            output_content = html_rewrite.set_language_base(output_content, link)
            output_content = self.with_policy(html_rewrite.remove_alternate_links(output_content))
            self.error_pages[self.language] = output_content
        return output_content

    @event_priority(10)  # at the end of each language pass, before MkDocs' own strict check
    def _refuse(self, config):
        if self.config.enabled and self.refused:
            refused, self.refused = sorted(self.refused), set()
            raise PluginError(_refused(refused))

    @event_priority(-200)  # after static-i18n has built every language and merged the index
    def _finish(self, config):
        if not self.config.enabled or self.i18n.building:
            return
        site_dir = Path(config.site_dir)
        if not config.site_url:  # a sitemap lists absolute addresses: without one, none
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / name).unlink(missing_ok=True)
        links = self.language_links()
        for locale, html in self.error_pages.items():
            target = site_dir / links[locale].strip("/") / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        for locale in links:  # the strings of the trainer's views, loaded with them
            script = site_dir / VIEW_SCRIPTS / f"{locale}.js"
            script.parent.mkdir(parents=True, exist_ok=True)
            script.write_text(view_script(locale), encoding="utf-8")
        merged_path = site_dir / "search" / "search_index.json"
        if merged_path.exists():
            merged = json.loads(merged_path.read_text(encoding="utf-8"))
            settings = {
                locale: {key: value for key, value in dict(lang).items() if value}
                for locale, lang in self.config.search.items()
            }
            indexes = search_index.split_index(merged, links, settings, self.fallback_urls)
            search_index.write_indexes(site_dir, indexes, links, as_script=self.offline)
        if not self.dirty:  # Material's index, too, keeps the pages a dirty build skips
            self.fallback_urls = {}
        self.error_pages = {}

    on_post_build = CombinedEvent(_refuse, _finish)


def _refused(problems) -> str:
    return "content that cannot be published:\n" + "\n".join(str(p) for p in problems)
