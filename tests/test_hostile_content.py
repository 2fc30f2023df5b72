"""Hostile content from a pull request: every case is named `path:line` by the content check AND
by the build, and what the build wrote is inert in a browser (a canary no payload may set).

Cases come from the families of issue 9, the OWASP XSS filter evasion cheat sheet and the test
suites of HTML sanitisers (ammonia, DOMPurify): script and event handlers however spelt,
`javascript:` and `data:` URLs behind entities, tabs, case and spaces, elements that load or
embed, mutation XSS, and the same in front matter, quiz text, the term base, nav titles, an HTML
file and SVG images.
"""

import shutil
import textwrap

import pytest
import yaml
from conftest import FIXTURES, ROOT, SITE_URL, run_mkdocs

from ctip import checks

CANARY = "ctipCanary=1"
# (name, Markdown); each lands on its own line(s) of docs/en/hostile.md, and the line of its
# first line is what must be reported (the second line for the multi-line tag).
BODY = [
    ("script tag", f"<script>{CANARY}</script>"),
    ("img onerror on the tag's second line", f'<img src="x"\nonerror="{CANARY}">'),
    ("img onerror, unquoted (Markdown writes it as text)", f"<img src=x onerror={CANARY}>"),
    ("link scheme as an entity", f"[a](jav&#x61;script:{CANARY})"),
    ("link scheme with decimal entities", f"[b](&#106;avascript:{CANARY})"),
    ("link scheme with a tab entity", f'<a href="jav&#x09;ascript:{CANARY}">c</a>'),
    ("named entity colon", f'<a href="javascript&colon;{CANARY}">d</a>'),
    ("mixed case scheme", f'<a href="JaVaScRiPt:{CANARY}">e</a>'),
    ("leading space in the URL", f'<a href=" javascript:{CANARY}">f</a>'),
    ("data: text/html link", "[g](data:text/html;base64,PHNjcmlwdD5jdGlwQ2FuYXJ5PTE8L3NjcmlwdD4=)"),
    ("vbscript link", "[h](vbscript:msgbox(1))"),
    ("angle-bracket link", f"[i](<javascript:{CANARY}>)"),
    ("reference link", "[j][evil]\n\n[evil]: javascript:ctipCanary=1"),
    ("attr_list handler on a paragraph", f'Para with a handler.\n{{: onclick="{CANARY}" }}'),
    ("attr_list handler on a link", f'[k](https://example.org/){{ onmouseover="{CANARY}" }}'),
    ("iframe", '<iframe src="https://example.org/"></iframe>'),
    ("iframe srcdoc", f'<iframe srcdoc="<script>{CANARY}</script>"></iframe>'),
    ("object", '<object data="https://example.org/x.swf"></object>'),
    ("embed", '<embed src="https://example.org/x.swf">'),
    ("form", f'<form action="javascript:{CANARY}"><button>Send</button></form>'),
    ("base", '<base href="https://example.org/">'),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://example.org/">'),
    ("style element", "<style>body { background: url(https://example.org/x.png) }</style>"),
    ("style attribute", '<div style="background:url(https://example.org/x.png)">l</div>'),
    ("inline svg onload", f'<svg onload="{CANARY}"></svg>'),
    ("details ontoggle", f"<details open ontoggle={CANARY}><summary>m</summary></details>"),
    ("input autofocus onfocus", f'<input autofocus onfocus="{CANARY}">'),
    ("video source onerror", f"<video><source onerror={CANARY}></video>"),
    (
        "noscript mutation",
        f'<noscript><p title="</noscript><img src=x onerror={CANARY}>"></noscript>',
    ),
    (
        "math mutation",
        f"<math><mtext><table><mglyph><style><img src=x onerror={CANARY}>"
        "</style></mglyph></table></mtext></math>",
    ),
    ("comment hiding a tag", f"<!--<img src=x onerror={CANARY}>-->"),
    ("image from another host", "![n](https://example.org/track.png)"),
    ("protocol-relative image", "![o](//example.org/track.png)"),
    ("data: image (authors' images are files)", "![r](data:image/svg+xml;base64,PHN2Zy8+)"),
    ("backslash host link", '<a href="\\\\example.org/">p</a>'),
    ("plain http link", "[q](http://example.org/)"),
    ("textarea", f"<textarea><img src=x onerror={CANARY}></textarea>"),
    ("reserved id (clobbering)", "Text.\n{: #__config }"),
]
QUIZ = [  # inside a quiz: question text, option text, feedback, explanation
    ("question text", f'Which? <img src="x" onerror="{CANARY}">'),
    (
        "option text",
        f'- [x] Right <b onmouseover="{CANARY}">b</b>\n    Because it is the right one.',
    ),
    ("option feedback", f"- [ ] Wrong\n    See [this](javascript:{CANARY}) for why it is wrong."),
    ("explanation", f"> Because <script>{CANARY}</script> it is."),
]


