"""The shortcuts of reading a figure give what the searches they stand in for give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.numeric import resolve

_PIECES = [
    *["Jan", "jan.", "January", "Sept", "dec", "the", "first", "Other", "Article", "Flight"],
    *["ſept", "\u212a", "x", "9", "_", ".", "!", "?", "-", "'", "(", " ", "  ", "\n", "\t"],
    *["\u00a0", "\u2009", "said on ", "Nov. ", "in ", "of"],
]
_WORD_PATTERNS = [resolve._MONTH_BEFORE, resolve._BEFORE_HALF, resolve._LABEL_BEFORE]


@pytest.mark.parametrize("pattern", _WORD_PATTERNS)
@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_PIECES), max_size=12))
def test_a_search_from_the_last_word_finds_what_a_search_of_every_place_finds(pattern, parts):
    before = "".join(parts)
    assert resolve._ends_with_word(pattern, before) == (pattern.search(before) is not None)


@pytest.mark.parametrize("pattern", _WORD_PATTERNS)
def test_the_last_word_search_on_cases(pattern):
    for before in ["said on Nov. ", "the ", "Article ", "in. \n", "", "   ", "Jan.\n", "x Jan"]:
        assert resolve._ends_with_word(pattern, before) == (pattern.search(before) is not None)


# the clause break as first written, which the one of resolve opens with a class of marks
_CLAUSE_BREAK_WRITTEN = r"[;:—–]|,\s+(?:and|but|while|as|after|before|when|whereas)\b"
_BREAK_PIECES = [",", ", and", ",  but", ";", ":", "—", "–", " ", "\n", "and", "when", ","]
_BREAK_PIECES += [",\nwhen", ", whereas", ", whereasx", ",,", "x", ", as", ", asx", "ﬀ"]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.sampled_from(_BREAK_PIECES), max_size=12),
    cut=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_the_clause_break_finds_what_it_was_written_as(parts, cut):
    text = "".join(parts)
    written = re.compile(_CLAUSE_BREAK_WRITTEN)
    start, end = min(cut), max(cut)
    for window in ((), (start, end)):
        found = [m.span() for m in resolve._CLAUSE_BREAK.finditer(text, *window)]
        assert found == [m.span() for m in written.finditer(text, *window)]


_CONTEXT_PIECES = [" ", "  ", ",", ";", "400 people", "12 km", "KILLED", "killed", "Rose", "rose"]
_CONTEXT_PIECES += [
    "So far",
    "to date",
    "As Of Monday",
    "Since 2023",
    "since JANUARY",
    "by Tuesday",
]
_CONTEXT_PIECES += ["the Past 24 hours", "in 2019", "overnight", "É", "Σ", "ſ", "\u212a", "İ", "ı"]


def test_the_predicate_and_as_of_patterns_are_lower_case_ascii():
    # what the searches of a text in lower case need of them (see resolve._LOOKALIKES)
    assert (
        resolve._AS_OF_PHRASES.isascii()
        and resolve._AS_OF_PHRASES == resolve._AS_OF_PHRASES.lower()
    )
    words = resolve._predicates()[1]
    assert all(word.isascii() and word == word.lower() for word in words)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=14),
    span=st.tuples(st.integers(0, 120), st.integers(0, 12)),
)
def test_a_search_in_lower_case_finds_what_a_case_blind_search_finds(parts, span):
    text = "".join(parts)
    start = min(span[0], len(text))
    end = min(start + span[1], len(text))
    found = (resolve.predicate_near(text, start, end), resolve.as_of_near(text, start, end))
    original = resolve._lower_case
    resolve._lower_case = lambda text: None  # every text searched case-blind
    try:
        blind = (resolve.predicate_near(text, start, end), resolve.as_of_near(text, start, end))
    finally:
        resolve._lower_case = original
    assert found == blind
