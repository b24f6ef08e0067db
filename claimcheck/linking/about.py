"""What a claim is about, read from its clause: the predicate class (killed, began, met),
what it counts or concerns (people, the offensive, the truce), the names around it, and
its time window ("so far", "in the past 24 hours"). Lexicons are data files:
``predicates.tsv``, ``event_nouns.tsv``, ``counted_classes.tsv``, ``time_windows.tsv``,
``subset_markers.txt``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck.claims import Claim
from claimcheck.lexicons import load_lexicon, load_table

_CLAUSE_BREAK = re.compile(
    r"[;:—–]|,\s+(?:and|but|while|as|after|before|when|most|the same|which|who|a\s+\w+\s+said)\b"
)
_NAME_TOKEN = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)*\b")
_NOT_NAMES = frozenset(
    "The A An This That These Those It Its He She They We More About Nearly Some Most At In On "
    "By For From Of After Before Since Until When While But And Or According Other Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Mr Mrs Ms Dr".split()
)


@dataclass(frozen=True, slots=True)
class About:
    """A claim's description for linking; empty fields mean "not stated"."""

    kind: str
    predicate: str | None
    counted: str | None
    topics: frozenset[str]
    names: frozenset[str]
    window: str | None
    window_kind: str  # "cumulative", "window" or "unstated"
    subset: bool

    def summary(self) -> str:
        """One line for explanations: "killed · people · offensive · so far"."""
        parts = [self.predicate or "?", self.counted or "", ", ".join(sorted(self.topics))]
        parts.append(self.window or "")
        return " · ".join(part for part in parts if part)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _predicate_index() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {word.lower(): predicate for word, predicate in load_table("predicates")}
    return re.compile(rf"\b(?:{_alternation(list(table))})\b", re.I), table


@cache
def _topic_index() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {word.lower(): canonical for word, canonical in load_table("event_nouns")}
    return re.compile(rf"\b(?:{_alternation(list(table))})\b", re.I), table


@cache
def _counted_classes() -> dict[str, str]:
    return {noun: group for noun, group in load_table("counted_classes")}


@cache
def _window_pattern() -> re.Pattern[str]:
    """One pattern for all windows, a named group per kind: the leftmost window wins."""
    by_kind: dict[str, list[str]] = {}
    for pattern, kind in load_table("time_windows"):
        by_kind.setdefault(kind, []).append(pattern)
    groups = "|".join(f"(?P<{kind}>{'|'.join(patterns)})" for kind, patterns in by_kind.items())
    return re.compile(rf"\b(?:{groups})\b", re.I)


@cache
def _title_words() -> frozenset[str]:
    return frozenset(load_lexicon("titles"))


@cache
def _subset_marker() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(load_lexicon("subset_markers")) + r")\b", re.I)


def claim_span_in_sentence(claim: Claim) -> tuple[int, int]:
    """The claim's offsets inside its sentence's text."""
    text = claim.sentence.text
    local = claim.start - claim.sentence.start
    if not text.startswith(claim.text, max(local, 0)):
        local = max(text.find(claim.text), 0)  # HTML: file offsets differ from prose offsets
    return local, local + len(claim.text)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``text[start:end]``."""
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        clause_start = match.end()
    following = _CLAUSE_BREAK.search(text, end)
    return clause_start, following.start() if following else len(text)


def nearest_predicate(text: str, anchor: int, end: int | None = None) -> str | None:
    """The predicate class named nearest to ``text[anchor:end]`` (before it wins ties)."""
    pattern, table = _predicate_index()
    end = anchor if end is None else end
    best: tuple[int, str] | None = None
    for match in pattern.finditer(text):
        if match.start() >= anchor and match.end() <= end:
            distance = 0  # the predicate is inside the claim ("the death toll rose")
        elif match.end() <= anchor:
            distance = anchor - match.end()
        else:
            distance = match.start() - end + 1
        if best is None or distance < best[0]:
            best = (distance, table[match.group(0).lower()])
    return best[1] if best else None


def time_window(text: str) -> tuple[str | None, str]:
    """The first time window a text states, and its kind."""
    match = _window_pattern().search(text)
    if match is None:
        return None, "unstated"
    return match.group(0).lower(), match.lastgroup or "unstated"


def describe(claim: Claim) -> About:
    """Describe what a claim is about, from its clause."""
    text = claim.sentence.text
    start, end = claim_span_in_sentence(claim)
    clause_start, clause_end = clause_bounds(text, start, end)
    clause = text[clause_start:clause_end]
    topic_pattern, topic_table = _topic_index()
    topics = frozenset(topic_table[m.group(0).lower()] for m in topic_pattern.finditer(clause))
    counted = None
    predicate = None
    if claim.kind == "numeric":
        unit = getattr(claim.value, "unit", None)
        counted = _counted_classes().get(unit, unit) if unit else None
        predicate = getattr(claim.value, "predicate", None)
    if predicate is None:
        predicate = nearest_predicate(clause, start - clause_start, end - clause_start)
    window, window_kind = time_window(clause)
    if window is None:
        window, window_kind = time_window(text)
    titles = _title_words()
    names = frozenset(
        token
        for token in _NAME_TOKEN.findall(clause)
        if token not in _NOT_NAMES and token.lower() not in titles
    ) - set(claim.text.split())
    return About(
        kind=claim.kind,
        predicate=predicate,
        counted=counted,
        topics=topics,
        names=names,
        window=window,
        window_kind=window_kind,
        subset=bool(_subset_marker().search(clause)),
    )
