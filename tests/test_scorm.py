"""The SCORM 1.2 packages (ctip export-scorm): manifest, files, pages, and the runtime in an LMS.

The runtime is driven in Chromium inside a test LMS (tests/lms/player.html) whose API is
scorm-again's SCORM 1.2 implementation, not a mock of our own: it checks the call order, the data
model's vocabulary, value formats and the length of cmi.suspend_data.
"""

import datetime
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT
from lxml import etree

from ctip import project as project_settings
from ctip.cli import main as cli_main
from ctip.pages import Site, course
from ctip.scorm import SCHEMA_FILES, build, manifest, suspend
from ctip.ui_strings import strings_for

LANGUAGES = ["en", "ru", "tk"]
NS = {"cp": manifest.IMSCP, "adlcp": manifest.ADLCP, "md": manifest.IMSMD}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# The site's navigation, language switcher, search and page-to-page links: not in an LMS frame.
ABSENT_FROM_LMS_PAGES = (
    "md-select",
    "hreflang",
    "md-search",
    "md-sidebar--primary",
    "md-nav--primary",
    "md-footer__link",
    "md-tabs",
)
QUESTIONS = """forms => forms.map(form => {
    const details = form.querySelector(".ctip-answer");
    const truefalse = details.querySelector("[data-answer]");
    return {
        id: form.dataset.questionId,
        kind: form.dataset.kind,
        key: truefalse
            ? [truefalse.dataset.answer === "true", truefalse.dataset.answer === "false"]
            : [...details.querySelectorAll("[data-correct]")].map(i => i.dataset.correct == "true"),
        order: [...form.querySelectorAll("fieldset input")].map(input => Number(input.value)),
    };
})"""


def modules(language):
    project = project_settings.load()
    return course(Site.load(project.docs_dir, project.config_file), language).modules


def read_manifest(zip_path: Path):
    with zipfile.ZipFile(zip_path) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml"))


# -- unit: the state's size, identifiers, the LMS configuration -----------------------------------


@pytest.mark.unit
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worst_case_quiz_state_fits_in_suspend_data(language):
    found = modules(language)
    assert found
    for module in found:
        worst = suspend.worst_case(module)
        assert len(worst) <= suspend.LIMIT, (module.slug, len(worst))
        # every question is in it, with every option chosen
        for quiz in module.page.quizzes:
            for question in quiz.questions:
                assert f"{question.id}." in worst
    length, _ = suspend.longest(found)
    assert length < suspend.LIMIT // 4  # ample room for longer quizzes in later editions


@pytest.mark.unit
def test_encoding_marks_options_by_authored_place():
    answers = {
        "q-b": suspend.Answer((0, 2), "multiple:1010"),
        "q-a": suspend.Answer((), "truefalse:01", shown=True),
        "q-c": suspend.Answer((1,), "scenario:010"),
    }
    text = suspend.encode("abc", {"m1": 2, "m2": 0}, answers)
    assert text == "1|abc|m1.2|q-a.!.t01,q-b.5.m1010,q-c.2.c010"


@pytest.mark.unit
def test_identifiers_are_stable_across_editions_and_valid_xml_ids():
    scos = [manifest.Sco("modules/first-module", "First", "modules/first-module.html", 80)]

    def ids(version, date):
        edition = project_settings.Edition("ctip-training", version, date)
        root = etree.fromstring(manifest.build("ctip-training", "ru", "T", edition, scos, ["a.js"]))
        found = [
            (e.tag, k, v) for e in root.iter() for k, v in e.attrib.items() if "identifier" in k
        ]
        return found, root.get("version")

    old, old_version = ids("2026.12", datetime.date(2026, 12, 1))
    new, new_version = ids("2027.06", datetime.date(2027, 6, 1))
    assert old == new and (old_version, new_version) == ("2026.12", "2027.06")
    assert all(NCNAME.match(value) for _, _, value in old)
    assert not any("2026" in value for _, _, value in old)


