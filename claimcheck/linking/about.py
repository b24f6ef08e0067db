"""What a claim is about: its predicate class, the things it counts or concerns, the
people and places it names, and its time window; read from the claim's clause."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck.claims import Claim
from claimcheck.lexicons import load_table

_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|as|after|before|when|most|the same)\b")
_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*")
_WINDOW = re.compile(
    r"\b(?:so far|to date|in total|in the past \d+ (?:hours|days|weeks)|in the past "
    r"(?:day|week|month|year)|over the past \d+ (?:hours|days)|since \w+|on \w+day|"
    r"overnight|in (?:19|20)\d\d|last (?:week|month|year))\b",
    re.I,
)
_SUBSET = re.compile(r"\b(?:among them|of them|of whom|including)\b", re.I)


@dataclass(frozen=True, slots=True)
class About:
    """A claim's description for linking; empty fields mean "not stated"."""

    predicate: str | None
    counted: str | None
    topics: frozenset[str]
    names: frozenset[str]
    window: str | None
    subset: bool


@cache
def _predicate_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"\b{re.escape(word)}\b", re.I), predicate)
        for word, predicate in load_table("predicates")
    )


@cache
def _topic_words() -> dict[str, str]:
    return {word: canonical for word, canonical in load_table("event_nouns")}


@cache
def _counted_classes() -> dict[str, str]:
    return {noun: group for noun, group in load_table("counted_classes")}


def clause_of(claim: Claim) -> str:
    """The clause of the claim's sentence that contains it."""
    text = claim.sentence.text
    # offsets of the claim inside its sentence (sentence offsets are in document text)
    start = text.find(claim.text)
    start = max(start, 0)
    end = start + len(claim.text)
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = match.end()
    following = _CLAUSE_BREAK.search(text, end)
    return text[clause_start : following.start() if following else len(text)]


def nearest_predicate(text: str, anchor: int) -> str | None:
    """The predicate class named nearest to ``anchor`` in ``text`` (before it wins ties)."""
    best: tuple[int, str] | None = None
    for pattern, predicate in _predicate_patterns():
        for match in pattern.finditer(text):
            distance = anchor - match.end() if match.end() <= anchor else match.start() - anchor + 1
            if best is None or distance < best[0]:
                best = (distance, predicate)
    return best[1] if best else None


def describe(claim: Claim) -> About:
    """Describe what a claim is about, from its clause."""
    clause = clause_of(claim)
    anchor = max(clause.find(claim.text), 0)
    lowered = clause.lower()
    topics = frozenset(
        canonical
        for word, canonical in _topic_words().items()
        if re.search(rf"\b{re.escape(word)}\b", lowered)
    )
    unit = getattr(claim.value, "unit", None)
    counted = _counted_classes().get(unit, unit) if claim.kind == "numeric" else None
    predicate = getattr(claim.value, "predicate", None) if claim.kind == "numeric" else None
    if predicate is None:
        predicate = nearest_predicate(clause, anchor)
    window = _WINDOW.search(claim.sentence.text)
    names = frozenset(
        name
        for name in _NAME.findall(clause)
        if name.split()[0] not in ("The", "A", "An", "More", "About", "Nearly")
    ) - {claim.text}
    return About(
        predicate=predicate,
        counted=counted,
        topics=topics,
        names=names,
        window=window.group(0).lower() if window else None,
        subset=bool(_SUBSET.search(clause)),
    )
