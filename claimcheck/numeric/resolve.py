"""From the grammar's fields to values: pure functions, no document state.

``read_figures(text)`` reads every figure of a sentence. Two modes:

- ``news`` (what claimcheck checks): a figure is kept when it is a claim an editor would
  check: it has a unit, money, a percent, a counted noun, a qualifier, or is written in
  digits; a spelled-out number with nothing counted ("one of the", "the two also") is not
  a figure; bare years, times of day, dates ("Nov. 27"), durations of a temporal phrase
  ("two days ago") and the as-of window ("the past 24 hours") are left to the temporal
  grammar; "from A to B" is a change: two figures, the second with ``role="to"``.
- ``eval`` (for ``bench/eval_numeric.py`` only): every number is a figure, with nothing
  counted too, bare digit fractions ("1/5") and ordinals included, and "from A to B" is
  the range the evaluation corpora (Duckling, quantulum3) record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import NamedTuple

from claimcheck.documents.segmentation import clause_around
from claimcheck.lexicons import alternation, counted_classes, load_table
from claimcheck.lexicons.pattern_cache import compile_pattern
from claimcheck.numeric.bounds import NumericValue, stated_bounds
from claimcheck.numeric.grammar import (
    DENOMINATOR_WORDS,
    NOT_SUPERLATIVES,
    SCALE_SUFFIXES,
    VULGAR,
    Match,
    counted_nouns,
    measure_words,
    number_words,
    ordinal_element,
    ordinals,
    qualifier_bounds,
    scan,
    words_value,
)
from claimcheck.numeric.units import (
    base_bounds,
    base_unit,
    compound_unit_name,
    currency_code,
    find_alias,
    has_dimension,
    leading_unit_name,
    to_base,
    unit_name,
)

MODES = ("news", "eval")

_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I
)
_TIME_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|o'clock)(?![a-z])|^[:.]\d\d\b", re.I)
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|by|from|of|until|till|before|after|during|early|late|mid|summer|"
    r"spring|autumn|winter|fall)\s*-?$",
    re.I,
)
_YEAR_SPAN = re.compile(r"(?:1[89]|20)\d\d[-–/]\d\d(?:\d\d)?")
_MONEY_CONTEXT = re.compile(r"[£$€]|\b(?:paid|cost|worth|fine|fined|spent|pay)\b", re.I)
_BEFORE_HALF = re.compile(r"\b(?:the|first|second|third|last|latter|former|other)\s+$", re.I)
_LABEL_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][A-Za-z]+\s+$")
_TEMPORAL_AFTER = re.compile(r"^\s*(?:ago|later|earlier|before|after|from now)\b", re.I)
_WINDOW_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:past|last|previous|next|first|coming|over\s+the\s+past)\s*$", re.I
)
# When a figure is stated for. The first letters of its phrases are tested first: a search
# over the words around each figure fails on that one test at most of them.
_AS_OF_PHRASES = (
    r"\b(?=[abdilost])(?:so far|to date|as of (?:\w+day|today|now|\w+ \d{1,2}|\d{1,2} \w+)"
    r"|(?:(?:in|over|during) )?the (?:past|last|previous) (?:\d+|\w+) (?:hours|days|weeks|months)"
    r"|(?:(?:in|over|during) )?the (?:past|last) (?:day|week|month|year)"
    r"|by (?:the end of )?(?:\w+day|today|yesterday|tonight|noon|midnight)"
    r"(?: (?:morning|afternoon|evening|night))?"
    r"|since (?:\w+day|\w+ \d{1,2}|(?:early |late )?(?:19|20)\d\d|the start of [\w ]+?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
    r"|in (?:19|20)\d\d|(?:this|last) (?:year|month|week)|overnight|on \w+day)\b"
)


@cache
def _as_of(case_blind: bool) -> re.Pattern[str]:
    """The as-of phrases, for a text in lower case (``_lower_case``) or, ``case_blind``,
    for any text."""
    return compile_pattern(_AS_OF_PHRASES, re.I if case_blind else 0)


# The four letters that re's IGNORECASE matches to ASCII ones ("ſ" is "s", the Kelvin
# sign "k") but lower() does not (or, for "İ", makes two characters of).
_LOOKALIKES = "ſ\u212aİı"


def _has_lookalike(text: str) -> bool:
    return not text.isascii() and any(letter in text for letter in _LOOKALIKES)


# The words around a figure are searched in the text in lower case with patterns whose
# letters are lower case ASCII, a third faster than a case-blind search, which folds the
# case of every character it compares. The two find the same matches at the same places
# in a text without the four ``_LOOKALIKES``: a text with one is searched case-blind.
def _lower_case(text: str) -> str | None:
    """``text`` in lower case, every character where it was; None where a case-blind
    search must read it (it holds one of ``_LOOKALIKES``)."""
    return None if _has_lookalike(text) else text.lower()


# How far from a figure its predicate and as-of time are looked for (characters).
_CONTEXT = 240
# Where a clause ends: a semicolon, colon or dash, or a comma before a conjunction
# ("[;:—–]|,\s+(?:and|...)\b"), written to open with one class of the marks: a search then
# skips to the next mark instead of trying both alternatives at every character (3× faster).
_CLAUSE_BREAK = re.compile(
    r"[,;:—–](?:(?<=,)\s+(?:and|but|while|as|after|before|when|whereas)\b|(?<!,))"
)
_RANGE_SEPARATOR = re.compile(r"\s+(?:and|to)\s+|\s*[-–—]\s*")
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure read from a text: offsets in that text, its value and a one-line account."""

    start: int
    end: int
    value: NumericValue
    explanation: str


