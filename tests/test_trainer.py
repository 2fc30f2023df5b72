"""The trainer toolkit without a browser: schedules from timings, the content check's rules for
timings and the trainer's blocks, and the built pages (notes hidden and out of search, the
trainer's page, the default schedules)."""

import json
import re

import pytest
from conftest import FIXTURES, ROOT
from html_helpers import LANGUAGES, find, parse
from test_checks import page_with, problems

from ctip import checks
from ctip.pages import Site, course
from ctip.pages.render import render
from ctip.trainer import schedule as plan

TRAINER_DOCS = FIXTURES / "trainer" / "docs"
# A word in every facilitator note of the fixture, one per language: never to be found.
NOTE_WORDS = {"en": "Kelpiecheck", "ru": "Кельпипроверка", "tk": "Kelpibarlag"}


def fixture_course(language):
    site = Site.load(TRAINER_DOCS)
    return site, course(site, language)


@pytest.mark.unit
@pytest.mark.parametrize("language", LANGUAGES)
def test_schedule_sums_match_front_matter(language):
    site, view = fixture_course(language)
    assert [module.slug for module in view.modules] == ["modules/alpha", "modules/beta"]
    for module in view.modules:
        one = plan.module_schedule(site, module)
        meta = module.page.meta
        assert one.by_section
        assert (one.teaching, one.exercises, one.pause) == (
            meta["teaching"],
            meta["exercises"],
            meta.get("break", 0),
        )
        assert one.total == meta["duration"]
        starts = [row.start for row in one.rows]
        assert starts == [sum(row.minutes for row in one.rows[:i]) for i in range(len(one.rows))]
        titles = plan.section_titles(site, module.page)
        assert all(row.section == titles[row.anchor] for row in one.rows if row.anchor)
    (path,) = view.paths
    beta, alpha = plan.sequence(site, plan.path_modules(view, path))
    assert (beta.start, beta.end, alpha.start, alpha.end) == (0, 70, 70, 130)
    assert plan.clock(alpha.start) == "01:10"


@pytest.mark.unit
def test_a_break_comes_after_a_whole_section_nearest_the_middle():
    site, view = fixture_course("en")
    rows = plan.module_schedule(site, view.module("modules/beta")).rows
    kinds = [(row.kind, row.anchor, row.start) for row in rows]
    assert kinds[2:5] == [
        ("exercises", "a-private-space", 25),
        ("break", None, 35),
        ("teaching", "interpreters", 45),
    ]


@pytest.mark.unit
def test_turkmen_ordinals():
    assert [plan.ordinal("tk", n) for n in (1, 3, 6, 9, 10, 12, 20, 30, 100)] == [
        "1-nji", "3-nji", "6-njy", "9-njy", "10-njy", "12-nji", "20-nji", "30-njy", "100-nji"
    ]  # fmt: skip
    assert plan.ordinal("ru", 6) == "6"


@pytest.mark.unit
def test_section_anchors_and_titles_are_those_of_the_rendered_pages():
    """Schedules name sections without rendering pages: they must agree with the render."""
    for docs in (ROOT / "docs", TRAINER_DOCS):
        site = Site.load(docs)
        modules = [page for page in site.pages if page.is_module]
        for page in sorted(modules, key=lambda page: page.language != "en"):
            render(site, page, page.language)
            toc = page.rendered[page.language].toc
            rendered = {anchor: text for level, anchor, text in toc if level == 2}
            assert plan.section_titles(site, page) == rendered, page.display


# -- the content check -----------------------------------------------------------------------

MODULE = """\
---
title: M
description: A module.
module: 1
audiences: [ngo]
duration: 30
teaching: 20
exercises: 10
last_reviewed: 2026-11-20
sections:
  - anchor: first
    teaching: 20
    exercises: 10
    activity: discussion
---

# M

## First

Text.
"""


