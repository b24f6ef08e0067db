"""``--changed-since REF`` / ``--diff``: only findings on changed lines, in a real git repo."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck.changes import parse_unified_diff
from tests.outputs.conftest import marker_findings

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ORIGINAL = (
    "---\npublished: 2024-12-01\n---\n"
    "First paragraph, WARNME old.\n"
    "\n"
    "Second paragraph, WARNME old too.\n"
    "\n"
    "Third paragraph, clean.\n"
)


def _git(repo: Path, *arguments: str) -> str:
    environment = {
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": __import__("os").environ["PATH"],
    }
    completed = subprocess.run(
        ["git", *arguments], cwd=repo, env=environment, capture_output=True, text=True, check=True
    )
    return completed.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "newsroom"
    (root / "drafts").mkdir(parents=True)
    (root / "drafts" / "story.md").write_text(ORIGINAL, encoding="utf-8")
    (root / "drafts" / "other.md").write_text("Untouched WARNME here.\n", encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "first drafts")
    monkeypatch.chdir(root)
    return root


def _lines(cli, marker_rules, *arguments) -> list[tuple[str, int]]:
    result = cli("check", "drafts", "--rules", marker_rules, "--format", "json", *arguments)
    assert result.code in (0, 1), result.err
    return [(Path(f["path"]).name, f["line"]) for f in marker_findings(result.json()["findings"])]


def test_diff_keeps_only_findings_on_uncommitted_lines(cli, repo, marker_rules):
    story = repo / "drafts" / "story.md"
    story.write_text(
        ORIGINAL.replace("Third paragraph, clean.", "Third paragraph, WARNME new."),
        encoding="utf-8",
    )
    assert _lines(cli, marker_rules) == [
        ("other.md", 1),
        ("story.md", 4),
        ("story.md", 6),
        ("story.md", 8),
    ]
    assert _lines(cli, marker_rules, "--diff") == [("story.md", 8)]


def test_changed_since_a_branch_counts_commits_and_edits_since_the_merge_base(
    cli, repo, marker_rules
):
    _git(repo, "checkout", "-q", "-b", "rewrite")
    story = repo / "drafts" / "story.md"
    story.write_text(
        ORIGINAL.replace(
            "Second paragraph, WARNME old too.", "Second paragraph, WARNME rewritten."
        ),
        encoding="utf-8",
    )
    _git(repo, "commit", "-q", "-am", "rewrite the second paragraph")
    (repo / "drafts" / "fresh.md").write_text(
        "A new draft, WARNME.\n", encoding="utf-8"
    )  # untracked
    # meanwhile main moves on: its own edit must not count as this branch's change
    _git(repo, "checkout", "-q", "main")
    (repo / "drafts" / "other.md").write_text(
        "Untouched WARNME here.\nWARNME on main.\n", encoding="utf-8"
    )
    _git(repo, "commit", "-q", "-am", "main edits other.md")
    _git(repo, "checkout", "-q", "rewrite")
    assert _lines(cli, marker_rules, "--changed-since", "main") == [
        ("fresh.md", 1),
        ("story.md", 6),
    ]


def test_unknown_ref_is_a_usage_error(cli, repo, marker_rules):
    result = cli("check", "drafts", "--rules", marker_rules, "--changed-since", "no-such-branch")
    assert result.code == 2
    assert "no-such-branch" in result.err


def test_outside_a_repository_is_a_usage_error(cli, write, marker_rules, tmp_path, monkeypatch):
    draft = write("lonely/draft.md", "WARNME.\n")
    monkeypatch.chdir(draft.parent)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = cli("check", draft, "--rules", marker_rules, "--diff")
    assert result.code == 2
    assert "git" in result.err


def test_parse_unified_diff_reads_hunks_additions_deletions_and_binary_files():
    diff = "\n".join(
        [
            "diff --git a/drafts/a.md b/drafts/a.md",
            "--- a/drafts/a.md",
            "+++ b/drafts/a.md",
            "@@ -3 +3 @@ context",
            "-old",
            "+new",
            "@@ -10,2 +10,0 @@",
            "-gone",
            "-gone too",
            "@@ -20,0 +19,3 @@",
            "+a",
            "+b",
            "+c",
            "diff --git a/drafts/caf\\303\\251.md b/drafts/caf\\303\\251.md",
            '--- "a/drafts/caf\\303\\251.md"',
            '+++ "b/drafts/caf\\303\\251.md"',
            "@@ -1 +1,2 @@",
            "diff --git a/old.md b/old.md",
            "--- a/old.md",
            "+++ /dev/null",
            "@@ -1,3 +0,0 @@",
            "diff --git a/desk/memo.docx b/desk/memo.docx",
            "Binary files a/desk/memo.docx and b/desk/memo.docx differ",
        ]
    )
    assert parse_unified_diff(diff) == {
        "drafts/a.md": frozenset({3, 19, 20, 21}),
        "drafts/café.md": frozenset({1, 2}),
        "desk/memo.docx": None,
    }


def test_diff_json_summary_counts_only_kept_findings(cli, repo, marker_rules):
    result = cli("check", "drafts", "--rules", marker_rules, "--format", "json", "--diff")
    payload = json.loads(result.out)
    assert payload["summary"]["findings"] == len(payload["findings"])
    assert marker_findings(payload["findings"]) == []