@pytest.mark.unit
def test_the_lms_build_inherits_the_site_configuration(tmp_path):
    import yaml

    project = project_settings.load()
    config = yaml.safe_load(build.lms_config(project, "ru", tmp_path).read_text(encoding="utf-8"))
    assert config["INHERIT"] == str(project.config_file)
    # the same Markdown, extension and output check, strict as the site
    assert "markdown_extensions" not in config and "strict" not in config
    names = [next(iter(entry)) for entry in config["plugins"]]
    assert "search" not in names and "offline" not in names
    assert "i18n" in names and "ctip" in names
    i18n = next(entry["i18n"] for entry in config["plugins"] if "i18n" in entry)
    assert i18n["build_only_locale"] == "ru"
    assert config["extra_javascript"][:3] == [
        build.LMS_SCRIPT,
        "assets/ctip/page.js",
        "assets/ctip/store.js",
    ]
    assert config["use_directory_urls"] is False and config["site_url"] is None
    assert config["extra"]["lms"] is True
    assert not [f for f in config["theme"]["features"] if f.startswith(("search.", "navigation.f"))]


@pytest.mark.unit
def test_the_command_needs_a_language_for_an_output(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_main(["export-scorm", "--output", "x.zip"])
    assert exit_.value.code == 2
    assert "--output needs --lang" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        cli_main(["export-scorm", "--help"])
    assert exit_.value.code == 0
    assert "SCORM 1.2" in capsys.readouterr().out


# -- build: the packages as files ------------------------------------------------------------------


@pytest.fixture(scope="module")
def schemas(scorm_packages, tmp_path_factory):
    """The schemas as the package carries them, and a copy that lxml can compile whole."""
    folder = tmp_path_factory.mktemp("schemas")
    with zipfile.ZipFile(scorm_packages["en"]) as archive:
        for name in SCHEMA_FILES:
            (folder / name).write_bytes(archive.read(name))
    patched = tmp_path_factory.mktemp("patched")
    for name in SCHEMA_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        if name == "ims_xml.xsd":  # the XML namespace as a default namespace: refused
            text = text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', "", 1)
        if name == "imsmd_rootv1p2p1.xsd":  # a non-deterministic content model: refused
            text = text.replace('namespace="##any"', 'namespace="##other"')
        (patched / name).write_text(text, encoding="utf-8")
    (patched / "all.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ctip">'
        f'<xsd:import namespace="{manifest.ADLCP}" schemaLocation="adlcp_rootv1p2.xsd"/>'
        f'<xsd:import namespace="{manifest.IMSMD}" schemaLocation="imsmd_rootv1p2p1.xsd"/>'
        "</xsd:schema>",
        encoding="utf-8",
    )
    return folder, patched


@pytest.mark.build
def test_which_schemas_lxml_compiles(schemas):
    folder, patched = schemas
    for name in ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"):
        etree.XMLSchema(etree.parse(str(folder / name)))
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(etree.parse(str(folder / "imsmd_rootv1p2p1.xsd")))
    etree.XMLSchema(etree.parse(str(patched / "imsmd_rootv1p2p1.xsd")))


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manifest_validates_against_the_scorm_schemas(scorm_packages, schemas, language):
    folder, patched = schemas
    root = read_manifest(scorm_packages[language])
    # imscp + adlcp as published; the metadata record against the patched metadata schema
    whole = etree.XMLSchema(etree.parse(str(patched / "all.xsd")))
    assert whole.validate(root), whole.error_log
    adlcp = etree.XMLSchema(etree.parse(str(folder / "adlcp_rootv1p2.xsd")))
    without_lom = etree.fromstring(etree.tostring(root))
    for lom in without_lom.iter(f"{{{manifest.IMSMD}}}lom"):
        lom.getparent().remove(lom)
    assert adlcp.validate(without_lom), adlcp.error_log
    # and the validation is real: a wrong scormtype fails
    broken = etree.fromstring(etree.tostring(without_lom))
    broken.find(".//cp:resource", NS).set(f"{{{manifest.ADLCP}}}scormtype", "page")
    assert not adlcp.validate(broken)


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_path_and_reference_resolves_inside_the_zip(scorm_packages, language):
    with zipfile.ZipFile(scorm_packages[language]) as archive:
        names = archive.namelist()
    assert "imsmanifest.xml" in names and set(SCHEMA_FILES) <= set(names)
    assert all("\\" not in n and not n.startswith("/") and ".." not in n.split("/") for n in names)
    root = read_manifest(scorm_packages[language])
    locations = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert set(locations[1::2]) <= set(names)
    resources = {r.get("identifier"): r for r in root.iterfind(".//cp:resource", NS)}
    listed = set()
    for resource in resources.values():
        for file in resource.iterfind("cp:file", NS):
            assert file.get("href") in names, file.get("href")
            listed.add(file.get("href"))
        if resource.get("href"):
            assert resource.get("href") in names
        for dependency in resource.iterfind("cp:dependency", NS):
            assert dependency.get("identifierref") in resources
    assert set(names) - listed == {"imsmanifest.xml", *SCHEMA_FILES}
    for item in root.iterfind(".//cp:item", NS):
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{{{manifest.ADLCP}}}scormtype") == "sco"
        deps = [d.get("identifierref") for d in sco.iterfind("cp:dependency", NS)]
        assert deps == [manifest.SHARED]
    shared = resources[manifest.SHARED]
    assert shared.get("type") == "webcontent"
    assert shared.get(f"{{{manifest.ADLCP}}}scormtype") == "asset"


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_organisation_and_one_item_per_module_in_the_language(scorm_packages, language):
    project = project_settings.load()
    root = read_manifest(scorm_packages[language])
    organisations = root.findall(".//cp:organization", NS)
    assert len(organisations) == 1
    org_title = organisations[0].findtext("cp:title", namespaces=NS)
    site_name = project.language(language).site_name or "Counter-Trafficking Training"
    assert site_name in org_title and project.edition.version in org_title
    assert root.get("version") == project.edition.version
    items = organisations[0].findall("cp:item", NS)
    expected = modules(language)
    assert [i.findtext("cp:title", namespaces=NS) for i in items] == [m.title for m in expected]
    assert [i.get("identifier") for i in items] == [manifest.item_id(m.slug) for m in expected]
    masteries = [i.findtext("adlcp:masteryscore", namespaces=NS) for i in items]
    assert masteries == [str(m.pass_mark) for m in expected]
    title = root.find(".//md:general/md:title/md:langstring", NS)
    assert title.text == org_title
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == language


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_module_pages_suit_an_lms_frame(scorm_packages, language):
    with zipfile.ZipFile(scorm_packages[language]) as archive:
        pages = {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".html")}
    assert pages and all(name.startswith("modules/") for name in pages)
    for name, html in pages.items():
        for absent in ABSENT_FROM_LMS_PAGES:
            assert absent not in html, (name, absent)
        assert 'class="md-sidebar md-sidebar--secondary"' in html  # the page's own contents
        scripts = re.findall(r'<script src="([^"]+)"', html)
        assert scripts.index("../assets/ctip/lms.js") < scripts.index("../assets/ctip/store.js")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert policy and "unsafe-inline" not in policy.group(1)
        fetched = re.findall(
            r'<(?:script|link|img|source|iframe)\b[^>]*(?:src|href)="([^"]+)"', html
        )
        assert not [url for url in fetched if re.match(r"^(?:[a-z]+:|//)", url)], name
        data = json.loads(re.search(r'<script id="__ctip"[^>]*>(.*?)</script>', html, re.S)[1])
        assert data["lang"] == language and data["page"]["kind"] == "module"


