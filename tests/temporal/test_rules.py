"""CC101 weekday-mismatch, CC102 temporal-impossible, CC103 date-conflict: each firing on
a draft that has the mistake and silent on one that does not."""

from __future__ import annotations


def _findings(cli, *args, rule):
    return cli("check", *args, "--format", "json").findings(rule)


def _draft(write, body, published="2024-12-03", name="draft.md"):
    return write(name, f"---\npublished: {published}\n---\n{body}\n")


def test_weekday_mismatch_fires_on_a_date_of_another_weekday(cli, write):
    draft = _draft(write, "The ceasefire took effect on Sunday, June 2, 2025.", "2025-06-03")
    (finding,) = _findings(cli, draft, rule="CC101")
    assert finding["category"] == "weekday-mismatch"
    assert finding["severity"] == "error"
    assert finding["message"].startswith("June 2, 2025 is a Monday, not a Sunday")
    assert (finding["line"], finding["column"]) == (4, 30)


def test_weekday_mismatch_is_silent_when_weekday_and_date_agree(cli, write):
    body = "The ceasefire took effect on Monday, June 2, 2025. Talks opened Monday, June 9."
    assert _findings(cli, _draft(write, body, "2025-06-10"), rule="CC101") == []


def test_weekday_mismatch_checks_a_date_without_year_in_the_year_tense_implies(cli, write):
    # published 2025-06-10: "June 2" in the past is 2025-06-02, a Monday
    draft = _draft(write, "Rebels attacked the base on Sunday, June 2.", "2025-06-10")
    (finding,) = _findings(cli, draft, rule="CC101")
    assert "past tense 'attacked'" in finding["message"]


def test_temporal_impossible_fires_on_past_after_publication(cli, write):
    draft = _draft(write, "The two leaders met on Dec. 15, 2024, in Ankara.")
    (finding,) = _findings(cli, draft, rule="CC102")
    assert finding["category"] == "temporal-impossible"
    assert (
        "past tense ('met') but dated 2024-12-15, after publication 2024-12-03"
        in (finding["message"])
    )


def test_temporal_impossible_fires_on_future_before_publication(cli, write):
    draft = _draft(write, "The two leaders will meet on Nov. 20, 2024.")
    (finding,) = _findings(cli, draft, rule="CC102")
    assert "future ('will') but dated 2024-11-20, before publication" in finding["message"]


def test_temporal_impossible_is_silent_on_consistent_and_prospective_clauses(cli, write):
    body = (
        "The two leaders met on Nov. 20, 2024. They will meet again on Dec. 15, 2024. "
        "Talks were scheduled to resume on Dec. 20, 2024, officials said. "
        "The offensive began Wednesday. Parliament will vote tomorrow. "
        "The ministers extended the truce to Dec. 31, 2024. "
        "A court will examine the events of Oct. 7, 2023. "
        "The deal signed Friday expires on Dec. 31, 2025."
    )
    assert _findings(cli, _draft(write, body), rule="CC102") == []


def test_date_conflict_fires_on_the_syria_example(check_syria_example):
    (finding,) = check_syria_example("--format", "json").findings("CC103")
    assert finding["category"] == "date-conflict"
    assert finding["line"] == 11
    message = finding["message"]
    assert "'Thursday' is dated 2024-11-28" in message
    assert "'Wednesday' dates the same event 2024-11-27" in message
    assert "Thursday → 2024-11-28: past tense 'began', publication 2024-12-03 (Tuesday)" in message
    assert "Wednesday → 2024-11-27: past tense 'began', publication 2024-12-01 (Sunday)" in message
    (evidence,) = finding["evidence"]
    assert evidence["path"].endswith("wire-2024-12-01.md")
    assert (evidence["line"], evidence["text"]) == (10, "Wednesday")


def test_date_conflict_fires_on_launched_against_began(cli, write):
    wire = write(
        "wire.md", "---\npublished: 2024-11-29\n---\nRebels launched the offensive Wednesday.\n"
    )
    draft = _draft(write, "The rebel offensive began Thursday.")
    (finding,) = _findings(cli, draft, "--source", wire, rule="CC103")
    assert "2024-11-28" in finding["message"] and "2024-11-27" in finding["message"]


def test_different_weekday_words_on_the_same_date_are_not_a_conflict(cli, write):
    # the wire of Friday 2024-11-29 says Wednesday; the draft of Tuesday 2024-12-03 says
    # "last Wednesday": both 2024-11-27. And "spoke Sunday" is the same Sunday on both sides.
    wire = write(
        "wire.md",
        "---\npublished: 2024-12-01\n---\nThe Syria offensive began Wednesday. "
        "Blinken and Fidan spoke Sunday about Syria.\n",
    )
    draft = _draft(
        write,
        "The Syria offensive began last Wednesday. Blinken and Fidan spoke Sunday about Syria.",
    )
    assert _findings(cli, draft, "--source", wire, rule="CC103") == []


def test_date_conflict_within_one_draft_is_reported_once(cli, write):
    body = "The offensive began Wednesday. The offensive began Friday, officials said."
    (finding,) = _findings(cli, _draft(write, body), rule="CC103")
    assert finding["message"].startswith("'Friday' is dated 2024-11-29, but earlier in the draft")


def test_different_events_are_not_compared(cli, write):
    body = "The offensive began Wednesday. The truce took effect Friday."
    assert _findings(cli, _draft(write, body), rule="CC103") == []


def test_rules_explain_themselves(cli):
    for rule_id in ("CC101", "CC102", "CC103"):
        result = cli("rules", "--explain", rule_id)
        assert result.code == 0
        assert "Example (flagged)" in result.out and "Use instead" in result.out
