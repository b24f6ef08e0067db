"""The pyparsing grammar of temporal expressions in English news copy.

Built, like Duckling's ``Rules.hs``, from small named pieces (``pieces()``): each is a
regex whose named groups become a ``node`` dict with a ``form`` (``weekday``, ``date``,
``period``, ``offset``, ``time`` ...), an optional condition on that node, and nothing
else: ``resolve.py`` turns a node into dates; nothing here looks at a calendar. The
examples every piece must read are in ``examples.tsv`` beside this file.

``PieceChoice``, a pyparsing token, tries the pieces in order at a position (only those
that can start with the character found there). The pyparsing *core* joins a point to a
second one as a range ("from 2010 to 2018", "Nov. 27-29", "between Monday and
Wednesday"); ``read`` then pairs a day with its time ("4 a.m. Wednesday", "Thursday 8:00
GMT") or its length ("Dec. 18 for 10 days"). Built once, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any

import pyparsing as pp

from claimcheck.lexicons import alternation
from claimcheck.lexicons.pattern_cache import compile_pattern
from claimcheck.temporal.dispatch import OPENINGS_TABLE, PrefixDispatch, openings_table

Node = dict[str, Any]

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
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}
SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Forms that the grammar reads so that their words are never taken for dates, but that
# name no calendar position: a duration ("for three years") and the bare "now".
SILENT_FORMS = frozenset({"duration", "now"})


@cache
def holiday_rules() -> dict[str, str]:
    """Map every name of a holiday (lower case) to its dating rule, from ``holidays.tsv``."""
    rules: dict[str, str] = {}
    for row in _data_rows("holidays.tsv"):
        names, rule = row[0], row[1]
        for name in names.split("|"):
            rules[name.strip()] = rule
    return rules


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def zone_offsets() -> dict[str, float]:
    """Hours from UTC of each time zone abbreviation, from ``zones.tsv``."""
    return {row[0].upper(): float(row[1]) for row in _data_rows("zones.tsv")}


# ---------------------------------------------------------------------------- vocabulary

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:tues?|weds?|thurs?|thu|fri|mon|sat|sun)(?![a-z])\.?)"
)
_MONTH_FULL = alternation(MONTHS)
_MONTH = (
    r"(?:"
    + alternation(list(MONTHS))
    + r"|(?:"
    + alternation(list(MONTH_ABBREVIATIONS))
    + r")(?![a-z])\.?)(?![a-z])"
)
_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(TENS)
    + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + alternation(SMALL_NUMBERS)
    + r")"
)
_COUNT = (
    r"(?:\d+(?:\.\d+)?|\d/\d|" + _WORD_NUMBER + r"|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?pair\s+of"
    r"|(?:a\s+)?few|several|half\s+an?|(?:a\s+)?quarter\s+of\s+an?|three-quarters\s+of\s+an?"
    r"|an?)"
)
_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|fortnights?|months?"
    r"|quarters?|qtrs?|years?|yrs?|decades?|centur(?:y|ies))(?![a-z])"
)
_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?(?!\d)|" + alternation(list(ORDINAL_WORDS)) + r")"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
_SHIFT = (
    r"(?:this\s+past|this\s+coming|around\s+next|the\s+following|the\s+coming|the\s+past"
    r"|the\s+previous|the\s+last|the\s+next|the\s+current|this|current|last|past|previous"
    r"|next|coming|upcoming|following)"
)
_POSITION = (
    r"(?:(?:at\s+|by\s+|until\s+|towards?\s+)?(?:the\s+)?(?:very\s+)?"
    r"(?:beginning|start|end|middle|rest)\s+of|earlier|later|early|late|mid-?)"
)
_PART = r"(?:early\s+morning|morning|afternoon|evening|night|lunch)"
_AMPM = r"(?:[ap]\.\s?m\.?|[ap]\s?m\b|[ap]\b(?!\.\w))"
_ZONE_NAMES = (
    r"(?:"
    + r"|".join(
        ["GMT", "UTC", "BST", "CEST", "CET", "EEST", "EET", "MSK", "IST", "PKT", "JST", "KST"]
        + ["AEST", "AEDT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT"]
        + ["Z"]
    )
    + r")\b"
)
# a zone after a time: "4 a.m. GMT", "9 am (BST)", "4 a.m. local time"
_ZONE = rf"(?:\s*\((?P<zone_in_brackets>{_ZONE_NAMES})\)|\s*(?P<zone>{_ZONE_NAMES}|local\s+time))?"
_HOUR_WORD = alternation(SMALL_NUMBERS[1:13])
_MINUTE_WORD = r"(?:oh[\s-]\w+|o[\s-]\w+|ou[\s-]\w+|zero[\s-]\w+|" + _WORD_NUMBER + r")"


# ---------------------------------------------------------------------------- pieces


@dataclass(frozen=True)
class Piece:
    """One named rule of the grammar: a regex whose named groups become the node's fields,
    an optional condition on the node, and fields it always sets."""

    name: str
    form: str
    pattern: str
    condition: Callable[[Node], Any] | None = None
    fixed: tuple[tuple[str, Any], ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled when the dispatch first offers the piece: a short draft needs about
        three quarters of them, and compiling is most of the grammar's start-up."""
        return compile_pattern(r"(?<![\w/.])" + _bounded_spaces(self.pattern), re.IGNORECASE)

    def read(self, text: str, position: int) -> tuple[int, Node] | None:
        """The end and node of a match at ``position``, or None."""
        match = self.regex.match(text, position)
        if match is None:
            return None
        node: Node = {"form": self.form, "piece": self.name}
        node.update({k: v for k, v in match.groupdict().items() if v})
        node.update(self.fixed)
        if self.condition is not None and not self.condition(node):
            return None
        return match.end(), node


