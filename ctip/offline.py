"""Build the offline edition: the whole site, every language, as a zip that works from file://.

Trainers unpack it on a laptop or a USB stick and open index.html; search works without a
server. Uses Material's offline plugin (enabled by CTIP_OFFLINE) with the vendored iframe-worker
shim instead of the CDN copy the plugin would otherwise link.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ctip.project import ROOT

DEFAULT_OUTPUT = ROOT / "dist" / "ctip-training-offline.zip"


def build_offline(output: Path) -> Path:
    """Build strictly into a temporary folder and zip it; nothing is written if the build fails."""
    env = {**os.environ, "CTIP_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
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
    args = parser.parse_args(argv)
    try:
        path = build_offline(args.output.resolve())
    except subprocess.CalledProcessError:
        print("The offline build failed; no zip was written.", file=sys.stderr)
        return 1
    print(f"Offline edition: {path} ({path.stat().st_size // 1024} KB)")
    print("Unpack it and open ctip-training/index.html in a browser.")
    return 0
