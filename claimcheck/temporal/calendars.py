"""Calendar arithmetic: months, weeks, Easter, the nth weekday of a month, the Islamic
calendar (Umm al-Qura, from ``umm_al_qura.tsv``; tabular outside it), the Hebrew calendar,
the Chinese New Year's new moon, the Hindu festivals (``festivals.tsv``), named days
(``holidays.tsv``) and seasons. Pure functions of dates; the two tables are computed by
``lunisolar.py``."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache
from importlib import resources

from claimcheck.temporal.astronomy import julian_day_of, moment_of, new_moon, sun_enters
from claimcheck.temporal.grammar import WEEKDAYS, holiday_rules

Span = tuple[date, date]


class Unresolved(ValueError):
    """Raised inside resolution when an expression cannot be given a date; the message
    is the reason."""


def weekday_index(name: str) -> int:
    """0 for Monday ... 6 for Sunday, from a name or abbreviation ("Thurs.", "sun")."""
    bare = name.lower().rstrip(".")
    for index, weekday in enumerate(WEEKDAYS):
        if weekday.startswith(bare[:3]):
            return index
    raise ValueError(name)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_start(day: date) -> date:
    """The Monday of the (ISO, Monday-first) week of ``day``."""
    return day - timedelta(days=day.weekday())


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday (Julian computus, given in the Gregorian calendar)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=year // 100 - year // 400 - 2)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-5, or -1 for the last) ``weekday`` of a month."""
    if nth < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    if found.month != month:
        raise Unresolved(f"there is no {nth}th {WEEKDAYS[weekday].title()} in that month")
    return found


ISLAMIC_EPOCH = 227015  # the ordinal of 1 Muharram 1 AH (16 July 622, Julian calendar)


def from_islamic(year: int, month: int, day: int) -> date:
    """A date of the tabular (arithmetical) Islamic calendar; the observed calendar, set by
    the sighting of the moon, can fall a day either side."""
    ordinal = day + 29 * (month - 1) + month // 2 + 354 * (year - 1) + (3 + 11 * year) // 30
    return date.fromordinal(ordinal + ISLAMIC_EPOCH - 1)


@cache
def _umm_al_qura() -> dict[tuple[int, int], date]:
    """The first day of each month of the Umm al-Qura table: (year, month) -> date."""
    table = {}
    for line in _table_lines("umm_al_qura.tsv"):
        year, month, first = line.split("\t")
        table[int(year), int(month)] = date.fromisoformat(first)
    return table


def from_hijri(year: int, month: int, day: int) -> date:
    """A date of the Islamic calendar as Saudi Arabia's Umm al-Qura calendar gives it (the
    table in ``umm_al_qura.tsv``), or the tabular calendar outside the table's years."""
    first = _umm_al_qura().get((year, month))
    if first is None:
        return from_islamic(year, month, day)
    return first + timedelta(days=day - 1)


def islamic_in_year(year: int, month: int, day: int) -> tuple[date, int]:
    """The first date in Gregorian ``year`` that is ``day`` of Islamic ``month``, and its
    year of the hijra."""
    approximate = int((year - 622) * 33 / 32)
    for hijri in range(approximate - 1, approximate + 3):
        found = from_hijri(hijri, month, day)
        if found.year == year:
            return found, hijri
    raise Unresolved(f"no {day}/{month} of the Islamic calendar in {year}")


def _table_lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _festivals() -> dict[tuple[str, int], list[Span]]:
    """The Hindu festivals of ``festivals.tsv``: (name, year) -> the spans in that year."""
    table: dict[tuple[str, int], list[Span]] = {}
    for line in _table_lines("festivals.tsv"):
        name, value = line.split("\t")
        first, _, last = value.partition("..")
        span = date.fromisoformat(first), date.fromisoformat(last or first)
        table.setdefault((name, span[0].year), []).append(span)
    return table


def festival_span(name: str, year: int) -> Span:
    """The first span in ``year`` of a festival of ``festivals.tsv``."""
    spans = _festivals().get((name, year))
    if not spans:
        raise Unresolved(f"{name} is tabulated for 1950-2050 only")
    return spans[0]


# rules of days that begin at sundown the evening before (the Hebrew calendar)
SUNDOWN_RULES = frozenset({"hebrew", "tisha-bav", "yom-hashoah", "yom-haatzmaut"})


def begins_at_sundown(name: str) -> bool:
    """Whether a named day begins at sundown on the evening before its civil day."""
    return holiday_rules()[name.lower()].split()[0] in SUNDOWN_RULES