def _bounded_spaces(pattern: str) -> str:
    """Spaces between the words of a date are a few at most; a bound keeps a run of
    thousands of spaces from being scanned by every piece."""
    return pattern.replace(r"\s*", r"\s{0,3}").replace(r"\s+", r"\s{1,3}")


def _piece(
    name: str, form: str, pattern: str, condition: Callable[[Node], Any] | None = None, **fixed: Any
) -> Piece:
    return Piece(name, form, pattern, condition, tuple(fixed.items()))


class PieceChoice(pp.Token):
    """The first of several pieces that matches at a position (Duckling-style named rules,
    tried in order without building an exception per failed rule)."""

    def __init__(self, pieces: list[Piece], name: str) -> None:
        super().__init__()
        self.dispatch = PrefixDispatch(pieces, [piece.pattern for piece in pieces])
        self.set_name(name)
        self.mayReturnEmpty = False

    def first_at(self, text: str, loc: int) -> tuple[int, Node] | None:
        """The end and node of the first piece that matches at ``loc``: what ``parseImpl``
        reads, without pyparsing's machinery, which costs more than the regexes."""
        for piece in self.dispatch.candidates(text, loc):
            found = piece.read(text, loc)
            if found is not None:
                return found
        return None

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        found = self.first_at(instring, loc)
        if found is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return found[0], pp.ParseResults([found[1]])


def _capitalised_month(node: Node) -> bool:
    """A bare month name is a month only when written as one ("May", not "may")."""
    word = node["month"]
    if word.lower() == "may" and "shift" not in node and "position" not in node:
        return word[0].isupper() and node.get("lead") is not None
    return word[0].isupper() or "shift" in node or "position" in node


def _clear_half_of_day(node: Node) -> bool:
    """ "4a" alone is not a time ("4a" is a form, a grade); "3:18a" and "at 3p" are."""
    bare_letter = len(node["ampm"].replace(".", "").strip()) == 1
    return not bare_letter or "minute" in node or bool(node.get("lead"))


def _minute_word_below_sixty(node: Node) -> bool:
    """ "two sixty a m" is not a time."""
    words = (node.get("minute_word") or "").lower().replace("-", " ").split()
    return not words or words[0] not in ("sixty", "seventy", "eighty", "ninety")


def _spoken_clock(node: Node) -> bool:
    """A time in words: with am/pm ("ten thirty pm"), or said as a clock is read without it
    ("twelve oh three", "at three twenty"); not "three twenty" or "two three" alone."""
    if not _minute_word_below_sixty(node):
        return False
    if node.get("ampm"):
        return True
    words = (node.get("minute_word") or "").lower().replace("-", " ").split()
    if not words:
        return False
    return words[0] in ("oh", "o", "ou", "zero") or bool(node.get("lead")) and words[0] in TENS


def _written_weekday(node: Node) -> bool:
    """ "sat", "sun", "mon" are English words: as weekdays only capitalised or with a date."""
    word = node["weekday"]
    if word.lower() in ("sat", "sun", "mon", "wed"):
        return word[0].isupper() and word.lower() != "wed" or "month" in node
    return True


