"""The pyparsing grammar of figures in news copy: qualifier, number, scale, unit or noun.

Parse actions only collect named fields; ``bounds.py`` turns them into stated bounds.
"""

from __future__ import annotations

import re
from functools import cache

import pyparsing as pp

from claimcheck.lexicons import load_table

CANDIDATE = re.compile(
    r"\d|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|million)\b",
    re.IGNORECASE,
)
# Words that can follow a number without being what it counts.
NOT_NOUNS = frozenset(
    "and or of the a an to in on at for by with from as is are was were have has had be "
    "been that which who per than more less this these those its their his her".split()
)
_SCALE_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def qualifier_bounds() -> dict[str, str]:
    """Map each qualifier phrase (lower case) to its bound type."""
    return {row[0].lower(): row[1] for row in load_table("qualifiers")}


@cache
def number_words() -> dict[str, tuple[float, str]]:
    """Map each number word to (value, role)."""
    return {row[0]: (float(row[1]), row[2]) for row in load_table("number_words")}


@cache
def numeric_grammar() -> pp.ParserElement:
    """Return the figure grammar; each match yields a dict of named fields."""
    qualifier = pp.Regex(
        r"\b(?P<qualifier>" + _alternatives(list(qualifier_bounds())) + r")\s+", re.I
    )
    currency = pp.Regex(r"(?P<currency>US\$|\$|€|£|¥)")
    digits = pp.Regex(
        r"(?P<digits>[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        r"(?:\s*(?P<scale>million|billion|trillion|thousand)\b|(?P<suffix>bn|mn|tn|k|m|b)\b)?",
        re.I,
    )
    words = [w for w, (_, role) in number_words().items() if role != "article"]
    word_number = pp.Regex(
        r"\b(?P<words>(?:(?:a|an)\s+)?(?:" + _alternatives(words) + r")"
        r"(?:[\s-]+(?:and\s+)?(?:" + _alternatives(words) + r"))*)\b",
        re.I,
    )
    number = digits | word_number
    percent = pp.Regex(r"\s*(?P<percent>%|percent\b|per\s+cent\b)", re.I)
    noun = pp.Regex(r"(?!(?:" + _alternatives(sorted(NOT_NOUNS)) + r")\b)(?P<noun>[a-z][a-z-]+)\b")
    range_tail = pp.Regex(
        r"\s*(?:-|–|to|and)\s*(?P<high_digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    )
    between = pp.Regex(r"\b(?P<between>between)\s+", re.I)
    figure = (
        pp.Optional(between | qualifier)
        + pp.Optional(currency)
        + number
        + pp.Optional(range_tail)
        + pp.Optional(percent | noun)
    )
    figure.set_parse_action(lambda tokens: [{k: v for k, v in tokens.as_dict().items() if v}])
    return figure


def scan(text: str) -> list[tuple[int, int, dict[str, str]]]:
    """Return (start, end, fields) for each figure in ``text``."""
    if not CANDIDATE.search(text):
        return []
    return [(start, end, tokens[0]) for tokens, start, end in numeric_grammar().scan_string(text)]


def number_value(fields: dict[str, str]) -> float | None:
    """The number a match states, with its scale applied."""
    if "digits" in fields:
        value = float(fields["digits"].replace(",", "").replace("−", "-"))
        if "scale" in fields:
            value *= number_words()[fields["scale"].lower()][0]
        elif "suffix" in fields:
            value *= _SCALE_SUFFIXES[fields["suffix"].lower()]
        return value
    return words_value(fields["words"])


def words_value(phrase: str) -> float | None:
    """Value of spelled-out numbers: "four hundred", "a dozen", "twenty-five thousand"."""
    table = number_words()
    total, current = 0.0, 0.0
    seen_number = False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in ("and", ""):
            continue
        value, role = table[word]
        if role == "article":
            current = current or 1
        elif role == "scale":
            current = (current or 1) * value
            if value >= 1000:
                total, current = total + current, 0.0
            seen_number = True
        else:
            current += value
            seen_number = True
    return total + current if seen_number else None