def holiday_hours(name: str) -> tuple[str, str] | None:
    """The local times a named event starts and ends ("@20:30-21:30" after its rule in
    ``holidays.tsv``: Earth Hour), or None for a whole day."""
    for word in holiday_rules()[name.lower()].split():
        if word.startswith("@"):
            start, _, end = word[1:].partition("-")
            return start, end
    return None


def holiday_span(name: str, year: int) -> Span:
    """The day (or days) of a named holiday in ``year``, by its rule in ``holidays.tsv``."""
    rule = [word for word in holiday_rules()[name.lower()].split() if word[0] != "@"]
    kind, args = rule[0], rule[1:]
    if kind in ("easter", "orthodox") and len(args) == 2:  # a season of the church year
        sunday = easter(year) if kind == "easter" else orthodox_easter(year)
        return sunday + timedelta(days=int(args[0])), sunday + timedelta(days=int(args[1]))
    if kind == "islamic-month":  # a whole month: Ramadan
        first, hijri = islamic_in_year(year, int(args[0]), 1)
        following = from_hijri(hijri + (int(args[0]) == 12), int(args[0]) % 12 + 1, 1)
        return first, following - timedelta(days=1)
    # Hebrew-calendar days run from sundown on the evening before to nightfall
    if kind == "hebrew":  # "hebrew MM-DD [DAYS]": a day of the Hebrew calendar, or several
        month, day = map(int, args[0].split("-"))
        first = hebrew_in_year(year, month, day)
        last = first + timedelta(days=int(args[1]) - 1 if len(args) > 1 else 0)
        return first - timedelta(days=1), last
    if kind in ("tisha-bav", "yom-hashoah", "yom-haatzmaut"):
        day = hebrew_holiday(kind, year)
        return day - timedelta(days=1), day
    if kind == "table":  # "table NAME [+D]": a festival of festivals.tsv, shifted D days
        first, last = festival_span(args[0], year)
        shift = timedelta(days=int(args[1]) if len(args) > 1 else 0)
        return first + shift, last + shift
    if kind == "chinese-new-year":
        day = chinese_new_year(year)
        return day, day
    if kind == "islamic-last-friday":  # the last Friday of an Islamic month
        first, hijri = islamic_in_year(year, int(args[0]), 1)
        last = from_hijri(hijri, int(args[0]) + 1, 1) - timedelta(days=1)
        friday = last - timedelta(days=(last.weekday() - 4) % 7)
        return friday, friday
    day = holiday_date(kind, args, year)
    return day, day


def holiday_date(kind: str, args: list[str], year: int) -> date:
    """The date a one-day rule gives in ``year``."""
    shift = int(args[-1]) if args and args[-1][0] in "+-" and kind != "nth" else 0
    if kind == "fixed":
        month, day = map(int, args[0].split("-"))
        return date(year, month, day)
    if kind == "nth":
        found = nth_weekday(year, int(args[0]), weekday_index(args[1]), int(args[2]))
        return found + timedelta(days=int(args[3]) if len(args) > 3 else 0)
    if kind == "easter":
        return easter(year) + timedelta(days=shift)
    if kind == "orthodox":
        return orthodox_easter(year) + timedelta(days=shift)
    if kind == "islamic":
        month, day = map(int, args[0].split("-"))
        return islamic_in_year(year, month, day)[0]
    if kind == "observed":
        month, day = map(int, args[0].split("-"))
        fixed = date(year, month, day)
        return fixed + timedelta(days={5: -1, 6: 1}.get(fixed.weekday(), 0))
    if kind == "kingsday":
        fixed = date(year, 4, 27)
        return fixed - timedelta(days=1) if fixed.weekday() == 6 else fixed
    if kind == "vague-year":  # a 365-day year without leap days, from one known new year
        known = date.fromisoformat(args[0])
        found = known + timedelta(days=365 * (year - known.year))
        while found.year < year:
            found += timedelta(days=365)
        while found.year > year:
            found -= timedelta(days=365)
        return found
    if kind == "earth-hour":  # the last Saturday of March, a week earlier in Holy Week
        saturday = nth_weekday(year, 3, 5, -1)
        return saturday - timedelta(days=7) if saturday == easter(year) - timedelta(1) else saturday
    if kind == "nowruz":  # the March equinox, in Tehran (UTC+3:30): after noon, the next day
        equinox = moment_of(sun_enters(0.0, julian_day_of(date(year, 3, 1)), sidereal=False))
        tehran = equinox + timedelta(hours=3.5)
        return tehran.date() + timedelta(days=1 if tehran.hour >= 12 else 0)
    if kind == "election":  # US: the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    raise ValueError(f"unknown holiday rule {kind} {args}")


