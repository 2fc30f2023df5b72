from mkdocs.config import config_options as c
from mkdocs.config.base import Config

PIPELINE_FUNCTIONS = ("stemmer", "stopWordFilter", "trimmer")


class SearchLanguage(Config):
    """lunr settings of one language's search index (Material's search worker reads them)."""

    lang = c.ListOfItems(c.Type(str))
    pipeline = c.ListOfItems(c.Choice(PIPELINE_FUNCTIONS), default=["trimmer"])
    separator = c.Type(str, default=r"[\s\-]+")


class CtipConfig(Config):
    enabled = c.Type(bool, default=True)
    # Per-language search settings, keyed by locale; a language without an entry searches
    # with lunr's English settings.
    search = c.DictOfItems(c.SubConfig(SearchLanguage), default={})
    # A <meta> Content Security Policy in every page (ctip.safety.csp).
    content_security_policy = c.Type(bool, default=True)
    # The polyfill the offline edition needs instead of the CDN copy Material would link.
    offline_worker_shim = c.Type(str, default="assets/vendor/iframe-worker/shim.js")
