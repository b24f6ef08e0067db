"""Resolution: turn a matched temporal expression into a calendar interval.

Pure functions of (fields, tense, publication date). Every result carries a one-line
explanation so that a finding can say how a date was resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from claimcheck.temporal.grammar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from claimcheck.temporal.tense import Tense


@dataclass(frozen=True, slots=True)
class TemporalValue:
    """A resolved interval (``start``..``end`` inclusive) with its grain, or why not."""

    start: date | None
    end: date | None
    grain: str
    time: str | None = None
    part_of_day: str | None = None
    stated_weekday: str | None = None
    unresolved: str | None = None

    def to_json(self) -> dict[str, Any] | None:
        if self.start is None or self.end is None:
            return None
        payload: dict[str, Any] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "grain": self.grain,
        }
        if self.time:
            payload["time"] = self.time
        if self.part_of_day:
            payload["part_of_day"] = self.part_of_day
        return payload


def _weekday_index(name: str) -> int:
    name = name.lower()
    for index, weekday in enumerate(WEEKDAYS):
        if weekday.startswith(name[:3]):
            return index
    raise ValueError(name)


def month_number(name: str) -> int:
    """Return 1-12 for a month name or AP abbreviation ("Nov.", "Sept")."""
    bare = name.lower().rstrip(".")
    if bare in MONTHS:
        return MONTHS.index(bare) + 1
    return MONTH_ABBREVIATIONS[bare]


def resolve_weekday(weekday: str, tense: Tense, published: date) -> tuple[date, str]:
    """Past: latest on/before publication; future: first on/after; untensed: nearest, ties past."""
    target = _weekday_index(weekday)
    back = (published.weekday() - target) % 7
    forward = (target - published.weekday()) % 7
    if tense.tense == "past":
        return published - timedelta(days=back), f"past tense '{tense.cue}'"
    if tense.tense == "future":
        return published + timedelta(days=forward), f"future '{tense.cue}'"
    if forward < back:
        return published + timedelta(days=forward), "no tense cue, nearest occurrence"
    return published - timedelta(days=back), "no tense cue, nearest occurrence"


def resolve_month_day(month: int, day: int, tense: Tense, published: date) -> tuple[date, str]:
    """A month-day without a year: the year the tense implies, else the nearest one."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no such day: {month}/{day}")
    if tense.tense == "past":
        past = [c for c in candidates if c <= published]
        return max(past), f"no year, past tense '{tense.cue}'"
    if tense.tense == "future":
        future = [c for c in candidates if c >= published]
        return min(future), f"no year, future '{tense.cue}'"
    nearest = min(candidates, key=lambda c: (abs((c - published).days), c > published))
    return nearest, "no year, nearest to publication"


def resolve(
    fields: dict[str, str], tense: Tense, published: date | None
) -> tuple[TemporalValue, str]:
    """Resolve matched fields; returns the value and its one-line explanation."""
    form = fields["form"]
    part = fields.get("part") or fields.get("qualifier")
    if "day" in fields:
        day = int(fields["day"])
        month = (
            int(fields["month_number"])
            if "month_number" in fields
            else month_number(fields["month"])
        )
        stated = fields.get("weekday")
        if "year" in fields:
            try:
                resolved = date(int(fields["year"]), month, day)
            except ValueError:
                return TemporalValue(None, None, "day", unresolved="no such date"), "no such date"
            how = "absolute date"
        elif published is None:
            why = "month and day without a year, and no publication date"
            return TemporalValue(None, None, "day", stated_weekday=stated, unresolved=why), why
        else:
            try:
                resolved, how = resolve_month_day(month, day, tense, published)
            except ValueError as error:
                return TemporalValue(None, None, "day", unresolved=str(error)), str(error)
            how += f", publication {published.isoformat()}"
        value = TemporalValue(resolved, resolved, "day", stated_weekday=stated)
        return value, how
    if published is None:
        why = "relative date and no publication date (use --published DATE)"
        return TemporalValue(None, None, "day", unresolved=why), why
    if form == "deictic":
        word = fields["deictic"].lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        resolved = published + timedelta(days=offset)
        part = "night" if word == "tonight" else None
        how = f"'{word}', publication {published.isoformat()}"
        return TemporalValue(resolved, resolved, "day", part_of_day=part), how
    resolved, how = resolve_weekday(fields["weekday"], tense, published)
    how += f", publication {published.isoformat()} ({WEEKDAYS[published.weekday()].title()})"
    return TemporalValue(resolved, resolved, "day", part_of_day=part), how
