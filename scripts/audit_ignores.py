#!/usr/bin/env python3
"""pip-audit's --ignore-vuln flags from a TOML list of advisories, each with a reason and an expiry.

scripts/audit_ignores.py [FILE] [--today YYYY-MM-DD]

FILE (default .github/pip-audit-ignore.toml) holds entries such as

    [[ignore]]
    id = "GHSA-xxxx-xxxx-xxxx"
    reason = "why it does not affect the site"
    expires = 2027-01-31        # the last day the entry applies

Prints the flags on one line for the entries not yet expired. Exits 1, naming each, when an entry
has expired or is malformed: an ignored advisory is looked at again, not forgotten.
"""

import argparse
import datetime
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parents[1] / ".github" / "pip-audit-ignore.toml"
ADVISORY_ID = re.compile(r"[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:-]+")


class IgnoreListError(Exception):
    """The list cannot be used: an entry is malformed or has expired."""


@dataclass(frozen=True)
class Ignore:
    id: str
    reason: str
    expires: datetime.date


def parse(text: str) -> list[Ignore]:
    """The entries of the list; IgnoreListError names every malformed one."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise IgnoreListError(f"not valid TOML: {error}") from error
    unknown = set(data) - {"ignore"}
    if unknown:
        raise IgnoreListError(f"unknown key(s): {', '.join(sorted(unknown))}")
    tables = data.get("ignore", [])
    if not isinstance(tables, list) or not all(isinstance(entry, dict) for entry in tables):
        raise IgnoreListError("entries must be [[ignore]] tables")
    entries, problems = [], []
    for number, entry in enumerate(tables, start=1):
        advisory, reason, expires = entry.get("id"), entry.get("reason"), entry.get("expires")
        where = f"entry {number} ({advisory or 'no id'})"
        if not isinstance(advisory, str) or not ADVISORY_ID.fullmatch(advisory):
            problems.append(f"{where}: id must be an advisory ID such as GHSA-xxxx-xxxx-xxxx")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{where}: reason must say why the advisory does not matter here")
        if type(expires) is not datetime.date:
            problems.append(f"{where}: expires must be a date, such as 2027-01-31 (no quotes)")
        if set(entry) - {"id", "reason", "expires"}:
            problems.append(f"{where}: only id, reason and expires are allowed")
        entries.append(Ignore(advisory, reason, expires))
    if problems:
        raise IgnoreListError("; ".join(problems))
    return entries


def ignore_flags(entries: list[Ignore], today: datetime.date) -> list[str]:
    """--ignore-vuln flags for every entry; IgnoreListError names those that have expired."""
    expired = [entry for entry in entries if entry.expires < today]
    if expired:
        raise IgnoreListError(
            "; ".join(f"{e.id} expired on {e.expires} (reason: {e.reason})" for e in expired)
        )
    return [flag for entry in entries for flag in ("--ignore-vuln", entry.id)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    args = parser.parse_args(argv)
    try:
        text = args.file.read_text(encoding="utf-8") if args.file.exists() else ""
        entries = parse(text)
        flags = ignore_flags(entries, args.today)
    except IgnoreListError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    for entry in entries:
        print(f"ignoring {entry.id} until {entry.expires}: {entry.reason}", file=sys.stderr)
    print(" ".join(flags))
    return 0


if __name__ == "__main__":
    sys.exit(main())
