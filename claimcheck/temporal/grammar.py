"""The pyparsing grammar of temporal expressions in English news copy.

Built from small named pieces; the parse actions only name what was matched (a dict of
fields), and ``resolve.py`` turns that into dates. The grammar is built once, on first use.
"""

from __future__ import annotations

import re
from functools import cache

import pyparsing as pp

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# A cheap prefilter: a sentence without any of these words or digits has no date in it.
CANDIDATE = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)|\d{4}",
    re.IGNORECASE,
)


def _alternatives(words: list[str]) -> str:
    """A regex alternation that tries longer words first ("sept." before "sep")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def temporal_grammar() -> pp.ParserElement:
    """Return the grammar; each match yields a ``fields`` dict describing the expression."""
    weekday = pp.Regex(
        r"\b(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day)\b", re.IGNORECASE
    )
    part_of_day = pp.Regex(r"(?P<part>morning|afternoon|evening|night)\b", re.IGNORECASE)
    day_qualifier = pp.Regex(r"\b(?P<qualifier>late|early)\s+(?=\w+day\b)", re.IGNORECASE)

    month_names = (
        list(MONTHS) + [f"{abbr}." for abbr in MONTH_ABBREVIATIONS] + list(MONTH_ABBREVIATIONS)
    )
    month = pp.Regex(r"\b(?P<month>" + _alternatives(month_names) + r")(?!\w)", re.IGNORECASE)
    day_number = pp.Regex(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b")
    year = pp.Regex(r"(?P<year>(?:1[89]|20)\d\d)\b")

    # "Nov. 27", "November 27th, 2024", "27 November 2024"
    month_day = month + day_number + pp.Optional(pp.Suppress(pp.Optional(",")) + year)
    day_month = day_number + month + pp.Optional(year)
    iso_date = pp.Regex(r"\b(?P<year>\d{4})-(?P<month_number>\d{2})-(?P<day>\d{2})\b")
    calendar_date = iso_date | month_day | day_month

    weekday_with_date = weekday + pp.Suppress(pp.Optional(",")) + calendar_date
    weekday_expression = pp.Optional(day_qualifier) + weekday + pp.Optional(part_of_day)
    deictic = pp.Regex(r"\b(?P<deictic>today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)

    expression = weekday_with_date | calendar_date | weekday_expression | deictic
    expression.set_parse_action(_collect_fields)
    return expression


def _collect_fields(tokens: pp.ParseResults) -> list[dict[str, str]]:
    """Keep the named pieces that matched and say which form the expression has."""
    fields = {k: v for k, v in tokens.as_dict().items() if isinstance(v, str) and v}
    if "deictic" in fields:
        fields["form"] = "deictic"
    elif "day" in fields:
        fields["form"] = "weekday_date" if "weekday" in fields else "date"
    else:
        fields["form"] = "weekday"
    return [fields]


def scan(text: str) -> list[tuple[int, int, dict[str, str]]]:
    """Return (start, end, fields) for every temporal expression in ``text``."""
    if not CANDIDATE.search(text):
        return []
    found = []
    for tokens, start, end in temporal_grammar().scan_string(text):
        found.append((start, end, tokens[0]))
    return found
