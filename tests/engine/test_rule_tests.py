"""`claimcheck test-rules` and `pytest --claimcheck`: pass on the examples, fail when broken."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "rules"


@pytest.fixture
def examples(tmp_path) -> Path:
    """A copy of examples/rules to break."""
    copy = tmp_path / "rules"
    shutil.copytree(EXAMPLES, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _break(fixture: Path, old: str, new: str) -> None:
    text = fixture.read_text(encoding="utf-8")
    assert old in text
    fixture.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_test_rules_passes_on_the_examples(cli):
    result = cli("test-rules", EXAMPLES)
    assert result.code == 0, result.out
    assert "4 passed, 0 failed" in result.out


def test_test_rules_passes_on_the_builtin_fixtures(cli):
    result = cli("test-rules", ROOT / "tests" / "rules" / "fixtures")
    assert result.code == 0, result.out


def test_missing_expected_finding_fails(cli, examples):
    draft = examples / "fixtures" / "NEWS101_casualty_source.md"
    _break(
        draft,
        "At least 60 civilians died in the strikes.",
        "At least 60 civilians died, the ministry said.",
    )
    result = cli("test-rules", examples)
    assert result.code == 1
    assert f"{draft}:11: NEWS101 expected here, not found" in result.out


def test_finding_on_an_expect_not_line_fails(cli, examples):
    draft = examples / "fixtures" / "NEWS103_house_titles.md"
    _break(draft, "The Secretary-General arrived", "The Secretary General arrived")
    result = cli("test-rules", examples)
    assert result.code == 1
    assert f"{draft}:9: NEWS103 found here, but the line says expect-not" in result.out


def test_finding_nobody_asked_for_fails(cli, examples):
    draft = examples / "fixtures" / "NEWS103_house_titles.md"
    with draft.open("a", encoding="utf-8") as handle:
        handle.write("\nThe Vice-President declined to comment.\n")
    result = cli("test-rules", examples)
    assert result.code == 1
    assert "NEWS103 found but not expected: house style writes 'Vice President'" in result.out


def test_annotation_naming_an_unknown_rule_fails(cli, examples):
    draft = examples / "fixtures" / "NEWS102_poll_shares.md"
    _break(draft, "<!-- expect: NEWS102 -->", "<!-- expect: NEWS1O2 -->")
    result = cli("test-rules", examples)
    assert result.code == 1 and "NEWS1O2 is not a loaded rule" in result.out


def test_crashing_rule_fails_its_fixture(cli, examples):
    _break(examples / "polls.py", "assert sum(shares) <= 101", "assert sum(shares) / 0 <= 101")
    result = cli("test-rules", examples)
    assert result.code == 1 and "CC900 found but not expected" in result.out


def _pytest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_pytest_plugin_passes_on_the_examples_and_runs_their_tests(examples):
    result = _pytest("--claimcheck", str(examples), cwd=examples.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    # four fixture drafts (one rule under test each) and the six tests of the examples
    assert "10 passed" in result.stdout


def test_pytest_plugin_fails_a_broken_annotation_and_prints_it(examples):
    draft = examples / "fixtures" / "NEWS102_poll_shares.md"
    _break(draft, "and 20% were undecided", "and 8% were undecided")
    result = _pytest("--claimcheck", str(examples), cwd=examples.parent)
    assert result.returncode == 1
    assert "NEWS102_poll_shares.md::NEWS102" in result.stdout
    assert "NEWS102 expected here, not found" in result.stdout


def test_pytest_plugin_lints_a_plain_draft_one_test_per_rule(tmp_path, examples):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "story.md").write_text(
        "---\npublished: 2024-12-01\n---\nThe Secretary General spoke on Friday.\n",
        encoding="utf-8",
    )
    result = _pytest(
        "--claimcheck", "drafts", "--claimcheck-rules", str(examples), "-k", "NEWS", cwd=tmp_path
    )
    assert result.returncode == 1
    assert "drafts/story.md:4:5: NEWS103 warning house style writes 'Secretary-General'" in (
        result.stdout
    )
    assert "1 failed, 3 passed" in result.stdout  # NEWS101 to NEWS104


def test_plugin_is_inert_without_the_option(tmp_path):
    (tmp_path / "story.md").write_text("The Secretary General spoke.\n", encoding="utf-8")
    result = _pytest(str(tmp_path / "story.md"), cwd=tmp_path)
    # without --claimcheck a draft is not a test file: pytest finds nothing in it
    assert result.returncode == 4 and "no tests ran" in result.stdout


def test_pytest_plugin_reports_an_unreadable_draft_in_one_line(tmp_path):
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    result = _pytest("--claimcheck", "empty.md", cwd=tmp_path)
    assert result.returncode != 0
    assert "claimcheck: empty.md: empty file: nothing to check" in result.stdout
    assert "Traceback" not in result.stdout