@cache
def pieces() -> tuple[Piece, ...]:
    """Every piece, most specific first (the first that matches at a position wins)."""
    wd = rf"(?P<weekday>{_WEEKDAY})"
    return (
        # -- times and dates in numbers
        _piece(
            "iso_datetime",
            "date",
            rf"(?P<year>{_YEAR})-(?P<month_number>\d\d?)-(?P<day>\d\d?)"
            r"(?:[T ](?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d))?)?"
            r"(?:/(?P<end>\S+))?(?!\d)",
        ),
        _piece(
            "numeric_date",
            "date",
            r"(?P<first>\d\d?)\s?(?P<sep>[/.-])\s?(?P<second_number>\d\d?)\s?(?P=sep)\s?"
            r"(?P<year>\d{4}|\d\d)(?![\d/.-]\d)",
        ),
        _piece(
            "numeric_day_month_name",
            "date",
            rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?P<sep>[/-])(?P<month>{_MONTH})(?P=sep)"
            r"(?P<year>\d{4}|\d\d)(?!\d)",
        ),
        _piece(
            "year_month",
            "date",
            rf"(?P<year>{_YEAR})[-/](?P<month_number>1[0-2]|0?[1-9])(?![\d/-])",
        ),
        _piece("month_year", "date", rf"(?P<month_number>1[0-2]|0?[1-9])/(?P<year>{_YEAR})"),
        _piece(
            "numeric_month_day",
            "date",
            r"(?P<lead>on\s+)?(?P<first>1[0-2]|0?[1-9])\s?/\s?(?P<second_number>[0-3]?\d)(?![\d/.])",
            condition=lambda n: n.get("lead") or int(n["second_number"]) > 12,
        ),
        _piece(
            "quarter_numeric",
            "quarter",
            rf"(?:Q(?P<quarter>[1-4])(?:\s*(?P<year>{_YEAR}|'\d\d))?|(?P<year2>{_YEAR}|\d\d)\s?Q(?P<quarter2>[1-4]))\b",
        ),
        # -- ranges written as one piece
        _piece(
            "year_range",
            "year_range",
            rf"(?:(?P<range_lead>from|between)\s+)?(?P<year>{_YEAR})\s*(?:-|–|to|and|through|until)\s*"
            rf"(?P<year_end>{_YEAR}|\d\d)\b",
            condition=lambda n: n.get("range_lead") or len(n["year_end"]) == 4,
        ),
        _piece(
            "month_day_range",
            "day_range",
            rf"(?:from\s+)?(?P<month>{_MONTH})\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*"
            rf"(?:-|–|to|through|thru|till|until)\s*(?:the\s+)?(?P<day_end>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
            rf"(?:,?\s+(?P<year>{_YEAR}))?",
        ),
        _piece(
            "day_range_month",
            "day_range",
            rf"(?:from\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|till|until)"
            rf"\s*(?:the\s+)?(?P<day_end>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
            rf"(?:,?\s+(?P<year>{_YEAR}))?",
        ),
        # -- calendar dates with month names
        _piece(
            "weekday_month_day",
            "date",
            rf"{wd},?\s+(?:the\s+)?(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?",
        ),
        _piece(
            "weekday_day_month",
            "date",
            rf"{wd},?\s+(?:the\s+)?(?P<day>{_DAY})(?:\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?)?",
            condition=lambda n: "month" in n or re.fullmatch(r"\d+(?:st|nd|rd|th)", n["day"]),
        ),
        _piece(
            "month_day",
            "date",
            rf"(?P<month>{_MONTH})\s*(?:the\s+)?(?P<day>{_DAY})(?![\w:])(?:,?\s+(?P<year>{_YEAR})(?:\s*(?P<era>A\.?D\.?))?)?"
            rf"(?:,\s+{wd})?",
        ),
        _piece(
            "day_month",
            "date",
            rf"(?:the\s+)?(?P<day>{_DAY})\s*(?:of\s+)?(?P<month>{_MONTH})(?:,?\s*(?P<year>{_YEAR}))?",
            condition=lambda n: (
                not (
                    n["day"].isdigit()
                    and n["month"].lower().rstrip(".") == "may"
                    and n["month"][0].islower()
                )
            ),
        ),
        _piece(
            "month_of_year",
            "date",
            rf"(?P<month>{_MONTH})\s*,?\s+(?:of\s+)?(?P<year>{_YEAR})",
        ),
        _piece(
            "week_of",
            "week_of",
            rf"the\s+week\s+of\s+(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?![\w:])(?:,?\s+(?P<year>{_YEAR}))?",
        ),
        _piece(
            "day_of_shifted_month",
            "day_of_month",
            rf"(?:the\s+)?(?P<day>{_DAY})(?:\s+day)?\s+of\s+(?:the\s+)?(?P<shift>next|this|current|previous|last|following)\s+month",
        ),
        # -- counted from a named day: "three days after Easter", "the third Tuesday after
        # Christmas 2014" (the named day's names are read from holidays.tsv)
        _piece(
            "after_holiday",
            "holiday",
            rf"(?:(?P<offset_count>{_COUNT})\s+(?P<offset_unit>days?|weeks?|months?|years?)"
            rf"|(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+"
            rf"(?P<weekday>{_WEEKDAY}))\s+(?P<relation>after|before)\s+"
            rf"(?P<holiday>{alternation(list(holiday_rules()))})(?![\w'])(?:\s+(?P<year>{_YEAR}))?",
        ),
        _piece(
            "nth_weekday_of",
            "nth_weekday",
            r"(?:the\s+)?(?:(?P<from_end>second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?=last))?"
            rf"(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
            rf"(?P<weekday>{_WEEKDAY}|day|week-?\s?end|wkend|week)\s+(?:of|in)\s+"
            rf"(?:(?:the\s+)?(?P<shift>this|the|next|last|previous)\s+month|(?P<month>{_MONTH})"
            rf"(?:\s+(?P<year>{_YEAR}))?|(?P<year2>{_YEAR}))",
        ),
        # -- relative to publication
        _piece(
            "weekdays_from_now",
            "offset",
            rf"(?P<count>{_COUNT})\s+(?P<weekday>{_WEEKDAY})s\s+(?P<direction>from\s+now|ago|back|hence)",
        ),
        _piece(
            "count_ago",
            "offset",
            rf"(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})\s+(?P<direction>ago|back|hence|from\s+(?:right\s+)?now|from\s+today)",
        ),
        _piece(
            "in_count",
            "offset",
            rf"(?P<preposition>in|within)\s+(?:(?:about|around|roughly|another|the\s+next)\s+)?(?P<count>{_COUNT})\s*(?:more\s+)?(?P<unit>{_UNIT})"
            r"(?!\s+(?:of|when|that|which|in|where|marked|since|and|as)\b)",
            direction="in",
        ),
        _piece(
            "count_later",
            "story_relative",
            rf"(?:(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})\s+(?:later|earlier|before|after|afterwards?|previously)"
            rf"|the\s+(?:next|following)\s+(?:day|week|month|year|morning|night|evening)"
            rf"|the\s+(?:day|week|month|year|night)\s+(?:before|after|earlier))\b"
            r"(?!\s+(?:tomorrow|yesterday))",
        ),
        _piece(
            "window",
            "window",
            rf"(?:the\s+)?(?P<direction>past|last|previous|next|coming|upcoming|following)\s+"
            rf"(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})",
        ),
        _piece(
            "count_upcoming",
            "window",
            rf"(?P<count>{_COUNT})\s+(?P<direction>upcoming|coming)\s+(?P<unit>{_UNIT})",
        ),
        _piece(
            "decade",
            "decade",
            r"(?:(?P<article>the)\s+)?(?:(?P<position>early|mid|late)[-\s])?"
            r"(?P<decade>(?:1[5-9]|20)\d0s|'\d0s|\d0s|twenties|thirties|forties|fifties|sixties"
            r"|seventies|eighties|nineties)(?![\w'])",
            condition=lambda n: n["decade"][0] in "12" or n.get("article"),
        ),
        _piece(
            "quarter",
            "quarter",
            rf"(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?"
            rf"(?:quarter|qtr)(?:\s+(?:of\s+)?(?:the\s+year\s+)?(?P<year>{_YEAR}))?",
        ),
        _piece(
            "holiday",
            "holiday",
            rf"(?:(?P<shift>last|next|this)\s+)?(?P<holiday>{alternation(list(holiday_rules()))})"
            rf"(?![\w'])(?:\s+(?:in\s+)?(?P<year>{_YEAR})|\s+of\s+(?P<year_shift>next|last|this)\s+year"
            rf"|\s+(?P<year_words>two\s+thousand(?:\s+and)?(?:\s+{_WORD_NUMBER})?)(?![\w-])"
            rf"|\s+in\s+(?P<later_count>{_COUNT})\s+(?P<later_unit>{_UNIT})"
            rf"|\s+(?P<ago_count>{_COUNT})\s+(?P<ago_unit>{_UNIT})\s+(?P<ago>ago|from\s+now|hence))?",
        ),
        _piece(
            "season",
            "season",
            rf"(?:(?P<position>{_POSITION})\s+)?(?:(?P<shift>{_SHIFT})\s+|the\s+)?(?P<season>spring|summer|fall|autumn|winter|season)s?"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?(?![\w-])",
            condition=lambda n: (
                n.get("shift")
                or n.get("year")
                or n["season"].lower() in ("summer", "winter")
                and n["season"][0] == "S"
            ),
        ),
        _piece(
            "the_weekend",
            "weekend",
            r"(?P<lead>(?:over|during|at|on)\s+)?the\s+week-?\s?end(?![\w'])",
        ),
        _piece(
            "period",
            "period",
            rf"(?:(?P<position>{_POSITION})\s+)?(?P<shift>{_SHIFT})\s+(?P<unit>week-?\s?end|wkend|week|month|quarter|qtr|year|yr|decade)s?(?![\w'])",
        ),
        _piece(
            "positioned_period",
            "period",
            rf"(?P<position>{_POSITION}|all)\s+(?:the\s+)?(?P<unit>week|month|year)(?![\w'])(?!\s+(?:of|in)\b)",
            shift="this",
        ),
        _piece(
            "positioned_year",
            "year",
            rf"(?P<position>{_POSITION})\s+(?P<year>{_YEAR})",
        ),
        _piece(
            "business_abbreviation",
            "period",
            r"(?:(?P<by>by|at)\s+)?(?:the\s+)?(?P<abbreviation>EO[DMY]|BO[MY])\b",
        ),
        # -- weekdays and days named relative to publication
        _piece(
            "week_weekday",
            "weekday",
            rf"(?P<week>last|next|this)\s+week's\s+{wd}",
        ),
        _piece(
            "weekday",
            "weekday",
            rf"(?:(?P<qualifier>late|early)(?:\s+on)?\s+)?(?:(?P<shift>this\s+past|this\s+coming|last|next|this|coming|past|previous|around\s+next)\s+)?"
            rf"{wd}(?:\s+(?P<part>early\s+in\s+the\s+morning|in\s+the\s+early\s+hours\s+of\s+the\s+morning|{_PART}))?"
            rf"(?:\s+(?:of\s+)?(?P<week>this|next|last|the\s+following)\s+week|\s+from\s+(?P<from_week>last|this|next)\s+week"
            rf"|\s+(?P<after_next>after\s+next))?(?!\w)",
            condition=_written_weekday,
        ),
        _piece(
            "deictic",
            "deictic",
            rf"(?:(?P<qualifier>late|early)\s+)?(?P<deictic>(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday"
            r"|today|tonight|tonite|yesterday|tomorrows?|overnight|last\s+night|this\s+(?:morning|afternoon|evening)"
            rf")(?:\s+(?:at\s+)?(?P<part>{_PART}))?(?:ish)?(?![\w'])",
        ),
        _piece(
            "month",
            "month",
            rf"(?P<lead>(?:in|during|of|since|until|by|from|through|before|after)\s+)?(?:(?P<position>{_POSITION})\s+)?(?:(?P<shift>next|last|this|coming|past)\s+)?"
            rf"(?P<month>{_MONTH_FULL})(?![\w'])(?!\s*,?\s*(?:of\s+)?\d)"
            rf"(?:\s+(?P<after_next>after\s+next)|\s+in\s+(?P<years_later>{_COUNT})\s+years?)?",
            condition=_capitalised_month,
        ),
        _piece(
            "year",
            "year",
            r"(?P<lead>(?:in|since|by|until|through|during|from|before|after|of|the\s+year)\s+)(?P<year>\d{4}|\d\d?)(?:\s*(?P<era>A\.?D\.?|B\.?C\.?))?(?![\w%,.]\d|\d|\s*(?:%|percent|per\b|people))",
            condition=lambda n: len(n["year"]) == 4 or n.get("era"),
        ),
        _piece(
            "on_the_day",
            "day_of_month",
            rf"(?P<lead>on\s+)(?:the\s+|(?=\d\d?(?:st|nd|rd|th)\s*(?:[,.;:!?)]|$)))"
            rf"(?P<day>{_DAY})(?!\s+(?:of|day|century|anniversary|floor|round|time))\b",
        ),
        _piece("now", "now", r"(?:right\s+now|just\s+now|now|at\s+the\s+moment|ATM)(?![\w'])"),
        # -- times of day
        _piece(
            "clock_time",
            "time",
            rf"(?P<lead>(?:at|@)\s+)?(?:(?:about|around|approximately)\s+)?(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?\s*(?:ish\s*)?(?P<ampm>{_AMPM})"
            + _ZONE,
            condition=_clear_half_of_day,
        ),
        _piece(
            "compact_time",
            "time",
            rf"(?P<lead>(?:at|@)\s+)?(?:(?:about|around|approximately)\s+)?(?P<hhmm>(?:1[0-2]|0?[1-9])[0-5]\d)\s*(?P<ampm>{_AMPM})"
            + _ZONE,
        ),
        _piece(
            "military_time",
            "time",
            r"(?P<hhmm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s*(?:hours|hrs)?"
            r"\s*(?:\((?P<zone_in_brackets>GMT|UTC|Z)\)|(?P<zone>GMT|UTC|Z)\b)",
        ),
        _piece(
            "h_time",
            "time",
            r"(?P<lead>(?:at|@)\s+)?(?P<hour>[01]?\d|2[0-3])h(?P<minute>[0-5]\d)?(?![\w])" + _ZONE,
        ),
        _piece(
            "colon_time",
            "time",
            r"(?P<lead>(?:at|@)\s+)?(?:(?:about|around|approximately)\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)"
            + _ZONE,
        ),
        _piece(
            "word_time",
            "time",
            rf"(?P<lead>(?:at|@)\s+)?(?P<hour_word>{_HOUR_WORD})(?:[\s-]+(?P<minute_word>{_MINUTE_WORD}))?(?:\s*(?P<ampm>{_AMPM}))?(?![\w-])"
            + _ZONE,
            condition=_spoken_clock,
        ),
        _piece(
            "oclock",
            "time",
            rf"(?P<lead>(?:at|@)\s+)?(?:(?P<hour>\d\d?)|(?P<hour_word>{_HOUR_WORD}))\s*o'?\s?clock(?:\s+(?P<ampm>{_AMPM}))?",
        ),
        _piece(
            "past_to",
            "time",
            rf"(?:(?:at|for)\s+)?(?P<minutes>half|(?:a\s+)?quarter|\d\d?|{_WORD_NUMBER})(?:\s+minutes?)?\s+(?P<relation>past|after|to|till|before|from)\s+"
            rf"(?:(?P<hour>\d\d?)(?:\s*(?P<ampm>{_AMPM})|h)?|(?P<hour_word>{_HOUR_WORD}|noon|midnight)(?:\s+(?P<ampm2>{_AMPM}))?)",
        ),
        _piece(  # British: "half three" is half past three
            "half_hour",
            "time",
            rf"(?P<lead>(?:at|@)\s+)?half\s+(?:(?P<hour>1[0-2]|[1-9])|(?P<hour_word>{_HOUR_WORD}))(?![\w-])",
            minutes="half",
            relation="past",
        ),
        _piece(
            "hour_before_range",
            "time",
            rf"(?:(?:at|@|around|about)\s+)?(?P<hour>1[0-2]|0?[1-9])(?=\s*(?:-|–|to)\s*(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*{_AMPM})",
        ),
        _piece(
            "named_time",
            "time",
            r"(?P<lead>(?:at|@)\s+)?(?:the\s+)?(?P<named>noon|midnight|midday|mid\s+day)(?![\w'])",
        ),
        _piece(
            "part_time",
            "time",
            rf"(?P<lead>(?:at|@)\s+)?(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?|(?P<hour_word>{_HOUR_WORD}))\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening|AM|PM)|(?P<part2>tonight|this\s+evening|at\s+night))",
        ),
        _piece(  # the part of the day first: "in the evening at eight"
            "part_then_time",
            "time",
            rf"in\s+the\s+(?P<part>morning|afternoon|evening)\s+(?:at|@)\s+(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?|(?P<hour_word>{_HOUR_WORD}))(?![\w:])",
        ),
        # -- durations: read so that "for three years" is never a date
        _piece(
            "duration",
            "duration",
            rf"(?:(?:for|over|during|lasting)\s+(?:more\s+than\s+|about\s+|nearly\s+|almost\s+|the\s+)?(?P<count>{_COUNT})\s+(?P<unit>{_UNIT})"
            rf"|(?P<count2>{_COUNT})[-\s](?P<unit2>{_UNIT})[-\s]long|(?P<plural>decades|years|months|weeks|days|hours|centuries)[-\s]long"
            rf"|(?P<count3>\d+|{_WORD_NUMBER})-(?P<unit3>day|week|month|year|hour|minute|decade)(?![\w-]))",
        ),
    )


