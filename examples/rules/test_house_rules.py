"""Tests of the house rules beside this file, written as a rule author would.

``check_text`` comes from claimcheck's pytest plugin: it checks a text (with a publication
date) against the built-in rules plus the rules given, and returns the findings.
Run with ``pytest examples/rules`` (add ``--claimcheck`` to check the fixture drafts too).
"""

from pathlib import Path

HOUSE_RULES = Path(__file__).parent


def test_casualty_figure_without_a_source_is_flagged_at_its_line(check_text):
    findings = check_text(
        "Shelling resumed on Friday.\n\nAt least 60 civilians died in the strikes.\n",
        published="2024-12-01",
        rules=[HOUSE_RULES],
        select=["NEWS101"],
    )
    assert [(f.rule, f.line) for f in findings] == [("NEWS101", 3)]
    assert "'At least 60 civilians'" in findings[0].message


def test_casualty_figure_with_a_source_in_its_sentence_passes(check_text):
    findings = check_text(
        "At least 60 civilians died in the strikes, the health ministry said.\n",
        published="2024-12-01",
        rules=[HOUSE_RULES],
        select=["NEWS101"],
    )
    assert findings == []


def test_poll_shares_over_the_whole_show_their_sum(check_text):
    (finding,) = check_text(
        "In the survey, 50% approved, 45% disapproved and 15% did not answer.\n",
        published="2024-12-01",
        rules=[HOUSE_RULES],
        select=["NEWS102"],
    )
    assert finding.severity == "error"
    assert finding.message.startswith("assert 110")
    assert "sum([50" in finding.message


def test_title_variant_is_flagged_at_the_variant_with_the_house_form(check_text):
    (finding,) = check_text(
        "Talks resumed after the Secretary General arrived.\n",
        rules=[HOUSE_RULES],
        select=["NEWS103"],
    )
    assert (finding.line, finding.column) == (1, 25)
    assert finding.message == "house style writes 'Secretary-General', not 'Secretary General'"


def test_house_titles_extend_from_the_configuration(check_text, tmp_path):
    config = tmp_path / "claimcheck.toml"
    config.write_text('[house.titles]\n"Foreign Secretary" = "foreign secretary"\n')
    findings = check_text(
        "The Foreign Secretary said talks would resume.\n",
        rules=[HOUSE_RULES],
        select=["NEWS103"],
        config_file=config,
    )
    assert [f.message for f in findings] == [
        "house style writes 'foreign secretary', not 'Foreign Secretary'"
    ]


def test_anonymity_without_a_reason_is_flagged_and_with_one_passes(check_text):
    findings = check_text(
        "Officials, speaking anonymously, said the border would close.\n\n"
        "Officials, speaking anonymously because they were not authorised to comment, "
        "said the border would close.\n",
        rules=[HOUSE_RULES],
        select=["NEWS104"],
    )
    assert [(f.rule, f.line) for f in findings] == [("NEWS104", 1)]
    assert "('speaking anonymously')" in findings[0].message
