"""SARIF 2.1.0: valid against the OASIS schema, with rules, levels, regions, fingerprints."""

from __future__ import annotations

import json

import pytest

from claimcheck.reports.sarif import artifact_uri
from tests.conftest import ROOT

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_PATH = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"

DRAFT = (
    "---\npublished: 2024-12-01\n---\n"
    "The council met on Tuesday and WARNME said nothing.\n"
    "\n"
    "A second paragraph where ERRME stands, and INFOME too.\n"
)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _sarif(cli, *arguments) -> dict:
    result = cli("check", *arguments, "--format", "sarif")
    return json.loads(result.out)


def _marked(log: dict) -> dict[str, dict]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"] if r["ruleId"].startswith("MARK")}


def test_sarif_is_valid_against_the_2_1_0_schema(cli, write, marker_rules, validator):
    draft = write("draft.md", DRAFT)
    log = _sarif(cli, draft, "--rules", marker_rules)
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert log["version"] == "2.1.0"
    assert len(_marked(log)) == 3


def test_sarif_with_no_findings_and_with_input_errors_is_valid(cli, write, validator, tmp_path):
    clean = write("clean.txt", "Nothing to see in this short paragraph.\n")
    log = _sarif(cli, clean, tmp_path / "missing.md")
    assert not list(validator.iter_errors(log))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert "missing.md" in note["message"]["text"]


def test_sarif_rules_carry_help_text_and_default_levels(cli, write, marker_rules):
    draft = write("draft.md", DRAFT)
    log = _sarif(cli, draft, "--rules", marker_rules)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    warn = rules["MARK01"]
    assert (
        warn["shortDescription"]["text"] == "Flags the word WARNME: a warning for the output tests."
    )
    assert "Why it matters: the tests need a warning" in warn["help"]["text"]
    assert warn["defaultConfiguration"]["level"] == "warning"
    assert rules["MARK02"]["defaultConfiguration"]["level"] == "error"
    assert rules["MARK03"]["defaultConfiguration"]["level"] == "note"
    ordered = log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        assert ordered[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_have_levels_and_regions(cli, write, marker_rules):
    draft = write("draft.md", DRAFT)
    marked = _marked(_sarif(cli, draft, "--rules", marker_rules))
    assert {rule: r["level"] for rule, r in marked.items()} == {
        "MARK01": "warning",
        "MARK02": "error",
        "MARK03": "note",
    }
    location = marked["MARK01"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == artifact_uri(str(draft))
    assert location["region"] == {
        "startLine": 4,
        "startColumn": 32,
        "endLine": 4,
        "endColumn": 38,
        "snippet": {"text": "WARNME"},
    }
    assert marked["MARK02"]["message"]["text"] == "marker ERRME\nsecond line, with a comma"


def test_fingerprints_survive_edits_elsewhere_and_tell_repeats_apart(cli, write, marker_rules):
    draft = write("draft.md", DRAFT)
    before = _marked(_sarif(cli, draft, "--rules", marker_rules))
    moved = write("draft.md", DRAFT.replace("The council", "New lead paragraph.\n\nThe council"))
    after = _marked(_sarif(cli, moved, "--rules", marker_rules))
    for rule in ("MARK01", "MARK02", "MARK03"):
        line_before = before[rule]["locations"][0]["physicalLocation"]["region"]["startLine"]
        line_after = after[rule]["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert line_after == line_before + 2
        assert before[rule]["partialFingerprints"] == after[rule]["partialFingerprints"]
    twice = write("twice.md", "WARNME once.\n\nWARNME twice.\n")
    results = _sarif(cli, twice, "--rules", marker_rules)["runs"][0]["results"]
    prints = [
        r["partialFingerprints"]["claimcheckFinding/v1"] for r in results if r["ruleId"] == "MARK01"
    ]
    assert len(prints) == 2 and len(set(prints)) == 2


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("drafts/a b.md", "drafts/a%20b.md"),
        ("drafts/café.md", "drafts/caf%C3%A9.md"),
        ("/srv/news/draft.md", "file:///srv/news/draft.md"),
        ("-", "-"),
    ],
)
def test_artifact_uris(path, uri):
    assert artifact_uri(path) == uri
