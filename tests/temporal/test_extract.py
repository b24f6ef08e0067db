"""Temporal claims end to end: real news sentences, publication dates, the CLI."""

from __future__ import annotations

import pytest


def _temporal(cli, path, *args):
    result = cli("extract", path, "--format", "json", *args)
    assert result.code == 0, result.err
    (document,) = result.json()["documents"]
    return {c["text"]: c for c in document["claims"] if c["kind"] == "temporal"}


def _draft(write, body, published="2024-12-01", name="draft.md", extra=""):
    front = f"---\npublished: {published}\n{extra}---\n" if published else ""
    return write(name, front + body + "\n")


def test_seed_keeps_sunday_and_wednesday(cli, seed_path):
    claims = _temporal(cli, seed_path)
    assert claims["Sunday"]["value"] == {"start": "2024-12-01", "end": "2024-12-01", "grain": "day"}
    assert claims["Wednesday"]["value"]["start"] == "2024-11-27"
    assert claims["Sunday"]["explanation"] == (
        "Sunday → 2024-12-01: past tense 'spoke', publication 2024-12-01 (Sunday)"
    )
    # "a decades-long insurgency" is a duration, not a date
    assert not any("decades" in text for text in claims)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the publication day (Sunday 2024-12-01) is itself the weekday named
        ("Blinken and Fidan spoke Sunday by telephone.", "2024-12-01"),
        ("Blinken and Fidan will speak again Sunday.", "2024-12-01"),
        ("The Doha forum is Sunday.", "2024-12-01"),
    ],
)
def test_publication_day_is_the_weekday_named(cli, write, sentence, expected):
    claims = _temporal(cli, _draft(write, sentence))
    assert claims["Sunday"]["value"]["start"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "cue"),
    [
        ("NATO ministers met Wednesday in Brussels.", "2024-11-27", "past tense 'met'"),
        ("NATO ministers will meet Wednesday in Brussels.", "2024-12-04", "future 'will'"),
        ("The NATO meeting is Wednesday.", "2024-12-04", "no tense cue, nearest occurrence"),
    ],
)
def test_weekday_follows_the_tense_of_its_clause(cli, write, sentence, expected, cue):
    claim = _temporal(cli, _draft(write, sentence))["Wednesday"]
    assert claim["value"]["start"] == expected
    assert cue in claim["explanation"]


def test_each_clause_has_its_own_tense(cli, write):
    sentence = "Fidan said Monday that the talks will resume Thursday."
    claims = _temporal(cli, _draft(write, sentence, published="2024-12-03"))
    assert claims["Monday"]["value"]["start"] == "2024-12-02"
    assert claims["Thursday"]["value"]["start"] == "2024-12-05"


def test_month_day_without_year_rolls_back_across_new_year(cli, write):
    draft = _draft(write, "The tariffs took effect on Dec. 15.", published="2025-01-10")
    claim = _temporal(cli, draft)["Dec. 15"]
    assert claim["value"]["start"] == "2024-12-15"
    assert "no year, past tense 'took'" in claim["explanation"]


def test_month_day_without_year_rolls_forward_across_new_year(cli, write):
    draft = _draft(write, "The rules will take effect on Jan. 15.", published="2024-12-20")
    assert _temporal(cli, draft)["Jan. 15"]["value"]["start"] == "2025-01-15"


def test_without_publication_date_relative_dates_stay_unresolved(cli, write):
    draft = _draft(write, "The offensive began Wednesday, on Nov. 27, 2024.", published=None)
    claims = _temporal(cli, draft)
    assert claims["Wednesday"]["value"] is None
    assert "no publication date" in claims["Wednesday"]["unresolved"]
    # an absolute date needs no publication date
    assert claims["Nov. 27, 2024"]["value"]["start"] == "2024-11-27"


def test_published_today_must_be_asked_for(cli, write):
    draft = _draft(write, "The offensive began Wednesday.", published=None)
    assert _temporal(cli, draft)["Wednesday"]["value"] is None


def test_numeric_dates_read_month_first_unless_the_draft_says_day_first(cli, write):
    body = "Ballots must arrive by 1/12/2025."
    us = _temporal(cli, _draft(write, body, name="us.md"))["1/12/2025"]
    uk = _temporal(cli, _draft(write, body, name="uk.md", extra="date_order: day-first\n"))
    assert us["value"]["start"] == "2025-01-12"
    assert uk["1/12/2025"]["value"]["start"] == "2025-12-01"


def test_durations_are_not_dates(cli, write):
    body = "The war has lasted for three years, and a decades-long insurgency goes on."
    assert _temporal(cli, _draft(write, body)) == {}


def test_in_n_days_told_in_the_past_is_a_duration(cli, write):
    body = "The strikes killed 11 people in two days. Elections will be held in two weeks."
    claims = _temporal(cli, _draft(write, body))
    assert list(claims) == ["in two weeks"]
    assert claims["in two weeks"]["value"]["start"] == "2024-12-15"


def test_story_relative_expressions_are_unresolved_with_a_reason(cli, write):
    body = "Rebels took Aleppo on Saturday. Two days later, they reached Hama."
    claims = _temporal(cli, _draft(write, body))
    assert claims["Saturday"]["value"]["start"] == "2024-11-30"
    assert "another event" in claims["Two days later"]["unresolved"]


def test_times_and_zones_keep_their_day(cli, write):
    body = "The truce took effect at 4 a.m. Wednesday. Fighting resumed at 0200 GMT."
    claims = _temporal(cli, _draft(write, body))
    assert claims["4 a.m. Wednesday"]["value"] == {
        "start": "2024-11-27",
        "end": "2024-11-27",
        "grain": "hour",
        "time": "04:00",
    }
    assert claims["0200 GMT"]["value"]["zone"] == "GMT"
    assert claims["0200 GMT"]["value"]["time"] == "02:00"
    polls = _temporal(cli, _draft(write, "Polls close at 8 p.m. ET on Tuesday.", name="polls.md"))
    assert polls["8 p.m. ET on Tuesday"]["value"]["zone"] == "ET"


def test_explain_prints_every_resolution(cli, write):
    body = "The offensive began Wednesday. Talks collapsed last week. Two days later, rebels won."
    result = cli("extract", _draft(write, body), "--explain")
    assert (
        "Wednesday → 2024-11-27: past tense 'began', publication 2024-12-01 (Sunday)" in result.out
    )
    assert "last week → 2024-11-18..2024-11-24:" in result.out
    assert "Two days later unresolved: counted from another event" in result.out


def test_ordinary_numbers_and_words_are_not_dates(cli, write):
    body = (
        "More than 400 people were killed, 2/3 of them fighters. The sun rose. He sat down. "
        "Officials may resign. The march drew 5,000 people. Turnout was 25 percent."
    )
    assert _temporal(cli, _draft(write, body)) == {}


def test_a_date_across_inline_markup_is_not_a_claim_of_other_text(cli, write):
    body = "The offensive began on Nov.<b>27, officials said on Sunday."
    result = cli("extract", _draft(write, body), "--format", "json")
    source = result.json()["documents"][0]
    claims = [c for c in source["claims"] if c["kind"] == "temporal"]
    assert [c["text"] for c in claims] == ["Sunday"]
