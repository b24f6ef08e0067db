"""The command line: `claimcheck facts check`, `check --facts`, and the stale-title example."""

from __future__ import annotations

from tests.conftest import ROOT

SEED_FACTS = ROOT / "seeds" / "facts.yaml"
STALE = ROOT / "examples" / "stale-title" / "draft.md"


def fact_findings(result) -> list[dict]:
    return [f for f in result.json()["findings"] if f["rule"].startswith("CC4")]


def test_facts_check_accepts_the_seed_file(cli):
    result = cli("facts", "check", SEED_FACTS)
    assert result.code == 0
    assert result.out.strip().endswith(": no problems")
    assert "8 office terms" in result.out


def test_facts_check_reports_each_problem_with_its_line_and_exits_2(cli, write):
    bad = write(
        "bad.yaml",
        "offices:\n"
        "  - person: Antony Blinken\n    role: Secretary of State\n    body: United States\n"
        "    from: 2021-01-26\n    to: 2025-01-20\n"
        "  - person: Marco Rubio\n    role: Secretary of State\n    body: United States\n"
        "    from: 2025-01-01\n"
        "events:\n  - name: ceasefire took effect\n    date: 2024-11-31\n"
        "    predicate: took_effect\n    topics: [ceasefire]\n    colour: blue\n",
    )
    result = cli("facts", "check", bad)
    assert result.code == 2
    lines = result.out.strip().splitlines()
    assert lines[0].startswith(f"{bad}:7: Marco Rubio's term as Secretary of State")
    assert lines[1].startswith(f"{bad}:13: date: '2024-11-31' is not a date")
    assert lines[2].startswith(f"{bad}:16: unknown key 'colour' in events")
    assert len(lines) == 3


def test_facts_check_on_a_missing_file(cli, tmp_path):
    result = cli("facts", "check", tmp_path / "nope.yaml")
    assert result.code == 2
    assert result.out.strip() == f"{tmp_path / 'nope.yaml'}:1: no such facts file"


def test_check_with_a_malformed_facts_file_is_a_usage_error(cli, write):
    bad = write("bad.yaml", "offices:\n  - person: Hakan Fidan\n    from: June 2023\n")
    result = cli("check", STALE, "--facts", bad, "--published", "2024-12-01")
    assert result.code == 2
    assert f"{bad}:3: from: 'June 2023' is not a date" in result.err
    assert f"{bad}:2: offices entry has no 'role'" in result.err


def test_stale_title_example_passes_on_2024_12_01(cli):
    result = cli(
        "check", STALE, "--facts", SEED_FACTS, "--published", "2024-12-01", "--format", "json"
    )
    assert fact_findings(result) == []


def test_stale_title_example_fails_on_2025_03_01(cli):
    result = cli(
        "check", STALE, "--facts", SEED_FACTS, "--published", "2025-03-01", "--format", "json"
    )
    assert result.code == 1
    found = fact_findings(result)
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        ("CC401", 6, 1),
        ("CC401", 6, 134),
        ("CC401", 8, 178),
    ]
    assert all(f["category"] == "fact-conflict" for f in found)
    blinken = found[0]
    assert "Marco Rubio" in blinken["message"]
    cited = [(e["path"], e["text"]) for e in blinken["evidence"]]
    assert cited[0][0].endswith("facts.yaml") and cited[0][1].startswith("Antony Blinken:")
    assert cited[1][1].startswith("Marco Rubio:")
    assert blinken["evidence"][0]["note"].startswith("source: ")
    assert "al-Assad" in found[2]["message"]


def test_without_facts_the_facts_rules_are_silent(cli):
    result = cli("check", STALE, "--published", "2025-03-01", "--format", "json")
    assert fact_findings(result) == []


def test_without_a_publication_date_titles_are_not_judged(cli, write):
    draft = write("undated.txt", "US Secretary of State Antony Blinken said the talks went well.\n")
    result = cli("check", draft, "--facts", SEED_FACTS, "--format", "json")
    assert fact_findings(result) == []


def test_house_title_variant(cli, write):
    draft = write(
        "draft.md",
        "---\npublished: 2024-12-01\n---\nTurkish FM Hakan Fidan said Ankara wanted calm.\n",
    )
    result = cli("check", draft, "--facts", SEED_FACTS, "--format", "json")
    found = fact_findings(result)
    assert [(f["rule"], f["category"], f["severity"]) for f in found] == [
        ("CC404", "name-variant", "info")
    ]
    assert "house style writes 'Turkish Foreign Minister', not 'Turkish FM'" in found[0]["message"]


def test_seed_on_its_own_date_has_no_fact_conflict(cli, seed_path):
    result = cli("check", seed_path, "--facts", SEED_FACTS, "--format", "json")
    assert fact_findings(result) == []


def test_figure_and_event_findings_from_the_command_line(cli, write):
    draft = write(
        "draft.md",
        "---\npublished: 2024-12-01\n---\n"
        "The Syria offensive began Thursday, the same day a truce between Israel and "
        "Hezbollah came into effect.\n\n"
        "About 300 people have so far been killed in the offensive, a Syrian war monitor said.\n",
    )
    result = cli("check", draft, "--facts", SEED_FACTS, "--format", "json")
    rules = [(f["rule"], f["line"]) for f in fact_findings(result)]
    assert rules == [("CC402", 4), ("CC402", 4), ("CC403", 6)]


def test_configuration_names_facts_files(cli, write, tmp_path):
    write("facts/world.yaml", SEED_FACTS.read_text(encoding="utf-8"))
    config = write("claimcheck.toml", '[facts]\nfiles = ["facts/*.yaml"]\n')
    result = cli(
        "check", STALE, "--config", config, "--published", "2025-03-01", "--format", "json"
    )
    found = fact_findings(result)
    assert [f["rule"] for f in found] == ["CC401"] * 3
    assert found[0]["evidence"][0]["path"].endswith("world.yaml")
