"""The tense of the clause that governs a temporal expression, found with a small grammar
of English verb groups.

The clause is bounded by ; : — and by a comma followed by a conjunction. Within it, the
verb group nearest before the expression governs it (else the first after it). Verb
groups, tried in this order at each word:

- future: a cue from ``lexicons/future_cues.txt`` ("will", "is due to", "is expected to",
  "plans to", "next" ...);
- past: a perfect ("has/have/had [not] [been] <participle>"), or a past-tense verb: an
  irregular form from ``lexicons/past_tense_verbs.txt`` or a regular ``-ed`` form;
- prospective: a future seen from the past ("would", "was due to", "was scheduled to",
  "had planned to"): neither past nor future for the resolver (the nearest day), and
  never an impossible date;
- present: "is", "are", "says", "expires", "begins" ... (``lexicons/present_tense_verbs.txt``):
  the clause is untensed, and the resolver picks the nearest day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyparsing as pp

from claimcheck.documents.segmentation import clause_around
from claimcheck.lexicons import load_lexicon
from claimcheck.lexicons.pattern_cache import compile_pattern

_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|as|after|before|when)\b")
_NOT_VERBS_ENDING_ED = frozenset(
    "red bed need feed seed speed shed hundred indeed united based armed wed sacred naked "
    "wicked ragged rugged aged beloved learned alleged embed bred steed breed greed tweed "
    "creed heed reed weed deed".split()
)


@dataclass(frozen=True)
class Tense:
    tense: str  # "past", "future", "prospective" or "none"
    cue: str  # the words that decided it, "" when none


def _is_past_participle(written: str) -> bool:
    word = written.lower()
    return word in _past_verbs() or (
        word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS_ENDING_ED
    )


def _past_participle(tokens: pp.ParseResults) -> bool:
    return _is_past_participle(tokens[0])


@cache
def _present_verbs() -> tuple[str, ...]:
    return tuple(load_lexicon("present_tense_verbs"))


@cache
def _past_verbs() -> frozenset[str]:
    return frozenset(load_lexicon("past_tense_verbs"))


@cache
def _group_heads() -> dict[str, re.Pattern[str]]:
    """The first element of each kind of verb group but the past tense: a group can
    only stand where one of these matches (else only a past-tense verb can)."""
    future_cues = sorted(load_lexicon("future_cues"), key=len, reverse=True)
    return {
        "prospective": compile_pattern(
            r"\b(?:(?:was|were|had\s+been)\s+(?:due|scheduled|expected|set|slated|supposed|"
            r"going|poised|planning)\s+to|(?:had\s+)?planned\s+to|would)\b",
            re.I,
        ),
        "future": compile_pattern(
            r"(?:(?<![\w'’])|(?=['’]ll\b))(?:"
            + "|".join(
                re.escape(c).replace(r"\ ", r"\s+").replace("'", "['’]") for c in future_cues
            )
            + r")(?![\w])",
            re.I,
        ),
        "perfect": compile_pattern(
            r"\b(?:has|have|had)(?:\s+(?:not|never|already|also|just))?(?:\s+been)?\s+", re.I
        ),
        "present": compile_pattern(r"\b(?:" + "|".join(_present_verbs()) + r")\b", re.I),
    }


_PARTICIPLE = re.compile(r"[A-Za-z’']+")


@cache
def verb_group_grammar() -> pp.ParserElement:
    """Future cues, perfects, past-tense verbs and present copulas, each tagged."""
    heads = _group_heads()
    word = pp.Regex(_PARTICIPLE)
    participle = word.copy().add_condition(_past_participle)
    # "will be held", "is expected to have been signed": the participle belongs to the future
    passive = pp.Regex(r"(?:not\s+)?(?:be|have)(?:\s+been)?\b", re.I) + participle
    future = pp.Combine(
        pp.Regex(heads["future"]) + pp.Optional(passive), adjacent=False, join_string=" "
    ).set_parse_action(lambda t: [("future", " ".join(t[0].split()))])
    perfect_group = pp.Combine(pp.Regex(heads["perfect"]) + participle, adjacent=False)
    perfect_group.set_parse_action(lambda t: [("past", " ".join(t[0].split()))])
    past = participle.copy().add_parse_action(lambda t: [("past", t[0])])
    prospective = pp.Regex(heads["prospective"]).set_parse_action(
        lambda t: [("prospective", " ".join(t[0].split()))]
    )
    # "is set for", "are expected": a present passive is present, not past
    present = pp.Combine(
        pp.Regex(heads["present"]) + pp.Optional(pp.Regex(r"(?:not\s+)?") + participle),
        adjacent=False,
        join_string=" ",
    ).set_parse_action(lambda t: [("none", " ".join(t[0].split()))])
    return pp.MatchFirst([prospective, future, perfect_group, present, past])


# How far from the date its governing verb is looked for: news clauses are short, and a
# bound keeps a pathological run-on "sentence" linear.
_REACH_BEFORE = 200
_REACH_AFTER = 120


_WORD = re.compile(r"[A-Za-z]+|['’][A-Za-z]+")


@cache
def _group_openers() -> frozenset[str]:
    """The words a verb group can start with, besides a past-tense verb."""
    words = {cue.split()[0].lower().replace("’", "'") for cue in load_lexicon("future_cues")}
    words |= {"was", "were", "had", "has", "have", "would", "planned", *_present_verbs()}
    return frozenset(words)


def _may_open_group(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    return (
        lowered in _group_openers()
        or lowered in _past_verbs()
        or (lowered.endswith("ed") and len(lowered) > 4)
    )


def _verb_groups(text: str) -> list[tuple[int, int, tuple[str, str]]]:
    """Every verb group in ``text`` with its span, left to right (the grammar is tried only
    at words that can open one)."""
    grammar = verb_group_grammar()
    heads = tuple(_group_heads().values())
    found = []
    position = 0
    while True:
        match = _WORD.search(text, position)
        if match is None:
            return found
        if not _may_open_group(match.group()):
            position = match.end()
            continue
        at = match.start()
        if not any(head.match(text, at) for head in heads):
            # only a past-tense verb can stand here (the grammar's last choice): read it
            # without the exceptions of the four choices before it
            verb = _PARTICIPLE.match(text, at)
            if verb is not None and _is_past_participle(verb.group()):
                found.append((at, verb.end(), ("past", verb.group())))
                position = verb.end()
            else:
                position = match.end()
            continue
        try:
            end, tokens = grammar._parse(text, match.start())  # noqa: SLF001
        except pp.ParseBaseException:
            position = match.end()
            continue
        found.append((match.start(), end, tokens[0]))
        position = end


def clause_tense(sentence: str, start: int, end: int) -> Tense:
    """Return the tense governing ``sentence[start:end]``: nearest verb group before it in
    its clause, else the first after it."""
    clause_start, clause_end = clause_around(
        sentence, start, end, _CLAUSE_BREAK, _REACH_BEFORE, _REACH_AFTER
    )
    before = _verb_groups(sentence[clause_start:start])
    if before:
        tense, cue = before[-1][2]
        return Tense(tense, cue)
    after = _verb_groups(sentence[end:clause_end])
    if after:
        tense, cue = after[0][2]
        return Tense(tense, cue)
    return Tense("none", "")
