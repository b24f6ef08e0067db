"""Figures met with reference figures: a toll stated as of the publication date against
the figure the facts base records for that same day.

A figure meets a reference figure when they count the same thing (predicate class and
counted class), concern the same topic, fall in scope by names (as events do) and are
stated as of the same day: the publication date for a running total ("so far", or no
window), the day of "as of Nov. 30" / "by Sunday" when the sentence says so. Figures of
one window ("in the past 24 hours", "on Wednesday") are another measure and are skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claimcheck.claims import Claim
from claimcheck.documents.model import Document
from claimcheck.facts.base import FactsBase
from claimcheck.facts.events import in_scope
from claimcheck.facts.model import Figure
from claimcheck.linking import describe
from claimcheck.numeric.compare import APPROXIMATE, Interval

_AS_OF_CUE = re.compile(r"\b(?:as of|as at|by|up to|through)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """A figure that cannot be true together with the reference figure of its day."""

    claim: Claim
    figure: Figure
    as_of: date
    message: str


def _stated_interval(value: object) -> Interval:
    """The values a stated or recorded figure allows, as the facts rule reads them: the
    bounds as written (no rounding), "about 300" 270..330, "nearly a dozen" keeping its
    upper bound."""
    low, high = getattr(value, "low", None), getattr(value, "high", None)
    low_inclusive = getattr(value, "low_inclusive", True)
    high_inclusive = getattr(value, "high_inclusive", True)
    if getattr(value, "approximate", False):
        if low is not None:
            low, low_inclusive = low * (1 - APPROXIMATE), True
        if high is not None and high_inclusive:
            high = high * (1 + APPROXIMATE)
    return Interval(
        -math.inf if low is None else low,
        math.inf if high is None else high,
        low is not None and not low_inclusive,
        high is not None and not high_inclusive,
    )


def as_of_day(claim: Claim, temporal_claims: Sequence[Claim]) -> date | None:
    """The day a figure is stated as of, or None when it counts one window of time."""
    about = describe(claim)
    if about.window_kind == "window":
        return None
    same_sentence = [
        t for t in temporal_claims if t.sentence == claim.sentence and t.value.start is not None
    ]
    for temporal in same_sentence:
        before = claim.sentence.text[: max(claim.sentence.text.find(temporal.text), 0)]
        if _AS_OF_CUE.search(before):
            return temporal.value.end
    if same_sentence and about.window_kind != "cumulative":
        return None  # "300 were killed on Wednesday": that day's figure, not a running total
    return claim.published


def check_figure(
    claim: Claim,
    base: FactsBase,
    temporal_claims: Sequence[Claim] = (),
    document: Document | None = None,
) -> list[FigureConflict]:
    """Conflicts between a numeric claim and the reference figures of its day."""
    if not base.figures:
        return []
    about = describe(claim)
    if about.predicate is None or about.counted is None or about.subset:
        return []
    candidates = [
        f
        for f in base.figures
        if f.predicate == about.predicate
        and f.counted == about.counted
        and (not f.topics or not about.topics or set(f.topics) & about.topics)
    ]
    if not candidates:
        return []
    day = as_of_day(claim, temporal_claims)
    if day is None:
        return []
    candidates = [f for f in candidates if f.as_of.contains(day)]
    stated = _stated_interval(claim.value)
    conflicts = []
    for figure in in_scope(candidates, claim.sentence.text, document, about.names):
        if stated.disjoint(_stated_interval(figure)):
            conflicts.append(
                FigureConflict(
                    claim,
                    figure,
                    day,
                    f"{claim.text!r} as of {day.isoformat()} contradicts the reference figure "
                    f"for that day: {figure.stated} {figure.predicate} ({figure.name})",
                )
            )
    return conflicts
