"""The facts a newsroom keeps: office terms, people, bodies, roles, events and reference
figures, each remembering the file and line it came from so a finding can cite it."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a fact was written: a facts file and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class RecordDate:
    """A date as precise as the record: a day, a month ("2023-05") or a year.

    ``earliest``..``latest`` is the span the record allows; a check is only certain when
    it holds for every day of that span.
    """

    earliest: date
    latest: date
    text: str

    @property
    def grain(self) -> str:
        if self.earliest == self.latest:
            return "day"
        return "month" if self.earliest.month == self.latest.month else "year"

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest

    def __str__(self) -> str:
        return self.text


def parse_record_date(text: str) -> RecordDate:
    """Read ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; anything else raises ``ValueError``."""
    text = text.strip()
    if match := _DAY.match(text):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return RecordDate(day, day, text)
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} out of range")
        last = calendar.monthrange(year, month)[1]
        return RecordDate(date(year, month, 1), date(year, month, last), text)
    if match := _YEAR.match(text):
        year = int(match[1])
        return RecordDate(date(year, 1, 1), date(year, 12, 31), text)
    raise ValueError("not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")


@dataclass(frozen=True, slots=True)
class Person:
    """A person and the other names the copy may use for them."""

    name: str
    aliases: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Body:
    """A country or organisation, with the words that name it ("US", "American")."""

    name: str
    aliases: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Role:
    """A role ("Foreign Minister") with its aliases ("top diplomat", "FM").

    ``single_holder`` says that one person at a time holds it in a given body, so a
    second holder on the same day is an error in the facts and a conflict in a draft.
    """

    name: str
    aliases: tuple[str, ...]
    single_holder: bool
    origin: Origin | None


@dataclass(frozen=True, slots=True)
class Term:
    """One person's time in one office: ``role`` of ``body`` from ``start`` to ``end``.

    ``end`` is ``None`` for a term still running. Both ends are inclusive.
    """

    person: str
    role: str
    body: str
    start: RecordDate
    end: RecordDate | None
    source: str | None
    origin: Origin

    @property
    def office(self) -> tuple[str, str]:
        return (self.role, self.body)

    def holds_on(self, day: date) -> bool | None:
        """True if the term certainly covers ``day``, False if certainly not, else None."""
        if day < self.start.earliest or (self.end is not None and day > self.end.latest):
            return False
        if day >= self.start.latest and (self.end is None or day <= self.end.earliest):
            return True
        return None


@dataclass(frozen=True, slots=True)
class TitleStyle:
    """The house style's title for an office, and the forms it does not use."""

    role: str
    body: str
    preferred: str
    avoid: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a known day ("the ceasefire took effect")."""

    name: str
    day: RecordDate
    time: str | None
    predicate: str
    topics: tuple[str, ...]
    names: tuple[str, ...]
    source: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Figure:
    """A reference figure: bounds as the record states them, for one as-of date."""

    name: str
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool
    stated: str
    counted: str
    predicate: str
    topics: tuple[str, ...]
    names: tuple[str, ...]
    as_of: RecordDate
    source: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class FactsProblem:
    """Something wrong in a facts file, at a line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
