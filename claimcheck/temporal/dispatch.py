"""Which pieces of the grammar can match at a place, from the first few characters there.

Most words that may open a date ("the", "on", "at", a number) open none, and trying the
~50 piece patterns at each of them was most of the temporal grammar's time. Each
pattern's possible openings (its literal prefixes, up to ``PREFIX_LENGTH`` characters)
are read from the pattern itself, so a place is only tried with the pieces whose
openings its text starts with: "the" is no longer tried as "Thursday" or "the end of",
"the past week" as "the weekend". Openings and text are compared in a normal form: lower
case, every digit a ``0``, a run of spaces one space. The analysis is conservative:
where a pattern allows anything (a class such as ``\\w``, a back-reference, more
openings than ``_MAX_OPENINGS``), its opening ends there and matches any continuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any, Generic, TypeVar

try:  # Python 3.11 renamed the module; the old name warns
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

PREFIX_LENGTH = 5
_MAX_OPENINGS = 512
_DIGIT = re.compile(r"\d")  # any decimal digit, as ``\d`` in the patterns matches
_SPACES = re.compile(r"\s+")
# beyond this many distinct openings a table is emptied: hostile text must not grow it
_MAX_KEYS = 20_000

Item = TypeVar("Item")
# a possible opening and whether the element was matched whole by it (so the next one
# follows); a partial opening means "anything may follow"
_Opening = tuple[str, bool]
_STOP: set[_Opening] = {("", False)}


def normal_form(text: str) -> str:
    """Lower case, digits as ``0``, runs of spaces as one space."""
    return _SPACES.sub(" ", _DIGIT.sub("0", text.lower()))


@cache
def _normal_character(code: int) -> str:
    return normal_form(chr(code))


def _class_characters(argument: list) -> set[str] | None:
    """The characters of a ``[...]`` class in normal form, or None when it is not a short
    list."""
    found: set[str] = set()
    for kind, value in argument:
        kind = str(kind)
        if kind == "LITERAL":
            found.add(chr(value))
        elif kind == "RANGE" and value[1] - value[0] < 64:
            found |= {chr(c) for c in range(value[0], value[1] + 1)}
        elif kind == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            found.add("0")
        elif kind == "CATEGORY" and str(value) == "CATEGORY_SPACE":
            found.add(" ")
        else:
            return None
    return {_normal_character(ord(char)) for char in found}


def _element(op: Any, argument: Any, budget: int) -> set[_Opening]:
    """The openings of one parsed element of a pattern, at most ``budget`` characters."""
    if budget <= 0:
        return _STOP
    name = str(op)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {("", True)}  # zero width: what follows opens the match
    if name == "LITERAL":
        return {(_normal_character(argument), True)}
    if name == "IN":
        chars = _class_characters(argument)
        return _STOP if chars is None else {(char, True) for char in chars}
    if name == "SUBPATTERN":
        return _sequence(list(argument[-1]), budget)
    if name == "BRANCH":
        return set().union(*(_sequence(list(branch), budget) for branch in argument[1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = argument
        once = _sequence(list(body), budget)
        if once == {(" ", True)}:
            pass  # a run of spaces is one space in normal form
        elif high != 1:
            once = {(text, False) for text, _ in once}  # a second repetition: not followed
        return once | {("", True)} if low == 0 else once
    return _STOP


def _sequence(items: list, budget: int) -> set[_Opening]:
    """The openings of elements matched one after another."""
    growing = {""}
    finished: set[_Opening] = set()
    for op, argument in items:
        following: set[str] = set()
        by_budget: dict[int, set[_Opening]] = {}  # an element's openings, once per budget
        for prefix in growing:
            left = budget - len(prefix)
            if left not in by_budget:
                by_budget[left] = _element(op, argument, left)
            for text, whole in by_budget[left]:
                joined = prefix + text
                if whole and len(joined) < budget:
                    following.add(joined)
                else:
                    finished.add((joined[:budget], False))
        if len(following) > _MAX_OPENINGS:
            # too many ways on (digits and words): the openings so far are enough
            return finished | {(prefix, False) for prefix in growing}
        growing = following
        if not growing:
            break
    return finished | {(prefix, True) for prefix in growing}


@cache  # a pattern may serve in more than one choice of pieces
def openings(pattern: str, length: int = PREFIX_LENGTH) -> frozenset[str] | None:
    """The strings (in normal form) a match of ``pattern``, read case-insensitively,
    starts with, each at most ``length`` long (a shorter one: anything may follow); None
    when the pattern may start with anything."""
    parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
    # spaces that follow one another in a pattern are one space in the text's normal form
    found = {normal_form(text) for text, _ in _sequence(parsed, length)}
    return None if "" in found else frozenset(found)


class PrefixDispatch(Generic[Item]):
    """For the text at a place, the items (in their order) whose pattern may match there."""

    def __init__(self, items: Sequence[Item], patterns: Sequence[str]) -> None:
        self.items = tuple(items)
        self._anywhere: set[int] = set()  # items whose pattern may start with anything
        self._by_opening: dict[str, set[int]] = {}  # an opening -> the items it opens
        self._openings = [openings(pattern) for pattern in patterns]
        for index, starts in enumerate(self._openings):
            if starts is None:
                self._anywhere.add(index)
                continue
            for start in starts:
                self._by_opening.setdefault(start, set()).add(index)
        self._by_key: dict[str, tuple[Item, ...]] = {}

    def candidates(self, text: str, position: int) -> tuple[Item, ...]:
        key = normal_form(text[position : position + 2 * PREFIX_LENGTH])[:PREFIX_LENGTH]
        found = self._by_key.get(key)
        if found is None:
            if len(self._by_key) > _MAX_KEYS:
                self._by_key.clear()
            chosen = set(self._anywhere)
            for end in range(1, len(key) + 1):  # the openings the key starts with
                chosen |= self._by_opening.get(key[:end], set())
            if len(key) < PREFIX_LENGTH:
                # a short key (the text ends, or a long run of spaces shrank) keeps every
                # item it could be the beginning of
                chosen |= {
                    index
                    for index, starts in enumerate(self._openings)
                    if starts is not None and any(start.startswith(key) for start in starts)
                }
            found = tuple(self.items[index] for index in sorted(chosen))
            self._by_key[key] = found
        return found
