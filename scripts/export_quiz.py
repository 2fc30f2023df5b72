#!/usr/bin/env python3
"""Export the site's module quizzes to Moodle, as GIFT or Moodle XML (ctip/quiz/export.py).

The quizzes are read with ctip.quiz.parser, the parser the site build uses, so an export
contains exactly what the site shows.

Examples:
    python scripts/export_quiz.py                       # every English module, GIFT, to stdout
    python scripts/export_quiz.py --lang ru --output quizzes-ru.gift
    python scripts/export_quiz.py --module docs/en/modules/identifying-victims.md \\
        --format moodle-xml --output m3.xml
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ctip import frontmatter  # noqa: E402
from ctip.quiz import QuizError  # noqa: E402
from ctip.quiz.export import language_modules, read_module, to_gift, to_moodle_xml  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Export module quizzes to Moodle GIFT or Moodle XML.",
        epilog="Questions keep their ids as Moodle ID numbers; each module becomes a category.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--lang", default="en", help="export every module of this language (default: en)"
    )
    source.add_argument("--module", type=Path, help="export the quiz of one Markdown file")
    parser.add_argument(
        "--format",
        choices=("gift", "moodle-xml"),
        default="gift",
        help="GIFT text (default) or Moodle XML",
    )
    parser.add_argument("--output", type=Path, help="write to this file instead of stdout")
    parser.add_argument(
        "--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)"
    )
    args = parser.parse_args(argv)

    if args.module:
        paths = [args.module]
    else:
        paths = language_modules(args.docs, args.lang)
        if not paths:
            parser.exit(1, f"no module with a quiz in {args.docs / args.lang / 'modules'}\n")
    modules = []
    for path in paths:
        try:
            modules.append(read_module(path))
        except (QuizError, frontmatter.FrontMatterError) as error:
            parser.exit(1, f"{path}:{error}\n")
        except OSError as error:
            parser.exit(1, f"{path}: {error.strerror}\n")
    if not any(module.questions for module in modules):
        parser.exit(1, "no quiz found\n")
    output = to_gift(modules) if args.format == "gift" else to_moodle_xml(modules)
    if args.output:
        args.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
