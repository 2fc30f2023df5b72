"""Timed builds: the project and the plain control, alternated so that drift in the machine's
speed hits both alike. "Build" is the time MkDocs reports for the build itself (configuration
loading and imports aside); "wall" is the whole process."""

import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .configs import web_edition_environment


class BuildError(RuntimeError):
    pass


def build(name: str, config_file: Path, site_dir: Path, strict: bool, cwd: Path) -> dict:
    env = {**web_edition_environment(), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file)]
    command += ["--strict"] if strict else []
    command += ["-d", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-20:])
        raise BuildError(f"{name} build failed (exit {result.returncode}):\n{tail}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr)
    return {
        "wall_s": wall,
        "build_s": float(reported.group(1)) if reported else wall,
        "pages": sum(1 for _ in site_dir.rglob("*.html")),
        "warnings": sum(1 for line in result.stderr.splitlines() if line.startswith("WARNING")),
    }


def summarise(runs: list[dict], strict: bool) -> dict:
    pages = runs[-1]["pages"]
    build_s = statistics.median(run["build_s"] for run in runs)
    return {
        "strict": strict,
        "runs": len(runs),
        "build_s_runs": [round(run["build_s"], 3) for run in runs],
        "build_s_median": round(build_s, 4),
        "wall_s_median": round(statistics.median(run["wall_s"] for run in runs), 4),
        "pages": pages,
        "ms_per_page": round(build_s / pages * 1000, 3) if pages else None,
        "warnings": runs[-1]["warnings"],
    }


def pairs(configs: dict[str, tuple[Path, bool]], runs: int, workdir: Path, cwd: Path) -> dict:
    """`runs` alternating builds of each config; returns the summaries and the last sites."""
    measured: dict[str, list[dict]] = {name: [] for name in configs}
    sites: dict[str, Path] = {}
    for number in range(runs):
        for name, (config_file, strict) in configs.items():
            site = workdir / f"{name}-{number}"
            measured[name].append(build(name, config_file, site, strict, cwd))
            if name in sites:
                shutil.rmtree(sites[name], ignore_errors=True)
            sites[name] = site
    summaries = {name: summarise(runs, configs[name][1]) for name, runs in measured.items()}
    project, plain = summaries["project"], summaries["plain"]
    summaries["ratio_build"] = round(project["build_s_median"] / plain["build_s_median"], 3)
    summaries["ratio_wall"] = round(project["wall_s_median"] / plain["wall_s_median"], 3)
    summaries["overhead_ms_per_page"] = round(
        (project["build_s_median"] - plain["build_s_median"]) / project["pages"] * 1000, 3
    )
    return {"summary": summaries, "sites": sites}


def add_source_size(summaries: dict, source_bytes: int) -> None:
    """The project's overhead per MB of Markdown: whether it grows with the content or faster.
    (Per page it cannot tell: a module page costs many times what an "about" page does.)"""
    overhead = summaries["project"]["build_s_median"] - summaries["plain"]["build_s_median"]
    summaries["source_bytes"] = source_bytes
    summaries["overhead_s_per_mb"] = round(overhead / (source_bytes / 1e6), 3)