@cache
def _bare_hour() -> Piece:
    """An hour without am/pm, only read after a day that says which half ("tonight at 11")."""
    return _piece(
        "bare_hour",
        "time",
        rf"(?P<lead>(?:at|@)\s+)?(?:(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?|(?P<hour_word>{_HOUR_WORD}))(?![\w:])"
        + _ZONE,
    )


@cache
def _bare_day() -> Piece:
    return _piece("bare_day", "day_of_month", rf"(?:the\s+)?(?P<day>{_DAY})(?![\w:])")


RANGE_FORMS = frozenset({"date", "weekday", "month", "deictic", "time", "day_of_month", "holiday"})
DATE_FORMS = frozenset(
    {"date", "weekday", "deictic", "day_of_month", "nth_weekday", "holiday", "offset"}
)


def _combine(first: Node, last: Node, has_lead: bool) -> Node | None:
    """A range of two points ("from X to Y", "Nov. 27-29", "3-4pm"). Two points that make
    no range are nothing after a lead ("from", "between": None) and an ``invalid`` node
    without one: the grammar cannot backtrack into a matched optional part, so the first
    point is then read alone."""
    if (
        first["form"] not in RANGE_FORMS
        or last["form"] not in RANGE_FORMS
        or (first["form"] == "time") != (last["form"] == "time")
    ):
        return None if has_lead else {"form": "invalid"}
    return {"form": "range", "from": first, "to": last}


