"""Numeric claims: the grammar (``grammar.py``) and stated bounds (``bounds.py``)."""

from __future__ import annotations

import re
from functools import cache

from claimcheck.claims import Claim, make_claim
from claimcheck.documents.model import Document
from claimcheck.lexicons import load_lexicon, load_table
from claimcheck.numeric.bounds import NumericValue, stated_bounds
from claimcheck.numeric.grammar import number_value, qualifier_bounds, scan

__all__ = ["NumericValue", "extract_numeric"]

_CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_NOUNS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY"}
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I
)
_AS_OF = re.compile(
    r"\b(?:so far|to date|in the past \d+ hours|in the past (?:day|week|month|year)|"
    r"since \w+|by (?:the end of )?(?:\w+day|today|yesterday|\w+ (?:morning|evening|night))|"
    r"as of \w+(?: \d+)?)\b",
    re.I,
)


@cache
def _predicates() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in load_table("predicates"))


def _predicate(sentence: str) -> str | None:
    lowered = sentence.lower()
    for word, predicate_class in _predicates():
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return predicate_class
    return None


@cache
def _counted_nouns() -> frozenset[str]:
    return frozenset(load_lexicon("counted_nouns"))


def _counts_something(noun: str | None) -> bool:
    """Whether a spelled-out number is followed by something it counts."""
    if not noun:
        return False
    return noun in _counted_nouns() or (noun.endswith("s") and not noun.endswith("ss"))


def extract_numeric(document: Document) -> list[Claim]:
    """Find every figure of a document with its stated bounds and what it counts."""
    claims = []
    for sentence in document.sentences:
        for start, end, fields in scan(sentence.text):
            value = _value(sentence.text, start, fields)
            if value is None:
                continue
            while end > start and sentence.text[end - 1] in " ,.;:":
                end -= 1
            claims.append(
                make_claim(
                    document,
                    "numeric",
                    sentence.start + start,
                    sentence.start + end,
                    value,
                    sentence=sentence,
                )
            )
    return claims


def _value(sentence: str, start: int, fields: dict[str, str]) -> NumericValue | None:
    number = number_value(fields)
    if number is None:
        return None
    if _MONTH_BEFORE.search(sentence[:start]):
        return None  # the day of a date ("Nov. 27") is the temporal grammar's
    noun = fields.get("noun", "").lower() or None
    if "digits" in fields and 1800 <= number <= 2100 and "qualifier" not in fields and not noun:
        return None  # a bare year
    if "words" in fields and not _counts_something(noun):
        return None  # "one of the", "the two also": not a figure
    if "percent" in fields:
        unit = "percent"
    elif "currency" in fields:
        unit = _CURRENCIES[fields["currency"].lower()]
    else:
        unit = _CURRENCY_NOUNS.get(noun or "", noun)
    bound = qualifier_bounds().get(fields.get("qualifier", "").lower())
    high = float(fields["high_digits"].replace(",", "")) if "high_digits" in fields else None
    as_of = _AS_OF.search(sentence)
    return NumericValue(
        **stated_bounds(bound, number, high),
        unit=unit,
        predicate=_predicate(sentence),
        as_of=as_of.group(0) if as_of else None,
    )
