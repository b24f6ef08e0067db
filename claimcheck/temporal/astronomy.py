"""Positions of the Sun and Moon, new moons, sunrise and sunset: the astronomy behind the
lunar and lunisolar calendars (``calendars.py`` and the tables ``lunisolar.py`` writes).

Low-precision series from Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998): the Sun
from chapter 25 (about 0.01 degree), the Moon from the main terms of chapter 47 (about
0.01 degree in longitude), new moons from chapter 49 (within minutes), rising and setting
from chapter 15. The Moon gains 12 degrees a day on the Sun, so an error of 0.01 degree
moves a lunar day's boundary by about a minute; the Sun moves a degree a day, so it moves
the Sun's entry into a sign by about fifteen minutes. Times are UTC; Terrestrial Time is
taken as UTC + 69 s (the difference was 29 s in 1950 and will be about 90 s in 2050: a
minute at most, below the series' own error). Pure functions of a Julian day number.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from math import asin, atan2, cos, degrees, radians, sin, tan

J2000 = 2451545.0
DELTA_T = 69.0 / 86400  # Terrestrial Time - UTC, in days (see the module docstring)
_EPOCH = datetime(2000, 1, 1, 12)  # Julian day 2451545.0, UTC

Place = tuple[float, float, float]  # latitude (north), longitude (east), hours from UTC
MECCA: Place = (21.4225, 39.8262, 3.0)
NEW_DELHI: Place = (28.6139, 77.2090, 5.5)
THIRUVANANTHAPURAM: Place = (8.5241, 76.9366, 5.5)
COLOMBO: Place = (6.9271, 79.8612, 5.5)


def julian_day(moment: datetime) -> float:
    """The Julian day of a UTC moment."""
    return J2000 + (moment - _EPOCH).total_seconds() / 86400


def julian_day_of(day: date) -> float:
    """The Julian day of 00:00 UTC on a civil day."""
    return julian_day(datetime(day.year, day.month, day.day))


def moment_of(jd: float) -> datetime:
    """The UTC moment of a Julian day."""
    return _EPOCH + timedelta(days=jd - J2000)


def _centuries(jd: float) -> float:
    return (jd + DELTA_T - J2000) / 36525


def _nutation_in_longitude(t: float) -> float:
    node = radians(125.04452 - 1934.136261 * t)
    sun = radians(280.4665 + 36000.7698 * t)
    moon = radians(218.3165 + 481267.8813 * t)
    return (-17.20 * sin(node) - 1.32 * sin(2 * sun) - 0.23 * sin(2 * moon)) / 3600


def sun_longitude(jd: float) -> float:
    """The Sun's apparent geocentric longitude, in degrees (tropical, of date)."""
    t = _centuries(jd)
    mean = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    anomaly = radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly)
        + (0.019993 - 0.000101 * t) * sin(2 * anomaly)
        + 0.000289 * sin(3 * anomaly)
    )
    aberration = -0.00569
    return (mean + centre + aberration + _nutation_in_longitude(t)) % 360


