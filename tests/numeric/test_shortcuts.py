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
