"""The verb groups that set a date's tense: the past-tense shortcut reads what the grammar
reads."""

from __future__ import annotations

import pyparsing as pp
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.lexicons import load_lexicon
from claimcheck.temporal import tense


def _groups_by_the_grammar_alone(text: str) -> list[tuple[int, int, tuple[str, str]]]:
    grammar = tense.verb_group_grammar()
    found, position = [], 0
    while (match := tense._WORD.search(text, position)) is not None:
        position = match.end()
        if tense._may_open_group(match.group()):
            try:
                end, tokens = grammar._parse(text, match.start())
            except pp.ParseBaseException:
                continue
            found.append((match.start(), end, tokens[0]))
            position = end
    return found


_WORDS = [
    *["said", "will", "has", "have", "had", "been", "was", "were", "due", "to", "would"],
    *["planned", "is", "are", "expected", "set", "killed", "red", "hundred", "don't", "won't"],
    *["he'll", "’ll", "'s", "not", "never", "be", "Announced", "SAID", "the", "on", "Monday"],
    *["going", "scheduled", "united", ","],
    *load_lexicon("future_cues")[:30],
    *load_lexicon("past_tense_verbs")[:30],
    *load_lexicon("present_tense_verbs")[:30],
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8))
def test_the_past_tense_shortcut_reads_what_the_grammar_reads(words):
    text = " ".join(words)
    assert tense._verb_groups(text) == _groups_by_the_grammar_alone(text)


def test_a_past_tense_verb_alone_and_a_perfect():
    assert [group for _, _, group in tense._verb_groups("Officials said they had agreed")] == [
        ("past", "said"),
        ("past", "had agreed"),
    ]
    assert tense.clause_tense("The talks will resume Monday", 18, 24).tense == "future"
    assert tense.clause_tense("He spoke Sunday", 9, 15).tense == "past"
