"""Resolution: turn a node of the grammar into a calendar interval with a grain.

Pure functions of (node, clause tense, reference). The reference is the document's own
publication date, so that each source is resolved against its own date. Every result
carries a one-line explanation, so that a finding can say how a date was resolved.

Periodic expressions (a weekday, a month-day without a year, a month, a holiday, a
season, a quarter) have one occurrence per cycle; which one is meant follows the tense:

- past: the latest occurrence on or before publication (the publication day included);
- future: the first on or after it;
- no cue (news mode): the nearest, ties to the past;
- no cue (``forward`` mode, Duckling's convention, used by the evaluation only): the
  first after the reference.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any

from claimcheck.temporal.calendars import (
    SEASONS,
    Span,
    Unresolved,
    add_months,
    begins_at_sundown,
    holiday_hours,
    holiday_span,
    month_span,
    nth_weekday,
    season_span,
    week_start,
    weekday_index,
)
from claimcheck.temporal.grammar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    ORDINAL_WORDS,
    SMALL_NUMBERS,
    TENS,
    WEEKDAYS,
    Node,
)
from claimcheck.temporal.tense import Tense


@dataclass(frozen=True, slots=True)
class TemporalValue:
    """A resolved interval (``start``..``end`` inclusive) with its grain, or why not."""

    start: date | None
    end: date | None
    grain: str
    time: str | None = None
    end_time: str | None = None
    zone: str | None = None
    part_of_day: str | None = None
    stated_weekday: str | None = None
    unresolved: str | None = None
    # the clause's tense and the words that decided it (for rules; not in the JSON)
    tense: str | None = None
    cue: str | None = None
    # "sundown": the first day is the evening on whose sundown the period begins (a day of
    # the Hebrew calendar runs from sundown to nightfall)
    begins: str | None = None

    def to_json(self) -> dict[str, Any] | None:
        """The value as the JSON contract prints it; ``None`` when unresolved."""
        if self.start is None or self.end is None:
            return None
        payload: dict[str, Any] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "grain": self.grain,
        }
        for key in ("time", "end_time", "zone", "part_of_day", "stated_weekday", "begins"):
            if getattr(self, key):
                payload[key] = getattr(self, key)
        return payload


@dataclass(frozen=True, slots=True)
class Reference:
    """What relative expressions are resolved against.

    ``day`` is the publication date (``None``: relative expressions stay unresolved);
    ``now`` a time of day, known only in the evaluation; ``mode`` is ``news`` (untensed:
    nearest) or ``forward`` (untensed: the next one, Duckling's convention);
    ``day_first`` reads 1/12/2024 as 1 December.
    """

    day: date | None
    now: clock | None = None
    mode: str = "news"
    day_first: bool = False


Result = tuple[TemporalValue, str]

# ---------------------------------------------------------------------------- words


def month_number(name: str) -> int:
    """Return 1-12 for a month name or AP abbreviation ("Nov.", "Sept")."""
    bare = name.lower().rstrip(".")
    if bare in MONTHS:
        return MONTHS.index(bare) + 1
    return MONTH_ABBREVIATIONS[bare]


def day_number(text: str) -> int:
    """27 from "27", "27th" or "twenty-seventh"."""
    lowered = text.lower().replace(" ", "-")
    if lowered in ORDINAL_WORDS:
        return ORDINAL_WORDS[lowered]
    return int(lowered.rstrip("stndrh"))


_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three-quarters": 0.75}


def count_value(text: str) -> float:
    """The number a count names: "3", "three", "twenty-one", "a", "a couple of", "a few"."""
    lowered = " ".join(text.lower().split())
    for word, value in _FRACTIONS.items():
        if word in lowered:
            return value
    if "/" in lowered:
        top, bottom = lowered.split("/")
        return int(top) / int(bottom)
    if "couple" in lowered or "pair" in lowered:
        return 2
    if "few" in lowered or "several" in lowered:
        return 3
    if lowered in ("a", "an"):
        return 1
    try:
        return float(lowered)
    except ValueError:
        pass
    total = 0
    for word in lowered.replace("-", " ").split():
        if word in TENS:
            total += 20 + 10 * TENS.index(word)
        elif word in SMALL_NUMBERS:
            total += SMALL_NUMBERS.index(word)
    return total


# ---------------------------------------------------------------------------- choice


def direction_of(tense: Tense, reference: Reference) -> str:
    """past, future, nearest (news, no cue) or forward (evaluation, no cue)."""
    if tense.tense in ("past", "future"):
        return tense.tense
    return "forward" if reference.mode == "forward" else "nearest"


def describe_direction(direction: str, tense: Tense) -> str:
    return {
        "past": f"past tense '{tense.cue}'",
        "future": f"future '{tense.cue}'",
        "nearest": "no tense cue, nearest occurrence",
        "forward": "no tense cue, read forward",
    }[direction]


def choose(candidates: list[Span], direction: str, today: date, strict: bool = False) -> Span:
    """Pick the occurrence the direction asks for among candidates sorted by start.

    past: the latest starting on or before ``today``; future and forward: the first
    ending on or after it (``strict``: starting after it); nearest: the one containing
    ``today``, else the closest, ties to the past.
    """
    if direction == "past":
        eligible = [c for c in candidates if (c[0] < today if strict else c[0] <= today)]
        return eligible[-1]
    if direction in ("future", "forward"):
        eligible = [c for c in candidates if (c[0] > today if strict else c[1] >= today)]
        return eligible[0]
    for candidate in candidates:
        if candidate[0] <= today <= candidate[1]:
            return candidate

    def distance(candidate: Span) -> tuple[int, int]:
        if candidate[0] > today:
            return (candidate[0] - today).days, 1
        return (today - candidate[1]).days, 0

    return min(candidates, key=distance)


def _need_day(reference: Reference) -> date:
    if reference.day is None:
        raise Unresolved("relative date and no publication date (use --published DATE)")
    return reference.day


def _value(span: Span, grain: str, **extra: Any) -> TemporalValue:
    return TemporalValue(span[0], span[1], grain, **extra)


def _part(node: Node) -> str | None:
    part = node.get("part") or node.get("qualifier")
    if part and node.get("qualifier") and node.get("part"):
        part = f"{node['qualifier']} {node['part']}"
    return " ".join(part.lower().split()) if part else None


# ---------------------------------------------------------------------------- forms


def resolve_weekday(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "Sunday", "late Friday", "next Tuesday", "Wednesday of next week"."""
    today = _need_day(reference)
    target = weekday_index(node["weekday"])
    name = WEEKDAYS[target].title()
    week = node.get("week") or node.get("from_week")
    shift = " ".join((node.get("shift") or "").lower().split())
    direction = direction_of(tense, reference)
    candidates = [
        (d, d) for k in range(-3, 4) for d in [week_start(today) + timedelta(days=target + 7 * k)]
    ]
    if week:
        weeks = {"last": -1, "this": 0, "next": 1}.get(week.lower().split()[-1], 1)
        if week.lower().startswith("the following"):
            weeks = 1
        day = week_start(today) + timedelta(days=7 * weeks + target)
        how = f"{name} of the week {weeks:+d} from publication's"
    elif node.get("after_next"):
        day = choose(candidates, "forward", today, strict=True)[0] + timedelta(days=7)
        how = f"the {name} after the next one"
    elif shift in ("last", "past", "previous", "this past"):
        day = choose(candidates, "past", today, strict=True)[0]
        how = f"'{shift}': the latest {name} before publication"
    elif shift in ("next", "around next"):
        day = week_start(today) + timedelta(days=7 + target)
        how = f"'next': {name} of the week after publication's"
    elif shift in ("coming", "this coming"):
        day = choose(candidates, "future", today, strict=True)[0]
        how = f"'{shift}': the first {name} after publication"
    elif shift == "this":
        pick = "past" if direction == "past" else "future"
        day = choose(candidates, pick, today)[0]
        how = f"'this' {name}, {describe_direction(direction, tense)}"
    else:
        day = choose(candidates, direction, today, strict=direction == "forward")[0]
        how = describe_direction(direction, tense)
    how += f", publication {today.isoformat()} ({WEEKDAYS[today.weekday()].title()})"
    return _value((day, day), "day", part_of_day=_part(node)), how


_DEICTIC_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "tonite": 0,
    "tomorrow": 1,
    "tomorrows": 1,
    "yesterday": -1,
    "last night": -1,
    "overnight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "day after tomorrow": 2,
    "the day after tomorrow": 2,
    "day before yesterday": -2,
    "the day before yesterday": -2,
}


