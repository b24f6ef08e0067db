"""What a figure allows, with the tolerance its wording implies, and whether two agree.

A figure's stated bounds (``NumericValue``) become an interval of values it is true for:

- an exact-looking figure covers its rounding: "1.2 million" is 1.15 up to 1.25 million
  (half the place of its last stated digit, the upper end open), "400" is [399.5, 400.5);
- "about", "around", "some", "roughly" allow 10% either side;
- "nearly 12", "almost 12" is below 12 but close to it: 10.8 up to 12;
- "more than 400" is anything above 400, "up to 12" anything up to 12, and so on;
- with a unit pint knows, the interval is in SI base units, so "12 feet" and "6 metres"
  are compared as lengths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimcheck.lexicons import counted_classes
from claimcheck.numeric.bounds import NumericValue
from claimcheck.numeric.units import to_base

APPROXIMATE = 0.10  # "about 300" is 270-330


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a figure is true for; open ends exclude their bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    measure: str | None = None  # the base unit, or the unit as written without a dimension

    def below(self, other: Interval) -> bool:
        """Every value of this interval is below every value of ``other``."""
        if self.high < other.low:
            return True
        return self.high == other.low and (self.high_open or other.low_open)

    def disjoint(self, other: Interval) -> bool:
        return self.below(other) or other.below(self)

    def describe(self) -> str:
        low = "-inf" if math.isinf(self.low) else f"{self.low:.6g}"
        high = "inf" if math.isinf(self.high) else f"{self.high:.6g}"
        unit = f" {self.measure}" if self.measure else ""
        return f"{'(' if self.low_open else '['}{low}, {high}{')' if self.high_open else ']'}{unit}"


def interval(value: NumericValue) -> Interval | None:
    """The interval a figure allows, in base units where it has a dimension."""
    if value.low is None and value.high is None:
        return None
    rounding = value.step / 2 if value.step else 0.0
    low = value.low
    high = value.high
    if value.approximate and low is None and high is not None:
        low = high * (1 - APPROXIMATE) if high > 0 else high * (1 + APPROXIMATE)
        low_open = False
    else:
        low_open = value.low_inclusive is False and value.low is not None
    high_open = value.high_inclusive is False and value.high is not None
    if value.approximate and value.low is not None and value.high is not None:
        low = low - abs(low) * APPROXIMATE
        high = high + abs(high) * APPROXIMATE
    if value.low is not None and value.low_inclusive:
        low = low - rounding
    if value.high is not None and value.high_inclusive:
        high = high + rounding
        # what rounds to a figure stops short of the next one: "1" is [0.5, 1.5), so one
        # soldier and two soldiers cannot both be true
        high_open = high_open or rounding > 0
    low_value = -math.inf if low is None else low
    high_value = math.inf if high is None else high
    measure = value.unit
    if value.base:
        measure = value.base["unit"]
        low_value = -math.inf if low is None else to_base(low, value.unit)
        high_value = math.inf if high is None else to_base(high, value.unit)
    return Interval(low_value, high_value, low_open, high_open, measure)


def comparable(one: NumericValue, other: NumericValue) -> bool:
    """Whether two figures measure in units that can be compared (after conversion)."""
    if one.unit == "rank" or other.unit == "rank":
        return False
    if one.base and other.base:
        return one.base["unit"] == other.base["unit"]
    # counted nouns of one class count the same things: "one soldier", "two soldiers"
    classes = counted_classes()
    return classes.get(one.unit, one.unit) == classes.get(other.unit, other.unit)


def agree(one: NumericValue, other: NumericValue) -> bool | None:
    """Whether two figures can both be true; ``None`` when they cannot be compared."""
    if not comparable(one, other):
        return None
    first, second = interval(one), interval(other)
    if first is None or second is None:
        return None
    return not first.disjoint(second)