# -- browser: the runtime in a test LMS ----------------------------------------------------------


@pytest.fixture(scope="module")
def lms_url(scorm_packages, serve, tmp_path_factory):
    """One server: the test LMS at lms/, each language's package unpacked at <language>/."""
    root = tmp_path_factory.mktemp("lms")
    shutil.copytree(ROOT / "tests" / "lms", root / "lms")
    for language, path in scorm_packages.items():
        with zipfile.ZipFile(path) as archive:
            archive.extractall(root / language)
    return serve(root), root


def sco_hrefs(root: Path, language: str) -> list[str]:
    tree = etree.parse(str(root / language / "imsmanifest.xml"))
    resources = {r.get("identifier"): r.get("href") for r in tree.iterfind(".//cp:resource", NS)}
    return [resources[i.get("identifierref")] for i in tree.iterfind(".//cp:item", NS)]


class Lms:
    """The test LMS in a page, with one SCO in its frame."""

    def __init__(self, new_page, lms_url, language, href, query=""):
        self.base, self.root = lms_url
        self.language = language
        self.page, self.log = new_page()
        self.page.goto(f"{self.base}lms/player.html?sco=../{language}/{href}{query}")
        self.frame = self.page.frame_locator("#sco")
        self.ready()

    def ready(self):
        self.frame.locator(".ctip-quiz[data-ctip-ready]").first.wait_for()
        self.questions = self.frame.locator(".ctip-question").evaluate_all(QUESTIONS)
        self.pass_mark = int(self.frame.locator(".ctip-quiz").first.get_attribute("data-pass-mark"))

    def answer(self, index, places):
        form = self.frame.locator(".ctip-question").nth(index)
        for place in places:
            form.locator(f"fieldset input[value='{place}']").check()
        form.locator(".ctip-quiz__button--check").click()

    def right(self, index):
        return [p for p, right in enumerate(self.questions[index]["key"]) if right]

    def wrong(self, index):
        return [next(p for p, right in enumerate(self.questions[index]["key"]) if not right)]

    def leave(self, sessions):
        self.page.evaluate("leave()")
        self.page.wait_for_function(f"sessions.length === {sessions}")
        return self.page.evaluate("calls"), self.page.evaluate("sessions")[-1]

    def check_clean(self, calls):
        assert [c for c in calls if c["error"] != "0"] == []
        outside = [
            url
            for url in self.log.requests
            if not url.startswith((f"{self.base}{self.language}/", f"{self.base}lms/"))
        ]
        assert outside == [] and not self.log.failures and not self.log.errors, (
            outside,
            self.log.failures,
            self.log.errors,
        )
        from_frame = [u for u in self.log.requests if not u.startswith(f"{self.base}lms/")]
        assert all(u.startswith(f"{self.base}{self.language}/") for u in from_frame)