# Meeus table 47.A: multiples of D, M, M', F; the sine coefficient of longitude (1e-6 deg)
# and the cosine coefficient of distance (1e-3 km).
_MOON_LR = (
    (0, 0, 1, 0, 6288774, -20905355),
    (2, 0, -1, 0, 1274027, -3699111),
    (2, 0, 0, 0, 658314, -2955968),
    (0, 0, 2, 0, 213618, -569925),
    (0, 1, 0, 0, -185116, 48888),
    (0, 0, 0, 2, -114332, -3149),
    (2, 0, -2, 0, 58793, 246158),
    (2, -1, -1, 0, 57066, -152138),
    (2, 0, 1, 0, 53322, -170733),
    (2, -1, 0, 0, 45758, -204586),
    (0, 1, -1, 0, -40923, -129620),
    (1, 0, 0, 0, -34720, 108743),
    (0, 1, 1, 0, -30383, 104755),
    (2, 0, 0, -2, 15327, 10321),
    (0, 0, 1, 2, -12528, 0),
    (0, 0, 1, -2, 10980, 79661),
    (4, 0, -1, 0, 10675, -34782),
    (0, 0, 3, 0, 10034, -23210),
    (4, 0, -2, 0, 8548, -21636),
    (2, 1, -1, 0, -7888, 24208),
    (2, 1, 0, 0, -6766, 30824),
    (1, 0, -1, 0, -5163, -8379),
    (1, 1, 0, 0, 4987, -16675),
    (2, -1, 1, 0, 4036, -12831),
    (2, 0, 2, 0, 3994, -10445),
    (4, 0, 0, 0, 3861, -11650),
    (2, 0, -3, 0, 3665, 14403),
    (0, 1, -2, 0, -2689, -7003),
    (2, 0, -1, 2, -2602, 0),
    (2, -1, -2, 0, 2390, 10056),
    (1, 0, 1, 0, -2348, 6322),
    (2, -2, 0, 0, 2236, -9884),
    (0, 1, 2, 0, -2120, 5751),
    (0, 2, 0, 0, -2069, 0),
    (2, -2, -1, 0, 2048, -4950),
    (2, 0, 1, -2, -1773, 4130),
    (2, 0, 0, 2, -1595, 0),
    (4, -1, -1, 0, 1215, -3958),
    (0, 0, 2, 2, -1110, 0),
    (3, 0, -1, 0, -892, 3258),
    (2, 1, 1, 0, -810, 2616),
    (4, -1, -2, 0, 759, -1897),
    (0, 2, -1, 0, -713, -2117),
    (2, 2, -1, 0, -700, 2354),
    (2, 1, -2, 0, 691, 0),
    (2, -1, 0, -2, 596, 0),
    (4, 0, 1, 0, 549, -1423),
    (0, 0, 4, 0, 537, -1117),
    (4, -1, 0, 0, 520, -1571),
    (1, 0, -2, 0, -487, -1739),
)
# Meeus table 47.B: multiples of D, M, M', F; the sine coefficient of latitude (1e-6 deg)
_MOON_B = (
    (0, 0, 0, 1, 5128122),
    (0, 0, 1, 1, 280602),
    (0, 0, 1, -1, 277693),
    (2, 0, 0, -1, 173237),
    (2, 0, -1, 1, 55413),
    (2, 0, -1, -1, 46271),
    (2, 0, 0, 1, 32573),
    (0, 0, 2, 1, 17198),
    (2, 0, 1, -1, 9266),
    (0, 0, 2, -1, 8822),
    (2, -1, 0, -1, 8216),
    (2, 0, -2, -1, 4324),
    (2, 0, 1, 1, 4200),
    (2, 1, 0, -1, -3359),
    (2, -1, -1, 1, 2463),
    (2, -1, 0, 1, 2211),
    (2, -1, -1, -1, 2065),
    (0, 1, -1, -1, -1870),
    (4, 0, -1, -1, 1828),
    (0, 1, 0, 1, -1794),
    (0, 0, 0, 3, -1749),
    (0, 1, -1, 1, -1565),
    (1, 0, 0, 1, -1491),
    (0, 1, 1, 1, -1475),
    (0, 1, 1, -1, -1410),
    (0, 1, 0, -1, -1344),
    (1, 0, 0, -1, -1335),
    (0, 0, 3, 1, 1107),
    (4, 0, 0, -1, 1021),
    (4, 0, -1, 1, 833),
)


def moon_position(jd: float) -> tuple[float, float, float]:
    """The Moon's apparent geocentric longitude and latitude (degrees) and its distance
    (km)."""
    t = _centuries(jd)
    mean = 218.3164477 + 481267.88123421 * t - 0.0015786 * t * t + t**3 / 538841
    elongation = 297.8501921 + 445267.1114034 * t - 0.0018819 * t * t + t**3 / 545868
    sun_anomaly = 357.5291092 + 35999.0502909 * t - 0.0001536 * t * t
    anomaly = 134.9633964 + 477198.8675055 * t + 0.0087414 * t * t + t**3 / 69699
    node_distance = 93.2720950 + 483202.0175233 * t - 0.0036539 * t * t - t**3 / 3526000
    a1 = radians(119.75 + 131.849 * t)
    a2 = radians(53.09 + 479264.290 * t)
    a3 = radians(313.45 + 481266.484 * t)
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    d, m, mp, f = (radians(x) for x in (elongation, sun_anomaly, anomaly, node_distance))
    longitude = distance = latitude = 0.0
    for kd, km, kmp, kf, sl, sr in _MOON_LR:
        argument = kd * d + km * m + kmp * mp + kf * f
        factor = e ** abs(km)
        longitude += sl * factor * sin(argument)
        distance += sr * factor * cos(argument)
    for kd, km, kmp, kf, sb in _MOON_B:
        latitude += sb * e ** abs(km) * sin(kd * d + km * m + kmp * mp + kf * f)
    lm = radians(mean)
    longitude += 3958 * sin(a1) + 1962 * sin(lm - f) + 318 * sin(a2)
    latitude += (
        -2235 * sin(lm)
        + 382 * sin(a3)
        + 175 * sin(a1 - f)
        + 175 * sin(a1 + f)
        + 127 * sin(lm - mp)
        - 115 * sin(lm + mp)
    )
    apparent = mean + longitude / 1e6 + _nutation_in_longitude(t)
    return apparent % 360, latitude / 1e6, 385000.56 + distance / 1000


def elongation(jd: float) -> float:
    """The Moon's longitude less the Sun's, 0-360 degrees (0 at new moon)."""
    return (moon_position(jd)[0] - sun_longitude(jd)) % 360


def lahiri_ayanamsa(jd: float) -> float:
    """The Lahiri (Chitrapaksha) ayanamsa, the Indian government's: 23.853 degrees at
    J2000, growing with the general precession (50.29 arcseconds a year)."""
    return 23.853 + 50.29 / 3600 * (jd - J2000) / 365.25


