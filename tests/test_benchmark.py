"""scripts/benchmark.py against the real repository: one build pair, figures checked, not timed."""

import contextlib
import io
import json
from pathlib import Path

import pytest
from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "benchmark.py"


def load_benchmark():
    return load_script("benchmark")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """(figures from --json, printed report) of one run, started from an unrelated folder."""
    folder = tmp_path_factory.mktemp("benchmark")
    json_file = folder / "out" / "benchmark.json"
    printed = io.StringIO()
    # The script must not depend on the working directory.
    with contextlib.chdir(folder), contextlib.redirect_stdout(printed):
        code = load_benchmark().main(["--runs", "1", "--json", str(json_file)])
    assert code == 0
    return json.loads(json_file.read_text(encoding="utf-8")), printed.getvalue()


def positive(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_top_level_keys(report):
    figures, _ = report
    assert {
        "meta",
        "builds",
        "first_visit",
        "foreign_host_resources",
        "search_index",
        "own_assets",
        "ratios",
        "budgets",
    } <= figures.keys()
    assert figures["meta"]["runs"] == 1


def test_builds_have_positive_figures(report):
    figures, _ = report
    for name in ("project", "plain"):
        build = figures["builds"][name]
        assert build["runs"] == 1 and len(build["wall_s_runs"]) == 1
        for key in ("wall_s_median", "pages", "s_per_page"):
            assert positive(build[key]), (name, key, build[key])
    assert figures["builds"]["project"]["strict"] is True
    assert figures["builds"]["plain"]["strict"] is False


def test_first_visits_count_every_resource_type(report):
    figures, _ = report
    assert figures["meta"]["pages"]["module"].startswith("modules/")
    for name in ("project", "plain"):
        for role in ("home", "module"):
            visit = figures["first_visit"][name][role]
            assert visit["missing"] == [], (name, role)
            # The project loads the index on the first search, not on the first visit.
            kinds = ("html", "css", "js") if name == "project" else ("html", "css", "js", "index")
            for kind in kinds:
                row = visit["by_type"][kind]
                assert positive(row["files"]) and positive(row["raw"]), (name, role, kind)
                assert positive(row["gzip"]), (name, role, kind)
            if name == "project":
                assert visit["by_type"]["index"]["files"] == 0
                assert positive(visit["on_first_search"]["gzip"])
            total = visit["total"]
            assert total["raw"] == sum(row["raw"] for row in visit["by_type"].values())
            assert 0 < total["gzip"] < total["raw"]
    project_home = figures["first_visit"]["project"]["home"]
    paths = {resource["path"] for resource in project_home["resources"]}
    assert {"index.html", "assets/ctip/ctip.js", "assets/ctip/ctip.css"} <= paths
    assert project_home["search"]["index"].endswith("/search/search_index.json")


def test_no_foreign_host_resources(report):
    figures, _ = report
    assert figures["foreign_host_resources"] == 0
    for pages in figures["first_visit"].values():
        for visit in pages.values():
            assert visit["foreign"] == []


def test_search_index_per_language(report):
    figures, _ = report
    indexes = figures["search_index"]
    assert {"en", "ru", "tk"} <= indexes.keys()
    assert indexes["en"]["path"] == "search/search_index.json"
    assert indexes["ru"]["path"] == "ru/search/search_index.json"
    assert indexes["tk"]["path"] == "tk/search/search_index.json"
    for lang in ("en", "ru", "tk"):
        assert positive(indexes[lang]["raw"]) and positive(indexes[lang]["gzip"]), lang


def test_own_assets_and_budgets(report):
    figures, printed = report
    own = figures["own_assets"]
    paths = {row["path"] for row in own["files"]}
    assert "overrides/assets/ctip/ctip.js" in paths
    assert "overrides/assets/ctip/ctip.css" in paths
    assert positive(own["total"]["raw"]) and positive(own["total"]["gzip"])
    assert positive(figures["ratios"]["build_wall"])
    for role in ("home", "module"):
        assert positive(figures["ratios"]["first_visit_gzip"][role])
    assert len(figures["budgets"]) == 2
    for budget in figures["budgets"]:
        assert budget["status"] in ("PASS", "OVER")
        assert f"{budget['status']:<5} {budget['name']}" in printed


def test_config_loader_tolerates_mkdocs_tags():
    benchmark = load_benchmark()
    config = benchmark.read_config(ROOT / "mkdocs.yml")
    assert {"en", "ru", "tk"} <= {lang["locale"] for lang in benchmark.i18n_languages(config)}
    assert config["nav"]
