"""Configuration: found upwards, select/ignore/severity/fail-level/rules/sources/per-file."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.config import Config, find_config, load_config, parse_config
from claimcheck.errors import UsageError

RULES = '''
from claimcheck.engine import problem, rule


@rule("HOUSE101", category="boilerplate", severity="warning")
def no_exclamation(document):
    """News copy does not shout."""
    for sentence in document.sentences:
        if sentence.text.endswith("!"):
            yield problem(sentence, "exclamation mark in copy")


@rule("HOUSE201", category="arithmetic", severity="info")
def no_question(document):
    """No rhetorical questions."""
    for sentence in document.sentences:
        if sentence.text.endswith("?"):
            yield problem(sentence, "question in copy")
'''

DRAFT = "What a week!\n\nWho knew?\n"


def _rule_lines(result) -> list[tuple[str, int, str]]:
    return [
        (f["rule"], f["line"], f["severity"])
        for f in result.json()["findings"]
        if f["rule"].startswith("HOUSE")
    ]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A newsroom project: house rules, a draft, run from a subfolder."""
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "rules.py").write_text(RULES, encoding="utf-8")
    (tmp_path / "drafts" / "opinion").mkdir(parents=True)
    (tmp_path / "drafts" / "news.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "opinion" / "column.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "drafts")
    return tmp_path


def test_pyproject_table_found_from_a_subfolder_sets_rules_severity_and_fail_level(project, cli):
    (project / "pyproject.toml").write_text(
        '[tool.claimcheck]\nrules = ["house"]\nfail-level = "error"\n'
        '[tool.claimcheck.severity]\nHOUSE2 = "warning"\n',
        encoding="utf-8",
    )
    result = cli("check", "news.txt", "--format", "json")
    assert _rule_lines(result) == [("HOUSE101", 1, "warning"), ("HOUSE201", 3, "warning")]
    assert result.code == 0  # nothing at error level
    assert cli("check", "news.txt", "--fail-level", "warning").code == 1


def test_claimcheck_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["CC1"]\n')
    (project / "claimcheck.toml").write_text('ignore = ["CC2"]\n')
    assert find_config(project / "drafts") == project / "claimcheck.toml"
    assert load_config(search_from=project / "drafts").ignore == ("CC2",)


def test_pyproject_without_a_claimcheck_table_is_passed_over(project):
    (project / "drafts" / "pyproject.toml").write_text("[tool.black]\nline-length = 88\n")
    (project / "claimcheck.toml").write_text('select = ["CC0"]\n')
    assert find_config(project / "drafts") == project / "claimcheck.toml"


def test_ignore_by_prefix_and_select_by_exact_id(project, cli):
    (project / "claimcheck.toml").write_text('rules = ["house"]\nignore = ["HOUSE"]\n')
    assert _rule_lines(cli("check", "news.txt", "--format", "json")) == []
    # the full id on the command line is more specific than the configured prefix
    result = cli("check", "news.txt", "--format", "json", "--select", "HOUSE201")
    assert _rule_lines(result) == [("HOUSE201", 3, "info")]
    (project / "claimcheck.toml").write_text(
        'rules = ["house"]\nselect = ["HOUSE1"]\nignore = ["HOUSE101"]\n'
    )
    assert _rule_lines(cli("check", "news.txt", "--format", "json")) == []


def test_select_by_category_and_ignore_on_the_command_line(project, cli):
    (project / "claimcheck.toml").write_text('rules = ["house"]\n')
    result = cli("check", "news.txt", "--format", "json", "--select", "arithmetic")
    assert _rule_lines(result) == [("HOUSE201", 3, "info")]
    result = cli("check", "news.txt", "--format", "json", "--ignore", "boilerplate")
    assert _rule_lines(result) == [("HOUSE201", 3, "info")]


def test_per_file_ignores_match_globs_relative_to_the_config(project, cli):
    (project / "claimcheck.toml").write_text(
        'rules = ["house"]\n[per-file-ignores]\n"drafts/opinion/*" = ["HOUSE1"]\n'
    )
    assert [r for r, *_ in _rule_lines(cli("check", "opinion/column.txt", "--format", "json"))] == [
        "HOUSE201"
    ]
    assert len(_rule_lines(cli("check", "news.txt", "--format", "json"))) == 2


def test_sources_listed_in_the_config_are_read(project, cli):
    (project / "wire").mkdir()
    (project / "wire" / "afp.txt").write_text("Rebels entered the city on Friday.\n")
    (project / "claimcheck.toml").write_text(
        'rules = ["house"]\nsources = ["wire/*.txt"]\n', encoding="utf-8"
    )
    config = load_config(search_from=Path.cwd())
    assert config.sources == (project / "wire" / "afp.txt",)
    (project / "claimcheck.toml").write_text('sources = ["wire/*.html"]\n')
    result = cli("check", "news.txt")
    assert result.code == 2 and "matches no file" in result.err


def test_config_option_names_a_file_and_isolated_ignores_all(project, cli):
    other = project / "elsewhere.toml"
    other.write_text('rules = ["house"]\nselect = ["HOUSE101"]\n')
    result = cli("check", "news.txt", "--config", other, "--format", "json")
    assert _rule_lines(result) == [("HOUSE101", 1, "warning")]
    (project / "claimcheck.toml").write_text('select = ["nonsense-category-x"]\n')
    assert cli("check", "news.txt", "--isolated").code in (0, 1)


@pytest.mark.parametrize(
    "text, complaint",
    [
        ('selct = ["CC1"]\n', "unknown key 'selct'"),
        ('select = ["not a selector"]\n', "neither a rule id"),
        ('fail-level = "fatal"\n', "fail-level"),
        ('[severity]\nCC1 = "loud"\n', "severity of CC1"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_mistakes_in_the_config_are_usage_errors(project, cli, text, complaint):
    (project / "claimcheck.toml").write_text(text)
    result = cli("check", "news.txt")
    assert result.code == 2 and complaint in result.err


def test_other_tables_reach_rules_through_the_config_input(tmp_path):
    config = parse_config({"house": {"titles": {"Premier": "Prime Minister"}}}, tmp_path / "c")
    assert config["house"]["titles"] == {"Premier": "Prime Minister"}
    assert dict(Config()) == {}


def test_most_specific_selector_decides_and_engine_findings_need_their_exact_id():
    config = Config(select=("CC1",), ignore=("CC10",), severity={"CC1": "error", "CC101": "info"})
    assert config.is_enabled("CC110", "date-conflict")
    assert not config.is_enabled("CC101", "weekday-mismatch")
    assert config.severity_for("CC101", "weekday-mismatch") == "info"
    assert config.severity_for("CC120", "date-conflict") == "error"
    assert not Config(ignore=("ALL",)).is_enabled("CC001", "boilerplate")
    assert Config(select=("CC1",), ignore=("rule-error",)).is_enabled("CC900", "rule-error")
    assert not Config(ignore=("CC900",)).is_enabled("CC900", "rule-error")


def test_missing_config_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such configuration file"):
        load_config(tmp_path / "absent.toml")