class _Quantity(NamedTuple):
    """A quantity's number and what is written with it. A tuple: one or two are built for
    every figure, and a named tuple is built and copied (``_replace``) at a third of the
    cost of a frozen dataclass."""

    value: float
    unit: str | None
    step: float
    noun: str | None = None
    spelled: bool = False
    fraction: bool = False
    has_scale: bool = False
    has_money: bool = False
    digits: str = ""
    has_unit: bool = False


@cache
def _predicates(case_blind: bool = False) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex of every predicate word (``lexicons/predicates.tsv``) and its classes; the
    regex for a text in lower case (``_lower_case``) or, ``case_blind``, for any text."""
    classes = {word.lower(): predicate for word, predicate in load_table("predicates")}
    words = alternation(classes)
    return compile_pattern(rf"\b(?:{words})\b", re.I if case_blind else 0), classes


def predicate_near(text: str, start: int, end: int) -> str | None:
    """The predicate class named in the figure's clause, nearest the figure (after it wins
    over before at equal distance: "400 people have been killed")."""
    clause_start, clause_end = clause_around(text, start, end, _CLAUSE_BREAK, _CONTEXT, _CONTEXT)
    windows = ((clause_start, start), (end, clause_end))
    lowered = _lower_case(text)
    pattern, classes = _predicates(case_blind=lowered is None)
    best: tuple[int, str] | None = None
    for window_start, window_end in windows:
        for match in pattern.finditer(lowered or text, window_start, window_end):
            if match.start() >= end:
                distance = match.start() - end
            else:
                distance = start - match.end() + 1
            if best is None or distance < best[0]:
                best = (distance, classes[match.group(0).lower()])
    return best[1] if best else None


def as_of_near(text: str, start: int, end: int) -> str | None:
    """The time the figure is stated for, when its sentence gives one ("so far")."""
    best: tuple[int, str] | None = None
    windows = ((max(0, start - _CONTEXT), start), (end, end + _CONTEXT))
    lowered = _lower_case(text)
    pattern = _as_of(case_blind=lowered is None)
    for match in (m for window in windows for m in pattern.finditer(lowered or text, *window)):
        distance = match.start() - end if match.start() >= end else start - match.end()
        if best is None or distance < best[0]:
            best = (distance, match.group(0).lower())
    return best[1] if best else None


# A regex group's text in a match's fields, or None. The fields hold only the groups that
# matched something (``grammar.fields_of``), so this is the dict's own ``get``, called
# some thirty times a figure.
_get = dict.get


_SEPARATORS = re.compile(r"[,\s]")  # of thousands: "10,000", "10 000"


def _number(fields) -> tuple[float, float, bool, bool, str] | None:
    """(value, step, spelled out, fraction, digits as written) of a quantity's number."""
    if _get(fields, "num"):
        whole = float(_get(fields, "whole") or 0)
        denominator = float(fields["den"])
        if denominator == 0:
            return None
        return whole + float(fields["num"]) / denominator, 0.0, False, True, ""
    if _get(fields, "vulgar"):
        whole = float(_get(fields, "vulgar_whole") or 0)
        return whole + VULGAR[fields["vulgar"]], 0.0, False, True, ""
    if _get(fields, "digits"):
        digits = _SEPARATORS.sub("", fields["digits"])
        if _get(fields, "point"):
            digits += "." + fields["point"]
        integer, _, fraction = digits.partition(".")
        if len(integer) > 18:
            return None  # no figure in copy has this many digits; a float would lose them
        step = 10.0 ** -len(fraction[:18])
        exponent = _get(fields, "exponent") or _get(fields, "times_ten")
        base = 10.0
        if "times_power" in fields:  # "8x2^10 bits"
            exponent, base = fields["times_power"], float(fields["times_base"])
        if exponent:
            power = int(exponent.replace("\u2212", "-"))
            if abs(power) > 300 or base == 0:
                return None
            try:
                factor = base**power
            except OverflowError:
                return None
            return float(digits) * factor, step * factor, False, False, ""
        return float(digits), step, False, False, fields["digits"]
    if _get(fields, "point_only"):
        digits = "0." + fields["point_only"]
        return float(digits), 10.0 ** -len(fields["point_only"]), False, False, digits
    if _get(fields, "ordinal_fraction"):
        numerator_text = (_get(fields, "fnum") or "a").lower()
        if numerator_text in ("a", "an"):
            numerator = 1.0
        elif numerator_text.isdigit():
            numerator = float(numerator_text)
        else:
            numerator = words_value(numerator_text) or 0.0
        denominator_text = (_get(fields, "fden") or fields["fden_only"]).lower()
        denominator = DENOMINATOR_WORDS.get(denominator_text) or ordinals()[denominator_text]
        return numerator / denominator, 0.0, True, True, ""
    if _get(fields, "article"):
        return 1.0, 1.0, True, False, ""  # "a kilogram", "an hour": one of the unit
    if _get(fields, "half"):
        return 0.5, 0.0, True, True, ""
    if _get(fields, "words"):
        value = words_value(fields["words"])
        if value is None:
            return None
        return value, 1.0, True, False, ""
    return None