@pytest.mark.unit
@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    teaching: 20\n    exercises: 10\n", "    teaching: 20\n", "10: 'sections' add up to "
         "0 minutes of exercises, the module says 10"),
        ("  - anchor: first\n", "  - anchor: firts\n", "11: 'sections': 'firts' is not the anchor "
         "of a heading of this page"),
        ("    teaching: 20\n    exercises: 10\n", "    teaching: twenty\n    exercises: 10\n",
         "12: 'sections': teaching of 'first' must be whole minutes"),
        ("    activity: discussion\n", "    activity: debate\n", "14: 'sections': unknown "
         "activity 'debate'; use one of: scenario, discussion, quiz, role-play, case-study"),
        ("    activity: discussion\n", "    minutes: 30\n", "14: 'sections': unknown key "
         "'minutes' in the entry of 'first'; use: anchor, teaching, exercises, activity"),
        ("    teaching: 20\n    exercises: 10\n    activity: discussion\n", "    activity: quiz\n",
         "11: 'sections': 'first' has no timing (teaching or exercises minutes)"),
        ("last_reviewed", "break: ten\nlast_reviewed", "9: 'break' is minutes, a whole number "
         "(e.g. 10): or leave it out"),
        ("  - anchor: first\n", "  - teaching: 0\n  - anchor: first\n", "11: 'sections': an entry "
         "has no 'anchor' (the English anchor of a heading)"),
    ],
)  # fmt: skip
def test_timing_mistakes_are_reported_with_their_line(tmp_path, old, new, message):
    found = problems(tmp_path, {"en/modules/m.md": MODULE.replace(old, new, 1)})
    assert f"docs/en/modules/m.md:{message}" in found, found


@pytest.mark.unit
def test_a_module_without_section_timings_is_refused(tmp_path):
    text = re.sub(r"sections:\n(  .*\n)+", "", MODULE)
    problems(tmp_path, {"en/modules/m.md": text})
    found = [str(p) for p in checks.check(tmp_path)]
    assert (
        "docs/en/modules/m.md:1: front matter needs 'sections': the minutes of each section "
        "(- anchor: ..., teaching: N, exercises: N), for the trainer's schedule"
    ) in found
    warnings = [str(p) for p in checks.check(tmp_path) if p.warning]
    assert (
        "docs/en/modules/m.md:12: warning: module has 0 authored slides ('/// slide | Title'); "
        "its presentation needs 10 to 20"
    ) in warnings


@pytest.mark.unit
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("/// slide\n- a point\n///\n", "23: a slide needs a title: '/// slide | Title'"),
        ("/// slide | A\n    show: all\n- a point\n///\n",
         "24: 'show: all': a slide's 'show' can only be 'page'"),
        ("/// slide | A\n    notes: yes\n- a point\n///\n",
         "24: unknown option 'notes' in a slide's header; a slide takes only 'show: page'"),
        ("/// slide | A\n/// slide | B\n///\n///\n",
         "24: a slide cannot be inside another slide: close the first one with '///'"),
        ("/// facilitator\n/// slide | A\n///\n///\n", "24: a slide cannot be inside a "
         "facilitator block"),
        ("/// facilitator | Notes\n    for: trainers\nText.\n///\n",
         "24: a facilitator block takes no options ('for' found)"),
        ("/// facilitator\n/// facilitator\n///\n///\n", "24: a facilitator block cannot be "
         "inside another facilitator block"),
        ("/// slide | A\n- a point\n", "23: '/// slide' opened here is never closed: add a line "
         "with only '///'"),
        ("/// schedule\n    module: nowhere\n///\n", "24: '/// schedule': there is no module "
         "'nowhere'"),
        ("/// schedule\n    path: nowhere\n///\n", "24: '/// schedule': there is no learning "
         "path 'nowhere'"),
        ("/// schedule\n    module: m\n    path: p\n///\n", "23: '/// schedule' shows one module "
         "or one path: give 'module' or 'path'"),
        ("/// schedule\n    modul: m\n///\n", "24: unknown option 'modul' in the header of "
         "'/// schedule'; use 'module: NAME' or 'path: NAME'"),
        ("/// trainer-notes\nText.\n///\n", "23: '/// trainer-notes' takes no header and no "
         "content: write it as two lines"),
    ],
)  # fmt: skip
def test_trainer_block_mistakes_are_reported_with_their_line(tmp_path, body, message):
    found = problems(tmp_path, {"en/modules/m.md": MODULE + "\n" + body})
    assert f"docs/en/modules/m.md:{message}" in found, found


@pytest.mark.unit
def test_slides_and_schedules_outside_modules(tmp_path):
    text = page_with("\n/// slide | A\n- a point\n///\n\n/// schedule\n///\n")
    assert problems(tmp_path, {"en/index.md": text}) == [
        "docs/en/index.md:10: slides are presented from module pages only; this page is not a "
        "module",
        "docs/en/index.md:14: '/// schedule' on this page needs 'module: NAME' or 'path: NAME'",
    ]


