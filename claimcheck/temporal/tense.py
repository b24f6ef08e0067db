"""The tense of the clause that governs a temporal expression.

Cues, nearest first, within the expression's clause (bounded by ; : — and by commas that
close a clause): a future cue (will, is due to, is expected to, plans to, next) makes the
clause future; a past-tense verb (an irregular form from ``past_tense_verbs.txt`` or a
regular ``-ed`` form) makes it past; "has/have ..." perfects count as past. Without a cue
the clause is untensed and the resolver picks the nearest day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck.lexicons import load_lexicon

_WORD = re.compile(r"[A-Za-z’']+")
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|as|after|before|when)\b|\.\s")
_NOT_VERBS_ENDING_ED = frozenset(
    "red bed need feed seed speed shed hundred indeed united based armed wed sacred naked "
    "wicked ragged rugged aged beloved learned alleged".split()
)


@dataclass(frozen=True)
class Tense:
    tense: str  # "past", "future" or "none"
    cue: str  # the word that decided it, "" when none


@cache
def _past_verbs() -> frozenset[str]:
    return frozenset(load_lexicon("past_tense_verbs"))


@cache
def _future_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cue.split()) for cue in load_lexicon("future_cues"))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(sentence, 0, start):
        clause_start = match.end()
    following = _CLAUSE_BREAK.search(sentence, end)
    return clause_start, following.start() if following else len(sentence)


def _classify(words: list[str], index: int) -> Tense | None:
    word = words[index].lower()
    for cue in _future_cues():
        if tuple(w.lower() for w in words[index : index + len(cue)]) == cue:
            return Tense("future", " ".join(cue))
    if word in _past_verbs():
        return Tense("past", words[index])
    if word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS_ENDING_ED:
        return Tense("past", words[index])
    return None


def clause_tense(sentence: str, start: int, end: int) -> Tense:
    """Return the tense governing ``sentence[start:end]``: nearest cue before it, then after."""
    clause_start, clause_end = _clause_bounds(sentence, start, end)
    before = _WORD.findall(sentence, clause_start, start)
    for index in range(len(before) - 1, -1, -1):
        found = _classify(before, index)
        if found:
            return found
    after = _WORD.findall(sentence, end, clause_end)
    for index in range(len(after)):
        found = _classify(after, index)
        if found:
            return found
    return Tense("none", "")
