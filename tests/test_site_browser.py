"""The real site in Chromium: own-host requests only, no errors, switcher, accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from html_helpers import LANGUAGES, pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(site, serve):
    return serve(site)


def page_urls(site, site_url, language):
    return [
        site_url + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in pages(site, language)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_request_nothing_from_other_hosts_and_load_cleanly(
    new_page, site, site_url, language
):
    page, log = new_page()
    for url in page_urls(site, site_url, language) + [f"{site_url}{LANGUAGES[language]}404.html"]:
        page.goto(url)  # returns after the load event, when Material has made its requests
    foreign = [url for url in log.requests if not url.startswith(site_url)]
    assert foreign == []
    assert log.failures == [] and log.errors == [], (log.failures, log.errors)


@pytest.mark.parametrize(("start", "target"), [("en", "ru"), ("ru", "tk"), ("tk", "en")])
def test_language_switcher_lands_on_the_same_page(new_page, site_url, start, target):
    page, log = new_page()
    page.goto(f"{site_url}{LANGUAGES[start]}privacy/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}{LANGUAGES[target]}privacy/"
    assert page.locator("html").get_attribute("lang") == target
    assert log.failures == [] and log.errors == []


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]
    ]


@pytest.fixture(scope="module")
def fallback_url(search_site, serve):
    return serve(search_site)


TEMPLATES = ["", "privacy/", "modules/", "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violations_on_any_template(
    new_page, site, site_url, fallback_url, language, scheme
):
    page, _ = new_page(color_scheme=scheme)
    module_pages = [
        path
        for path in pages(site, language)
        if "modules" in path.parts and path.parent.name != "modules"
    ]
    urls = [f"{site_url}{LANGUAGES[language]}{template}" for template in TEMPLATES]
    urls.append(site_url + module_pages[0].relative_to(site).as_posix().removesuffix("index.html"))
    if language != "en":
        urls.append(f"{fallback_url}{LANGUAGES[language]}only-english/")
    for url in urls:
        page.goto(url)
        assert axe_violations(page) == [], url


def test_no_axe_violations_on_a_phone(new_page, site_url):
    page, _ = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    for language in LANGUAGES.values():
        page.goto(f"{site_url}{language}privacy/")
        assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_loads_only_when_the_reader_searches(new_page, site_url, language):
    page, log = new_page()
    page.goto(f"{site_url}{LANGUAGES[language]}privacy/")
    page.wait_for_function("() => !!document.querySelector('.md-search__input')")
    assert [url for url in log.requests if "search_index" in url] == []
    index = f"{site_url}{LANGUAGES[language]}search/search_index.json"
    with page.expect_request(index):
        page.locator("input.md-search__input").focus()
    assert [url for url in log.requests if "search_index" in url] == [index]