def _no_money() -> bool:
    return False


def _money_nearby(text: str, start: int, end: int) -> bool:
    """Whether money is spoken of around a figure ("paid", "$"), which makes "pounds" money."""
    return _MONEY_CONTEXT.search(text, max(0, start - _CONTEXT), end + _CONTEXT) is not None


def _quantity(fields, money_nearby: Callable[[], bool] = _no_money) -> _Quantity | None:
    """A quantity's value and unit; ``money_nearby`` is asked only where "pounds" could
    be money or a weight (a search of the sentence around it, too costly for every
    figure)."""
    number = _number(fields)
    if number is None:
        return None
    value, step, spelled, fraction, digits = number
    if "plus_minus" in fields:
        step = 2 * _uncertainty(fields)  # a figure covers half its step either side: ± this
    if _get(fields, "and_half"):
        value += 0.5
        step = 0.5
    unit: str | None = None
    has_money = False
    currency = _get(fields, "currency")
    if currency:
        unit = currency_code(currency)
        has_money = unit is not None
    has_scale = False
    scale = _get(fields, "scale")
    suffix = _get(fields, "suffix")
    if scale:
        factor = number_words()[scale.lower()][0]
        value, step, has_scale = value * factor, max(step, 1e-12) * factor, True
    elif suffix:
        if suffix == "m" and not has_money:
            unit = "meter"  # "a 9m wall": metres; "£3.5m": millions
        elif suffix in ("b", "B", "T") and not has_money:
            return None
        else:
            factor = SCALE_SUFFIXES[suffix.lower()]
            value, step, has_scale = value * factor, max(step, 1e-12) * factor, True
    if _get(fields, "sign") or _get(fields, "sign2"):
        value = -value
    has_unit = unit == "meter"
    if _get(fields, "percent"):
        unit = "percent"
    elif _get(fields, "points"):
        unit = "percentage_point"
    elif _get(fields, "money"):
        unit = currency_code(fields["money"])
        has_money = True
    elif _get(fields, "unit_in"):
        unit, has_unit = "inch", True
    elif "unit_decimal" in fields:
        unit, has_unit = unit_name(find_alias(fields["unit_decimal"])), True
    elif "compound" in fields or "unit_rest" in fields:
        # "J/m^2", "4e14 s-1"; "4 days per week" is a count of days
        written = fields.get("compound") or fields["unit"].lstrip("-") + fields["unit_rest"]
        unit = compound_unit_name(written) or leading_unit_name(written)
        has_unit = unit is not None
    elif _get(fields, "unit"):
        written = fields["unit"].lstrip("-").strip()
        alias = find_alias(written)
        if alias is None:
            return None
        # "20 million pounds", "fined 500 pounds" are money; "a 300-pound bear", "a twenty
        # pound bag" (the singular before a noun) and "he lost 20 pounds" a weight
        plural = written.lower().endswith("s")
        if alias.pint == "pound" and plural and (has_scale or money_nearby()):
            unit, has_money = "GBP", True  # "20 million pounds" is money, "200 pounds" a weight
        elif not has_money:
            unit, has_unit = unit_name(alias), True
    if "per_unit" in fields and has_money:
        alias = find_alias(fields["per_unit"])
        if alias is not None and alias.pint != "-":
            unit = f"{unit} / {unit_name(alias)}"  # "$15 an hour": a price, "USD / hour"
    cents = _get(fields, "cents")
    if cents and has_money:
        cents_value = float(cents) if cents.isdigit() else words_value(cents)
        if cents_value is not None and cents_value < 100:
            value += cents_value / 100 * (1 if value >= 0 else -1)
            step = 0.01
    parts = fields.get("parts")
    if parts and has_unit:
        value, unit = _composite(value, unit, parts)
    return _Quantity(
        value=value,
        unit=unit,
        step=step,
        spelled=spelled,
        fraction=fraction,
        has_scale=has_scale,
        has_money=has_money,
        digits=digits,
        has_unit=has_unit,
    )


