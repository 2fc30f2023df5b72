"""`ctip export-scorm`: the course as a SCORM 1.2 package per language, for Moodle and other LMSs.

Each package is built from the same strict build as the site (ctip.scorm.build: an LMS variant
of mkdocs.yml, one language), in a temporary folder; nothing is written unless every language
asked for has built and packaged. A package holds:

- imsmanifest.xml at the root (ctip.scorm.manifest) and the SCORM 1.2 schema files it names;
- one SCO per module, in curriculum order (ctip.pages.course), titled in the language; its page
  runs the SCORM runtime (overrides/assets/ctip/lms.js) when an LMS frames it;
- the shared files the module pages use, as one resource the SCOs depend on.
"""

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ctip import project as project_settings
from ctip.pages import Site, course
from ctip.ui_strings import translate

from . import manifest, suspend
from .build import BuildError, _raw_config, build_language
from .package import PackageError, collect, write_zip

SCHEMAS = Path(__file__).with_name("schemas")
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")


@dataclass
class Package:
    language: str
    path: Path
    modules: int
    suspend_data: int  # the worst-case length of cmi.suspend_data over the modules
    longest_module: str | None
    outside_links: list[tuple[str, str]]


def default_output(project: project_settings.Project, language: str) -> Path:
    return project.root / "dist" / f"scorm-{language}.zip"


def package_title(project: project_settings.Project, language: str) -> str:
    raw = _raw_config(project.config_file)
    name = project.language(language).site_name or raw.get("site_name") or "Course"
    return translate(language, "lms.package_title", course=name, version=project.edition.version)


def export(
    languages: list[str] | None = None,
    outputs: dict[str, Path] | None = None,
    project: project_settings.Project | None = None,
) -> list[Package]:
    """Build and write the package of each language; raise BuildError or PackageError."""
    project = project or project_settings.load()
    languages = languages or project.locales
    site_model = Site.load(project.docs_dir, project.config_file)
    results = []
    with tempfile.TemporaryDirectory(prefix="ctip-scorm-") as temp:
        built = []
        for language in languages:
            modules = course(site_model, language).modules
            if not modules:
                raise PackageError(f"no module in {language}")
            length, longest = suspend.longest(modules)
            if length > suspend.LIMIT:
                raise PackageError(
                    f"{longest.slug}: its quiz state can take {length} characters of "
                    f"cmi.suspend_data, more than SCORM 1.2's {suspend.LIMIT}"
                )
            site = build_language(project, language, Path(temp))
            scos = [
                manifest.Sco(
                    slug=module.slug,
                    title=module.title,
                    href=f"{module.slug}.html",
                    pass_mark=module.pass_mark,
                )
                for module in modules
            ]
            contents = collect(site, [sco.href for sco in scos])
            xml = manifest.build(
                course=project.edition.course,
                language=language,
                title=package_title(project, language),
                edition=project.edition,
                scos=scos,
                shared_files=contents.shared,
            )
            extra = {"imsmanifest.xml": xml}
            extra.update({name: (SCHEMAS / name).read_bytes() for name in SCHEMA_FILES})
            built.append((language, site, contents, extra, len(modules), length, longest))
        for language, site, contents, extra, count, length, longest in built:
            output = (outputs or {}).get(language) or default_output(project, language)
            write_zip(output, site, contents, extra, project.edition.date)
            results.append(
                Package(
                    language, output, count, length, longest.slug if longest else None,
                    contents.outside_links,
                )
            )  # fmt: skip
    return results


def main(argv: list[str] | None = None) -> int:
    project = project_settings.load()
    parser = argparse.ArgumentParser(
        prog="ctip export-scorm",
        description="The course as a SCORM 1.2 package per language (for Moodle): one SCO per "
        "module, reporting status, score and the learner's answers to the LMS.",
    )
    parser.add_argument(
        "--lang",
        choices=project.locales,
        help="only this language (default: every language: dist/scorm-<lang>.zip)",
    )
    parser.add_argument("--output", type=Path, help="the zip file (only with --lang)")
    args = parser.parse_args(argv)
    if args.output and not args.lang:
        parser.error("--output needs --lang: each language is a package of its own")
    languages = [args.lang] if args.lang else project.locales
    outputs = {args.lang: args.output.resolve()} if args.output else None
    try:
        packages = export(languages, outputs, project)
    except (BuildError, PackageError) as error:
        print(f"export-scorm: {error}; no package was written", file=sys.stderr)
        return 1
    for package in packages:
        for page, link in package.outside_links:
            print(
                f"note: {package.language}: {page} links to {link}, a page that is not in the "
                "package; inside an LMS the link says so",
                file=sys.stderr,
            )
        size = package.path.stat().st_size
        print(
            f"{package.path} ({size / 1024:.0f} KB): {package.modules} modules; "
            f"cmi.suspend_data at most {package.suspend_data} of {suspend.LIMIT} characters "
            f"({package.longest_module})"
        )
    return 0
