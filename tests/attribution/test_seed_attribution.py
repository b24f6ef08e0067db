"""The seed's attributions: Miller's statement, the ministry source, Fidan, the monitor."""

from __future__ import annotations

import pytest

from claimcheck.attribution import analyse_attribution, extract_attribution
from claimcheck.documents import read_document


@pytest.fixture(scope="module")
def seed_claims():
    from tests.conftest import SEED

    return extract_attribution(read_document(str(SEED)))


def _on_line(claims, line):
    return [(c.value.speaker, c.value.speaker_text, c.value.cue) for c in claims if c.line == line]


def test_miller_statement_is_direct_with_the_whole_quote(seed_claims):
    (miller,) = [c for c in seed_claims if c.line == 7]
    assert miller.text == "State Department spokesman Matthew Miller said in a statement"
    assert miller.value.speaker == "Matthew Miller"
    assert miller.value.quote == (
        "the need for de-escalation and the protection of civilian lives and infrastructure "
        "in Aleppo and elsewhere"
    )
    assert miller.value.content.startswith("Blinken and Turkish Foreign Minister Hakan Fidan")


def test_ministry_source_reports_what_fidan_told_blinken(seed_claims):
    assert _on_line(seed_claims, 11) == [
        ("Turkish foreign ministry source", "a Turkish foreign ministry source", "according to"),
        ("Hakan Fidan", "Fidan", "told"),
        ("Hakan Fidan", "Fidan", "said"),
    ]
    source, told, said = [c for c in seed_claims if c.line == 11]
    assert source.text == "According to a Turkish foreign ministry source"
    assert source.value.quote is None  # the quoted words are Fidan's, not the source's
    assert source.value.content.startswith("Fidan told Blinken Ankara was")
    assert told.value.quote == (
        "against any development that would increase instability in the region"
    )
    assert told.value.content.startswith("Ankara was “against")
    assert said.value.quote == "support moves to reduce the tension in Syria"


def test_he_also_said_is_hakan_fidan(seed_claims):
    assert _on_line(seed_claims, 12) == [
        ("Hakan Fidan", "He", "said"),
        ("Hakan Fidan", "He", "insisting"),
    ]
    he, insisting = [c for c in seed_claims if c.line == 12]
    assert he.value.quote.startswith("the political process between the regime")
    assert insisting.value.quote == (
        "never allow terrorist activities against Turkey nor against Syrian civilians"
    )


def test_war_monitor_is_the_speaker_of_the_clause_before_it(seed_claims):
    assert _on_line(seed_claims, 13) == [("Syrian war monitor", "a Syrian war monitor", "said")]
    (monitor,) = [c for c in seed_claims if c.line == 19]
    assert monitor.value.content.startswith("More than 400 people have so far been killed")
    assert monitor.value.quote is None and monitor.value.direct is False


def test_state_department_and_the_source_later(seed_claims):
    assert _on_line(seed_claims, 20) == [("State Department", "The State Department", "said")]
    assert _on_line(seed_claims, 21) == [("Hakan Fidan", "Fidan", "said")]
    (fidan,) = [c for c in seed_claims if c.line == 21]
    # two partial quotes apart in the sentence: an ellipsis between them, each kept apart
    assert fidan.value.quote == (
        "should keep its promises in order for the Lebanon ceasefire to become permanent"
        " ... as soon as possible"
    )
    assert fidan.value.quotes[1] == "as soon as possible"
    # "the source" is the Turkish foreign ministry source spoken of before
    assert _on_line(seed_claims, 22) == [("Turkish foreign ministry source", "the source", "said")]


def test_seed_register_knows_who_is_who():
    from tests.conftest import SEED

    register = analyse_attribution(read_document(str(SEED))).register
    people = {p.name: p for p in register.people}
    assert people["Antony Blinken"].to_json()["titles"] == ["US Secretary of State"]
    assert people["Hakan Fidan"].to_json()["titles"] == ["Turkish Foreign Minister"]
    assert people["Matthew Miller"].to_json()["titles"] == ["State Department spokesman"]
    # the lead's "Turkey's top diplomat" is Fidan, named only in the next paragraph
    assert register.resolve("Turkey’s top diplomat").speaker == "Hakan Fidan"
    assert register.resolve("the Secretary").speaker == "Antony Blinken"
    assert register.resolve("Fidan").speaker == "Hakan Fidan"