_TIME_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|around)\s+$", re.I)


def _time_of_day(text: str, start: int, first, second) -> bool:
    """Whether the "pm" or "am" after a quantity makes it a time of day: after a whole
    number or one with two decimals (minutes, "2.30 pm"), or after a time's preposition
    ("at 4.5 pm" is a slip for a time); "2.1 pm" is 2.1 picometres."""
    written = [part for part in (first, second) if part and "unit_decimal" in part]
    if not written:
        return False
    for part in written:
        _, dot, decimals = part.get("digits", "").partition(".")
        if not dot or len(decimals) == 2 or "exponent" in part:
            return True
    return _TIME_BEFORE.search(text, max(0, start - 12), start) is not None


def _uncertainty(fields) -> float:
    """The "± 0.01" stated after a number."""
    written = fields["plus_minus"]
    exponent = _get(fields, "plus_minus_exponent")
    power = int(exponent.replace("\u2212", "-")) if exponent else 0
    return float(written) * 10.0 ** max(-300, min(300, power))


def _composite(value: float, unit: str, parts) -> tuple[float, str]:
    """ "7 feet 10 inches": the sum, in the smallest of the units."""
    terms = [(value, unit)]
    for part in parts:
        number = _number(part)
        alias = find_alias("inch" if part.get("unit_in") else part.get("unit", "").lstrip("-"))
        if number is None or alias is None or alias.pint == "-":
            return value, unit
        terms.append((number[0], unit_name(alias)))
    bases = [(to_base(v, u), to_base(1.0, u), u) for v, u in terms]
    if any(b is None for b, _, _ in bases) or len({base_unit(u) for _, _, u in bases}) > 1:
        return value, unit
    smallest = min(bases, key=lambda b: b[1])
    total = sum(b for b, _, _ in bases)
    return total / smallest[1], smallest[2]


def _noun(fields) -> str | None:
    noun = _get(fields, "noun") or _get(fields, "noun_other")
    return noun.lower() if noun else None


def _value(
    quantity: _Quantity,
    bound: str | None,
    high: _Quantity | None = None,
    approximate: bool = False,
    predicate: str | None = None,
    as_of: str | None = None,
    role: str | None = None,
) -> NumericValue:
    """The value of a quantity (or of a range up to ``high``) with its stated bounds, and
    what the sentence says of it."""
    if high is not None:
        shape = stated_bounds(bound, quantity.value, high.value)
    else:
        shape = stated_bounds(bound, quantity.value)
    if approximate:
        shape["approximate"] = True
    unit = quantity.unit
    return NumericValue(
        **shape,
        unit=unit,
        base=base_bounds(shape["low"], shape["high"], unit) if unit else None,
        predicate=predicate,
        as_of=as_of,
        step=max(quantity.step, high.step if high else 0.0),
        role=role,
    )


