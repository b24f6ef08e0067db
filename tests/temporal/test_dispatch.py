"""The prefix dispatch only ever leaves out pieces that cannot match at a place."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from claimcheck.temporal import grammar
from claimcheck.temporal.dispatch import PrefixDispatch, openings


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:last|next)\s+week", {"las", "nex"}),
        (r"(?P<day>\d)th", {str(d) + "th" for d in range(10)}),
        (r"(?:the\s+)?past\s+(?:week|month)", {"the", "pas"}),
        (r"q[1-4]", {"q1", "q2", "q3", "q4"}),
        (r"@?noon", {"@no", "noo"}),
        (r"\s*now", None),  # a class of spaces opens it: anything may come first
        (r".", None),
    ],
)
def test_openings_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    found = openings(pattern)
    assert (found if found is None else set(found)) == expected


def test_openings_read_patterns_case_insensitively() -> None:
    assert openings(r"Monday") == frozenset({"mon"})
    dispatch = PrefixDispatch(["weekday"], [r"Monday"])
    assert dispatch.candidates("He spoke MONDAY.", 9) == ("weekday",)
    assert dispatch.candidates("He spoke Sunday.", 9) == ()


def _example_sentences() -> list[str]:
    text = resources.files("claimcheck.temporal").joinpath("examples.tsv").read_text("utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"]


def test_no_piece_that_matches_is_left_out() -> None:
    # at every word of every example sentence, each piece that matches there is offered
    choice = grammar._point()
    for sentence in _example_sentences():
        for word in re.finditer(r"(?<!\w)\S", sentence):
            offered = choice.dispatch.candidates(sentence, word.start())
            for piece in grammar.pieces():
                if piece.read(sentence, word.start()) is not None:
                    assert piece in offered, (piece.name, sentence[word.start() :])
