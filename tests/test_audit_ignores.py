"""scripts/audit_ignores.py: pip-audit's ignore list, each entry with a reason and an expiry."""

import datetime
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit_ignores.py"
_spec = importlib.util.spec_from_file_location("audit_ignores", SCRIPT)
audit_ignores = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit_ignores)

TODAY = datetime.date(2026, 12, 1)
TWO_ENTRIES = """
[[ignore]]
id = "GHSA-abcd-efgh-ijkl"
reason = "only the dev server, which the build never starts"
expires = 2026-12-31

[[ignore]]
id = "PYSEC-2026-42"
reason = "fixed release not yet out; the site never calls the affected function"
expires = 2026-12-01
"""


def flags(text: str, today: datetime.date = TODAY) -> list[str]:
    return audit_ignores.ignore_flags(audit_ignores.parse(text), today)


def test_entries_not_yet_expired_become_flags():
    assert flags(TWO_ENTRIES) == [
        "--ignore-vuln",
        "GHSA-abcd-efgh-ijkl",
        "--ignore-vuln",
        "PYSEC-2026-42",
    ]


def test_an_empty_list_ignores_nothing():
    assert flags("") == []
    assert flags("# only comments\n") == []


def test_an_expired_entry_fails_and_is_named():
    with pytest.raises(audit_ignores.IgnoreListError, match=r"PYSEC-2026-42 expired on 2026-12-01"):
        flags(TWO_ENTRIES, today=datetime.date(2026, 12, 2))


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ('id = "GHSA-1"\nreason = "x"', "expires must be a date"),
        ('id = "GHSA-1"\nreason = "x"\nexpires = "2027-01-01"', "expires must be a date"),
        ('id = "GHSA-1"\nreason = "x"\nexpires = 2027-01-01T10:00:00', "expires must be a date"),
        ('id = "GHSA-1"\nreason = " "\nexpires = 2027-01-01', "reason must say why"),
        ('reason = "x"\nexpires = 2027-01-01', "id must be an advisory ID"),
        ('id = "--ignore-vuln x"\nreason = "x"\nexpires = 2027-01-01', "id must be an advisory ID"),
        ('id = "GHSA-1"\nreason = "x"\nexpires = 2027-01-01\nby = "me"', "only id, reason"),
    ],
)
def test_a_malformed_entry_is_refused(entry, complaint):
    with pytest.raises(audit_ignores.IgnoreListError, match=complaint):
        flags(f"[[ignore]]\n{entry}\n")


@pytest.mark.parametrize(
    ("text", "complaint"),
    [("ignore = 3", r"must be \[\[ignore\]\] tables"), ("[ignores]", "unknown key"), ("[", "TOML")],
)
def test_a_malformed_file_is_refused(text, complaint):
    with pytest.raises(audit_ignores.IgnoreListError, match=complaint):
        flags(text)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_command_prints_the_flags_and_says_what_it_ignores(tmp_path):
    ignore_file = tmp_path / "ignore.toml"
    ignore_file.write_text(TWO_ENTRIES, encoding="utf-8")
    result = run(str(ignore_file), "--today", "2026-11-30")
    assert result.returncode == 0
    assert result.stdout.split() == flags(TWO_ENTRIES)
    assert "ignoring GHSA-abcd-efgh-ijkl until 2026-12-31" in result.stderr


def test_command_fails_on_an_expired_entry(tmp_path):
    ignore_file = tmp_path / "ignore.toml"
    ignore_file.write_text(TWO_ENTRIES, encoding="utf-8")
    result = run(str(ignore_file), "--today", "2027-01-01")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "GHSA-abcd-efgh-ijkl expired on 2026-12-31" in result.stderr


def test_command_without_a_file_ignores_nothing(tmp_path):
    result = run(str(tmp_path / "absent.toml"))
    assert (result.returncode, result.stdout.strip()) == (0, "")


def test_the_project_list_is_well_formed():
    # Shape only: an entry that expires fails the audit, not every pull request's tests.
    assert run("--today", "2000-01-01").returncode == 0
