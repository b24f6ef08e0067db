"""The integration files: the pre-commit hooks, the GitHub workflow and the GitLab job."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess

import pytest
import yaml

from claimcheck.cli import _parser
from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
GITHUB = ROOT / "examples" / "ci" / "github-workflow.yml"
GITLAB = ROOT / "examples" / "ci" / "gitlab-ci.yml"


def _claimcheck_commands(script: str) -> list[list[str]]:
    """The claimcheck command lines of a CI script, CI expressions replaced by a value."""
    script = re.sub(r"\$\{\{[^}]*\}\}", "main", script)
    script = re.sub(r"\$\{?[A-Z_]+\}?", "main", script)
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        words = shlex.split(line.strip())
        if words and words[0] == "claimcheck":
            commands.append(words[1:])
    return commands


def _parses(arguments: list[str]):
    return _parser().parse_args(arguments)


def test_pre_commit_manifest_declares_claimcheck_hooks():
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"claimcheck", "claimcheck-docx"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["entry"] == "claimcheck check"
        _parses([*hook["entry"].split()[1:], "draft.md"])
    plain, word = (
        re.compile(hooks["claimcheck"]["files"]),
        re.compile(hooks["claimcheck-docx"]["files"]),
    )
    for name in ("drafts/a.md", "b.markdown", "c.txt", "d.html", "e.htm"):
        assert plain.search(name) and word.search(name)
    assert word.search("f.docx") and not plain.search("f.docx")
    assert not plain.search("style.css") and not plain.search("notes.md.bak")
    assert any("python-docx" in d for d in hooks["claimcheck-docx"]["additional_dependencies"])


def test_pre_commit_accepts_the_manifest():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    manifest = clientlib.load_manifest(str(HOOKS))
    assert [hook["id"] for hook in manifest] == ["claimcheck", "claimcheck-docx"]


def test_github_workflow_writes_sarif_and_uploads_it():
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    commands = [c for s in steps if "run" in s for c in _claimcheck_commands(s["run"])]
    sarif = [_parses(c) for c in commands if "sarif" in c]
    assert len(sarif) == 1
    assert sarif[0].output == upload["with"]["sarif_file"]
    assert sarif[0].exit_zero  # the upload runs whatever was found
    assert steps.index(upload) > next(i for i, s in enumerate(steps) if "sarif" in s.get("run", ""))
    gate = [_parses(c) for c in commands if "github" in c]
    assert gate and gate[0].changed_since == "origin/main"
    assert job["steps"][0]["with"]["fetch-depth"] == 0


def test_gitlab_job_reports_junit():
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["claimcheck"]
    commands = [c for line in job["script"] for c in _claimcheck_commands(line)]
    junit = [_parses(c) for c in commands if "junit" in c]
    assert len(junit) == 1
    assert junit[0].output == job["artifacts"]["reports"]["junit"]
    assert job["artifacts"]["when"] == "always"
    assert any(_parses(c).changed_since for c in commands if "--changed-since" in c)


@pytest.mark.skipif(
    os.environ.get("CLAIMCHECK_TEST_PRE_COMMIT") != "1",
    reason="installs claimcheck from a clean clone into a new environment (needs the "
    "package index); run with CLAIMCHECK_TEST_PRE_COMMIT=1",
)
def test_pre_commit_hook_runs_from_a_clean_clone(tmp_path):
    pre_commit = shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    clone = tmp_path / "claimcheck"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    draft = newsroom / "draft.md"
    draft.write_text(
        "---\npublished: 2024-12-01\n---\nThe offensive began Wednesday.\n\nJOIN US ON TELEGRAM\n",
        encoding="utf-8",
    )
    subprocess.run(["git", "init", "--quiet"], cwd=newsroom, check=True)
    subprocess.run(["git", "add", "draft.md"], cwd=newsroom, check=True)
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    result = subprocess.run(
        [pre_commit, "try-repo", str(clone), "claimcheck", "--files", "draft.md"],
        cwd=newsroom,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 1, result.stdout + result.stderr  # findings fail the hook
    assert "draft.md:6:1: CC001" in result.stdout
