"""The prefix dispatch only ever leaves out pieces that cannot match at a place."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.temporal import grammar
from claimcheck.temporal.dispatch import (
    OPENINGS_TABLE,
    PrefixDispatch,
    known_openings,
    normal_form,
    openings,
    openings_table,
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:last|next)\s+week", {"last ", "next "}),
        (r"(?P<day>\d\d?)(?:th|st)", {"0th", "0st", "00th", "00st"}),
        (r"(?:the\s+)?past\s+(?:week|month)", {"the p", "past "}),
        (r"q[1-4]", {"q0"}),
        (r"@?noon", {"@noon", "noon"}),
        (r"\s*,\s*now", {" , no", " ,now", ", now", ",now"}),
        (r"\w+ ago", None),  # a word class opens it: anything may come first
        (r".", None),
    ],
)
def test_openings_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    found = openings(pattern, length=5)
    assert (found if found is None else set(found)) == expected


def test_text_is_compared_in_normal_form() -> None:
    assert normal_form("Last  WEEK, 2024") == "last week, 0000"
    assert normal_form("١٢ May") == "00 may"  # \d matches every decimal digit


def test_openings_read_patterns_case_insensitively() -> None:
    assert openings(r"Monday", length=5) == frozenset({"monda"})
    dispatch = PrefixDispatch(["weekday"], [r"Monday"])
    assert dispatch.candidates("He spoke MONDAY.", 9) == ("weekday",)
    assert dispatch.candidates("He spoke Sunday.", 9) == ()
    assert dispatch.candidates("He spoke Mon", 9) == ("weekday",)  # the text ends: kept


def _example_sentences() -> list[str]:
    text = resources.files("claimcheck.temporal").joinpath("examples.tsv").read_text("utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"]


def test_no_piece_that_matches_is_left_out() -> None:
    # at every word of every example sentence, each piece that matches there is offered,
    # also with the spaces doubled and the digits changed
    choice = grammar._point()
    sentences = _example_sentences()
    variants = [
        s.replace(" ", "  ").translate(str.maketrans("0123456789", "9876543210")) for s in sentences
    ]
    for sentence in sentences + variants:
        for word in re.finditer(r"(?<!\w)\S", sentence):
            offered = choice.dispatch.candidates(sentence, word.start())
            for piece in grammar.pieces():
                if piece.read(sentence, word.start()) is not None:
                    assert piece in offered, (piece.name, sentence[word.start() :])


def test_a_short_key_offers_every_piece_it_could_begin() -> None:
    # the text ends within the prefix ("in 2019."): every piece with an opening that
    # starts with what is left is offered, as testing each opening in turn would
    choice = grammar._point()
    dispatch = choice.dispatch
    openings = [known_openings(piece.pattern) for piece in dispatch.items]
    everything = {index for index, starts in enumerate(openings) if starts is not None}
    tails = ["", "i", "in 0", "0000.", "sun", "sunday", "jan. 0", "the we", "zzz", "~", "q"]
    for tail in tails:
        expected = {
            index
            for index, starts in enumerate(openings)
            if starts is not None and any(start.startswith(tail) for start in starts)
        }
        assert dispatch._opening_with(tail) == sum(1 << index for index in expected), tail
        offered = dispatch.candidates("said " + tail, len("said "))
        assert {dispatch.items.index(piece) for piece in offered} >= expected
    assert dispatch._opening_with("") == sum(1 << index for index in everything)


def _assert_core_reads_what_the_grammar_reads(sentence: str) -> None:
    core = grammar.temporal_grammar()
    for word in re.finditer(r"(?<!\w)\S", sentence):
        try:
            end, tokens = core._parse(sentence, word.start())
            expected = (end, tokens[0])
        except Exception:  # noqa: BLE001 - pyparsing's failure: no core here
            expected = None
        if expected is not None and expected[1]["form"] == "invalid":
            # the first point alone, as ``read`` takes it
            point = grammar._point().parseImpl(sentence, word.start())
            expected = (point[0], point[1][0])
        assert grammar._core(sentence, word.start()) == expected, sentence[word.start() :]


def test_the_core_read_without_pyparsing_is_what_the_grammar_reads() -> None:
    # _core reads without pyparsing; the grammar must agree at every word
    edges = [
        "from 10 a.m. to Monday",  # a lead and two points that make no range: nothing
        "10 a.m. to Monday",  # no lead: the first point alone
        "from the 1990s",  # a lead and a period that is a range of its own
        "from Monday",  # a lead and no end: nothing
        "Nov. 27 -  29, and 3-4pm until  noon",
    ]
    for sentence in _example_sentences() + edges:
        _assert_core_reads_what_the_grammar_reads(sentence)


_DATE_PIECES = [
    *["from ", "between ", "later than ", "Monday", "Nov. 27", "-", "–", " to ", " and ", "3"],
    *["4pm", "2024", "the ", "week", " ", "  ", "29", "10 a.m.", "until ", "Dec. 1", "March"],
    *["2013-14", "the 1990s", "next ", "at ", "noon", "today", ",", "but before ", "1/12"],
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), min_size=1, max_size=8))
def test_the_core_reads_what_the_grammar_reads_on_generated_text(pieces: list[str]) -> None:
    _assert_core_reads_what_the_grammar_reads("".join(pieces))


def test_the_stored_openings_are_current() -> None:
    # openings.json saves reading every pattern twice at start-up; after a piece's pattern
    # changes, regenerate it: python -c "from claimcheck.temporal.grammar import
    # write_openings_table; write_openings_table()"
    expected = openings_table(grammar._dispatched_patterns())
    assert OPENINGS_TABLE.read_text(encoding="utf-8") == expected
