"""`ctip benchmark` against the real repository: one build pair, figures read back, not timed."""

import contextlib
import io
import json
import os

import pytest
from conftest import ROOT

from ctip import benchmark
from ctip.benchmark import configs, preview, synthetic
from ctip.pages import Site


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """(figures from --json, printed report) of one run, started from an unrelated folder."""
    folder = tmp_path_factory.mktemp("benchmark")
    json_file = folder / "out" / "benchmark.json"
    printed = io.StringIO()
    # The command must not depend on the working directory.
    with contextlib.chdir(folder), contextlib.redirect_stdout(printed):
        arguments = ["--runs", "1", "--scale", "2", "--preview-edits", "0", "--json"]
        code = benchmark.main([*arguments, str(json_file)])
    assert code == 0
    return json.loads(json_file.read_text(encoding="utf-8")), printed.getvalue()


@pytest.mark.build
def test_builds_at_each_scale_against_the_control(report):
    figures, printed = report
    assert list(figures["builds"]) == ["1x", "2x"]
    one, two = figures["builds"]["1x"], figures["builds"]["2x"]
    assert one["project"]["warnings"] == 0
    assert two["project"]["pages"] >= 2 * one["project"]["pages"] - 10  # 404 pages are not doubled
    for summary in (one, two):
        for name in ("project", "plain"):
            build = summary[name]
            assert 0 < build["build_s_median"] <= build["wall_s_median"]
        assert summary["ratio_build"] == pytest.approx(
            summary["project"]["build_s_median"] / summary["plain"]["build_s_median"], rel=0.01
        )
        assert f"build {summary['ratio_build']:.2f}x" in printed
        overhead = summary["project"]["build_s_median"] - summary["plain"]["build_s_median"]
        assert summary["overhead_s_per_mb"] == pytest.approx(
            overhead / (summary["source_bytes"] / 1e6), abs=0.001
        )
        assert "s per MB of it" in printed
    # the copies are modules, the largest pages: the source grows faster than the page count
    assert (
        two["source_bytes"] / one["source_bytes"]
        > two["project"]["pages"] / one["project"]["pages"]
    )


@pytest.mark.build
def test_first_visit_holds_the_search_index_back(report):
    figures, _ = report
    for role in ("home", "module"):
        project = figures["first_visit"]["project"][role]
        plain = figures["first_visit"]["plain"][role]
        assert project["missing"] == [] and project["foreign"] == []
        assert project["by_type"]["index"]["files"] == 0
        assert plain["by_type"]["index"]["files"] == 1
        assert project["on_first_search"]["gzip"] > 0
        assert project["total"]["raw"] == sum(row["raw"] for row in project["by_type"].values())
    paths = {item["path"] for item in figures["first_visit"]["project"]["home"]["resources"]}
    assert {"index.html", "assets/ctip/ctip.js", "assets/ctip/ctip.css"} <= paths


@pytest.mark.build
def test_one_search_index_per_language(report):
    figures, _ = report
    indexes = figures["search_index"]
    assert indexes["ru"]["path"] == "ru/search/search_index.json"
    assert indexes["tk"]["path"] == "tk/search/search_index.json"
    assert indexes["ru"]["docs"] > 0 and indexes["ru"]["gzip"] < indexes["ru"]["raw"]


@pytest.mark.build
def test_print_output_timed_with_each_pdf_size(report):
    figures, printed = report
    measured = figures["print"]
    names = {row["name"] for row in measured["files"]}
    for language in ("en", "ru", "tk"):
        assert {f"handbook-{language}.pdf", f"answer-key-{language}.pdf"} <= names
    assert all(row["bytes"] > 0 and row["pages"] > 0 for row in measured["files"])
    assert measured["seconds"] > 0
    assert [budget["name"] for budget in measured["budgets"]] == [
        "ctip handbook, every language",
        "largest handbook",
    ]
    assert "7. Print: `ctip handbook`" in printed
    assert "handbook-tk.pdf" in printed


@pytest.mark.unit
def test_synthetic_curriculum_scales_and_keeps_ids_unique(tmp_path):
    docs = ROOT / "docs"
    big, nav = synthetic.scale(docs, tmp_path / "docs", 3, [])
    assert synthetic.pages(big) >= 3 * synthetic.pages(docs)
    site = Site.load(big)
    ids = [
        question.id
        for page in site.in_language("ru")
        for quiz in page.quizzes
        for question in quiz.questions
    ]
    assert ids and len(ids) == len(set(ids))
    copies = nav[-1]["Synthetic copies"]
    assert all((big / "en" / copy).is_file() for copy in copies)
    # modules are copied; the pages that gather them stay one per language
    assert all(copy.startswith("modules/copy") for copy in copies)
    assert len(list(big.glob("*/trainer/*.md"))) == len(list(docs.glob("*/trainer/*.md")))


@pytest.mark.build
def test_preview_shows_a_saved_edit(tmp_path):
    measured = preview.measure(ROOT / "mkdocs.yml", ROOT / "docs", "tk", 1, tmp_path)
    assert measured.get("error") is None
    assert measured["page"].startswith("tk/modules/")
    assert measured["median_s"] is not None and measured["median_s"] > 0


@pytest.mark.unit
def test_the_configuration_is_read_as_the_web_edition(monkeypatch):
    monkeypatch.setenv("CTIP_OFFLINE", "true")
    monkeypatch.setenv("SITE_URL", "https://training.example/")
    config = configs.read_config(ROOT / "mkdocs.yml")
    assert config["site_url"] is None
    assert {"offline": {"enabled": False}} in config["plugins"]
    assert os.environ["CTIP_OFFLINE"] == "true"  # the caller's shell is left as it was


@pytest.mark.unit
def test_without_search_keeps_every_other_plugin():
    plugins = ["search", {"i18n": {"docs_structure": "folder"}}, {"material/search": {}}, "ctip"]
    assert configs.without_search(plugins) == [{"i18n": {"docs_structure": "folder"}}, "ctip"]


@pytest.mark.build
def test_no_search_builds_both_sites_without_search(tmp_path):
    project_file = ROOT / "mkdocs.yml"
    nav = configs.read_config(project_file)["nav"]
    measured = benchmark.build_pairs(project_file, ROOT / "docs", nav, 1, tmp_path, search=False)
    assert measured["summary"]["project"]["warnings"] == 0
    for site in measured["sites"].values():
        assert (site / "ru" / "modules" / "consular-assistance" / "index.html").is_file()
        assert not list(site.rglob("search_index.json"))
