"""The GitHub workflows cannot be turned against the repository: pinned actions, least privilege,
no credentials left behind, no pull-request text in scripts. actionlint and zizmor (scripts/lint)
check more; these are the project's own rules, kept even if a linter changes its mind."""

import re
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.unit

WORKFLOW_DIR = Path(__file__).resolve().parents[1] / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.y*ml"))
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"uses: *\S+@[0-9a-f]{40} +# v\d+\.\d+\.\d+\s*$")
UNTRUSTED = re.compile(r"\$\{\{[^}]*\bgithub\.(event\b|head_ref\b)")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs(path: Path):
    return load(path)["jobs"].items()


def steps(path: Path):
    for name, job in jobs(path):
        for step in job.get("steps", []):
            yield name, step


def uses(path: Path):
    """Every action or reusable workflow a workflow names, as (job, value)."""
    for name, job in jobs(path):
        if "uses" in job:
            yield name, job["uses"]
    for name, step in steps(path):
        if "uses" in step:
            yield name, step["uses"]


def is_local(reference: str) -> bool:
    return reference.startswith(("./", "$/"))


def test_the_workflows_are_found():
    names = {path.name for path in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml", "audit.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(path):
    unpinned = [
        f"{job}: {ref}"
        for job, ref in uses(path)
        if not is_local(ref) and not PINNED.fullmatch(ref)
    ]
    assert not unpinned, f"{path.name}: pin to a 40-character commit hash: {unpinned}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_pin_says_its_version(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    pins = [line.strip() for line in lines if re.search(r"uses: *\S+@[0-9a-f]{40}", line)]
    bare = [line for line in pins if not VERSION_COMMENT.search(line)]
    assert not bare, f"{path.name}: add the release as a comment, '# vX.Y.Z': {bare}"


def test_an_action_is_pinned_to_one_commit_everywhere():
    commits: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for _, ref in uses(path):
            if PINNED.fullmatch(ref):
                action, commit = ref.split("@")
                commits.setdefault(action, set()).add(commit)
    assert {action: c for action, c in commits.items() if len(c) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_permissions_are_empty_or_read_at_the_top(path):
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name}: add 'permissions: {{}}' at the top"
    assert workflow["permissions"] in ({}, {"contents": "read"}), (
        f"{path.name}: top-level permissions apply to every job; ask for more in the job"
    )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_says_what_it_needs(path):
    missing = [name for name, job in jobs(path) if not isinstance(job.get("permissions"), dict)]
    assert not missing, f"{path.name}: jobs without their own permissions: {missing}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_checkout_leaves_no_credentials_behind(path):
    careless = [
        job
        for job, step in steps(path)
        if step.get("uses", "").startswith("actions/checkout@")
        and (step.get("with") or {}).get("persist-credentials") is not False
    ]
    assert not careless, f"{path.name}: set 'persist-credentials: false' in {careless}"


def test_only_the_release_job_can_write_contents_and_only_on_main():
    writers = [
        (path.name, name, job)
        for path in WORKFLOWS
        for name, job in jobs(path)
        if (job.get("permissions") or {}).get("contents") == "write"
        or job.get("permissions") == "write-all"
    ]
    assert [(workflow, name) for workflow, name, _ in writers] == [("deploy.yml", "release")]
    release = writers[0][2]
    assert re.fullmatch(r"\s*github\.ref\s*==\s*'refs/heads/main'\s*", release.get("if", ""))
    deploy_on = load(WORKFLOW_DIR / "deploy.yml")[True]  # PyYAML reads the key `on` as True
    assert deploy_on["push"] == {"branches": ["main"]}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_event_text_in_scripts(path):
    injected = [
        f"{job}: {step.get('name', step['run'].splitlines()[0])}"
        for job, step in steps(path)
        if "run" in step and UNTRUSTED.search(step["run"])
    ]
    assert not injected, f"{path.name}: pass github.event values through env: {injected}"