@pytest.mark.unit
def test_the_trainer_fixture_passes_the_check():
    assert [str(p) for p in checks.check(TRAINER_DOCS.parent) if not p.warning] == []


@pytest.mark.unit
def test_the_build_refuses_an_untitled_slide(tmp_path):
    problems(tmp_path, {"en/modules/m.md": MODULE + "\n/// slide\nText.\n///\n"})
    refused = checks.build_problems(Site.load(tmp_path / "docs"))
    assert [str(p) for p in refused] == [
        "docs/en/modules/m.md:23: a slide needs a title: '/// slide | Title'"
    ]


# -- the built fixture -----------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_notes_are_hidden_and_out_of_every_search_index(trainer_site, language):
    root = trainer_site / LANGUAGES[language]
    for name in ("alpha", "beta"):
        elements = parse(root / "modules" / f"{name}.html")
        notes = find(elements, "aside", class_="ctip-facilitator")
        assert notes and all("hidden" in note for note in notes)
        panel = find(elements, "aside", class_="ctip-trainer-panel")
        assert len(panel) == 1 and "hidden" in panel[0] and "data-search-exclude" in panel[0]
    script = (root / "search" / "search_index.js").read_text(encoding="utf-8")
    data = json.loads(script[script.index("{") : script.rindex("}") + 1])
    index = " ".join(doc["title"] + " " + doc["text"] for doc in data["docs"])
    for word in NOTE_WORDS.values():
        assert word not in index
    assert re.search(r"[Ii]ndicator|[Ии]ндикатор|[Gg]örkeziji", index)


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_trainers_page_gathers_every_note_with_a_link_back(trainer_site, language):
    root = trainer_site / LANGUAGES[language]
    page = root / "trainer" / "index.html"
    html = page.read_text(encoding="utf-8")
    notes = html[html.index('<div class="ctip-notes"') :]
    site, view = fixture_course(language)
    expected = sum(len(module.facilitator) for module in view.modules)
    assert notes.count('class="ctip-notes__note" data-search-exclude') == expected == 5
    assert notes.count(NOTE_WORDS[language]) == expected
    links = re.findall(r'class="ctip-notes__where"> — <a href="([^"]+)"', notes)
    assert len(links) == expected
    for link in links:
        target, _, anchor = link.partition("#")
        built = (page.parent / target).resolve()
        assert built.is_file(), link
        assert not anchor or f'id="{anchor}"' in built.read_text(encoding="utf-8"), link


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_planner_shows_every_default_schedule_without_javascript(trainer_site, language):
    html = (trainer_site / LANGUAGES[language] / "trainer" / "planner.html").read_text("utf-8")
    for anchor in ("schedule-paths-first", "schedule-modules-alpha", "schedule-modules-beta"):
        assert f'id="{anchor}"' in html
    assert re.search(r'<form class="ctip-planner__form" hidden', html)
    # The learning path: beta (70 minutes with its break), then alpha from 01:10 to 02:10.
    path = html[html.index('id="schedule-paths-first"') : html.index('id="schedules-modules"')]
    times = re.findall(r'class="ctip-schedule__time" data-offset="(\d+)">([\d:]+)<', path)
    assert times[0] == ("0", "00:00")
    assert ("70", "01:10") in times and times[-1] == ("130", "02:10")
    assert path.count('data-kind="break"') == 1


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_learning_path_page_has_its_schedule_for_trainers(trainer_site, language):
    page = trainer_site / LANGUAGES[language] / "paths" / "first.html"
    html = page.read_text(encoding="utf-8")
    opening = re.search(r'<aside [^>]*class="ctip-trainer-panel"[^>]*>', html)
    assert 'hidden=""' in opening.group() and "data-search-exclude" in opening.group()
    panel = html[opening.end() : html.index("</aside>", opening.end())]
    times = re.findall(r'class="ctip-schedule__time" data-offset="(\d+)">([\d:]+)<', panel)
    assert times[0] == ("0", "00:00") and times[-1] == ("130", "02:10")  # beta, then alpha
    assert 'href="../trainer/planner.html#schedule-paths-first"' in panel
