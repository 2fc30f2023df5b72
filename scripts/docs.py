#!/usr/bin/env python3
"""Tools for editors and translators of the training site.

scripts/docs.py check [FILE ...]          content check: every problem as path:line: message
scripts/docs.py translations [--markdown] translation status per language
scripts/docs.py new-module SLUG --title T scaffold a module in every language
scripts/docs.py export-quizzes ...        quizzes to Moodle GIFT / XML (see scripts/export_quiz.py)
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ctip.editor import content_check, scaffold, translation_status  # noqa: E402


def cmd_check(args) -> int:
    started = time.monotonic()
    problems = content_check.check(args.root, [Path(f) for f in args.files] or None)
    for problem in problems:
        print(problem)
    took = time.monotonic() - started
    summary = f"{len(problems)} problem(s)" if problems else "no problems"
    print(f"content check: {summary} ({took:.1f} s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_translations(args) -> int:
    entries = translation_status.status(args.root, args.language or None)
    render = translation_status.render_markdown if args.markdown else translation_status.render_text
    print(render(entries))
    failing = {"missing"} if args.fail_on_missing else set()
    if args.fail_on_outdated:
        failing.add("outdated")
    return 1 if any(entry.state in failing for entry in entries) else 0


def cmd_new_module(args) -> int:
    try:
        created = scaffold.new_module(args.root, args.slug, args.title, args.number)
    except scaffold.ScaffoldError as error:
        print(f"new-module: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path.relative_to(args.root)}")
    print("added to the navigation in mkdocs.yml; preview with scripts/serve")
    return 0


def run_export(argv: list[str]) -> int:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "export_quiz", ROOT / "scripts" / "export_quiz.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main(argv)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="scripts/docs.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    commands = main.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check docs/ and print path:line: message")
    check.add_argument("files", nargs="*", help="only these files (default: all of docs/)")
    check.set_defaults(run=cmd_check)

    translations = commands.add_parser("translations", help="translation status per language")
    translations.add_argument(
        "--markdown", action="store_true", help="Markdown, for a pull request"
    )
    translations.add_argument("--language", action="append", help="only this language (repeatable)")
    translations.add_argument(
        "--fail-on-missing", action="store_true", help="exit 1 if a page is missing"
    )
    translations.add_argument(
        "--fail-on-outdated", action="store_true", help="exit 1 if one is outdated"
    )
    translations.set_defaults(run=cmd_translations)

    new = commands.add_parser("new-module", help="scaffold a module in every language")
    new.add_argument("slug", help="file name without .md, e.g. labour-exploitation")
    new.add_argument("--title", required=True, help="the module's English title")
    new.add_argument("--number", type=int, help="position in the curriculum (default: next)")
    new.set_defaults(run=cmd_new_module)

    # Listed for --help; its arguments go to scripts/export_quiz.py untouched (see main).
    commands.add_parser("export-quizzes", help="quizzes to Moodle GIFT / XML (see its --help)")
    return main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export-quizzes"]:
        return run_export(argv[1:])
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
