"""The rule engine: inputs by name, one finding per failing item, crashing rules."""

from __future__ import annotations

RULE_FILE = '''
from claimcheck.engine import problem, rule


@rule("NEWS001", category="unattributed-claim", severity="warning", each="claim in numeric_claims")
def toll_has_named_source(claim, attribution_claims):
    """Every casualty figure needs a source in its sentence."""
    speakers = [a for a in attribution_claims if a.sentence == claim.sentence]
    assert speakers, f"figure {claim.text!r} has no source in its sentence"


@rule("NEWS002", category="boilerplate", severity="info")
def no_exclamation(document):
    """News copy does not shout."""
    for sentence in document.sentences:
        if sentence.text.endswith("!"):
            yield problem(sentence, "exclamation mark in copy")


@rule("NEWS003", category="boilerplate", severity="error", each="claim in temporal_claims")
def broken(claim):
    """A rule with a bug."""
    return 1 / 0
'''

DRAFT = (
    "---\npublished: 2024-12-01\n---\n"
    "More than 400 people have been killed, a Syrian war monitor said.\n"
    "At least 60 civilians died in the strikes.\n"
    "What a week!\n"
    "The offensive began Wednesday.\n"
)


def test_custom_rules_yield_findings_at_the_right_lines(cli, write):
    rules = write("house/rules.py", RULE_FILE)
    draft = write("draft.txt", DRAFT)
    result = cli("check", draft, "--rules", rules.parent, "--format", "json")
    assert result.code == 1
    findings = {(f["rule"], f["line"]): f for f in result.json()["findings"]}
    news001 = findings[("NEWS001", 5)]
    assert news001["message"] == "figure 'At least 60 civilians' has no source in its sentence"
    assert news001["column"] == 1
    assert ("NEWS001", 4) not in findings  # attributed in its sentence
    assert findings[("NEWS002", 6)]["severity"] == "info"


def test_crashing_rule_becomes_rule_error_and_others_still_report(cli, write):
    rules = write("house/rules.py", RULE_FILE)
    draft = write("draft.txt", DRAFT)
    findings = cli("check", draft, "--rules", rules, "--format", "json").json()["findings"]
    errors = [f for f in findings if f["category"] == "rule-error"]
    assert len(errors) == 1
    assert "NEWS003" in errors[0]["message"] and "ZeroDivisionError" in errors[0]["message"]
    crash_line = RULE_FILE.splitlines().index("    return 1 / 0") + 1
    assert f"line {crash_line} of {rules}" in errors[0]["message"]
    assert any(f["rule"] == "NEWS001" for f in findings)


def test_rules_lists_builtin_rules(cli):
    result = cli("rules")
    assert result.code == 0
    line = next(line for line in result.out.splitlines() if line.startswith("CC001"))
    assert "boilerplate" in line and "warning" in line


def test_rules_explain_prints_the_docstring(cli):
    result = cli("rules", "--explain", "CC001")
    assert result.code == 0
    assert "Why it matters" in result.out and "JOIN US ON TELEGRAM" in result.out


def test_broken_rule_file_is_a_clear_usage_error(cli, write):
    rules = write("bad_rules.py", "this is not python\n")
    draft = write("draft.txt", DRAFT)
    result = cli("check", draft, "--rules", rules)
    assert result.code == 2
    assert "rule file failed to load" in result.err and "Traceback" not in result.err


def test_fail_level_error_ignores_warnings(cli, seed_path):
    assert cli("check", seed_path, "--fail-level", "error").code == 0
    assert cli("check", seed_path).code == 1


GROUP_RULE = '''
from claimcheck.engine import rule


@rule("HOUSE401", category="numeric-conflict", each="group in groups")
def one_toll_per_story(group):
    """Made up for the test: one figure per linked group."""
    lows = sorted({c.value.low for c in group.claims if c.kind == "numeric"})
    assert len(lows) <= 1
'''


def test_each_group_finding_stands_at_its_first_claim_with_the_others_as_evidence(cli, write):
    rules = write("house/groups.py", GROUP_RULE)
    draft = write(
        "draft.md",
        "---\npublished: 2024-12-01\n---\n"
        "At least 400 people have been killed in the offensive, a war monitor said.\n\n"
        "The monitor said at least 300 people have been killed in the offensive.\n",
    )
    result = cli("check", draft, "--rules", rules, "--select", "HOUSE", "--format", "json")
    (finding,) = result.json()["findings"]
    assert finding["line"] == 4
    assert finding["message"] == "assert 2 <= 1; where 2 = len([300.0, 400.0])"
    assert [(e["line"], e["text"]) for e in finding["evidence"]] == [(6, "at least 300 people")]


def test_rules_explain_says_where_the_rule_lives_and_what_it_asks_for(cli, write):
    rules = write("house/groups.py", GROUP_RULE)
    out = cli("rules", "--rules", rules, "--explain", "house401").out
    assert out.startswith(
        "HOUSE401 one_toll_per_story (numeric-conflict, default severity warning)"
    )
    assert f"Defined in {rules}" in out
    assert "Runs once per group in groups" in out and "Made up for the test" in out