def _inherit(first: _Quantity, second: _Quantity) -> tuple[_Quantity, _Quantity]:
    """ "between 3 and 5 kilometres", "1.2 to 1.5 million", "$10-$20": the ends share
    the unit and scale written once."""
    if first.unit is None and second.unit is not None:
        first = first._replace(
            unit=second.unit, has_money=second.has_money, has_unit=second.has_unit
        )
    if first.has_money and second.unit and second.unit.startswith(f"{first.unit} / "):
        first = first._replace(unit=second.unit)  # "between $10 and $20 an hour"
    if second.unit is None and first.has_money:
        # "$10-20 million": the currency is written once, before the first end; "fell 1.2%
        # to 42,300" is a change and a level, not a range of percentages
        second = second._replace(
            unit=first.unit, has_money=first.has_money, has_unit=first.has_unit
        )
    if second.has_scale and not first.has_scale and abs(first.value) < abs(second.value):
        scale = _scale_of(second)
        if scale and abs(first.value * scale) <= abs(second.value):
            first = first._replace(
                value=first.value * scale, step=first.step * scale, has_scale=True
            )
    return first, second


def _scale_of(quantity: _Quantity) -> float | None:
    for factor in (1e12, 1e9, 1e6, 1e3):
        if abs(quantity.value) >= factor:
            return factor
    return None


def _looks_plural(noun: str) -> bool:
    return noun.endswith("s") and not noun.endswith("ss") and noun not in counted_nouns()


def _one_as_pronoun(text: str, end: int, fields, first: _Quantity, noun, bound) -> bool:
    """A spelled-out "one" that counts nothing, with words after it, is a pronoun or a
    determiner ("one of the", "that one costs", "one complete orbit"), not a figure, in
    either mode."""
    words = _get(fields.get("first", {}), "words")
    if words is None or words.strip().lower() != "one":
        return False
    if first.unit or first.has_scale or bound or _counted(noun):
        return False
    return _noun(fields) is not None or re.match(r"\s*[A-Za-z]", text[end:]) is not None


def _counted(noun: str | None) -> bool:
    if not noun:
        return False
    return (
        noun in counted_nouns()
        or noun in counted_classes()
        or (noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3)
    )


# The ``_LOOKALIKES`` written as the ASCII letters re matches them to, so that a word the
# grammar matched ("millionſ") is a word of its tables. One letter for one, so every
# position stays where it was.
_IGNORECASE_LOOKALIKES = str.maketrans(_LOOKALIKES, "sKIi")


def read_figures(text: str, mode: str = "news") -> list[Figure]:
    """Every figure of a sentence (or short text), with its stated bounds and context."""
    if _has_lookalike(text):
        # looked for first: translating a text of curly quotes and dashes costs 7 µs
        text = text.translate(_IGNORECASE_LOOKALIKES)
    figures: list[Figure] = []
    for match in scan(text):
        figures.extend(_figures_of(text, match, mode))
    return _shared_units(text, figures)


_COORDINATED = re.compile(r"\s+(?:and|or)\s+")


def _shared_units(text: str, figures: list[Figure]) -> list[Figure]:
    """ "45 and 50 mg", "10 or 12 per cent": a bare number coordinated with a measure is
    in the measure's unit (two figures; "between 45 and 50 mg" is the range)."""
    if len(figures) < 2:
        return figures
    for index in range(len(figures) - 2, -1, -1):
        figure, following = figures[index], figures[index + 1]
        unit = following.value.unit
        if figure.value.unit is not None or unit is None:
            continue
        if not (has_dimension(unit) or unit in ("percent", "percentage_point")):
            continue
        if _COORDINATED.fullmatch(text, figure.end, following.start) is None:
            continue
        if not (text[figure.end - 1].isdigit() and text[following.start].isdigit()):
            continue  # "2 and an half hours" is two and a half, not two hours
        value = figure.value
        value = replace(value, unit=unit, base=base_bounds(value.low, value.high, unit))
        explanation = _explain(text[figure.start : figure.end], value)
        figures[index] = replace(figure, value=value, explanation=explanation)
    return figures