def set_values(calls, element):
    return [c["args"][1] for c in calls if c["name"] == "LMSSetValue" and c["args"][0] == element]


def expected_state(lms, seed, chosen: dict[int, list[int] | None]) -> str:
    answers = {}
    for index, places in chosen.items():
        question = lms.questions[index]
        sign = question["kind"] + ":" + "".join("1" if k else "0" for k in question["key"])
        answers[question["id"]] = suspend.Answer(tuple(places or ()), sign, shown=places is None)
    return suspend.encode(seed, {}, answers)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_all_right_reports_passed_with_score_100(new_page, lms_url, language):
    href = sco_hrefs(lms_url[1], language)[LANGUAGES.index(language)]
    lms = Lms(new_page, lms_url, language, href)
    for index in range(len(lms.questions)):
        lms.answer(index, lms.right(index))
    storage = lms.page.frames[1].evaluate(
        "Object.keys(localStorage).filter(key => key.startsWith('ctip/'))"
    )
    assert storage == []  # the state went to the LMS, not to the website's keys
    calls, session = lms.leave(1)
    names = [c["name"] for c in calls]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish"
    assert names.count("LMSInitialize") == 1 and names.count("LMSFinish") == 1
    assert set_values(calls, "cmi.core.lesson_status") == ["incomplete", "passed"]
    assert set_values(calls, "cmi.core.score.raw") == ["100"]
    assert set_values(calls, "cmi.core.score.min") == ["0"]
    assert set_values(calls, "cmi.core.score.max") == ["100"]
    passed_at = next(i for i, c in enumerate(calls) if c["args"][-1:] == ["passed"])
    assert "LMSCommit" in names[passed_at:-1]
    assert session["core"]["lesson_status"] == "passed"
    assert session["core"]["score"]["raw"] == "100"
    seed = session["suspend_data"].split("|")[1]
    everything = {i: lms.right(i) for i in range(len(lms.questions))}
    assert session["suspend_data"] == expected_state(lms, seed, everything)
    lms.check_clean(calls)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_wrong_answers_report_failed_with_the_score(new_page, lms_url, language):
    href = sco_hrefs(lms_url[1], language)[-1 - LANGUAGES.index(language)]
    lms = Lms(new_page, lms_url, language, href)
    total = len(lms.questions)
    right = total // 2
    for index in range(total):
        lms.answer(index, lms.right(index) if index < right else lms.wrong(index))
    calls, session = lms.leave(1)
    score = str(round(right / total * 100))
    assert set_values(calls, "cmi.core.score.raw") == [score]
    assert set_values(calls, "cmi.core.lesson_status") == ["incomplete", "failed"]
    assert session["core"]["lesson_status"] == "failed"
    assert session["core"]["score"]["raw"] == score
    assert session["core"]["exit"] == ""
    lms.check_clean(calls)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_reload_mid_quiz_restores_the_answers_from_suspend_data(new_page, lms_url, language):
    href = sco_hrefs(lms_url[1], language)[1 + LANGUAGES.index(language)]
    lms = Lms(new_page, lms_url, language, href)
    lms.answer(0, lms.right(0))
    lms.answer(1, lms.wrong(1))
    lms.frame.locator(".ctip-question").nth(2).locator(".ctip-quiz__button--show").click()
    before = lms.questions
    calls, session = lms.leave(1)
    assert session["core"]["lesson_status"] == "incomplete"
    assert session["core"]["exit"] == "suspend"
    seed = session["suspend_data"].split("|")[1]
    chosen = {0: lms.right(0), 1: lms.wrong(1), 2: None}
    assert session["suspend_data"] == expected_state(lms, seed, chosen)

    # an answer to a question that a new edition no longer has: dropped at the next launch
    lms.page.evaluate("sessions[0].suspend_data += ',gone-question.1.s10'")
    lms.page.evaluate("relaunch()")
    lms.page.wait_for_function("calls.filter(c => c.name === 'LMSInitialize').length === 2")
    lms.ready()
    forms = lms.frame.locator(".ctip-question")
    for index, places in chosen.items():
        assert "ctip-question--done" in forms.nth(index).get_attribute("class")
        checked = (
            forms.nth(index)
            .locator("fieldset input:checked")
            .evaluate_all("inputs => inputs.map(input => Number(input.value))")
        )
        assert sorted(checked) == (places or [])
    assert "ctip-question--done" not in forms.nth(3).get_attribute("class")
    # the same shuffle: the seed came back too
    assert [q["order"] for q in lms.questions] == [q["order"] for q in before]
    second = lms.page.evaluate("calls")[len(calls) :]
    restored = next(c for c in second if c["args"] == ["cmi.suspend_data"])["result"]
    assert restored == session["suspend_data"] + ",gone-question.1.s10"
    assert set_values(second, "cmi.suspend_data")[0] == session["suspend_data"]
    # finishing the quiz in the second session gives the result of all answers
    for index in range(3, len(lms.questions)):
        lms.answer(index, lms.right(index))
    calls, session = lms.leave(2)
    total = len(lms.questions)
    score = round((total - 2) / total * 100)
    assert session["core"]["score"]["raw"] == str(score)
    assert session["core"]["lesson_status"] == ("passed" if score >= lms.pass_mark else "failed")
    lms.check_clean(calls)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sco_opens_in_the_lms_and_reports_incomplete(new_page, lms_url, language):
    hrefs = sco_hrefs(lms_url[1], language)
    assert len(hrefs) == len(modules(language))
    lms = Lms(new_page, lms_url, language, hrefs[0])
    for number, href in enumerate(hrefs):
        if number:
            lms.page.evaluate(f"openSco('../{language}/{href}')")
            lms.page.wait_for_function(f"sessions.length === {number}")
            lms.ready()
        note = lms.page.frames[1].evaluate(
            "JSON.parse(document.getElementById('__ctip').textContent).t['lms.quiz_note']"
        )
        assert lms.frame.locator(".ctip-quiz__note").first.inner_text() == note
        external = lms.frame.locator(".md-content a[href^='https://']")
        if external.count():
            assert external.first.get_attribute("target") == "_blank"
    calls, _ = lms.leave(len(hrefs))
    statuses = set_values(calls, "cmi.core.lesson_status")
    assert statuses[0] == "incomplete"
    lms.check_clean(calls)


