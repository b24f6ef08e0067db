"""The Hindu lunisolar and solar calendars and the Umm al-Qura Islamic calendar, computed
from the Sun and Moon (``astronomy.py``), and the tables ``calendars.py`` reads.

Computing a festival takes a few hundred positions of the Sun and Moon, so the dates are
computed once, here, and kept as data (``festivals.tsv``, ``umm_al_qura.tsv``); at run time
``calendars.py`` only looks them up. To rebuild the tables::

    python -m claimcheck.temporal.lunisolar

Hindu calendar (the conventions of the printed panchangs, for New Delhi): a lunar day
(*tithi*) is a 12-degree step of the Moon's elongation from the Sun (1-15 waxing, *shukla*;
16-30 waning, *krishna*; 30 is the new moon, *amavasya*). A month runs from new moon to
new moon (*amanta*) and is named after the sidereal sign (Lahiri) the Sun is in when it
begins: Sun in Pisces, Chaitra; in Aries, Vaishakha; and so on. A month in which the Sun
enters no sign is a leap month (*adhika*) and holds no festival. A festival is the civil
day on which its lunar day is current at the moment of the day its rite is kept: sunrise
by default, midday (*madhyahna*), afternoon (*aparahna*), dusk (*pradosha*), moonrise or
midnight (*nishita*); if two days qualify, the first; if the lunar day is current at that
moment on neither (it began and ended between two of them), the day it fell within. Solar
festivals follow the Sun's entry into a sidereal sign (*sankranti*): Makar Sankranti the
day of the entry, or the next day when it falls after sunset; Vaisakhi the day of the
entry; the Bengali new year the day after it; Onam by the Malayalam month Chingam.

Umm al-Qura (the Saudi civil calendar, which fixes the Hajj and so Eid al-Adha, and which
most Gulf states and many news calendars follow): a month begins on the day after the
evening, at Mecca, on which the conjunction is before sunset and the Moon sets after the
Sun (the criterion in use since 1423 AH, 2002; earlier years are given by the same rule,
and the calendar of the day can differ from it by a day).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from math import floor
from pathlib import Path

from claimcheck.temporal.astronomy import (
    COLOMBO,
    MECCA,
    NEW_DELHI,
    THIRUVANANTHAPURAM,
    Place,
    elongation,
    julian_day_of,
    lahiri_ayanamsa,
    local_day,
    moon_altitude,
    moon_position,
    new_moon,
    new_moon_number,
    sun_enters,
    sun_longitude,
    sunrise,
    sunset,
)

FIRST_YEAR, LAST_YEAR = 1950, 2050
MONTHS = (
    "chaitra",
    "vaishakha",
    "jyeshtha",
    "ashadha",
    "shravana",
    "bhadrapada",
    "ashvin",
    "kartika",
    "margashirsha",
    "pausha",
    "magha",
    "phalguna",
)


def tithi(jd: float) -> int:
    """The lunar day current at a moment: 1-15 waxing, 16-30 waning (30: new moon)."""
    return floor(elongation(jd) / 12) + 1


def _sidereal_sign(jd: float) -> int:
    return floor(((sun_longitude(jd) - lahiri_ayanamsa(jd)) % 360) / 30)


def lunar_month(jd: float) -> tuple[int, bool]:
    """The amanta month current at a moment (1 for Chaitra ... 12 for Phalguna) and whether
    it is a leap (adhika) month."""
    k = new_moon_number(jd)
    sign = _sidereal_sign(new_moon(k))
    return (sign + 1) % 12 + 1, sign == _sidereal_sign(new_moon(k + 1))


def _moonrise(day: date, place: Place) -> float:
    """Moonrise after sunset on a civil day (the waning Moon's rising in the evening)."""
    low = sunset(day, place)
    high = low + 0.5
    if moon_altitude(low, place) > 0:
        return low
    for _ in range(20):
        middle = (low + high) / 2
        if moon_altitude(middle, place) > 0:
            high = middle
        else:
            low = middle
    return high


def _daytime_part(part: int) -> Callable[[date, Place], tuple[float, float]]:
    """The ``part``-th fifth of the daytime (3: madhyahna, 4: aparahna)."""

    def window(day: date, place: Place) -> tuple[float, float]:
        rise, length = sunrise(day, place), sunset(day, place) - sunrise(day, place)
        return rise + length * (part - 1) / 5, rise + length * part / 5

    return window


def _midnight(day: date, place: Place) -> float:
    """The middle of the night that follows a civil day (nishita)."""
    return (sunset(day, place) + sunrise(day + timedelta(days=1), place)) / 2


# the time of the day a rite is kept, as a window (start, end) of Julian days
WINDOWS: dict[str, Callable[[date, Place], tuple[float, float]]] = {
    "sunrise": lambda d, p: (sunrise(d, p), sunrise(d, p)),
    "madhyahna": _daytime_part(3),
    "aparahna": _daytime_part(4),
    "pradosha": lambda d, p: (sunset(d, p), sunset(d, p) + 0.1),  # dusk: six nazhika
    "moonrise": lambda d, p: (_moonrise(d, p), _moonrise(d, p)),
    "sunset": lambda d, p: (sunset(d, p), sunset(d, p)),
    "nishita": lambda d, p: (_midnight(d, p), _midnight(d, p)),
}


def _current_in(window: tuple[float, float], lunar_day: int) -> bool:
    """Whether ``lunar_day`` is current at some moment of the window (a lunar day lasts
    longer than any window, so at its start or its end)."""
    return tithi(window[0]) == lunar_day or tithi(window[1]) == lunar_day


def lunar_festival(
    year: int, month: int, day: int, moment: str, place: Place = NEW_DELHI
) -> list[date]:
    """The civil days in ``year`` (at ``place``, New Delhi by default) of lunar day ``day``
    of amanta ``month``, kept at ``moment`` (a key of ``WINDOWS``)."""
    when = WINDOWS[moment]
    found = []
    first = new_moon_number(julian_day_of(date(year, 1, 1))) - 1
    for k in range(first, first + 15):
        start = new_moon(k)
        if lunar_month(start + 1) != (month, False):
            continue
        guess = local_day(start + (day - 0.5) * 29.530588 / 30, place)
        days = [guess + timedelta(days=offset) for offset in range(-2, 3)]
        windows = [when(d, place) for d in days]
        matches = [d for d, w in zip(days, windows, strict=True) if _current_in(w, day)]
        if not matches:  # the lunar day began and ended between two windows
            matches = [d for d, w in zip(days, windows, strict=True) if tithi(w[0]) == day % 30 + 1]
        if matches and matches[0].year == year:
            found.append(matches[0])
    return found


def sankranti(year: int, sign: int, by_sunset: bool = True, place: Place = NEW_DELHI) -> date:
    """The day the Sun enters sidereal ``sign`` (0 Aries ... 11 Pisces) in ``year``: the
    civil day of the entry, or (``by_sunset``) the next when it falls after sunset."""
    entry = sun_enters(30.0 * sign, julian_day_of(date(year, 1, 1)))
    day = local_day(entry, place)
    return day + timedelta(days=1) if by_sunset and entry > sunset(day, place) else day


def bengali_new_year(year: int) -> date:
    """Pohela Boishakh (West Bengal): the civil day after the one on which the Sun enters
    sidereal Aries (the Bengali rule: a month begins the day after its sankranti)."""
    entry = sun_enters(0.0, julian_day_of(date(year, 1, 1)))
    return local_day(entry, NEW_DELHI) + timedelta(days=1)


def _malayalam_month_start(sign: int, year: int) -> date:
    """The first day of a Malayalam solar month: the day the Sun enters the sign if it
    does so before the end of the third fifth of the daytime, else the next day."""
    entry = sun_enters(30.0 * sign, julian_day_of(date(year, 1, 1)))
    day = local_day(entry, THIRUVANANTHAPURAM)
    if entry > _daytime_part(3)(day, THIRUVANANTHAPURAM)[1]:
        day += timedelta(days=1)
    return day


def onam(year: int) -> date:
    """Thiruvonam: the day of the Malayalam month Chingam (Sun in sidereal Leo) on which the
    Moon is in the lunar mansion Shravana (Thiruvonam, 280-293.33 degrees sidereal) six
    nazhika (2 h 24 min) after sunrise, in Kerala; when that day is among the first four of
    Chingam, the next Thiruvonam, at the month's end (what the printed calendars did in
    2013, 2016 and 2024: an empirical reading of the rule, see docs/temporal.md)."""
    start = _malayalam_month_start(4, year)
    end = _malayalam_month_start(5, year)

    def mansion(day: date) -> int:
        jd = sunrise(day, THIRUVANANTHAPURAM) + 0.1
        return floor(((moon_position(jd)[0] - lahiri_ayanamsa(jd)) % 360) / (360 / 27))

    days = [start + timedelta(days=offset) for offset in range(4, (end - start).days)]
    mansions = [mansion(day) for day in days]
    for index, day in enumerate(days):
        # Thiruvonam at that moment, or passed over between this day and the one before
        if mansions[index] == 21 or (index and mansions[index - 1] == 20 == mansions[index] - 2):
            return day
    raise ValueError(f"no Thiruvonam in Chingam {year}")


# name: (amanta month, lunar day, moment[, place]); the month and day of the panchangs.
# Vesak as Sri Lanka keeps it (its full-moon poya day): the full-moon lunar day current at
# sunset in Colombo (which reproduces the poya days of 2013, 2019, 2023 and 2024: an
# empirical reading of the Sinhala almanac's rule)
LUNAR_FESTIVALS = {
    "ugadi": (1, 1, "sunrise"),
    "rama-navami": (1, 9, "madhyahna"),
    "mahavir-jayanti": (1, 13, "sunrise"),
    "hanuman-jayanti": (1, 15, "sunrise"),
    "buddha-purnima": (2, 15, "sunrise"),
    "vesak": (2, 15, "sunset", COLOMBO),
    "ratha-yatra": (4, 2, "sunrise"),
    "guru-purnima": (4, 15, "sunrise"),
    "raksha-bandhan": (5, 15, "sunrise"),
    "janmashtami": (5, 23, "nishita"),
    "ganesh-chaturthi": (6, 4, "madhyahna"),
    "navaratri": (7, 1, "sunrise"),
    "durga-puja": (7, 6, "sunrise"),
    "maha-saptami": (7, 7, "sunrise"),
    "maha-navami": (7, 9, "sunrise"),
    "dussehra": (7, 10, "sunrise"),
    "sharad-purnima": (7, 15, "sunrise"),
    "karva-chauth": (7, 19, "moonrise"),
    "dhanteras": (7, 28, "pradosha"),
    "kali-chaudas": (7, 29, "nishita"),
    "diwali": (7, 30, "pradosha"),
    "govardhan-puja": (8, 1, "sunrise"),
    "bhai-dooj": (8, 2, "aparahna"),
    "chhath": (8, 6, "sunrise"),
    "guru-nanak-jayanti": (8, 15, "sunrise"),
    "guru-gobind-singh-jayanti": (10, 7, "sunrise"),
    "vasant-panchami": (11, 5, "sunrise"),
    "guru-ravidas-jayanti": (11, 15, "sunrise"),
    "maha-shivaratri": (11, 29, "nishita"),
    "holika-dahan": (12, 15, "sunset"),
}
# festivals of several days: the lunar day of the last (Durga Puja: Maha Shashthi to
# Vijaya Dashami)
PERIODS = {"navaratri": 9, "durga-puja": 10}
# name: (the sidereal sign the Sun enters, whether an entry after sunset moves the day to
# the next): Makar Sankranti's rites follow the entry in daylight; Vaisakhi, the first of
# the Punjabi month Vaisakh, is the civil day of the entry (13 April 2020 and 2024)
SOLAR_FESTIVALS = {"makar-sankranti": (9, True), "vaisakhi": (0, False)}


def festival_rows(year: int) -> list[tuple[str, str]]:
    """The table rows of one year: (name, date or first..last)."""
    rows = []
    for name, (month, day, moment, *place) in LUNAR_FESTIVALS.items():
        for found in lunar_festival(year, month, day, moment, *place):
            if name in PERIODS:  # navaratri: the first to the ninth lunar day
                last = lunar_festival_after(found, month, PERIODS[name])
                rows.append((name, f"{found.isoformat()}..{last.isoformat()}"))
            else:
                rows.append((name, found.isoformat()))
    for name, (sign, by_sunset) in SOLAR_FESTIVALS.items():
        rows.append((name, sankranti(year, sign, by_sunset).isoformat()))
    rows.append(("pohela-boishakh", bengali_new_year(year).isoformat()))
    rows.append(("onam", onam(year).isoformat()))
    return rows


def lunar_festival_after(start: date, month: int, day: int) -> date:
    """The day of lunar day ``day`` of ``month`` that follows ``start`` (within a month)."""
    for found in lunar_festival(start.year, month, day, "sunrise"):
        if start <= found <= start + timedelta(days=15):
            return found
    raise ValueError(f"no lunar day {day} after {start}")


# ------------------------------------------------------------------ Umm al-Qura


def umm_al_qura_month_start(k: int) -> date:
    """The first day of the Islamic month that follows new moon ``k``, by the Umm al-Qura
    criterion at Mecca."""
    conjunction = new_moon(k)
    day = local_day(conjunction, MECCA)
    while True:
        evening = sunset(day, MECCA)
        if conjunction < evening and moon_altitude(evening, MECCA) > 0:
            return day + timedelta(days=1)
        day += timedelta(days=1)


def umm_al_qura_rows(first_year: int, last_year: int) -> list[tuple[int, int, date]]:
    """(year of the hijra, month, first day) for every month of those hijri years; the
    months are counted from the new moon before 1 Muharram of ``first_year`` in the
    tabular calendar."""
    from claimcheck.temporal.calendars import from_islamic

    tabular = from_islamic(first_year, 1, 1)
    k = new_moon_number(julian_day_of(tabular) + 0.5)
    if (tabular - local_day(new_moon(k), MECCA)).days > 2:
        k += 1
    rows = []
    for year in range(first_year, last_year + 1):
        for month in range(1, 13):
            rows.append((year, month, umm_al_qura_month_start(k)))
            k += 1
    return rows


def write_tables(folder: Path) -> None:
    """Rebuild ``festivals.tsv`` and ``umm_al_qura.tsv`` in ``folder``."""
    lines = [
        "# Hindu festivals, computed by claimcheck/temporal/lunisolar.py (see its docstring",
        "# and docs/temporal.md): name, then the day or first..last day. New Delhi.",
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        lines += [f"{name}\t{value}" for name, value in festival_rows(year)]
    (folder / "festivals.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [
        "# Umm al-Qura calendar, computed by claimcheck/temporal/lunisolar.py: year of the",
        "# hijra, month, first day (the criterion of 1423 AH: conjunction before sunset at",
        "# Mecca and moonset after sunset)",
    ]
    for year, month, first in umm_al_qura_rows(1369, 1472):
        lines.append(f"{year}\t{month}\t{first.isoformat()}")
    (folder / "umm_al_qura.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_tables(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