def _combine_tokens(tokens: pp.ParseResults) -> Node:
    """``_combine`` as the parse action of ``temporal_grammar``."""
    parts = list(tokens)
    lead = parts.pop(0) if isinstance(parts[0], str) else None
    first = parts[0]
    if len(parts) == 1:
        if lead and first["form"] not in ("year_range", "day_range"):
            raise pp.ParseException("", 0, "a range needs its end")
        return first
    node = _combine(first, parts[2], lead is not None)
    if node is None:
        raise pp.ParseException("", 0, "not a range of dates or times")
    return node


def _pair(first: Node, second: Node) -> Node | None:
    """A day and its time, in either order ("4 a.m. Wednesday", "Thursday 8:00 GMT")."""
    if _is_time(first) and second["form"] in DATE_FORMS:
        return {"form": "at", "day": second, "time": first}
    if first["form"] in DATE_FORMS and _is_time(second):
        return {"form": "at", "day": first, "time": second}
    return None


def _is_time(node: Node) -> bool:
    """A time of day, or a range between two."""
    return node["form"] == "time" or node["form"] == "range" and node["from"]["form"] == "time"


@cache
def _point() -> PieceChoice:
    return PieceChoice(list(pieces()), "point")


def _tail_pieces() -> list[Piece]:
    """What may end a range: a point, or a bare hour or day ("3-4pm", "Nov. 27-29")."""
    return [*pieces(), _bare_hour(), _bare_day()]