@pytest.fixture(scope="module")
def links_page(lms_url):
    """A copy of an English SCO with links of every kind in its content."""
    _, root = lms_url
    source = root / "en" / sco_hrefs(root, "en")[0]
    html = source.read_text(encoding="utf-8")
    links = (
        '<p id="links"><a href="trends-and-challenges.html">Trends</a> '
        '<a href="../glossary.html#t">Glossary</a> <a href="#quiz">Quiz</a> '
        '<a href="https://www.iom.int/">IOM</a></p>'
    )
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in html
    target = source.with_name("links-test.html")
    target.write_text(html.replace(marker, marker + links, 1), encoding="utf-8")
    return "modules/links-test.html"


@pytest.mark.browser
def test_links_in_an_lms_frame_stay_in_the_module(new_page, lms_url, links_page):
    lms = Lms(new_page, lms_url, "en", links_page)
    links = lms.frame.locator("#links")
    notes = links.locator(".ctip-lms-elsewhere").all_inner_texts()
    strings = lms.page.frames[1].evaluate(
        "JSON.parse(document.getElementById('__ctip').textContent).t"
    )
    assert notes == [
        "Trends " + strings["lms.other_module"],
        "Glossary " + strings["lms.not_in_package"],
    ]
    assert links.locator("a").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.target])"
    ) == [["#quiz", ""], ["https://www.iom.int/", "_blank"]]
    calls, _ = lms.leave(1)
    lms.check_clean(calls)