def _figures_of(text: str, match: Match, mode: str) -> list[Figure]:
    fields = match.fields
    start, end = match.start, match.end
    while end > start and text[end - 1] in " ,.;:(":
        end -= 1
    if _get(fields, "rank"):
        return _rank(text, fields, start, end)
    first_fields = fields.get("first")
    if first_fields is None:
        return []
    if _time_of_day(text, start, first_fields, fields.get("second")):
        return []  # "2 pm", "2.30 pm", "between 2 and 3 pm": the temporal grammar's
    money_context = partial(_money_nearby, text, start, end)
    first = _quantity(first_fields, money_context)
    if first is None:
        return []
    second_fields = fields.get("second")
    second = _quantity(second_fields, money_context) if second_fields else None
    noun = _noun(fields)
    if noun and first.value == 1 and second is None and _looks_plural(noun):
        noun = None  # "that one costs": after "one" a plural-looking word is a verb
    qualifier = _get(fields, "qualifier") or _get(fields, "tilde")
    bound = qualifier_bounds().get(qualifier.lower()) if qualifier else None
    if "words" in first_fields and _one_as_pronoun(text, end, fields, first, noun, bound):
        return []
    approximate_high = bool(_get(fields, "approx_high"))
    # "from 300 to 400"; "from about $350 per kg to $680 per kg" (the lead is "about")
    is_change = bool(_get(fields, "from")) or (
        "to" in fields.get("dash", "") and _FROM_BEFORE.search(text, max(0, start - 8), start)
    )
    if second is not None:
        first, second = _inherit(first, second)
    if first_fields.get("unit") == '"' and text.count('"', 0, start) % 2 == 1:
        # 'the class is "English 101"': the mark closes a quotation, it is not inches
        first = first._replace(unit=None, has_unit=False)
        end = start + text[start:end].rindex('"')
    if _TIME_AFTER.search(text[end : end + 20]) or _YEAR_SPAN.fullmatch(text[start:end]):
        return []  # "2 pm", "10:30", "2013-14": the temporal grammar's
    if second is None and (first.unit == "degree" or (first.spelled and first.value == 0)):
        first, start = _temperature_named(text, start, end, first)
    if mode == "news" and not _is_claim(text, start, end, fields, first, second, noun, bound):
        return []
    noun_unit = noun if noun and first.unit is None else None
    if noun and first.unit is not None:
        end = _drop_noun(text, start, end, fields)  # "a 12-km front": the front is not counted
    if first.fraction and first.spelled and not first.unit and not first.has_scale and not second:
        written = first_fields.get("ordinal_fraction") or ""
        if re.match(r"\s*of\b", text[end : end + 8]) or written.rstrip().endswith(" of"):
            # "two-thirds of residents": a share of a whole, stated as a percentage
            first = first._replace(value=first.value * 100, unit="percent", step=0.0)
            noun_unit = None
    if first.unit is None and noun_unit:
        first = first._replace(unit=noun_unit)
        if second is not None and second.unit is None:
            second = second._replace(unit=noun_unit)
    if _get(fields, "below_zero"):
        unit = first.unit or "degree"
        first = first._replace(value=-abs(first.value), unit=unit)
    if second is not None and (second.value < first.value or first.unit != second.unit):
        if is_change and (second.unit == first.unit or mode == "news"):
            pass  # a fall is still a change: "fell from 120 to 80"
        else:
            return _single(text, fields, start, end, first, bound, mode, noun, second)
    measure = _get(fields, "measure")
    predicate = measure_words()[measure.lower()] if measure else predicate_near(text, start, end)
    as_of = as_of_near(text, start, end)
    restated = _restated(fields.get("restated"), money_context)
    if second is not None and is_change and mode == "news":
        return _change(text, match, first, second, predicate, as_of)
    if second is not None:
        low, high = (first, second) if first.value <= second.value else (second, first)
        approximate = approximate_high or bound is not None
        value = _value(low, bound, high, approximate, predicate=predicate, as_of=as_of)
    else:
        value = _value(first, bound, predicate=predicate, as_of=as_of)
    if restated is not None:
        value = replace(value, restated=restated)
    return [Figure(start, end, value, _explain(text[start:end], value))]


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_ABSOLUTE_BEFORE = re.compile(r"\babsolute\s+$", re.I)
_SCALE_AFTER = re.compile(r"\s+on\s+the\s+(celsius|centigrade|fahrenheit)\s+scale\b", re.I)


