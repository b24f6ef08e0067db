"""The calendars behind named days: the astronomy, the Hindu festivals and the Umm al-Qura
calendar (tables computed by lunisolar.py), Hebrew days from sundown, and rule lines."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claimcheck.temporal import read_phrase
from claimcheck.temporal.astronomy import (
    DELTA_T,
    NEW_DELHI,
    julian_day,
    moment_of,
    moon_position,
    new_moon,
    new_moon_number,
    sun_enters,
    sun_longitude,
    sunrise,
    sunset,
)
from claimcheck.temporal.calendars import (
    _festivals,
    _umm_al_qura,
    begins_at_sundown,
    from_hijri,
    from_islamic,
    holiday_hours,
    holiday_span,
)
from claimcheck.temporal.lunisolar import (
    festival_rows,
    lunar_month,
    tithi,
    umm_al_qura_rows,
)
from claimcheck.temporal.resolve import Reference
from claimcheck.temporal.tense import Tense

UNTENSED = Tense("none", "")


# ---------------------------------------------------------------- astronomy


def test_moon_position_matches_meeus_worked_example():
    # Meeus, Astronomical Algorithms, example 47.a: 1992 April 12, 0h TD
    longitude, latitude, distance = moon_position(2448724.5 - DELTA_T)
    assert longitude == pytest.approx(133.1627, abs=0.01)
    assert latitude == pytest.approx(-3.2291, abs=0.01)
    assert distance == pytest.approx(368409.7, abs=50)


def test_sun_longitude_matches_meeus_worked_example():
    # Meeus example 25.a: 1992 October 13, 0h TD, apparent longitude 199.909 degrees
    assert sun_longitude(2448908.5 - DELTA_T) == pytest.approx(199.909, abs=0.01)


def test_new_moon_of_march_2018():
    found = moment_of(new_moon(new_moon_number(julian_day(datetime(2018, 3, 20)))))
    assert abs((found - datetime(2018, 3, 17, 13, 12)).total_seconds()) < 300


def test_sunrise_and_sunset_in_new_delhi_at_the_solstice():
    rise = moment_of(sunrise(date(2024, 6, 21), NEW_DELHI))
    fall = moment_of(sunset(date(2024, 6, 21), NEW_DELHI))
    # 05:24 and 19:22 IST (UTC+5:30)
    assert abs((rise - datetime(2024, 6, 20, 23, 54)).total_seconds()) < 180
    assert abs((fall - datetime(2024, 6, 21, 13, 52)).total_seconds()) < 180


def test_makar_sankranti_2019_entry_is_in_the_evening():
    entry = moment_of(sun_enters(270.0, julian_day(datetime(2018, 12, 1))))
    # the Sun entered sidereal Capricorn at about 19:50 IST on 14 January 2019
    assert abs((entry - datetime(2019, 1, 14, 14, 20)).total_seconds()) < 1800


def test_lunar_day_and_month_at_diwali_2019():
    evening = julian_day(datetime(2019, 10, 27, 13, 0))  # 18:30 IST
    assert tithi(evening) == 30  # amavasya, the new moon's lunar day
    assert lunar_month(evening) == (7, False)  # Ashvin (amanta)


# ---------------------------------------------------------------- Hindu festivals


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("diwali", 2017, "2017-10-19"),
        ("deepavali", 2018, "2018-11-07"),
        ("diwali", 2023, "2023-11-12"),
        ("dhanteras", 2019, "2019-10-25"),
        ("bhai dooj", 2019, "2019-10-29"),
        ("holi", 2019, "2019-03-21"),
        ("holika dahan", 2017, "2017-03-12"),
        ("dussehra", 2017, "2017-09-30"),
        ("dussehra", 2019, "2019-10-08"),
        ("karva chauth", 2021, "2021-10-24"),
        ("raksha bandhan", 2018, "2018-08-26"),
        ("janmashtami", 2019, "2019-08-23"),
        ("ganesh chaturthi", 2018, "2018-09-13"),
        ("maha shivaratri", 2020, "2020-02-21"),
        ("ugadi", 2018, "2018-03-18"),
        ("makar sankranti", 2019, "2019-01-15"),
        ("pongal", 2018, "2018-01-14"),
        ("lohri", 2018, "2018-01-13"),
        ("vaisakhi", 2020, "2020-04-13"),
        ("vaisakhi", 2018, "2018-04-14"),
        ("rabindra jayanti", 2019, "2019-05-09"),
        ("onam", 2018, "2018-08-24"),
        ("onam", 2024, "2024-09-15"),
        ("buddha purnima", 2013, "2013-05-25"),
        ("vesak", 2013, "2013-05-24"),
        ("vesak", 2018, "2018-04-29"),
    ],
)
def test_hindu_and_buddhist_festivals(name, year, expected):
    first, last = holiday_span(name, year)
    assert first == last == date.fromisoformat(expected)


def test_navaratri_and_durga_puja_are_periods():
    assert holiday_span("navaratri", 2018) == (date(2018, 10, 10), date(2018, 10, 18))
    assert holiday_span("durga puja", 2018) == (date(2018, 10, 15), date(2018, 10, 19))


def test_festival_table_is_what_lunisolar_computes():
    for year in (1950, 2019, 2050):
        table = {
            (name, spans[0].isoformat())
            for (name, y), found in _festivals().items()
            if y == year
            for spans in found
        }
        computed = {
            (name, value.split("..")[0])
            for name, value in festival_rows(year)
            if value[:4] == str(year)
        }
        assert computed == table


# ---------------------------------------------------------------- Islamic calendar


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("eid al-adha", 2018, ("2018-08-21", "2018-08-21")),  # tabular: 22 August
        ("islamic new year", 2018, ("2018-09-11", "2018-09-11")),
        ("eid al-fitr", 2024, ("2024-04-10", "2024-04-10")),
        ("eid al-adha", 2024, ("2024-06-16", "2024-06-16")),
        ("ramadan", 2024, ("2024-03-11", "2024-04-09")),
        ("ramadan", 2018, ("2018-05-16", "2018-06-14")),
    ],
)
def test_islamic_days_follow_umm_al_qura(name, year, expected):
    assert holiday_span(name, year) == tuple(map(date.fromisoformat, expected))


def test_umm_al_qura_differs_from_the_tabular_calendar():
    assert from_hijri(1439, 12, 10) == date(2018, 8, 21)
    assert from_islamic(1439, 12, 10) == date(2018, 8, 22)
    # outside the table, the tabular calendar
    assert from_hijri(1600, 1, 1) == from_islamic(1600, 1, 1)


def test_umm_al_qura_table_is_what_lunisolar_computes():
    table = _umm_al_qura()
    for year, month, first in umm_al_qura_rows(1445, 1446):
        assert table[year, month] == first


# ---------------------------------------------------------------- Hebrew calendar


def test_hebrew_days_begin_at_sundown_the_evening_before():
    assert holiday_span("yom kippur", 2018) == (date(2018, 9, 18), date(2018, 9, 19))
    assert holiday_span("rosh hashanah", 2025) == (date(2025, 9, 22), date(2025, 9, 24))
    assert holiday_span("passover", 2025) == (date(2025, 4, 12), date(2025, 4, 20))
    assert holiday_span("hanukkah", 2018) == (date(2018, 12, 2), date(2018, 12, 10))
    assert begins_at_sundown("Yom Kippur")
    assert not begins_at_sundown("Easter")
    assert not begins_at_sundown("Eid al-Fitr")


def test_yom_kippur_reads_as_sundown_to_nightfall():
    node, value, how = read_phrase("Yom Kippur 2024", Reference(date(2024, 12, 3)), UNTENSED)
    assert (value.start, value.end, value.begins) == (
        date(2024, 10, 11),
        date(2024, 10, 12),
        "sundown",
    )
    assert "begins at sundown on 2024-10-11" in how
    assert value.to_json()["begins"] == "sundown"


# ---------------------------------------------------------------- rule lines


def test_earth_hour_avoids_holy_week_and_has_its_hours():
    assert holiday_span("earth hour", 2013)[0] == date(2013, 3, 23)  # not Holy Saturday
    assert holiday_span("earth hour", 2019)[0] == date(2019, 3, 30)
    assert holiday_hours("earth hour") == ("20:30", "21:30")
    node, value, how = read_phrase("Earth Hour 2016", Reference(date(2016, 1, 1)), UNTENSED)
    assert (value.start, value.time, value.end_time) == (date(2016, 3, 19), "20:30", "21:30")


def test_parsi_new_year_drifts_a_day_every_four_years():
    assert [holiday_span("parsi new year", y)[0] for y in (2018, 2020, 2024)] == [
        date(2018, 8, 17),
        date(2020, 8, 16),
        date(2024, 8, 15),
    ]


def test_nowruz_is_the_equinox_day_in_tehran():
    assert holiday_span("nowruz", 2024)[0] == date(2024, 3, 20)
    assert holiday_span("nowruz", 2025)[0] == date(2025, 3, 21)  # equinox after noon


def test_days_counted_from_a_named_day():
    reference = Reference(date(2013, 2, 12), mode="forward")
    node, value, how = read_phrase("the third Tuesday after Christmas 2014", reference, UNTENSED)
    assert value.start == date(2015, 1, 13)
    node, value, how = read_phrase("two weeks before Christmas 2023", reference, UNTENSED)
    assert value.start == date(2023, 12, 11)
    assert how.startswith("2 weeks before christmas")


def test_a_year_after_the_name_in_words_or_with_in():
    reference = Reference(date(2013, 2, 12), mode="forward")
    assert read_phrase("Deepavali in 2019", reference, UNTENSED)[1].start == date(2019, 10, 27)
    value = read_phrase("Easter Sunday two thousand ten", reference, UNTENSED)[1]
    assert value.start == date(2010, 4, 4)


def test_a_day_from_sundown_stays_consistent_with_itself_in_the_date_rules():
    from claimcheck.testing import check_text

    body = (
        "Israel came to a standstill on Yom Kippur. On Yom Kippur, roads were empty and "
        "airports closed, and Israelis will fast again on Yom Kippur next year."
    )
    assert check_text(body, published="2024-10-13", select=["CC101", "CC102", "CC103"]) == []
    wire = "---\npublished: 2024-10-12\n---\nRoads were empty on Yom Kippur, police said.\n"
    draft = "Roads were empty on Yom Kippur, police said on Sunday."
    assert check_text(draft, published="2024-10-13", select=["CC103"], sources=[wire]) == []
    (finding,) = check_text(
        "Israelis fasted on Yom Kippur 2025.", published="2024-12-03", select=["CC102"]
    )
    assert "dated 2025-10-01..2025-10-02" in finding.message
    assert "begins at sundown on 2025-10-01" in finding.message