# Where the line reported is not the case's first: the handler's line, the definition's line.
SHIFT = {
    "img onerror on the tag's second line": 1,
    "reference link": 2,
    "attr_list handler on a paragraph": 1,
    "reserved id (clobbering)": 1,
}


def hostile_page() -> tuple[str, dict[str, int]]:
    """docs/en/hostile.md and the line of each case."""
    lines = ["---", "title: Hostile", "description: Cases.", "---", "", "# Hostile", ""]
    where = {}
    for name, markdown in BODY:
        where[name] = len(lines) + 1 + SHIFT.get(name, 0)
        lines += [*markdown.split("\n"), ""]
    lines += ["/// quiz", "    id: h", "", "/// question | single", "    id: h-one", ""]
    where["question text"] = len(lines) + 1
    lines += [QUIZ[0][1], ""]
    where["option text"] = len(lines) + 1
    lines += QUIZ[1][1].split("\n")
    where["option feedback"] = len(lines) + 2
    lines += QUIZ[2][1].split("\n")
    lines += ["- [ ] Also wrong", "    It is wrong for a reason.", ""]
    where["explanation"] = len(lines) + 1
    lines += [QUIZ[3][1], "///", "", "///", ""]
    return "\n".join(lines), where


def plant_page(root) -> dict[str, int]:
    docs = root / "docs"
    shutil.copytree(FIXTURES / "search" / "docs", docs)
    text, where = hostile_page()
    (docs / "en" / "hostile.md").write_text(text, encoding="utf-8")
    return {f"docs/en/hostile.md:{line}": name for name, line in where.items()}


