"""Keyboard readers: Tab and Shift+Tab through a module page at desktop and phone widths. No
focused element is covered by the sticky header or anything else, none is off-screen, the closed
phone menu is never reached, and the skip link works."""

import pytest

pytestmark = pytest.mark.browser

FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    // A link that wraps has one box per line: the point tested is in its first line's box.
    const first = el.getClientRects()[0] || box;
    const x = Math.min(Math.max(first.left + Math.min(first.width, 20) / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max(first.top + Math.min(first.height, 20) / 2, 1), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const seen = (node) => {
        for (; node && node !== document.documentElement; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.opacity === "0" || style.visibility === "hidden") return false;
        }
        return true;
    };
    return {
        what: el.outerHTML.slice(0, 80),
        visible: box.width > 0 && box.height > 0,
        onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
        covered: !!top && seen(top) && top !== el && !el.contains(top) && !top.contains(el)
            && !(el.labels && [...el.labels].some(label => label.contains(top))),
        inDrawer: !!el.closest(".md-sidebar--primary"),
    };
}"""


SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


@pytest.fixture(scope="module")
def url(site, serve):
    return serve(site) + "ru/modules/identifying-victims/"


# From the top: Tab, then back a little. From the end of the page: Shift+Tab up through the
# quiz, its buttons and the headings' links, where the sticky header would hide them.
KEYS = {"down": ["Tab"] * 100 + ["Shift+Tab"] * 40, "up": ["Shift+Tab"] * 140}
LAST_STOP = """() => [...document.querySelectorAll("a[href], button, input, select, summary")]
    .filter(el => el.getClientRects().length && !el.closest(".md-sidebar--primary"))
    .pop().focus()"""


@pytest.mark.parametrize("direction", KEYS)
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 740}], ids=str
)
def test_every_focus_stop_is_seen(new_page, url, viewport, direction):
    page, log = new_page(viewport=viewport)
    page.goto(url)
    if direction == "up":
        page.evaluate(LAST_STOP)
    phone = viewport["width"] < 500
    problems, stops = [], 0
    for key in KEYS[direction]:
        page.keyboard.press(key)
        page.wait_for_function(SETTLED)  # menus that close on blur fade out first
        focus = page.evaluate(FOCUS)
        if focus is None or not focus["visible"]:
            continue
        stops += 1
        if not focus["onScreen"] or focus["covered"] or (phone and focus["inDrawer"]):
            problems.append((key, focus))
    assert stops > 80
    assert problems == []
    assert log.errors == []


def test_the_skip_link_moves_to_the_content(new_page, url):
    page, _ = new_page()
    page.goto(url)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.length > 1")
    target = page.evaluate("() => location.hash.slice(1)")
    assert page.locator(f'[id="{target}"]').is_visible()
