"""Build the offline edition: the whole site, every language, as a zip that works from file://.

Trainers unpack it on a laptop or a USB stick and open index.html; search works without a
server. Uses Material's offline plugin (enabled by CTIP_OFFLINE) with the vendored iframe-worker
shim instead of the CDN copy the plugin would otherwise link. The PDFs of `ctip handbook` go in
`downloads/` (copied from `--downloads DIR`, or made now), and the pages link them.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ctip.project import ROOT

DEFAULT_OUTPUT = ROOT / "dist" / "ctip-training-offline.zip"


def build_offline(output: Path, downloads: Path | None = None) -> Path:
    """Build strictly into a temporary folder and zip it; nothing is written if the build fails.

    The PDFs are copied from `downloads` (a folder `ctip handbook` wrote), or made now.
    """
    env = {
        **os.environ,
        "CTIP_OFFLINE": "true",
        "CTIP_DOWNLOADS": "true",
        "NO_MKDOCS_2_WARNING": "1",
    }
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        target = site / "downloads"
        if downloads is None:
            from ctip import handbook

            handbook.build(ROOT, None, target)
        else:
            pdfs = sorted(Path(downloads).glob("*.pdf"))
            if not pdfs:
                raise FileNotFoundError(f"no PDF in {downloads}: run ctip handbook first")
            target.mkdir(parents=True, exist_ok=True)
            for pdf in pdfs:
                shutil.copy2(pdf, target / pdf.name)
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file() and not path.name.endswith(".gz"):
                    archive.write(path, Path("ctip-training") / path.relative_to(site))
        partial.replace(output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ctip offline", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help=f"zip file (default: {DEFAULT_OUTPUT})"
    )
    parser.add_argument(
        "--downloads",
        type=Path,
        help="the PDFs to include (a folder `ctip handbook` wrote); default: make them now",
    )
    args = parser.parse_args(argv)
    from ctip.handbook import HandbookError

    try:
        path = build_offline(args.output.resolve(), args.downloads)
    except (subprocess.CalledProcessError, HandbookError, FileNotFoundError) as error:
        for problem in getattr(error, "problems", []):
            print(problem, file=sys.stderr)
        if not isinstance(error, subprocess.CalledProcessError):
            print(error, file=sys.stderr)
        print("The offline build failed; no zip was written.", file=sys.stderr)
        return 1
    print(f"Offline edition: {path} ({path.stat().st_size // 1024} KB)")
    print("Unpack it and open ctip-training/index.html in a browser.")
    return 0
