"""The prefix dispatch only ever leaves out pieces that cannot match at a place."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from claimcheck.temporal import grammar
from claimcheck.temporal.dispatch import (
    OPENINGS_TABLE,
    PrefixDispatch,
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


def test_a_point_read_without_the_core_grammar_is_what_the_grammar_reads() -> None:
    # _core returns a point alone without pyparsing; the grammar must agree at every word
    core = grammar.temporal_grammar()
    for sentence in _example_sentences():
        for word in re.finditer(r"(?<!\w)\S", sentence):
            try:
                end, tokens = core._parse(sentence, word.start())
                expected = (end, tokens[0]) if tokens[0]["form"] != "invalid" else "invalid"
            except Exception:  # noqa: BLE001 - pyparsing's failure: no core here
                expected = None
            found = grammar._core(sentence, word.start())
            if expected != "invalid":
                assert found == expected, sentence[word.start() :]


def test_the_stored_openings_are_current() -> None:
    # openings.json saves reading every pattern twice at start-up; after a piece's pattern
    # changes, regenerate it: python -c "from claimcheck.temporal.grammar import
    # write_openings_table; write_openings_table()"
    expected = openings_table(grammar._dispatched_patterns())
    assert OPENINGS_TABLE.read_text(encoding="utf-8") == expected