def _temperature_named(text: str, start: int, end: int, first: _Quantity) -> tuple[_Quantity, int]:
    """ "absolute zero" is 0 kelvin; "−273.15° on the Celsius scale" is in degrees
    Celsius: the scale named after a bare degree."""
    if first.unit is None and first.spelled and first.value == 0:
        absolute = _ABSOLUTE_BEFORE.search(text, max(0, start - 12), start)
        if absolute:
            return first._replace(unit="kelvin", has_unit=True), absolute.start()
    scale = _SCALE_AFTER.match(text, end) if first.unit == "degree" else None
    alias = find_alias(scale.group(1)) if scale else None
    if alias is not None:
        return first._replace(unit=unit_name(alias)), start
    return first, start


def _drop_noun(text: str, start: int, end: int, fields) -> int:
    noun = (_get(fields, "noun_adjective") or "") + (
        _get(fields, "noun") or _get(fields, "noun_other") or ""
    )
    stripped = text[start:end]
    if noun and stripped.endswith(noun):
        return start + len(stripped[: -len(noun)].rstrip(" -"))
    return end


def _single(text, fields, start, end, first, bound, mode, noun, second=None) -> list[Figure]:
    """A range that does not read as one ("2013-14", "4 to 3", "between 3 km and 5 miles"):
    the first figure alone (a qualifier before it still bounds it)."""
    if _get(fields, "between") or _get(fields, "from"):
        start = start + len(text[start:end].split()[0]) + 1
        bound = None
    separator = _RANGE_SEPARATOR.search(text, start + 1, end)
    first_end = separator.start() if separator else end
    if mode == "news" and first.unit is None and not noun:
        return []
    value = _value(
        first, bound, predicate=predicate_near(text, start, end), as_of=as_of_near(text, start, end)
    )
    figures = [Figure(start, first_end, value, _explain(text[start:first_end], value))]
    if second is not None and separator is not None and (second.unit or second.digits or noun):
        # "from 44 ml to 50 mg", "fell 1.2% to 42,300 points": two figures, no range
        if second.unit is None and noun:
            second = second._replace(unit=noun)
        other = _value(second, None, predicate=value.predicate, as_of=value.as_of)
        figures.append(
            Figure(separator.end(), end, other, _explain(text[separator.end() : end], other))
        )
    return figures


_CHANGE_SEPARATOR = re.compile(r"\s*(?:\bto\b|\band\b|[-–])\s*", re.I)


def _change(text, match, first, second, predicate, as_of) -> list[Figure]:
    """A change, "rose from 80,000 to 120,000": two figures, its start and its end."""
    # Spans from the text itself: "from 80,000 to 120,000", "from$1.5bn-3.5" (glued) alike.
    lead = re.match(r"from\s*", text[match.start : match.end], re.I)
    start_a = match.start + (lead.end() if lead else 0)
    first_digit = re.compile(r"\d").search(text, start_a, match.end)
    separator = _CHANGE_SEPARATOR.search(
        text, first_digit.end() if first_digit else start_a, match.end
    )
    end_a = separator.start() if separator else match.end
    start_b = separator.end() if separator else match.end
    end_b = match.end
    while end_b > start_b and text[end_b - 1] in " ,.;:(":
        end_b -= 1
    figures = []
    for start, end, quantity, role in (
        (start_a, end_a, first, "from"),
        (start_b, end_b, second, "to"),
    ):
        if start >= end:
            continue  # a side with no words of its own cannot be a claim
        value = _value(quantity, None, predicate=predicate, as_of=as_of, role=role)
        figures.append(Figure(start, end, value, _explain(text[start:end], value)))
    return figures


def _restated(fields, money_context: Callable[[], bool]) -> NumericValue | None:
    if not fields:
        return None
    first = _quantity(fields["first"], money_context) if fields.get("first") else None
    if first is None:
        return None
    qualifier = _get(fields, "qualifier")
    bound = qualifier_bounds().get(qualifier.lower()) if qualifier else None
    second_fields = fields.get("second")
    second = _quantity(second_fields, money_context) if second_fields else None
    if second is not None:
        first, second = _inherit(first, second)
        return _value(first, bound, second)
    return _value(first, bound)