SEASONS = {  # astronomical seasons, as Duckling dates them: (start month-day, end month-day)
    "spring": ((3, 20), (6, 20)),
    "summer": ((6, 21), (9, 23)),
    "fall": ((9, 23), (12, 20)),
    "autumn": ((9, 23), (12, 20)),
    "winter": ((12, 21), (3, 20)),
}


def season_span(season: str, year: int) -> Span:
    """The season that starts in ``year`` (winter runs into the next year)."""
    (start_month, start_day), (end_month, end_day) = SEASONS[season]
    end_year = year + 1 if season == "winter" else year
    return date(year, start_month, start_day), date(end_year, end_month, end_day)


HEBREW_EPOCH = -1373427  # the ordinal of 1 Tishri AM 1 (7 October 3761 BCE, Julian)
NISAN, IYYAR, SIVAN, AV, TISHRI, KISLEV, SHEVAT, ADAR, ADAR_II = 1, 2, 3, 5, 7, 9, 11, 12, 13


def _hebrew_leap(year: int) -> bool:
    return (7 * year + 1) % 19 < 7


def _hebrew_elapsed_days(year: int) -> int:
    """Days from the epoch to the molad of Tishri of ``year``, with the first postponement."""
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    days = 29 * months + parts // 25920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def hebrew_new_year(year: int) -> int:
    """The ordinal of 1 Tishri of ``year``, with the postponements that keep a year's length
    within its bounds."""
    previous, this, following = (_hebrew_elapsed_days(year + k) for k in (-1, 0, 1))
    delay = 2 if following - this == 356 else 1 if this - previous == 382 else 0
    return HEBREW_EPOCH + this + delay


def _hebrew_month_length(month: int, year: int) -> int:
    length = hebrew_new_year(year + 1) - hebrew_new_year(year)
    short = (
        month in (IYYAR, 4, 6, 10, ADAR_II)
        or (month == ADAR and not _hebrew_leap(year))
        or (month == 8 and length % 10 != 5)  # Marheshvan is long only in "complete" years
        or (month == KISLEV and length % 10 == 3)  # Kislev is short in "deficient" years
    )
    return 29 if short else 30


def from_hebrew(year: int, month: int, day: int) -> date:
    """A date of the Hebrew calendar (months from Nisan = 1; Tishri = 7 starts the year)."""
    last_month = ADAR_II if _hebrew_leap(year) else ADAR
    if month < TISHRI:
        months = [*range(TISHRI, last_month + 1), *range(NISAN, month)]
    else:
        months = list(range(TISHRI, month))
    offset = sum(_hebrew_month_length(m, year) for m in months)
    return date.fromordinal(hebrew_new_year(year) + offset + day - 1)


def hebrew_in_year(year: int, month: int, day: int) -> date:
    """The date in Gregorian ``year`` that is ``day`` of Hebrew ``month`` (Adar is Adar II
    in a leap year, where Purim falls)."""
    for hebrew_year in (year + 3760, year + 3761):
        actual = ADAR_II if month == ADAR and _hebrew_leap(hebrew_year) else month
        found = from_hebrew(hebrew_year, actual, day)
        if found.year == year:
            return found
    raise Unresolved(f"no {day}/{month} of the Hebrew calendar in {year}")


def hebrew_holiday(rule: str, year: int) -> date:
    """Days whose date moves off the Sabbath by Israeli law or custom."""
    if rule == "tisha-bav":  # 9 Av, or the 10th when the 9th is a Saturday
        found = hebrew_in_year(year, AV, 9)
        return found + timedelta(days=1) if found.weekday() == 5 else found
    if rule == "yom-hashoah":  # 27 Nisan, off Friday (to Thursday) and Sunday (to Monday)
        found = hebrew_in_year(year, NISAN, 27)
        return found + timedelta(days={4: -1, 6: 1}.get(found.weekday(), 0))
    if rule == "yom-haatzmaut":  # 5 Iyyar, moved off Friday, Saturday and Monday
        found = hebrew_in_year(year, IYYAR, 5)
        return found + timedelta(days={4: -1, 5: -2, 0: 1}.get(found.weekday(), 0))
    raise ValueError(f"unknown Hebrew rule {rule}")


def chinese_new_year(year: int) -> date:
    """The day, in Beijing, of the new moon that falls between 21 January and 20 February."""
    first = int((year - 2000) * 12.3685) - 2
    for k in range(first, first + 6):
        day = (moment_of(new_moon(k)) + timedelta(hours=8)).date()
        if day.year == year and date(year, 1, 21) <= day <= date(year, 2, 20):
            return day
    raise Unresolved(f"no Chinese New Year found in {year}")
