"""The `ctip` command, run as an editor would, on trees in tmp_path."""

import shutil
import subprocess

import pytest
from conftest import ROOT, run_mkdocs

from ctip import cli as docs_cli

PAGE = "---\ntitle: Home\ndescription: The home page.\n---\n\n# Home\n\nText.\n"


def run(tmp_path, *args):
    return docs_cli.main(["--root", str(tmp_path), *args])


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.unit
@pytest.mark.parametrize("command", [[], ["check"], ["translations"], ["new-module"]])
def test_help(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        docs_cli.main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: ctip" in capsys.readouterr().out


@pytest.mark.unit
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (["scripts/ctip", "check", "--help"], "usage: ctip check"),
        # serve's own option comes first: the rest goes to mkdocs serve, which prints its help
        (["scripts/serve", "--lang", "ru", "--help"], "Usage: mkdocs serve"),
    ],
)
def test_the_scripts_take_their_arguments(script, expected):
    """The scripts in scripts/ set up .venv through _env.sh; their own arguments must not reach
    it (a sourced file sees the caller's arguments as its own)."""
    done = subprocess.run(script, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
    assert "Installing" not in done.stderr  # the venv scripts/test made is used as it is


@pytest.mark.unit
def test_check_reports_path_line_and_fails(tmp_path, capsys):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text(PAGE + "\n[here](https://www.iom.int/)\n")
    assert run(tmp_path, "check") == 1
    out = capsys.readouterr().out
    assert out == (
        "docs/en/index.md:10: link text 'here' does not say where it leads; describe the target\n"
    )


@pytest.mark.unit
def test_check_passes_a_clean_tree(tmp_path, capsys):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text(PAGE)
    assert run(tmp_path, "check") == 0
    assert "no problems" in capsys.readouterr().err


@pytest.fixture
def translated_repo(tmp_path):
    for language in ("en", "ru", "tk"):
        (tmp_path / "docs" / language).mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text(PAGE)
    (tmp_path / "docs" / "en" / "about.md").write_text(PAGE.replace("Home", "About"))
    git(tmp_path, "init", "-q")
    git(
        tmp_path,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-qam",
        "x",
        "--allow-empty",
    )
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "en")
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.strip()
    record = f"translation:\n  source_commit: {commit}\n  translated: 2026-11-23\n  reviewed: "
    (tmp_path / "docs" / "ru" / "index.md").write_text(
        PAGE.replace("---\n\n", record + "true\n---\n\n")
    )
    (tmp_path / "docs" / "ru" / "about.md").write_text(
        PAGE.replace("---\n\n", record + "false\n---\n\n")
    )
    (tmp_path / "docs" / "tk" / "index.md").write_text(
        PAGE.replace("---\n\n", record + "true\n---\n\n")
    )
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "translations")
    return tmp_path


@pytest.mark.unit
def test_translation_status_text(translated_repo, capsys):
    assert run(translated_repo, "translations") == 0
    assert capsys.readouterr().out == (
        "ru: 0 missing, 0 outdated, 1 unreviewed, 0 unknown source, 1 up to date\n"
        "  unreviewed     about.md\n"
        "tk: 1 missing, 0 outdated, 0 unreviewed, 0 unknown source, 1 up to date\n"
        "  missing        about.md\n"
    )


@pytest.mark.unit
def test_translation_status_fails_on_missing_when_asked(translated_repo):
    assert run(translated_repo, "translations", "--fail-on-missing") == 1
    assert run(translated_repo, "translations", "--language", "ru", "--fail-on-missing") == 0


@pytest.mark.unit
def test_english_change_makes_translations_outdated(translated_repo, capsys):
    (translated_repo / "docs" / "en" / "index.md").write_text(PAGE + "\nMore text.\n")
    git(translated_repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "edit")
    run(translated_repo, "translations", "--markdown")
    out = capsys.readouterr().out
    assert out.startswith("## Translation status\n")
    assert "| `index.md` | outdated | git diff " in out
    assert run(translated_repo, "translations", "--fail-on-outdated") == 1


@pytest.mark.build
def test_new_module_builds_and_passes_the_check(tmp_path, capsys):
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert (
        run(tmp_path, "new-module", "labour-exploitation", "--title", "Labour: exploitation") == 0
    )
    created = [
        tmp_path / "docs" / lang / "modules" / "labour-exploitation.md"
        for lang in ("en", "ru", "tk")
    ]
    assert all(path.is_file() for path in created)
    assert "- modules/labour-exploitation.md" in (tmp_path / "mkdocs.yml").read_text()
    capsys.readouterr()
    assert run(tmp_path, "check", *map(str, created)) == 0, capsys.readouterr().out
    result = run_mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "tk" / "modules" / "labour-exploitation" / "index.html").is_file()


@pytest.mark.unit
def test_new_module_refuses_a_bad_name(tmp_path, capsys):
    assert run(tmp_path, "new-module", "Bad Name", "--title", "x") == 2
    assert "not a valid name" in capsys.readouterr().err


@pytest.mark.unit
def test_export_quizzes_passes_its_arguments_through(tmp_path, capsys):
    output = tmp_path / "ru.gift"
    module = ROOT / "docs" / "ru" / "modules" / "identifying-victims.md"
    assert docs_cli.main(["export-quizzes", "--module", str(module), "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert "$CATEGORY: $course$/top/" in text and "// [id:m3-" in text
