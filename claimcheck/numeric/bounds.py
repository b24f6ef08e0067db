"""Stated bounds of a figure, exactly as the JSON contract defines them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class NumericValue:
    """A figure's bounds as stated, before any tolerance, with its unit and what it counts."""

    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool
    unit: str | None
    base: dict[str, Any] | None = None
    predicate: str | None = None
    as_of: str | None = None
    # Not in the JSON contract; for the rules. ``step`` is the rounding the wording implies
    # (the place of the last stated digit: 1e5 for "1.2 million", 1 for "400"); ``role`` is
    # "from" or "to" for the two ends of a change ("rose from 80,000 to 120,000");
    # ``restated`` is the same figure restated in parentheses ("12 km (7.5 miles)").
    step: float = 0.0
    role: str | None = None
    restated: NumericValue | None = None

    def describe(self) -> str:
        """The bounds in a few characters: ">400 people", "~300 people", "3-5 kilometer"."""
        unit = f" {self.unit}" if self.unit else ""
        if self.unit == "rank":
            return f"rank {_short(self.low)}"
        tilde = "~" if self.approximate else ""
        if self.low is not None and self.high is not None:
            if self.low == self.high:
                return f"{tilde}{_short(self.low)}{unit}"
            return f"{tilde}{_short(self.low)}-{_short(self.high)}{unit}"
        if self.low is not None:
            return f"{'>=' if self.low_inclusive else '>'}{tilde}{_short(self.low)}{unit}"
        if self.high is not None:
            return f"{'<=' if self.high_inclusive else '<'}{tilde}{_short(self.high)}{unit}"
        return f"?{unit}"

    def to_json(self) -> dict[str, Any]:
        return {
            "low": _plain(self.low),
            "high": _plain(self.high),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "approximate": self.approximate,
            "unit": self.unit,
            "base": self.base,
            "predicate": self.predicate,
            "as_of": self.as_of,
        }


def _short(number: float | None) -> float | int | None:
    """A figure to six significant digits, for messages: 66.6667, 2500000000."""
    if number is None:
        return None
    number = float(f"{float(number):.6g}")
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    number = float(f"{float(number):.12g}")
    return int(number) if number.is_integer() else number


def stated_bounds(
    bound: str | None, value: float, high_value: float | None = None
) -> dict[str, Any]:
    """Map a qualifier's bound type (see ``qualifiers.tsv``) and value(s) to bounds.

    A range ("between 3 and 5", "3-5") is inclusive at both ends; a qualifier before it
    ("about 3-5", "up to 3-5") makes it approximate, never open.
    """
    if high_value is not None:
        return dict(
            low=value,
            high=high_value,
            low_inclusive=True,
            high_inclusive=True,
            approximate=bound is not None and bound != "exact",
        )
    if bound == "exact":
        bound = None
    has_low, has_high, low_inclusive, high_inclusive, approximate = _SHAPES[bound]
    return dict(
        low=value if has_low else None,
        high=value if has_high else None,
        low_inclusive=low_inclusive,
        high_inclusive=high_inclusive,
        approximate=approximate,
    )


# Each bound type's shape, read once rather than built for every figure: whether the value
# is the low bound and the high bound, whether each is inclusive, whether it is approximate.
_SHAPES: dict[str | None, tuple[bool, bool, bool, bool, bool]] = {
    None: (True, True, True, True, False),
    "above": (True, False, False, False, False),
    "at_least": (True, False, True, False, False),
    "nearly": (False, True, False, False, True),
    "about": (True, True, True, True, True),
    "at_most": (False, True, False, True, False),
    "below": (False, True, False, False, False),
}