def new_moon(k: int) -> float:
    """The Julian day (UTC) of the ``k``-th new moon after January 2000 (Meeus ch. 49: the
    mean phase and its main periodic terms; within minutes)."""
    t = k / 1236.85
    jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t**2 - 0.00000015 * t**3
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = radians(2.5534 + 29.1053567 * k - 0.0000014 * t**2)
    mp = radians(201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3)
    f = radians(160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3)
    node = radians(124.7746 - 1.56375588 * k + 0.0020672 * t**2)
    jde += (
        -0.4072 * sin(mp)
        + 0.17241 * e * sin(m)
        + 0.01608 * sin(2 * mp)
        + 0.01039 * sin(2 * f)
        + 0.00739 * e * sin(mp - m)
        - 0.00514 * e * sin(mp + m)
        + 0.00208 * e * e * sin(2 * m)
        - 0.00111 * sin(mp - 2 * f)
        - 0.00057 * sin(mp + 2 * f)
        + 0.00056 * e * sin(2 * mp + m)
        - 0.00042 * sin(3 * mp)
        + 0.00042 * e * sin(m + 2 * f)
        + 0.00038 * e * sin(m - 2 * f)
        - 0.00024 * e * sin(2 * mp - m)
        - 0.00017 * sin(node)
    )
    return jde - DELTA_T


def new_moon_number(jd: float) -> int:
    """The ``k`` of the last new moon at or before ``jd``."""
    k = int((jd - 2451550.09766) // 29.530588861) + 1
    while new_moon(k) > jd:
        k -= 1
    return k


def _equatorial(longitude: float, latitude: float, jd: float) -> tuple[float, float]:
    """Right ascension and declination (degrees) of an ecliptic position."""
    t = _centuries(jd)
    obliquity = radians(23.439291 - 0.0130042 * t)
    lon, lat = radians(longitude), radians(latitude)
    ra = atan2(sin(lon) * cos(obliquity) - tan(lat) * sin(obliquity), cos(lon))
    dec = asin(sin(lat) * cos(obliquity) + cos(lat) * sin(obliquity) * sin(lon))
    return degrees(ra) % 360, degrees(dec)


def _sidereal_time(jd: float) -> float:
    """Greenwich mean sidereal time, degrees."""
    return (280.46061837 + 360.98564736629 * (jd - J2000)) % 360


def altitude(ra: float, dec: float, jd: float, place: Place) -> float:
    """The geometric altitude (degrees) of a body at ``place``."""
    latitude, longitude, _ = place
    hour_angle = radians(_sidereal_time(jd) + longitude - ra)
    lat, decl = radians(latitude), radians(dec)
    return degrees(asin(sin(lat) * sin(decl) + cos(lat) * cos(decl) * cos(hour_angle)))


def sun_altitude(jd: float, place: Place) -> float:
    return altitude(*_equatorial(sun_longitude(jd), 0.0, jd), jd, place)


def moon_altitude(jd: float, place: Place) -> float:
    """The Moon's geocentric altitude, less the altitude at which it rises or sets (its
    parallax less its semi-diameter and refraction: Meeus ch. 15): above 0, it is up."""
    longitude, latitude, distance = moon_position(jd)
    parallax = degrees(asin(6378.14 / distance))
    return altitude(*_equatorial(longitude, latitude, jd), jd, place) - (0.7275 * parallax - 0.5667)


def _crossing(day: date, place: Place, rising: bool) -> float:
    """The Julian day (UTC) of sunrise or sunset on a civil day at ``place`` (the Sun's
    upper limb on the horizon, with refraction: -0.833 degree), by bisection within the
    local half day."""
    offset = place[2] / 24
    midnight = julian_day(datetime(day.year, day.month, day.day)) - offset
    low, high = (midnight, midnight + 0.5) if rising else (midnight + 0.5, midnight + 1.0)
    for _ in range(22):  # 12 hours / 2**22: a hundredth of a second
        middle = (low + high) / 2
        up = sun_altitude(middle, place) > -0.833
        if up == rising:
            high = middle
        else:
            low = middle
    return (low + high) / 2


def sunrise(day: date, place: Place) -> float:
    """The Julian day (UTC) of sunrise on a civil day at ``place``."""
    return _crossing(day, place, rising=True)


def sunset(day: date, place: Place) -> float:
    """The Julian day (UTC) of sunset on a civil day at ``place``."""
    return _crossing(day, place, rising=False)


def local_day(jd: float, place: Place) -> date:
    """The civil date at ``place`` of a moment."""
    return (moment_of(jd) + timedelta(hours=place[2])).date()


def sun_enters(longitude: float, after: float, sidereal: bool = True) -> float:
    """The first moment after ``after`` (a Julian day) at which the Sun reaches
    ``longitude`` (sidereal, Lahiri, by default): the sankranti of an Indian solar month."""

    def gap(jd: float) -> float:
        position = sun_longitude(jd) - (lahiri_ayanamsa(jd) if sidereal else 0.0)
        return (position - longitude + 180) % 360 - 180

    jd = after + ((longitude - (sun_longitude(after) - lahiri_ayanamsa(after))) % 360) * 1.0146
    for _ in range(6):  # Newton's method with the Sun's mean motion
        jd -= gap(jd) / 0.9856
    return jd