@cache
def _tail() -> PieceChoice:
    return PieceChoice(_tail_pieces(), "point or bare number")


def _dispatched_patterns() -> list[str]:
    """The patterns of every piece a ``PieceChoice`` dispatches to (the tail's hold the
    point's)."""
    return [piece.pattern for piece in _tail_pieces()]


def write_openings_table() -> None:
    """Rewrite ``openings.json`` after a piece's pattern changed (a test says when)."""
    OPENINGS_TABLE.write_text(openings_table(_dispatched_patterns()), encoding="utf-8")


_RANGE_LEAD = re.compile(r"(?<![\w-])(?:from|between|later\s+than)\b", re.I)


_RANGE_WORD = re.compile(
    r"\s*(?:-|–|—|to\b|through\b|thru\b|till\b|until\b|untill\b|and\b|but\s+before\b)\s*", re.I
)


@cache
def temporal_grammar() -> pp.ParserElement:
    """Return the grammar of one core; each match yields one node.

    core := ["from" | "between" | "later than"] point [range-word (point | bare number)]

    ``_core`` reads a core as this grammar does, without pyparsing's machinery (tests
    compare the two at every word of the examples and on generated text); ``read`` joins
    a core to a second one that gives its time ("4 a.m. Wednesday").
    """
    point = _point()
    tail = _tail()
    range_lead = pp.Regex(_RANGE_LEAD.pattern, re.I)
    range_word = pp.Regex(_RANGE_WORD.pattern, re.I)
    core = (pp.Optional(range_lead) + point + pp.Optional(range_word + tail)).set_parse_action(
        _combine_tokens
    )
    core.streamline()
    return core