def _rank(text: str, fields, start: int, end: int) -> list[Figure]:
    """ "second-largest": rank 2, unit "rank"."""
    superlative = fields["superlative"].lower()
    if superlative in NOT_SUPERLATIVES:
        return []
    ordinal = fields["rank"].lower().replace("\u2014", "-")
    rank = _ordinal_value(ordinal)
    if rank is None:
        return []
    value = NumericValue(
        low=rank,
        high=rank,
        low_inclusive=True,
        high_inclusive=True,
        approximate=False,
        unit="rank",
        predicate=superlative,
        step=1.0,
    )
    return [Figure(start, end, value, f"{text[start:end]!r} → rank {rank} ({superlative})")]


def _ordinal_value(ordinal: str) -> int | None:
    suffixed = _ORDINAL_SUFFIX.match(ordinal)
    if suffixed:
        return int(suffixed.group(1))
    parts = re.split(r"[\s-]+", ordinal)
    *tens, last = parts
    if last not in ordinals():
        joined = re.match(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(\w+)$", last)
        if not joined or joined.group(2) not in ordinals():
            return None
        tens, last = [joined.group(1)], joined.group(2)
    value = ordinals()[last]
    for word in tens:
        value += int(number_words()[word][0])
    return value


def read_ordinals(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every ordinal ("fourth", "25th"): evaluation mode only; in
    news copy a bare ordinal ("the fourth day") is not a figure."""
    found = []
    for tokens, start, end in ordinal_element().scan_string(text):
        value = _ordinal_value(tokens[0].group("ordinal").lower().replace("\u2014", "-"))
        if value is not None:
            found.append((start, end, value))
    return found


def _ends_with_word(pattern: re.Pattern[str], before: str) -> bool:
    """Whether ``pattern`` matches at the end of ``before``, for a pattern of one word and
    the spaces after it (``_MONTH_BEFORE``, ``_BEFORE_HALF``, ``_LABEL_BEFORE``): no match
    holds a space before its closing spaces, so none starts before the last word, and the
    search starts there instead of at each of 80 places (3 µs a search)."""
    kept = before.rstrip()
    last = kept.rsplit(None, 1)[-1] if kept else ""
    return pattern.search(before, len(kept) - len(last)) is not None


def _is_claim(text, start, end, fields, first, second, noun, bound) -> bool:
    """Whether a match is a figure an editor checks (news mode)."""
    before, after = text[max(0, start - 80) : start], text[end : end + 80]
    if _ends_with_word(_MONTH_BEFORE, before) or _TIME_AFTER.search(after):
        return False  # "Nov. 27", "2 pm", "10:30": the temporal grammar's
    if first.unit in ("second", "minute", "hour", "day", "week", "month", "year"):
        if _TEMPORAL_AFTER.search(after) or _WINDOW_BEFORE.search(before):
            return False  # "two days ago", "the past 24 hours": a time, not a figure
    if first.unit in ("cent", "penny", "dime") and "article" in fields.get("first", {}):
        return False  # "not a penny more", "a dime a dozen": an idiom, not a sum
    noun_written = _get(fields, "noun_other") or ""
    if first.spelled and first.fraction and _ends_with_word(_BEFORE_HALF, before):
        return False  # "the first half of 2024", "the other half"
    if not (first.unit or noun or bound or first.has_money or first.has_scale) and _ends_with_word(
        _LABEL_BEFORE, before
    ):
        return False  # "Article 5", "Flight 370", "Chapter 11": a label, not a figure
    looks_like_year = (
        first.digits.isdigit() and len(first.digits) == 4 and 1800 <= first.value <= 2100
    )
    if looks_like_year and noun_written[:1].isupper():
        return False  # "the 2024 Paris Olympics"
    if looks_like_year and not first.unit and not noun and not first.has_scale:
        if bound is None or _YEAR_BEFORE.search(before):
            return False  # "in 2023", "the 2024 election"
    if first.fraction and not first.spelled and not first.unit:
        return False  # "9/11", "24/7": not a fraction of anything
    if first.spelled and not (first.unit or first.has_scale or _counted(noun)):
        return first.fraction and re.match(r"\s*of\b", after) is not None
    return True


def _explain(text: str, value: NumericValue) -> str:
    parts = [f"{text!r} → {value.describe()}"]
    if value.predicate:
        parts.append(value.predicate)
    if value.as_of:
        parts.append(f"as of {value.as_of!r}")
    if value.restated is not None:
        parts.append(f"restated as {value.restated.describe()}")
    return ", ".join(parts)
