"""A rule that crashes on one item of its each= still judges the other items."""

from __future__ import annotations

RULES = '''
from claimcheck.engine import rule


@rule("NEWS900", category="unattributed-claim", severity="warning", each="claim in numeric_claims")
def small_figures_only(claim):
    """Figures over a thousand are flagged; a figure of exactly 7 trips a bug."""
    if claim.value.low == 7:
        raise RuntimeError("seven")
    assert claim.value.low < 1000, f"{claim.text!r} is large"
'''

DRAFT = (
    "---\npublished: 2024-12-01\n---\n"
    "About 7 people were hurt.\n"
    "More than 4,000 people fled.\n"
    "Some 2,000 homes were damaged.\n"
)


def test_other_items_are_still_judged_after_a_crash(cli, write):
    rules = write("house/rules.py", RULES)
    draft = write("draft.txt", DRAFT)
    findings = cli("check", draft, "--rules", rules, "--format", "json").json()["findings"]
    flagged = sorted(f["line"] for f in findings if f["rule"] == "NEWS900")
    assert flagged == [5, 6]  # the two large figures after the crashing one
    (crash,) = [f for f in findings if f["category"] == "rule-error"]
    assert "NEWS900" in crash["message"] and "RuntimeError: seven" in crash["message"]