def plant_files(root) -> dict[str, str]:
    """Cases outside Markdown bodies; returns {path:line: name}."""
    docs = root / "docs"
    shutil.copytree(FIXTURES / "search" / "docs", docs)
    (docs / "en" / "front.md").write_text(
        f"---\ntitle: <img src=x onerror={CANARY}>\ndescription: x\n---\n\n# Front\n",
        encoding="utf-8",
    )
    (docs / "en" / "front2.md").write_text(
        f"---\ntitle: Front two\ndescription: <script>{CANARY}</script>\n---\n\n# Front 2\n",
        encoding="utf-8",
    )
    (docs / "termbase.yml").write_text(
        textwrap.dedent(
            f"""\
            - id: hostile
              abbr: {{en: "HST", ru: null, tk: null}}
              term: {{en: "hostile", ru: "враждебный", tk: "duşman"}}
              definition:
                en: "A term <img src=x onerror={CANARY}>"
                ru: "Термин"
                tk: "Adalga"
            """
        ),
        encoding="utf-8",
    )
    (docs / "en" / "evil.html").write_text(f"<script>{CANARY}</script>\n", encoding="utf-8")
    svgs = {
        "onload.svg": f'<svg xmlns="http://www.w3.org/2000/svg"\n  onload="{CANARY}"/>\n',
        "script.svg": f'<svg xmlns="http://www.w3.org/2000/svg">\n<script>{CANARY}</script>\n</svg>\n',
        "foreign.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<foreignObject/>\n</svg>\n',
        "external.svg": (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '\n<use xlink:href="https://example.org/x.svg#a"/>\n</svg>\n'
        ),
    }
    for name, text in svgs.items():
        (docs / "en" / name).write_text(text, encoding="utf-8")
    (docs / "en" / "photo.png").write_text(f"<script>{CANARY}</script>", encoding="utf-8")
    (docs / "en" / "app.js").write_text(f"{CANARY};\n", encoding="utf-8")
    nav = {"nav": [{f"<img src=x onerror={CANARY}>": "index.md"}, "help.md", "only-english.md"]}
    config = {"INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(docs), **nav}
    config["theme"] = {"name": "material", "custom_dir": str(ROOT / "overrides")}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    nav_line = next(n for n, line in enumerate(lines, 1) if "<img" in line)
    return {
        "docs/en/front.md:2": "front matter title",
        "docs/en/front2.md:3": "front matter description",
        "docs/termbase.yml:5": "term base definition",
        "docs/en/evil.html:1": "an HTML file",
        "docs/en/onload.svg:1": "SVG onload",
        "docs/en/script.svg:2": "SVG script",
        "docs/en/foreign.svg:2": "SVG foreignObject",
        "docs/en/external.svg:2": "SVG external reference",
        "docs/en/photo.png:1": "an image that is not one (HTML named .png)",
        "docs/en/app.js:1": "a script file",
        f"mkdocs.yml:{nav_line}": "nav title",
    }


def build(root):
    config = root / "mkdocs.yml"
    if not config.exists():
        config.write_text(
            yaml.safe_dump(
                {
                    "INHERIT": str(ROOT / "mkdocs.yml"),
                    "docs_dir": str(root / "docs"),
                    "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
                    "nav": ["index.md", "help.md", "only-english.md", "hostile.md"],
                }
            ),
            encoding="utf-8",
        )
    return run_mkdocs(
        "build", "--strict", "-f", str(config), "-d", str(root / "site"), env={"SITE_URL": SITE_URL}
    )


def named(cases: dict[str, str], report: str) -> list[str]:
    """The cases a report does not name (those Markdown itself writes as text aside: they are
    inert, as test_what_the_build_wrote_is_inert shows)."""
    return [
        f"{where} ({name})"
        for where, name in cases.items()
        if f"{where}:" not in report and "writes it as text" not in name
    ]


@pytest.fixture(scope="module")
def page_cases(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-page")
    cases = plant_page(root)
    return root, cases, build(root)


@pytest.fixture(scope="module")
def file_cases(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-files")
    cases = plant_files(root)
    return root, cases, build(root)


@pytest.mark.build
def test_there_are_at_least_thirty_cases(page_cases, file_cases):
    assert len(page_cases[1]) + len(file_cases[1]) >= 30


@pytest.mark.build
def test_the_check_names_every_case_in_a_page(page_cases):
    root, cases, _ = page_cases
    report = "\n".join(str(p) for p in checks.check(root) if not p.warning)
    assert named(cases, report) == [], report


@pytest.mark.build
def test_the_build_names_every_case_in_a_page_and_fails(page_cases):
    _, cases, result = page_cases
    assert result.returncode != 0
    assert named(cases, result.stderr) == [], result.stderr


@pytest.mark.build
def test_the_check_names_every_case_outside_pages(file_cases):
    root, cases, _ = file_cases
    report = "\n".join(str(p) for p in checks.check(root) if not p.warning)
    assert named(cases, report) == [], report


@pytest.mark.build
def test_the_build_names_every_case_outside_pages_and_fails(file_cases):
    _, cases, result = file_cases
    assert result.returncode != 0
    assert named(cases, result.stderr) == [], result.stderr
    assert not (file_cases[0] / "site" / "index.html").exists()  # refused before building


@pytest.mark.browser
def test_what_the_build_wrote_is_inert(page_cases, serve, new_page):
    """The failed build still wrote its pages (neutralised): load, hover, click everything."""
    root, _, _ = page_cases
    url = serve(root / "site") + "hostile/"
    page, log = new_page()
    page.goto(url)
    loaded = list(log.requests)
    targets = page.locator(
        ".md-content a, .md-content button, .md-content summary, .md-content img"
    )
    for index in range(targets.count()):
        target = targets.nth(index)
        if target.is_visible():
            target.hover()
            target.click(no_wait_after=True, modifiers=["Alt"])  # Alt: no new tab, no navigation
        if page.url != url:
            page.goto(url)
    assert page.evaluate("() => window.ctipCanary") is None
    assert [request for request in loaded if not request.startswith(url.split("hostile")[0])] == []