# what may stand between a day and its time: a comma, "at", "on", or nothing, after an
# aside in brackets ("4 a.m. local time (0200 GMT) on Nov. 27")
_JOINER = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s*,)?\s*(?:(?:at|@|on|from|for)\b\s*)?(?=[\w@'’])", re.I
)
_AT = re.compile(r"\s*,?\s*(?:at|@)\s+", re.I)
# a day followed by how long from it ("from Dec. 18 for 10 days")
_LASTING = re.compile(
    rf"\s*,?\s*for\s+(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?|months?)\b", re.I
)


def _after_spaces(text: str, position: int) -> int:
    """The position after the spaces pyparsing skips before an element."""
    while position < len(text) and text[position] in pp.ParserElement.DEFAULT_WHITE_CHARS:
        position += 1
    return position


def _core(text: str, start: int) -> tuple[int, Node] | None:
    """One core at ``start``, read as ``temporal_grammar`` reads it (pyparsing's choices,
    spaces and absence of backtracking), without its machinery, which cost more than the
    pieces' regexes; an invalid range falls back to its first point."""
    at = _after_spaces(text, start)
    lead = _RANGE_LEAD.match(text, at)
    if lead is not None:
        at = _after_spaces(text, lead.end())
    point = _point().first_at(text, at)
    if point is None:
        return None
    end, first = point
    # the optional range part skips the spaces after the point, matched or not
    end = _after_spaces(text, end)
    range_word = _RANGE_WORD.match(text, end)
    second = _tail().first_at(text, _after_spaces(text, range_word.end())) if range_word else None
    if second is None:  # a point alone
        if lead is not None and first["form"] not in ("year_range", "day_range"):
            return None  # "from" or "between" needs the end of its range
        return end, first
    node = _combine(first, second[1], lead is not None)
    if node is None:
        return None
    if node["form"] == "invalid":
        return point
    return second[0], node


def read(text: str, start: int) -> tuple[int, Node] | None:
    """The expression at ``start``: a core, joined to a second core or to a bare hour after
    "at" when one of them is a day and the other its time."""
    found = _core(text, start)
    if found is None:
        return None
    end, node = found
    joiner = _JOINER.match(text, end)
    if joiner:
        second = _core(text, joiner.end())
        paired = second and _pair(node, second[1])
        if paired:
            return second[0], paired
    lasting = _LASTING.match(text, end)
    if lasting and node["form"] in ("date", "weekday", "deictic", "day_of_month", "holiday"):
        fields = {k: v for k, v in lasting.groupdict().items() if v}
        return lasting.end(), {"form": "lasting", "start": node, **fields}
    at = _AT.match(text, end)
    if at and node["form"] in DATE_FORMS:
        hour = _bare_hour().read(text, at.end())
        if hour:
            return hour[0], {"form": "at", "day": node, "time": hour[1]}
    return end, node


_OPENING_WORDS = (
    "the on in within from between later late early mid this current last past previous next "
    "coming upcoming following around at by until towards toward beginning start end middle "
    "rest earlier all a an couple pair few several half quarter three-quarters today tonight "
    "tonite yesterday tomorrow tomorrows overnight day right just now atm for over during "
    "lasting decades years months weeks days hours centuries twenties thirties forties fifties "
    "sixties seventies eighties nineties spring summer fall autumn winter season seasons noon "
    "midnight midday eod eom eoy bom boy of since through before after about approximately"
).split()


@cache
def _first_words() -> frozenset[str]:
    """The words an expression can start with (lower case)."""
    words = set(_OPENING_WORDS) | set(SMALL_NUMBERS) | set(TENS) | set(ORDINAL_WORDS)
    words |= set(WEEKDAYS) | set(MONTHS) | set(MONTH_ABBREVIATIONS)
    words |= {"tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "mon"}
    words |= {name.split()[0] for name in holiday_rules()}
    return frozenset(words)


# a token that may open an expression: a digit or mark, or a word (checked against the set)
_TOKEN = re.compile(r"(?<![\w/.-])(?:[\d'’@]|(?P<word>[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z]+)*))")
_QUARTER = re.compile(r"q[1-4]$", re.IGNORECASE)


def _may_open(word: str | None) -> bool:
    return True if word is None else _word_may_open(word)


@lru_cache(maxsize=8192)  # the words of copy repeat: most are looked up once a run
def _word_may_open(word: str) -> bool:
    lowered = word.lower()
    words = _first_words()
    return (
        lowered in words
        or re.split(r"['’-]", lowered, maxsplit=1)[0] in words
        or bool(_QUARTER.match(lowered))
    )


def scan(text: str) -> list[tuple[int, int, Node]]:
    """Return (start, end, node) for every temporal expression in ``text``, left to right.

    The pieces are tried only where a digit, or a word some piece starts with, stands.
    """
    found: list[tuple[int, int, Node]] = []
    position = 0
    while True:
        candidate = _TOKEN.search(text, position)
        if candidate is None:
            return found
        start = candidate.start()
        expression = read(text, start) if _may_open(candidate.group("word")) else None
        if expression is None:
            position = candidate.end()
            continue
        end, node = expression
        while end > start and text[end - 1].isspace():
            end -= 1
        found.append((start, end, node))
        position = max(end, start + 1)