def resolve_deictic(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "today", "tonight", "yesterday", "tomorrow", "last night", "this morning"."""
    today = _need_day(reference)
    word = " ".join(node["deictic"].lower().split())
    day = today + timedelta(days=_DEICTIC_OFFSETS[word])
    part = _part(node)
    if part is None and word in ("tonight", "tonite", "last night", "overnight"):
        part = "night"
    elif part is None and word.startswith("this "):
        part = word.split()[1]
    how = f"'{word}', publication {today.isoformat()}"
    return _value((day, day), "day", part_of_day=part), how


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600}


def unit_name(text: str) -> str:
    """The canonical unit of "hrs", "wks", "Years", "h"..."""
    lowered = text.lower().rstrip("s")
    aliases = {"sec": "second", "min": "minute", "hr": "hour", "h": "hour", "wk": "week"}
    aliases.update({"yr": "year", "qtr": "quarter", "centurie": "century", "centuri": "century"})
    return aliases.get(lowered, lowered)


def shift_day(today: date, count: float, unit: str) -> date:
    """``today`` moved by ``count`` units of a day or longer (negative: back)."""
    if unit in _UNIT_DAYS:
        return today + timedelta(days=round(count * _UNIT_DAYS[unit]))
    return add_months(today, round(count * _UNIT_MONTHS[unit]))


def resolve_offset(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "two days ago", "in three weeks", "3 fridays from now"."""
    today = _need_day(reference)
    count = count_value(node["count"])
    backwards = node["direction"].lower() in ("ago", "back")
    sign = -1 if backwards else 1
    if "weekday" in node:
        target = weekday_index(node["weekday"])
        step = (target - today.weekday()) % 7 or 7
        if backwards:
            step = -((today.weekday() - target) % 7 or 7)
        day = today + timedelta(days=step + sign * 7 * (round(count) - 1))
        return _value((day, day), "day"), f"{node['count']} {node['weekday']}s from publication"
    unit = unit_name(node["unit"])
    if unit in _UNIT_SECONDS:
        seconds = sign * count * _UNIT_SECONDS[unit]
        if reference.now is None:
            day = today + timedelta(days=int(seconds / 86400))
            how = f"{node['count']} {unit}s from publication (no publication time: its day)"
            return _value((day, day), "day"), how
        moment = datetime.combine(today, reference.now) + timedelta(seconds=seconds)
        grain = "second" if unit != "hour" or count < 1 else "minute"
        value = _value((moment.date(), moment.date()), grain, time=moment.strftime("%H:%M:%S"))
        return value, f"{count:g} {unit}s from the reference time"
    day = shift_day(today, sign * count, unit)
    if node.get("preposition", "").lower() == "within":
        last = day - timedelta(days=1)
        return _value((today, last), "day"), f"within {count:g} {unit}s of publication"
    how = f"{count:g} {unit}s {'before' if backwards else 'after'} publication {today.isoformat()}"
    return _value((day, day), "day"), how


def resolve_window(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "the past 24 hours", "the next three days", "last two weeks"."""
    today = _need_day(reference)
    count = count_value(node["count"])
    unit = unit_name(node["unit"])
    direction = node["direction"].lower()
    ahead = direction in ("next", "coming", "upcoming", "following")
    if unit in _UNIT_SECONDS and reference.now is not None:
        moment = datetime.combine(today, reference.now)
        shifted = moment + timedelta(seconds=(1 if ahead else -1) * count * _UNIT_SECONDS[unit])
        span = tuple(sorted((moment.date(), shifted.date())))
        return _value(span, unit), f"the {direction} {count:g} {unit}s from the reference time"
    if unit in _UNIT_SECONDS:
        days = max(1, int(count * _UNIT_SECONDS[unit] // 86400))
        span = (
            (today, today + timedelta(days=days))
            if ahead
            else (today - timedelta(days=days), today)
        )
        how = f"the {direction} {count:g} {unit}s around publication {today.isoformat()}"
        return _value(span, "hour"), how
    whole = round(count)
    if reference.mode == "forward":
        # Duckling: whole calendar units next to the reference's own, which is left out
        if direction in ("upcoming",) or node.get("piece") == "count_upcoming":
            start = _unit_span(shift_day(today, whole, unit), unit)
            return _value(start, unit), f"{whole} {unit}s ahead, at {unit} grain"
        current = _unit_span(today, unit)
        if ahead:
            first = _unit_span(shift_day(current[0], 1, unit), unit)[0]
            last = _unit_span(shift_day(current[0], whole, unit), unit)[1]
        else:
            first = _unit_span(shift_day(current[0], -whole, unit), unit)[0]
            last = current[0] - timedelta(days=1)
        return _value((first, last), unit), f"the {direction} {whole} whole {unit}s"
    if ahead:
        span = (today, shift_day(today, whole, unit))
    else:
        span = (shift_day(today, -whole, unit), today)
    return (
        _value(span, "day"),
        f"{whole} {unit}s up to publication {today.isoformat()}"
        if not ahead
        else f"{whole} {unit}s from publication {today.isoformat()}",
    )


def _unit_span(day: date, unit: str) -> Span:
    """The calendar unit (week, month, quarter, year, decade, weekend) containing ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = week_start(day)
        return start, start + timedelta(days=6)
    if unit == "weekend":
        saturday = week_start(day) + timedelta(days=5)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        return month_span(day.year, day.month)
    if unit == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        return date(day.year, first, 1), month_span(day.year, first + 2)[1]
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if unit == "decade":
        start = day.year - day.year % 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    if unit == "fortnight":
        return day, day + timedelta(days=13)
    raise Unresolved(f"no calendar {unit}")


_SHIFTS = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "the past": -1,
    "the previous": -1,
    "the last": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
    "the following": 1,
    "the coming": 1,
    "the next": 1,
    "around next": 1,
    "this coming": 1,
}


def position_in(
    span: Span, position: str | None, unit: str, today: date | None
) -> tuple[Span, str]:
    """Narrow a period to its beginning, middle, end, or the part before/after ``today``."""
    if not position:
        return span, ""
    word = position.lower().split()
    key = next(
        (w for w in word if w in ("beginning", "start", "end", "middle", "rest", "mid", "mid-")),
        word[0],
    )
    start, end = span
    days = (end - start).days + 1
    if word[0] == "by" and key == "end" and today is not None and today <= end:
        return (today, end), f"'{position}': from publication to the end"
    if key in ("earlier", "later", "rest"):
        if today is None or not start <= today <= end:
            raise Unresolved(f"'{position}' needs the publication inside the period")
        if key == "earlier":
            if today == start:
                raise Unresolved(f"'{position}': publication is the first day of the {unit}")
            return (start, today - timedelta(days=1)), f"'{position}': before publication"
        if key == "later":
            return (today + timedelta(days=1), end), f"'{position}': after publication"
        return (today, end), f"'{position}': from publication to the end"
    if key == "all":
        return span, ""
    third = {"month": 10, "week": 3, "weekend": 1, "day": 1}.get(unit)
    if unit in ("year", "quarter", "decade"):
        if unit == "year":
            parts = {"beginning": (1, 3), "start": (1, 3), "early": (1, 3), "end": (9, 12)}
            parts.update({"late": (9, 12), "middle": (5, 8), "mid": (5, 8), "mid-": (5, 8)})
            first, last = parts[key]
            return (date(start.year, first, 1), month_span(start.year, last)[1]), f"'{position}'"
        third = days // 3
    if key in ("beginning", "start", "early"):
        return (start, start + timedelta(days=third - 1)), f"'{position}'"
    if key in ("end", "late"):
        if unit == "week":
            return (start + timedelta(days=4), end), f"'{position}'"
        if unit == "month":
            return (start + timedelta(days=20), end), f"'{position}'"
        return (end - timedelta(days=third - 1), end), f"'{position}'"
    if unit == "month":
        return (start + timedelta(days=10), start + timedelta(days=19)), f"'{position}'"
    return (start + timedelta(days=third), end - timedelta(days=third)), f"'{position}'"


_ABBREVIATIONS = {
    "eod": ("end", "day"),
    "eom": ("end", "month"),
    "eoy": ("end", "year"),
    "bom": ("beginning", "month"),
    "boy": ("beginning", "year"),
}


def resolve_period(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "last week", "this year", "earlier this month", "at the end of the month"."""
    today = _need_day(reference)
    if "abbreviation" in node:
        position, unit = _ABBREVIATIONS[node["abbreviation"].lower()]
        shift = 0
        position = ("by the " if node.get("by", "").lower() == "by" else "") + position
    else:
        unit = unit_name(node["unit"].replace("-", "").replace(" ", ""))
        unit = {"weekend": "weekend", "wkend": "weekend"}.get(unit, unit)
        position = node.get("position")
        shift = _SHIFTS[" ".join(node["shift"].lower().split())]
    if unit == "weekend" and " ".join(node.get("shift", "").lower().split()) == "this past":
        saturday = week_start(today) + timedelta(days=5)
        if saturday >= today:
            saturday -= timedelta(days=7)
        span = (saturday, saturday + timedelta(days=1))
    elif unit == "weekend":
        span = _unit_span(week_start(today) + timedelta(days=7 * shift), unit)
    elif unit == "day":
        span = (today, today)
    else:
        step = {"week": (7, 0), "decade": (0, 120)}.get(unit, (0, _UNIT_MONTHS.get(unit, 0)))
        anchor = today + timedelta(days=step[0] * shift)
        anchor = add_months(anchor, step[1] * shift) if step[1] else anchor
        span = _unit_span(anchor, unit)
    span, how = position_in(span, position, unit, today)
    around_publication = bool(position) and position.lower().split()[0] in (
        "earlier",
        "later",
        "rest",
        "by",
    )
    grain = (
        unit if not position else ("month" if unit == "year" and not around_publication else "day")
    )
    label = {0: "this", -1: "the last", 1: "the next"}[shift]
    explanation = f"{label} {unit} from publication {today.isoformat()}"
    return _value(span, grain), f"{how + ' of ' if how else ''}{explanation}"


def _periodic(
    occurrence: Callable[[int], Span], tense: Tense, reference: Reference, strict: bool = False
) -> tuple[Span, str]:
    """Choose among yearly occurrences (years around publication) by the clause's tense."""
    today = _need_day(reference)
    candidates = []
    for year in range(today.year - 2, today.year + 3):
        try:
            candidates.append(occurrence(year))
        except (ValueError, Unresolved):
            continue
    if not candidates:
        raise Unresolved("no such date in the years around publication")
    direction = direction_of(tense, reference)
    span = choose(sorted(candidates), direction, today, strict=strict)
    return span, f"no year, {describe_direction(direction, tense)}, publication {today.isoformat()}"


def _year(text: str, reference: Reference) -> int:
    """A year as written: "2024", "'24" or "24" (two digits: 1950-2049)."""
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    value = int(digits)
    return 2000 + value if value < 50 else 1900 + value


def resolve_date(node: Node, tense: Tense, reference: Reference) -> Result:
    """A calendar date: "Nov. 27", "27 November 2024", "2024-11-27", "12/1/2024"."""
    how_parts = []
    if "first" in node:
        first, second = int(node["first"]), int(node["second_number"])
        month, day = (second, first) if reference.day_first else (first, second)
        if month > 12 and day <= 12:
            month, day = day, month
            how_parts.append("day and month swapped (no month above 12)")
        elif day <= 12 and month <= 12 and first != second:
            order = "day/month" if reference.day_first else "month/day"
            how_parts.append(f"read as {order}")
    elif "month" not in node and "month_number" not in node:
        return _weekday_with_day(node, tense, reference)
    else:
        month = int(node["month_number"]) if "month_number" in node else month_number(node["month"])
        day = day_number(node["day"]) if "day" in node else None
    stated = node.get("weekday")
    if stated:
        stated = WEEKDAYS[weekday_index(stated)].title()
    if "year" in node:
        year = _year(node["year"], reference)
        if day is None:
            span = month_span(year, month)
            return _value(span, "month"), "month and year as written"
        try:
            resolved = date(year, month, day)
        except ValueError:
            raise Unresolved(f"no such date: {year}-{month:02d}-{day:02d}") from None
        how = ", ".join(["absolute date", *how_parts])
        value = _value((resolved, resolved), "day", stated_weekday=stated)
        if "hour" in node:
            value = _with_time(value, _time_of(node, reference))
        return value, how
    if day is None:
        raise Unresolved("a month without a year or a day")

    def occurrence(year: int) -> Span:
        return date(year, month, day), date(year, month, day)

    if stated and reference.mode == "forward" and reference.day is not None:
        # Duckling reads a weekday with a year-less date as their intersection: the
        # nearest year in which that date falls on that weekday
        target, today = weekday_index(stated), reference.day
        years = [
            y for y in range(today.year - 7, today.year + 8) if _weekday_of(y, month, day) == target
        ]
        if years:
            year = min(years, key=lambda y: (abs(date(y, month, day) - today), y < today.year))
            resolved = date(year, month, day)
            return _value(
                (resolved, resolved), "day", stated_weekday=stated
            ), f"the nearest year in which it is a {stated}"
    if reference.day is None:
        raise Unresolved("month and day without a year, and no publication date")
    span, how = _periodic(occurrence, tense, reference)
    return _value(span, "day", stated_weekday=stated), ", ".join([how, *how_parts])


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _weekday_with_day(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "Tuesday the 19th": the month around publication in which the day is that weekday."""
    today = _need_day(reference)
    day, target = day_number(node["day"]), weekday_index(node["weekday"])
    candidates = []
    for months in range(-12, 13):
        anchor = add_months(today.replace(day=1), months)
        if _weekday_of(anchor.year, anchor.month, day) == target:
            candidates.append((date(anchor.year, anchor.month, day),) * 2)
    if not candidates:
        raise Unresolved(f"no month around publication has a {node['weekday']} the {day}th")
    direction = direction_of(tense, reference)
    span = choose(candidates, direction, today)
    stated = WEEKDAYS[target].title()
    how = f"the month in which the {day}th is a {stated}, {describe_direction(direction, tense)}"
    return _value(span, "day", stated_weekday=stated), how


def resolve_month(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "March", "in March", "next March", "early March", "March in a year"."""
    month = month_number(node["month"])
    today = _need_day(reference)
    shift = (node.get("shift") or "").lower()
    occurrence = lambda year: month_span(year, month)  # noqa: E731
    if node.get("years_later"):
        span = occurrence(today.year + round(count_value(node["years_later"])))
        how = f"{node['years_later']} years after publication {today.isoformat()}"
    elif shift in ("next", "coming") or node.get("after_next"):
        span = choose(
            [occurrence(y) for y in range(today.year - 1, today.year + 3)],
            "future",
            today,
            strict=True,
        )
        if node.get("after_next"):
            span = occurrence(span[0].year + 1)
        how = f"'{shift or 'after next'}': the first {MONTHS[month - 1].title()} after publication"
    elif shift in ("last", "past"):
        candidates = [occurrence(y) for y in range(today.year - 2, today.year + 1)]
        span = [c for c in candidates if c[1] < today][-1]
        how = f"'{shift}': the latest {MONTHS[month - 1].title()} before publication"
    elif shift == "this":
        span, how = occurrence(today.year), "'this': the year of publication"
    else:
        span, how = _periodic(occurrence, tense, reference)
    position = node.get("position")
    if position:
        span, said = position_in(span, position, "month", today)
        return _value(span, "day"), f"{said} of {span[0]:%B %Y}: {how}"
    return _value(span, "month"), how


def resolve_year(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "in 2014", "the end of 2012"."""
    era = (node.get("era") or "").upper().replace(".", "")
    if era == "BC":
        raise Unresolved("a year before the common era")
    year = int(node["year"])
    span = (date(year, 1, 1), date(year, 12, 31))
    if node.get("position"):
        span, how = position_in(span, node["position"], "year", reference.day)
        return _value(span, "month"), f"{how} of {year}"
    return _value(span, "year"), "year as written"


def resolve_year_range(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "from 2010 to 2018", "2010-18"."""
    first = int(node["year"])
    last_text = node["year_end"]
    last = int(last_text) if len(last_text) == 4 else first - first % 100 + int(last_text)
    if last < first:
        raise Unresolved("a range of years that ends before it starts")
    return _value((date(first, 1, 1), date(last, 12, 31)), "year"), "years as written"


_DECADE_WORDS = {
    w: 20 + 10 * i
    for i, w in enumerate(
        (
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        )
    )
}


def resolve_decade(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "the 1990s", "the '90s", "the nineties", "the early 2000s"."""
    text = node["decade"].lower().lstrip("'’")
    if text in _DECADE_WORDS or len(text) == 3:
        short = _DECADE_WORDS.get(text) or int(text[:2])
        latest = (reference.day or date(2099, 1, 1)).year
        start = 2000 + short if 2000 + short <= latest else 1900 + short
        how = f"two-digit decade, the latest not after {latest}"
    else:
        start, how = int(text[:4]), "decade as written"
    span = (date(start, 1, 1), date(start + 9, 12, 31))
    position = (node.get("position") or "").lower()
    if position:
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[position]
        span = (date(start + first, 1, 1), date(start + last, 12, 31))
        how = f"'{position}' {start}s, {how}"
    return _value(span, "decade"), how


def resolve_quarter(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "first quarter of 2025", "Q1", "2018Q4", "the third quarter"."""
    number = node.get("quarter") or node.get("quarter2")
    if number is None:
        nth = node["nth"].lower()
        number = 4 if nth == "last" else ORDINAL_WORDS.get(nth) or int(nth[0])
    quarter = int(number)

    def occurrence(year: int) -> Span:
        return date(year, 3 * quarter - 2, 1), month_span(year, 3 * quarter)[1]

    year_text = node.get("year") or node.get("year2")
    if year_text:
        return _value(occurrence(_year(year_text, reference)), "quarter"), "quarter as written"
    span, how = _periodic(occurrence, tense, reference)
    return _value(span, "quarter"), how


def resolve_season(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "this summer", "last winter", "summer 2024", "next season"."""
    name = node["season"].lower()
    names = list(SEASONS) if name == "season" else [name]
    if node.get("year"):
        span = season_span(name, int(node["year"]))
        return _value(span, "day"), "season as written (astronomical dates)"
    today = _need_day(reference)
    candidates = sorted(
        season_span(n, y)
        for n in names
        for y in range(today.year - 2, today.year + 2)
        if n != "autumn" or name == "autumn"
    )
    shift = _SHIFTS.get(" ".join((node.get("shift") or "").lower().split()))
    if shift is None:
        span = choose(candidates, direction_of(tense, reference), today)
    elif shift == 0:
        span = choose(candidates, "future", today)
    elif shift < 0:
        span = [c for c in candidates if c[1] < today][-1]
    else:
        span = [c for c in candidates if c[0] > today][0]
    span, how = position_in(span, node.get("position"), "season", today)
    return _value(
        span, "day"
    ), f"{how or 'season'} around publication {today.isoformat()} (astronomical dates)"


def resolve_holiday(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "Christmas", "Thanksgiving 2016", "last Easter", "MLK day of last year"."""
    name = " ".join(node["holiday"].lower().split())
    occurrence = lambda year: holiday_span(name, year)  # noqa: E731
    if node.get("year"):
        span, how = occurrence(int(node["year"])), "holiday in the year as written"
    elif node.get("year_words"):  # "two thousand and ten"
        year = 2000 + int(count_value(node["year_words"].lower().split("thousand")[1]))
        span, how = occurrence(year), f"holiday in the year as written ({year})"
    else:
        today = _need_day(reference)
        shift = (node.get("shift") or node.get("year_shift") or "").lower()
        if node.get("later_count") or node.get("ago_count"):
            later = bool(node.get("later_count")) or node.get("ago", "").lower() != "ago"
            count = count_value(node.get("later_count") or node["ago_count"])
            unit = unit_name(node.get("later_unit") or node["ago_unit"])
            anchor = shift_day(today, count if later else -count, unit)
            span, _ = _periodic(occurrence, Tense("future", ""), Reference(anchor))
            side = "after" if later else "before"
            how = (
                f"the first on or after {anchor.isoformat()} ({count:g} {unit}s {side} publication)"
            )
        elif node.get("year_shift"):
            span = occurrence(today.year + {"next": 1, "last": -1}.get(shift, 0))
            how = f"{shift} year's"
        elif shift == "last":
            span, how = _periodic(occurrence, Tense("past", "last"), reference, strict=True)
        elif shift in ("next", "this"):
            span, how = _periodic(occurrence, Tense("future", shift), reference)
        else:
            span, how = _periodic(occurrence, tense, reference)
    if node.get("relation"):  # "three days after Easter", "the third Tuesday after Christmas"
        return _counted_from_holiday(node, span, f"{name}: {how}")
    if begins_at_sundown(name):
        how += f"; begins at sundown on {span[0].isoformat()}"
        return _value(span, "day", begins="sundown"), f"{name}: {how}"
    hours = holiday_hours(name)
    if hours:
        return _value(span, "minute", time=hours[0], end_time=hours[1]), f"{name}: {how}"
    return _value(span, "day"), f"{name}: {how}"


def _counted_from_holiday(node: Node, span: Span, how: str) -> Result:
    """A day counted from a named day's first day: so many days (weeks, months, years)
    after or before it, or the nth weekday after or before it."""
    sign = 1 if node["relation"].lower() == "after" else -1
    anchor = span[0]
    if node.get("offset_count"):
        count = count_value(node["offset_count"])
        unit = unit_name(node["offset_unit"])
        day = shift_day(anchor, sign * count, unit)
        counted = f"{count:g} {unit}{'' if count == 1 else 's'} {node['relation'].lower()}"
    else:
        nth = ORDINAL_WORDS.get(node["nth"].lower()) or int(node["nth"][0])
        target = weekday_index(node["weekday"])
        step = (
            (target - anchor.weekday()) % 7 or 7
            if sign > 0
            else -((anchor.weekday() - target) % 7 or 7)
        )
        day = anchor + timedelta(days=step + sign * 7 * (nth - 1))
        counted = f"{node['nth'].lower()} {WEEKDAYS[target].title()} {node['relation'].lower()}"
    return _value((day, day), "day"), f"{counted} {how}"


def resolve_nth_weekday(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "the first Monday of March", "last day of October 2015", "first week of October"."""
    nth_text = node["nth"].lower()
    nth = -1 if nth_text == "last" else ORDINAL_WORDS.get(nth_text) or int(nth_text[0])
    if nth < 0 and node.get("from_end"):  # "the third last week": two before the last
        from_end = node["from_end"].lower()
        nth = -(ORDINAL_WORDS.get(from_end) or int(from_end[0]))
    what = node["weekday"].lower().replace("-", "").replace(" ", "")

    def last_full_week(last: date) -> Span:
        sunday = last - timedelta(days=(last.weekday() - 6) % 7)
        sunday -= timedelta(days=7 * (-nth - 1))
        return sunday - timedelta(days=6), sunday

    def in_month(year: int, month: int) -> Span:
        if what == "day":
            last = calendar.monthrange(year, month)[1]
            day = date(year, month, last + nth + 1 if nth < 0 else nth)
            return day, day
        if what in ("week", "weekend", "wkend"):
            weekday = 0 if what == "week" else 5
            if nth < 0 and what == "week":
                return last_full_week(date(year, month, calendar.monthrange(year, month)[1]))
            start = nth_weekday(year, month, weekday, nth)
            return start, start + timedelta(days=6 if what == "week" else 1)
        day = nth_weekday(year, month, weekday_index(what), nth)
        return day, day

    grain = "week" if what == "week" else "day"
    if node.get("shift"):
        today = _need_day(reference)
        months = {"next": 1, "last": -1, "previous": -1}.get(node["shift"].lower(), 0)
        anchor = add_months(today.replace(day=1), months)
        return _value(
            in_month(anchor.year, anchor.month), grain
        ), f"in the month {months:+d} from publication"
    if node.get("year2"):
        year = int(node["year2"])
        if what != "week" or nth > 0:
            raise Unresolved("only the last weeks of a year are counted")
        return _value(
            last_full_week(date(year, 12, 31)), "week"
        ), "counted from the end of the year"
    month = month_number(node["month"])
    if node.get("year"):
        return _value(in_month(int(node["year"]), month), grain), "as written"
    span, how = _periodic(lambda year: in_month(year, month), tense, reference)
    return _value(span, grain), how


def resolve_day_of_month(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "on the 15th", "the 20th of next month"."""
    today = _need_day(reference)
    day = day_number(node["day"])
    if node.get("shift"):
        months = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(
            node["shift"].lower(), 0
        )
        anchor = add_months(today.replace(day=1), months)
        resolved = date(anchor.year, anchor.month, day)
        return _value((resolved, resolved), "day"), f"in the month {months:+d} from publication"
    candidates = []
    for months in range(-2, 3):
        anchor = add_months(today.replace(day=1), months)
        try:
            candidates.append((date(anchor.year, anchor.month, day),) * 2)
        except ValueError:
            continue
    direction = direction_of(tense, reference)
    span = choose(candidates, direction, today)
    how = f"no month, {describe_direction(direction, tense)}, publication {today.isoformat()}"
    return _value(span, "day"), how


def resolve_day_range(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "Nov. 27-29", "from 13 to 15 July"."""
    month = month_number(node["month"])
    first, last = day_number(node["day"]), day_number(node["day_end"])
    if last < first:
        raise Unresolved("a range of days that ends before it starts")
    if node.get("year"):
        year = int(node["year"])
        return _value((date(year, month, first), date(year, month, last)), "day"), "as written"
    span, how = _periodic(lambda y: (date(y, month, first), date(y, month, last)), tense, reference)
    return _value(span, "day"), how


# ---------------------------------------------------------------------------- times

_NAMED_TIMES = {"noon": 12, "midday": 12, "mid day": 12, "midnight": 0}


def _hour_from_words(text: str) -> int:
    return SMALL_NUMBERS.index(text.lower())


def _time_of(node: Node, reference: Reference) -> tuple[int, int, int, str, bool]:
    """(hour, minute, second, grain, ambiguous) of a time node; ambiguous = no am/pm."""
    ampm = (node.get("ampm") or node.get("ampm2") or "").lower().replace(".", "").replace(" ", "")
    part = (node.get("part") or node.get("part2") or "").lower()
    if "named" in node:
        hour = _NAMED_TIMES[" ".join(node["named"].lower().split())]
        return hour, 0, 0, "hour", False
    if "hhmm" in node:
        hour, minute = divmod(int(node["hhmm"]), 100)
        grain = "minute"
    elif "minutes" in node:
        minutes_text = node["minutes"].lower()
        minutes = {"half": 30, "quarter": 15, "a quarter": 15}.get(minutes_text)
        if minutes is None:
            minutes = (
                int(minutes_text) if minutes_text.isdigit() else round(count_value(minutes_text))
            )
        hour_text = node.get("hour") or node.get("hour_word")
        hour = (
            _NAMED_TIMES.get(hour_text.lower())
            if hour_text.lower() in _NAMED_TIMES
            else (int(hour_text) if hour_text.isdigit() else _hour_from_words(hour_text))
        )
        if node["relation"].lower() in ("to", "till", "before"):
            hour, minute = divmod(hour * 60 - minutes, 60)
        else:
            hour, minute = divmod(hour * 60 + minutes, 60)
        grain = "minute"
        hour %= 24
    else:
        hour_text = node.get("hour") or node.get("hour_word")
        hour = int(hour_text) if hour_text.isdigit() else _hour_from_words(hour_text)
        minute_text = node.get("minute") or node.get("minute_word")
        if minute_text is None:
            minute, grain = 0, ("minute" if node.get("piece") in ("h_time",) else "hour")
        elif minute_text.isdigit():
            minute, grain = int(minute_text), "minute"
        else:
            words = minute_text.lower().replace("-", " ").split()
            words = [w for w in words if w not in ("oh", "o", "ou", "zero")]
            minute, grain = round(count_value(" ".join(words))), "minute"
    second = int(node["second"]) if node.get("second") else 0
    if node.get("second"):
        grain = "second"
    if ampm.startswith("p") or part in ("afternoon", "evening", "pm", "tonight", "this evening"):
        if hour < 12:
            hour += 12
    elif ampm.startswith("a") or part in ("morning", "am"):
        if hour == 12:
            hour = 0
    ambiguous = (
        not ampm
        and not part
        and 1 <= hour <= 12
        and not (
            (node.get("hour") or "").startswith("0")
            or node.get("piece") in ("h_time", "military_time")
        )
    )
    return hour, minute, second, grain, ambiguous


def _format_time(hour: int, minute: int, second: int, grain: str) -> str:
    return (
        f"{hour:02d}:{minute:02d}:{second:02d}" if grain == "second" else f"{hour:02d}:{minute:02d}"
    )


def _with_time(
    value: TemporalValue, parts: tuple[int, int, int, str, bool], zone: str | None = None
) -> TemporalValue:
    hour, minute, second, grain, _ = parts
    day = value.start
    if hour >= 24:
        day, hour = day + timedelta(days=1), hour - 24
    return TemporalValue(
        day,
        day,
        grain,
        time=_format_time(hour, minute, second, grain),
        zone=zone,
        stated_weekday=value.stated_weekday,
    )


def _forward_time(
    parts: tuple[int, int, int, str, bool], today: date, now: clock
) -> tuple[date, int]:
    """Duckling: the first such time at or after now, compared at the hour."""
    hour, minute, second, grain, ambiguous = parts
    options = [hour, hour + 12] if ambiguous and hour < 12 else [hour]
    if ambiguous and hour == 12:
        options = [12, 24]
    for option in options:
        if option >= now.hour:
            return (today, option) if option < 24 else (today + timedelta(days=1), 0)
    return today + timedelta(days=1), options[0]


def resolve_time(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "4 a.m.", "0200 GMT", "3:30pm", "noon", "half past three"."""
    today = _need_day(reference)
    parts = _time_of(node, reference)
    zone = _zone(node)
    if reference.mode == "forward" and reference.now is not None:
        day, hour = _forward_time(parts, today, reference.now)
        parts = (hour, *parts[1:])
        value = _with_time(TemporalValue(day, day, "day"), parts, zone)
        return value, "time of day, the next one after the reference time"
    value = _with_time(TemporalValue(today, today, "day"), parts, zone)
    return value, f"time without a day: the publication day {today.isoformat()}"


def _zone(node: Node) -> str | None:
    zone = node.get("zone") or node.get("zone_in_brackets")
    if zone is None:
        return None
    return "local" if zone.lower().startswith("local") else zone.upper()


def resolve_at(node: Node, tense: Tense, reference: Reference) -> Result:
    """A day with a time: "4 a.m. Wednesday", "Thursday 8:00 GMT", "tonight at 11"."""
    day_value, how = resolve(node["day"], tense, reference)
    if day_value.start is None:
        return day_value, how
    time_node = node["time"]
    if time_node["form"] == "range":
        first, last = time_node["from"], time_node["to"]
        start, end = _time_of(first, reference), _time_of(last, reference)
        start, end = _align_clock_range(start, end)
        value = _with_time(day_value, start, _zone(last) or _zone(first))
        end_text = _format_time(end[0] % 24, end[1], end[2], end[3])
        return TemporalValue(
            value.start,
            value.end,
            value.grain,
            value.time,
            end_text,
            value.zone,
            stated_weekday=value.stated_weekday,
        ), how
    parts = _time_of(time_node, reference)
    part = day_value.part_of_day or ""
    if parts[4] and any(p in part for p in ("afternoon", "evening", "night")) and parts[0] < 12:
        parts = (parts[0] + 12, *parts[1:])
    return _with_time(day_value, parts, _zone(time_node)), how


def _align_clock_range(start, end):
    """ "3-4pm": the first time takes the second's half of the day when it has none."""
    if start[4] and not end[4] and end[0] >= 12 and start[0] + 12 <= end[0]:
        start = (start[0] + 12, *start[1:])
    elif start[4] and end[4] and end[0] < start[0]:
        end = (end[0] + 12, *end[1:])
    return start, end


def resolve_range(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "from Monday to Wednesday", "Aug 8 - Aug 12", "9:30 - 11:00", "3-4pm"."""
    first, last = node["from"], node["to"]
    if first["form"] == "time":
        return resolve_at(
            {"day": {"form": "deictic", "deictic": "today"}, "time": node}, tense, reference
        )
    if last["form"] == "day_of_month" and first.get("month"):
        last = {**first, "day": last["day"], "weekday": None}
        last = {k: v for k, v in last.items() if v}
    start_value, start_how = resolve(first, tense, reference)
    end_value, end_how = resolve(last, tense, reference)
    if start_value.start is None or end_value.end is None:
        return (start_value if start_value.start is None else end_value), start_how
    end = end_value.end
    if end < start_value.start:
        if last["form"] == "weekday":
            end += timedelta(days=7)
        elif "year" not in last:
            end = end.replace(year=end.year + 1)
        else:
            raise Unresolved("a range that ends before it starts")
    return _value((start_value.start, end), start_value.grain), f"{start_how}; to {end.isoformat()}"


def resolve_week_of(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "the week of Nov. 25": the Monday-to-Sunday week that holds the day."""
    day_value, how = resolve_date({**node, "form": "date"}, tense, reference)
    if day_value.start is None:
        return day_value, how
    monday = week_start(day_value.start)
    return _value((monday, monday + timedelta(days=6)), "week"), f"the week of {how}"


def resolve_weekend(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "over the weekend": the Saturday and Sunday the tense points to."""
    today = _need_day(reference)
    saturday = week_start(today) + timedelta(days=5)
    saturdays = [saturday + timedelta(days=7 * k) for k in (-2, -1, 0, 1, 2)]
    direction = direction_of(tense, reference)
    span = choose([(d, d + timedelta(days=1)) for d in saturdays], direction, today)
    weekday = WEEKDAYS[today.weekday()].title()
    how = f"{describe_direction(direction, tense)}, publication {today.isoformat()} ({weekday})"
    return _value(span, "day"), how


def resolve_lasting(node: Node, tense: Tense, reference: Reference) -> Result:
    """ "from Dec. 18 for 10 days": the days from the first one on."""
    start_value, how = resolve(node["start"], tense, reference)
    if start_value.start is None:
        return start_value, how
    count, unit = count_value(node["count"]), unit_name(node["unit"])
    end = shift_day(start_value.start, count, unit) - timedelta(days=1)
    return _value((start_value.start, end), "day"), f"{how}; for {count:g} {unit}s"


def resolve_story_relative(node: Node, tense: Tense, reference: Reference) -> Result:
    raise Unresolved("counted from another event in the story, not from publication")


def resolve_now(node: Node, tense: Tense, reference: Reference) -> Result:
    today = _need_day(reference)
    time = reference.now.strftime("%H:%M:%S") if reference.now else None
    return TemporalValue(today, today, "second" if time else "day", time=time), "now: the reference"


def resolve_duration(node: Node, tense: Tense, reference: Reference) -> Result:
    raise Unresolved("a duration, not a date")


RESOLVERS: dict[str, Callable[[Node, Tense, Reference], Result]] = {
    "weekday": resolve_weekday,
    "deictic": resolve_deictic,
    "offset": resolve_offset,
    "window": resolve_window,
    "period": resolve_period,
    "date": resolve_date,
    "month": resolve_month,
    "year": resolve_year,
    "year_range": resolve_year_range,
    "decade": resolve_decade,
    "quarter": resolve_quarter,
    "season": resolve_season,
    "holiday": resolve_holiday,
    "nth_weekday": resolve_nth_weekday,
    "day_of_month": resolve_day_of_month,
    "day_range": resolve_day_range,
    "time": resolve_time,
    "at": resolve_at,
    "range": resolve_range,
    "lasting": resolve_lasting,
    "weekend": resolve_weekend,
    "week_of": resolve_week_of,
    "story_relative": resolve_story_relative,
    "now": resolve_now,
    "duration": resolve_duration,
}


def resolve(node: Node, tense: Tense, reference: Reference | date | None) -> Result:
    """Resolve a grammar node; returns the value and its one-line explanation."""
    if not isinstance(reference, Reference):
        reference = Reference(reference)
    try:
        return RESOLVERS[node["form"]](node, tense, reference)
    except Unresolved as why:
        reason = str(why)
    except (ValueError, KeyError, IndexError) as error:
        reason = f"cannot be dated ({type(error).__name__}: {error})"
    return TemporalValue(None, None, "day", unresolved=reason), reason
