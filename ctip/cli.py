"""`ctip`: the command line of the training site, for editors, translators and trainers.

ctip check [FILE ...]              every content problem as path:line: message
ctip translations [--markdown]     translation status per language
ctip new-module SLUG --title T     a new module in every language, added to the navigation
ctip export-quizzes [--lang L]     quizzes to Moodle GIFT or Moodle XML
ctip handbook [--lang L]           the course as PDF: handbook, answer key, handouts, slides
ctip export-scorm [--lang L]       the course as a SCORM 1.2 package per language (Moodle)
"""

import argparse
import importlib
import sys
import time
from pathlib import Path

from ctip import checks, frontmatter, project, scaffold, translations
from ctip.quiz import QuizError
from ctip.quiz import export as quiz_export


def cmd_check(args) -> int:
    started = time.monotonic()
    problems = checks.check(args.root, [Path(f) for f in args.files] or None)
    for problem in problems:
        print(problem)
    took = time.monotonic() - started
    errors = [problem for problem in problems if not problem.warning]
    warnings = len(problems) - len(errors)
    summary = f"{len(errors)} problem(s)" if errors else "no problems"
    if warnings:
        summary += f", {warnings} warning(s)"
    print(f"content check: {summary} ({took:.1f} s)", file=sys.stderr)
    return 1 if errors else 0


def cmd_translations(args) -> int:
    entries = translations.status(args.root, args.language or None)
    render = translations.render_markdown if args.markdown else translations.render_text
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


def cmd_export_quizzes(args) -> int:
    docs = args.docs or args.root / "docs"
    try:
        if args.module:
            modules = [quiz_export.read_module(args.module)]
        else:
            modules = quiz_export.language_modules(docs, args.lang)
            if not modules:
                print(f"no module with a quiz in {docs / args.lang / 'modules'}", file=sys.stderr)
                return 1
    except (QuizError, frontmatter.FrontMatterError) as error:
        where = args.module or docs
        print(f"{where}:{error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.module}: {error.strerror}", file=sys.stderr)
        return 1
    if not any(module.questions for module in modules):
        print("no quiz found", file=sys.stderr)
        return 1
    write = quiz_export.to_gift if args.format == "gift" else quiz_export.to_moodle_xml
    output = write(modules)
    if args.output:
        args.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return 0


def cmd_csp(args) -> int:
    from ctip.safety import csp

    if not any(args.site.rglob("*.html")):
        print(f"csp: no built pages in {args.site}", file=sys.stderr)
        return 1
    print(f'add_header Content-Security-Policy "{csp.header(args.site)}" always;')
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="ctip", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    main.add_argument("--root", type=Path, default=project.ROOT, help=argparse.SUPPRESS)
    commands = main.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check docs/ and print path:line: message")
    check.add_argument("files", nargs="*", help="only these files (default: all of docs/)")
    check.set_defaults(run=cmd_check)

    status = commands.add_parser("translations", help="translation status per language")
    status.add_argument("--markdown", action="store_true", help="Markdown, for a pull request")
    status.add_argument("--language", action="append", help="only this language (repeatable)")
    status.add_argument(
        "--fail-on-missing", action="store_true", help="exit 1 if a page is missing"
    )
    status.add_argument("--fail-on-outdated", action="store_true", help="exit 1 if one is outdated")
    status.set_defaults(run=cmd_translations)

    new = commands.add_parser("new-module", help="scaffold a module in every language")
    new.add_argument("slug", help="file name without .md, e.g. labour-exploitation")
    new.add_argument("--title", required=True, help="the module's English title")
    new.add_argument("--number", type=int, help="position in the curriculum (default: next)")
    new.set_defaults(run=cmd_new_module)

    export = commands.add_parser(
        "export-quizzes",
        help="quizzes to Moodle GIFT / Moodle XML",
        description="Export module quizzes to Moodle GIFT or Moodle XML. Questions keep their "
        "ids as Moodle ID numbers; each module becomes a category.",
    )
    source = export.add_mutually_exclusive_group()
    source.add_argument("--lang", default="en", help="every module of this language (default en)")
    source.add_argument("--module", type=Path, help="the quiz of one Markdown file")
    export.add_argument(
        "--format", choices=("gift", "moodle-xml"), default="gift", help="default: gift"
    )
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    export.add_argument("--docs", type=Path, help="the docs folder (default: docs/)")
    export.set_defaults(run=cmd_export_quizzes)

    policy = commands.add_parser(
        "csp",
        help="the Content-Security-Policy header for a built site (for deploy/nginx.conf)",
        description="Print the nginx header line of the Content Security Policy for a built "
        "site: the policy every page carries in a <meta>, with the hashes of all pages' inline "
        "scripts and frame-ancestors, which a <meta> policy cannot carry.",
    )
    policy.add_argument("site", type=Path, help="the built site, e.g. site/")
    policy.set_defaults(run=cmd_csp)

    # Listed for --help; their own parsers read their arguments (see main).
    commands.add_parser("offline", help="the offline edition, a zip that works from file://")
    commands.add_parser(
        "handbook", help="PDFs per language: handbook, answer key, handouts, slides (dist/)"
    )
    commands.add_parser(
        "export-scorm", help="a SCORM 1.2 package per language, dist/scorm-<lang>.zip (Moodle)"
    )
    commands.add_parser("benchmark", help="build time, preview time, page weight (developers)")
    commands.add_parser("sweep", help="every page and language through axe-core (developers)")
    commands.add_parser(
        "screenshots", help="the trainer's views in one language as PNG (dist/screenshots/)"
    )
    return main


# Commands with parsers of their own: `ctip NAME ...` runs module.main(argv).
DELEGATED = {
    "offline": "ctip.offline",
    "benchmark": "ctip.benchmark",
    "handbook": "ctip.handbook",
    "sweep": "ctip.sweep",
    "screenshots": "ctip.screenshots",
    "export-scorm": "ctip.scorm",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in DELEGATED:
        return importlib.import_module(DELEGATED[argv[0]]).main(argv[1:])
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
