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


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def stated_bounds(
    bound: str | None, value: float, high_value: float | None = None
) -> dict[str, Any]:
    """Map a qualifier's bound type (see ``qualifiers.tsv``) and value(s) to bounds."""
    if high_value is not None:
        return dict(
            low=value, high=high_value, low_inclusive=True, high_inclusive=True, approximate=False
        )
    shapes = {
        None: dict(
            low=value, high=value, low_inclusive=True, high_inclusive=True, approximate=False
        ),
        "above": dict(
            low=value, high=None, low_inclusive=False, high_inclusive=False, approximate=False
        ),
        "at_least": dict(
            low=value, high=None, low_inclusive=True, high_inclusive=False, approximate=False
        ),
        "nearly": dict(
            low=None, high=value, low_inclusive=False, high_inclusive=False, approximate=True
        ),
        "about": dict(
            low=value, high=value, low_inclusive=True, high_inclusive=True, approximate=True
        ),
        "at_most": dict(
            low=None, high=value, low_inclusive=False, high_inclusive=True, approximate=False
        ),
        "below": dict(
            low=None, high=value, low_inclusive=False, high_inclusive=False, approximate=False
        ),
    }
    return shapes[bound]