@pytest.mark.browser
def test_outside_an_lms_a_package_page_behaves_as_on_the_website(new_page, lms_url, links_page):
    base, _ = lms_url
    page, log = new_page()
    page.goto(f"{base}en/{links_page}")
    page.wait_for_selector(".ctip-quiz[data-ctip-ready]")
    assert page.locator("#links a").count() == 4  # no link rewritten
    violations = Axe().run(page)  # the LMS header and contents-only navigation too
    assert violations.violations_count == 0, violations.generate_report()
    note = page.locator(".ctip-quiz__note").first.inner_text()
    assert note == strings_for("en")["quiz.not_exam"]
    form = page.locator(".ctip-question").first
    form.locator(".ctip-quiz__button--show").click()
    question = form.get_attribute("data-question-id")
    keys = page.evaluate("Object.keys(localStorage)")
    assert f"ctip/ctip-training/2/quiz/{question}" in keys
    assert not log.failures and not log.errors, (log.failures, log.errors)
    assert all(url.startswith(f"{base}en/") for url in log.requests)


@pytest.mark.browser
def test_in_review_mode_nothing_is_written(new_page, lms_url):
    href = sco_hrefs(lms_url[1], "en")[0]
    lms = Lms(new_page, lms_url, "en", href, "&mode=review")
    lms.answer(0, lms.right(0))
    calls, session = lms.leave(1)
    assert [c["name"] for c in calls if c["name"] in ("LMSSetValue", "LMSCommit")] == []
    assert [c["name"] for c in calls][:: len(calls) - 1] == ["LMSInitialize", "LMSFinish"]
    assert session["suspend_data"] == ""
    lms.check_clean(calls)


@pytest.mark.build
def test_the_lms_build_refuses_what_the_site_refuses(tmp_path):
    """The package's pages run on the LMS's own origin: the output check applies to them too."""
    import yaml

    docs = tmp_path / "docs" / "en" / "modules"
    docs.mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "unsafe.md").write_text(
        "---\ntitle: Unsafe\nmodule: 1\n---\n\n# Unsafe\n\n<script>alert(1)</script>\n",
        encoding="utf-8",
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "INHERIT": str(ROOT / "mkdocs.yml"),
                "docs_dir": str(tmp_path / "docs"),
                "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
                "nav": ["index.md", "modules/unsafe.md"],
            }
        ),
        encoding="utf-8",
    )
    project = project_settings.load(config)
    with pytest.raises(build.BuildError) as error:
        build.build_language(project, "en", tmp_path)
    assert "docs/en/modules/unsafe.md" in str(error.value) and "<script>" in str(error.value)
