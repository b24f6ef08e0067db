"""Dated claims met with event facts: "the offensive began Wednesday" against the day the
facts base records for the offensive's start.

A temporal claim meets an event when its clause has the event's predicate class (began,
took effect) and one of its topics (offensive, truce), and the event's names (Syria,
Hezbollah) appear in the sentence, or, failing that, anywhere in the document when only
one event fits. A clause "the same day X" after a date dates X too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TypeVar

from claimcheck.claims import Claim
from claimcheck.documents.model import Document
from claimcheck.facts.base import FactsBase, topic_canonical
from claimcheck.facts.model import Event, Figure, RecordDate
from claimcheck.linking import describe
from claimcheck.linking.about import nearest_predicate

Scoped = TypeVar("Scoped", Event, Figure)
_SAME_DAY = re.compile(r"^\s*,?\s*(?:on\s+)?the same day(?:\s+(?:that|as|when))?\s+", re.I)


@dataclass(frozen=True, slots=True)
class EventConflict:
    """A claim dating an event otherwise than the facts base."""

    claim: Claim
    event: Event
    message: str


@cache
def _topic_pattern() -> re.Pattern[str]:
    words = sorted(topic_canonical(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def topics_in(text: str) -> frozenset[str]:
    """The canonical topics a text names ("truce" and "ceasefire" are both ``truce``)."""
    return frozenset(topic_canonical()[m.group(0).lower()] for m in _topic_pattern().finditer(text))


_PROPER_NAME = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?:[-’'][A-Za-z]+)*")


def names_in(clause: str) -> frozenset[str]:
    """Capitalised words of a clause past its first word: places and parties it names."""
    words = _PROPER_NAME.findall(clause.strip())
    first = clause.strip().split(" ", 1)[0]
    return frozenset(w for w in words if w != first)


def names_appear(names: Sequence[str], text: str) -> bool:
    """Whether any of ``names`` is written in ``text`` as a whole word."""
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for name in names)


def in_scope(
    candidates: Sequence[Scoped],
    sentence: str,
    document: Document | None,
    clause_names: frozenset[str] = frozenset(),
) -> list[Scoped]:
    """The candidates the sentence is about, by the names they carry.

    Names in the sentence decide; a clause naming nothing ("The rebel offensive began
    Thursday") takes the one candidate the document names, and none if several fit. A
    clause naming other places ("The offensive in Kursk began") is about something else.
    """
    named_here = [c for c in candidates if not c.names or names_appear(c.names, sentence)]
    if any(c.names for c in named_here) or len(named_here) == 1 and not named_here[0].names:
        return named_here
    if document is None or clause_names:
        return []
    named_in_document = [c for c in candidates if c.names and names_appear(c.names, document.text)]
    return named_in_document if len(named_in_document) == 1 else []


def _clauses(claim: Claim) -> list[tuple[str | None, frozenset[str], frozenset[str], str]]:
    """(predicate, topics, names, how) of the clause a date stands in, and of a clause
    "the same day X" after it."""
    about = describe(claim)
    found = [(about.predicate, about.topics, about.names, "")]
    sentence = claim.sentence.text
    local = sentence.find(claim.text)
    if local >= 0:
        rest = sentence[local + len(claim.text) :]
        same_day = _SAME_DAY.match(rest)
        if same_day:
            clause = re.split(r"[;:—]|,\s+(?:and|but|while)\b", rest[same_day.end() :])[0]
            predicate = nearest_predicate(clause, 0, len(clause))
            found.append(
                (predicate, topics_in(clause), names_in(clause), ", through 'the same day',")
            )
    return found


def _disjoint(claimed_start: date, claimed_end: date, recorded: RecordDate) -> bool:
    return claimed_end < recorded.earliest or claimed_start > recorded.latest


def check_event_dates(
    claim: Claim, base: FactsBase, document: Document | None = None
) -> list[EventConflict]:
    """Conflicts between a temporal claim and the events its clauses date."""
    value = claim.value
    if not base.events or getattr(value, "start", None) is None or value.end is None:
        return []
    conflicts = []
    for predicate, topics, names, how in _clauses(claim):
        if predicate is None or not topics:
            continue
        candidates = [e for e in base.events if e.predicate == predicate and set(e.topics) & topics]
        for event in in_scope(candidates, claim.sentence.text, document, names):
            if not _disjoint(value.start, value.end, event.day):
                continue
            claimed = value.start.isoformat()
            if value.end != value.start:
                claimed += f"..{value.end.isoformat()}"
            at_time = f" at {event.time}" if event.time else ""
            conflicts.append(
                EventConflict(
                    claim,
                    event,
                    f"{claim.text!r}{how} dates '{event.name}' to {claimed}, but the facts base "
                    f"has {event.day}{at_time}",
                )
            )
    return conflicts
