"""The shared regex builder of the lexicons: every word matched, whole, and nothing else."""

from __future__ import annotations

import re

import pytest

from claimcheck.lexicons import alternation

_WORDS = ["killed", "kill", "wounded", "so far", "-1", "]x", "^z", "\\y", "a b", "İn"]


@pytest.mark.parametrize("word", _WORDS)
def test_each_word_is_matched_whole(word):
    pattern = re.compile(rf"(?:{alternation(_WORDS)})$")
    assert pattern.match(word.replace(" ", "  "))


def test_longest_first_and_nothing_else():
    pattern = re.compile(alternation(["kill", "killed"]))
    assert pattern.match("killed").group() == "killed"
    assert pattern.match("skill") is None
    assert re.compile(alternation(["kill", "killed"]), re.I).match("KILLED").group() == "KILLED"


def test_the_first_character_test_is_only_where_it_is_exact():
    # an empty word matches anywhere and a single first character needs no extra test
    assert not alternation(["", "a"]).startswith("(?=")
    assert not alternation(["ab", "ac"]).startswith("(?=")
    assert alternation(["ab", "cd"]).startswith("(?=[ac])")
