"""The pyparsing grammar of figures in news copy, built from small named pieces.

A figure is a qualifier or range lead ("more than", "between", "from"), one or two
quantities, and what follows them: a unit, a percent sign, money, a counted noun, a
measure word ("high"), a restatement in parentheses ("12 km (7.5 miles)"). A quantity is a
sign, a currency, a number (digits, words, fractions) and a scale ("1.2 million", "$2.5bn").
Ranks ("second-largest") are a figure of their own.

Parse actions only collect named fields; ``resolve.py`` turns them into values.
Scanning is driven by a compiled regex of the places a figure can start (a digit, a number
word, a currency), so pyparsing only runs where there is something to read.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

import pyparsing as pp

from claimcheck.lexicons import alternation, load_lexicon, load_table
from claimcheck.lexicons.pattern_cache import compile_pattern, regex_element
from claimcheck.numeric.units import (
    base_unit,
    compound_rest_pattern,
    compound_symbol_pattern,
    currencies,
    decimal_unit_pattern,
    find_alias,
    load_data,
    to_base,
    unit_name,
    unit_pattern,
)

# Words that can follow a number without being what it counts.
NOT_NOUNS = frozenset(
    "and or of the a an to in on at for by with from as is are was were have has had be "
    "been that which who per than more less this these those its their his her it said "
    "says percent cent times ago later earlier am pm when where while whom whose what why "
    "how if after before since until because but so".split()
)
# Words ending in -est after an ordinal that are nouns, not superlatives ("the first protest").
NOT_SUPERLATIVES = frozenset(
    "interest forest west rest test protest request guest quest contest arrest harvest "
    "manifest suggest chest nest crest vest honest modest digest conquest unrest inquest "
    "priest behest".split()
)
SCALE_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
DENOMINATOR_WORDS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
# Thousands grouped by commas, by thin or no-break spaces, or (SI style, "10 000 dollars")
# by plain spaces when a word that is not a joining word follows ("scores of 10 100 and
# 200" is a list; "in 2020 100 people" is never one number).
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+"
    r"|\d{1,3}(?: \d{3})+(?=(?:\.\d+)?\s?(?!(?:and|or|to|of|in|on|at|by|for|the)\b)[^\W\d_])"
    r"|\d+)(?:\.\d+)?|\.\d+"
)
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
FRACTIONS = "".join(VULGAR)


@cache
def qualifier_bounds() -> dict[str, str]:
    """Map each qualifier phrase (lower case) to its bound type."""
    return {row[0].lower(): row[1] for row in load_table("qualifiers")}


@cache
def number_words() -> dict[str, tuple[float, str]]:
    """Map each number word to (value, role)."""
    return {row[0]: (float(row[1]), row[2]) for row in load_table("number_words")}


@cache
def ordinals() -> dict[str, int]:
    """Map each ordinal word, and each plural denominator ("thirds"), to its number."""
    table: dict[str, int] = {}
    for word, value, plural in load_data("ordinals"):
        table[word] = int(value)
        if plural != "-":
            table[plural] = int(value)
    return table


@cache
def measure_words() -> dict[str, str]:
    """Map the words that say what a measure measures ("high", "tall") to the measure."""
    return {row[0]: row[1] for row in load_data("measures")}


@cache
def counted_nouns() -> frozenset[str]:
    return frozenset(load_lexicon("counted_nouns"))


def _number_word_pattern() -> str:
    table = number_words()
    plain = [w for w, (_, role) in table.items() if role != "article"]
    starters = [w for w in plain if table[w][1] != "scale"]
    scales = [w for w in plain if table[w][1] == "scale" and not w.endswith("s")]
    tens = [w for w, (_, role) in table.items() if role == "ten"]
    units = [w for w, (_, role) in table.items() if role == "unit"]
    word = alternation(plain)
    compound = rf"(?:{alternation(tens)})[-\u2014]?(?:{alternation(units)})"
    after_article = rf"(?:(?<=\ba\s)|(?<=\ban\s)){alternation(scales)}"
    first = rf"(?:{compound}|{alternation(starters)}|{after_article})"
    follow = rf"(?:{compound}|{word})"
    decimal = rf"(?:\s+point(?:\s+(?:{alternation(units)}|zero|\d+))+)"
    return (
        rf"(?P<words>(?:(?:a|an)\s+)?{first}\b"
        rf"(?:(?:[\s-]+|\s*,\s+|\s+(?:and|&)\s+){follow}\b)*{decimal}?)"
    )


def _fraction_word_pattern() -> str:
    table = number_words()
    numerators = [w for w, (_, role) in table.items() if role in ("unit", "teen", "ten")]
    denominators = [*ordinals(), *DENOMINATOR_WORDS]
    denominators = [d for d in denominators if ordinals().get(d, 3) > 2]  # not "a second"
    dens = alternation(denominators)
    return (
        rf"(?:(?P<fnum>a|an|{alternation(numerators)}|\d+)[\s-]+(?P<fden>{dens})"
        rf"|(?P<fden_only>{dens})(?=\s+of\s+an?\s|\s+of\s+(?:{unit_pattern()})\b"
        rf"|-(?:{unit_pattern()})\b))\b(?:\s+(?:of\s+)?an?\b|\s+of\b)?"
    )


def _regex(pattern: str, flags: int = 0) -> pp.ParserElement:
    """A piece of the grammar: one compiled regex whose match object is the token (named
    groups are read once from it, which keeps pyparsing's per-token work small)."""
    return regex_element(pattern, flags, as_match=True)


@cache
def quantity_pattern() -> str:
    """One quantity as one regex, built from named sub-patterns: sign, currency, number,
    an uncertainty ("± 0.01"), "and a half", scale, then a percent sign, money or a unit,
    and the unit a price is for."""
    prefix_money = [w for w, (_, where) in currencies().items() if where in ("prefix", "both")]
    suffix_money = [w for w, (_, where) in currencies().items() if where in ("suffix", "both")]
    codes = [w for w in prefix_money if w.isupper() and w.isalpha()]
    symbols = [w for w in prefix_money if w not in codes]
    suffix_words = [w for w in suffix_money if w.isalpha() and w.islower()]
    scale_words = [w for w, (_, role) in number_words().items() if role == "scale"]
    sign = r"(?:(?P<sign>[-\u2212](?=\s?[\d.$€£])|(?i:minus|negative)\b)\s*)?"
    currency = (
        rf"(?:(?P<currency>(?:{alternation(codes)})(?![a-z])"
        rf"|(?i:{alternation(symbols)}))\s*)?(?:(?P<sign2>[-\u2212])\s?)?"
    )
    number = (
        rf"(?i:(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)(?![/\d])"
        rf"|(?P<vulgar_whole>\d+)?(?P<vulgar>[½⅓⅔¼¾⅕⅛])"
        rf"|(?P<digits>{DIGITS})(?:\s+point\s+(?P<point>\d+))?"
        rf"(?:[eE](?P<exponent>[-+\u2212]?\d+)|\s?[×x]\s?(?:10\^?(?P<times_ten>[-+\u2212]?\d+)"
        rf"|(?P<times_base>\d+)\^(?P<times_power>[-+\u2212]?\d+)))?"
        r"(?![\d:]|/\d|(?:st|nd|rd|th)\b|[A-Za-z]+\d)"
        rf"|point\s+(?P<point_only>\d+)"
        rf"|(?P<ordinal_fraction>{_fraction_word_pattern()})"
        rf"|(?P<article>an?)(?!\s+second\b)"  # "a second attack" is no duration
        rf"(?=\s+(?:{unit_pattern()}|{alternation(suffix_words)})(?!\w))"
        rf"|(?P<half>(?:a\s+|one[\s-]+)?half)\b(?:\s+(?:of\s+)?an?\b)?"
        rf"|{_number_word_pattern()})"
    )
    # "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5": the stated uncertainty
    uncertainty = (
        r"(?:\s?(?:±|\+/?[-\u2212])\s?(?P<plus_minus>\d+(?:\.\d+)?|\.\d+)"
        r"(?:[eE](?P<plus_minus_exponent>[-+\u2212]?\d+))?)?"
    )
    scale = (
        r"(?:\s+(?P<and_half>(?i:and\s+a\s+half))\b)?"
        rf"(?:\s*(?P<scale>(?i:{alternation(scale_words)}))\b"
        r"|(?P<suffix>bn|mn|tn|trn|[kK]|M|m|b|B|T)(?![\w'’]))?"
    )
    tail = (
        r"(?:\s*(?:(?P<points>(?i:percentage[\s-]+points?|pp|ppts?))\b"
        r"|(?P<percent>%|(?i:per\s?cent|pct)\b)"
        rf"|(?P<money>(?:{alternation(w for w in suffix_money if w.isupper())})(?![a-z])"
        rf"|(?i:{alternation(w for w in suffix_money if not w.isupper())})(?!\w))"
        rf"|{_unit_only()}))?"
    )
    # a price: "$15 an hour", "£1.50 per litre", "$80/barrel" (only after money: "5 a day"
    # is no price)
    per_unit = (
        r"(?:(?(currency)|(?(money)|(?!)))(?:\s?/\s?|\s+per\s+|\s+an?\s+)"
        rf"(?P<per_unit>{unit_pattern()})(?![\w²³^/]))?"
    )
    return sign + currency + number + uncertainty + scale + tail + per_unit


def _unit_only() -> str:
    # a unit, or the first of a compound unit and the rest ("J" + "/m^2", "kg" + " m^-2")
    return (
        rf"(?P<hyphen>-)?(?P<unit>{unit_pattern()})(?P<unit_rest>{compound_rest_pattern()})?"
        r"(?![\w²³^/])"
        r"|(?P<unit_in>in)(?=\s*(?:$|[.,;)]|thick|long|wide|tall|high|deep))"
        rf"|(?P<unit_decimal>{decimal_unit_pattern()})(?!\w)"
        rf"|(?P<compound>{compound_symbol_pattern()})(?![\w²³^/])"
    )


@cache
def _pieces() -> dict[str, pp.ParserElement]:
    """The named pieces of the grammar, each one pyparsing element."""
    i = re.IGNORECASE
    ordinal_words = alternation(w for w in ordinals() if not w.endswith("s"))
    pieces: dict[str, pp.ParserElement] = {}
    pieces["qualifier"] = _regex(
        r"(?P<qualifier>" + alternation(qualifier_bounds()) + r")(?!\w)|(?P<tilde>~)", i
    )
    pieces["quantity"] = _regex(quantity_pattern())
    pieces["part"] = _regex(
        rf"(?:,\s*|and\s+)?(?i:(?P<digits>{DIGITS})(?![\d/:])|{_number_word_pattern()})"
        rf"\s*(?:{_unit_only()})"
    )
    pieces["cents"] = _regex(
        r"(?:and\s+)?(?P<cents>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s*(?:c|cents?|pence|p|¢)\b", i
    ).add_condition(_after_money)
    pieces["measure"] = _regex(
        rf"[-\s]?(?P<measure>{alternation(measure_words())})\b"
        r"|\s*(?P<below_zero>below\s+zero)\b",
        i,
    ).leave_whitespace()
    nouns = alternation(counted_nouns())
    pieces["noun"] = _regex(
        rf"(?P<noun_adjective>[A-Za-z][a-z]+\s+)?(?P<noun>{nouns})\b"
        rf"|-?(?!(?:{alternation(NOT_NOUNS)})\b)(?P<noun_other>[a-z][a-z-]+|[A-Z][a-z]{{2,}}s)\b"
    )
    pieces["rank"] = _regex(
        rf"(?P<rank>(?:(?:twenty|thirty|forty|fifty)[-\s])?(?:{ordinal_words})"
        r"|\d+(?:st|nd|rd|th))[\s-]+(?P<superlative>(?:most|least)\s+[a-z]+|[a-z]{2,}est)\b",
        i,
    )
    pieces["ordinal"] = _regex(
        rf"(?P<ordinal>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        rf"[-\s\u2014]?)?(?:{ordinal_words})|\d+(?:st|nd|rd|th))\b",
        i,
    )
    # "between 3 and 5 km", "from 80,000 to 120,000"; "300 to 400 people", "3-5 km"
    pieces["range_lead"] = _regex(r"(?P<between>between)\b|(?P<from>from)\b", i)
    pieces["dash"] = _regex(r"(?P<dash>(?:-\s*)?to\b|-|–|—)")
    pieces["range_to"] = _regex(r"(?P<to>and\b|to\b|-|–)")
    pieces["approx"] = _regex(r"(?P<approx_high>~|about\b|around\b|approximately\b)", i)
    return pieces


@cache
def _money_before() -> re.Pattern[str]:
    written = [w for w in currencies() if not w.isalpha() or w.isupper() or len(w) > 4]
    return compile_pattern(rf"(?:{alternation(written)})", re.I)


def _after_money(text: str, loc: int, tokens: pp.ParseResults | None = None) -> bool:
    """Cents belong to an amount of money ("$20 and 43 cents"); "30 and 40 C" are two
    temperatures."""
    return _money_before().search(text, max(0, loc - 30), loc) is not None


class _Optional(pp.Token):
    """``pp.Optional(element)`` for an element that can only match where ``opener`` matches
    (after the whitespace it skips): most figures have no cents, no parts, no restatement,
    and pyparsing's failure of each, an exception a time, was most of a bare figure's cost.
    Where the opener matches, the element is parsed as it is (its conditions included)."""

    def __init__(self, element: pp.ParserElement, opener: re.Pattern[str] | None = None) -> None:
        super().__init__()
        self.element = element
        self.opener = opener if opener is not None else element.re
        self.skips = element.skipWhitespace
        self.mayReturnEmpty = True
        self.skipWhitespace = False  # the element skips its own; nothing is consumed on failure
        self.set_name(f"[{element}]")

    def parseImpl(self, instring: str, loc: int, do_actions: bool = True):  # noqa: N802
        at = self.element.preParse(instring, loc) if self.skips else loc
        if self.opener.match(instring, at) is None:
            return loc, []
        try:
            return self.element._parse(instring, loc, do_actions)  # noqa: SLF001
        except pp.ParseBaseException:
            return loc, []


def _quantity(name: str) -> pp.ParserElement:
    """One quantity, then its cents ("$20 and 43 cents") or the smaller parts of a
    composite measure ("7 feet 10 inches", "2 km and 1 metre")."""
    p = _pieces()
    composite = pp.Group(p["part"]).add_condition(_smaller_unit_than_before)
    core = (
        p["quantity"]
        + _Optional(p["cents"])
        + _Optional(pp.Group(composite[1, ...])("parts"), _part_opens())
    )
    return pp.Group(core)(name)


@cache
def _part_opens() -> re.Pattern[str]:
    """How a part of a composite measure starts (", 8 metres", "and six centimetres"): the
    part's own pattern, 13,000 characters with its units, is compiled only when a text
    has one (most drafts have none)."""
    return compile_pattern(rf"(?:,\s*|and\s+)?(?i:\d|\.\d|{_number_word_pattern()})")


_RANGE_LEAD = re.compile(r"\b(?:between|from)\s[^,;()]*$", re.I)


@cache
def _unit_at_end() -> re.Pattern[str]:
    return compile_pattern(rf"(?:{unit_pattern()})(?=\s*(?:,|and)?\s*$)")


def _smaller_unit_than_before(text: str, loc: int, tokens: pp.ParseResults) -> bool:
    before = _unit_before(text, loc)
    return before is not None and _smaller_unit(text, loc, tokens[0][0], before)


def _unit_before(text: str, loc: int) -> re.Match[str] | None:
    """The unit a part at ``loc`` would be smaller than, ending right before it."""
    return _unit_at_end().search(text, max(0, loc - 30), loc)


def _smaller_unit(text: str, loc: int, match: re.Match[str], before: re.Match[str]) -> bool:
    """A part of a composite measure ("7 feet 10 inches") is in another unit of the same
    dimension than the one ``before`` it, smaller unless the two are joined outside a range;
    "44 mg and 50 mg" and "30 C and 40 C" are two figures."""
    part = match.group("unit") or ("inch" if match.group("unit_in") else None)
    if not part:
        return False
    units = [find_alias(written.lstrip("-")) for written in (before.group(0), part)]
    if any(alias is None or alias.pint == "-" for alias in units):
        return False
    names = [unit_name(alias) for alias in units]
    sizes = [to_base(1.0, name) for name in names]
    zeros = [to_base(0.0, name) for name in names]
    if None in sizes or any(zero for zero in zeros):  # no dimension, or a temperature scale
        return False
    if base_unit(names[0]) != base_unit(names[1]) or names[0] == names[1]:
        return False
    if base_unit(names[0]) not in ("meter", "kilogram"):
        return False  # "3 years, 2 months" are figures of their own; so are temperatures
    if sizes[1] < sizes[0]:
        return True
    # "1 kilometre and 1 mile" adds up too, but in a range the second end is not a part
    return _RANGE_LEAD.search(text, max(0, loc - 40), loc) is None


_RESTATEMENT_OPENS = re.compile(r"\(")
_RESTATED_TO = r"(?:-\s*)?to\b|-|–"  # between the ends of a restated range


@cache
def numeric_grammar() -> pp.ParserElement:
    """Return the figure grammar; ``fields_of`` reads a match's named fields."""
    p = _pieces()
    first, second = _quantity("first"), _quantity("second")
    approx = _Optional(p["approx"])
    leading = _Optional(p["qualifier"])
    # "between 3 and 5 km", "from 80,000 to 120,000" (a change in news mode)
    paired = p["range_lead"] + first + p["range_to"] + approx + second
    # "300 to 400 people", "3-5 km", "more than 400 people"
    dash = p["dash"]
    plain = leading + first + _Optional(dash + approx + second, dash.re)
    restated = pp.Group(
        pp.Suppress("(")
        + pp.Optional(p["qualifier"])
        + _quantity("first")
        + pp.Optional(_regex(_RESTATED_TO) + _quantity("second"))
        + pp.Suppress(")")
    )("restated")
    after = _Optional(restated, _RESTATEMENT_OPENS) + _Optional(p["measure"]) + _Optional(p["noun"])
    return p["rank"] | ((paired | plain) + after)


def ordinal_element() -> pp.ParserElement:
    """Ordinals on their own ("fourth", "25th"): the evaluation's ordinal corpus only."""
    return _pieces()["ordinal"]


_matched = itemgetter(1)  # a (name, text) pair of a group that matched something


def fields_of(results: pp.ParseResults) -> dict[str, Any]:
    """The named fields of a match: regex groups, with the quantities ("first", "second",
    "restated") and the parts of a composite measure ("parts") nested."""
    fields: dict[str, Any] = {}
    for token in results:
        if isinstance(token, re.Match):
            fields.update(filter(_matched, token.groupdict().items()))
        elif isinstance(token, pp.ParseResults):
            name = token.get_name()
            if name == "parts":
                fields["parts"] = [fields_of(part) for part in token]
            else:
                fields[name or "group"] = fields_of(token)
    return fields


# No figure of copy is longer than this (characters): pyparsing reads a bounded window,
# so a sentence of ten thousand numbers is read in linear time.
_LONGEST = 400


@dataclass(frozen=True, slots=True)
class Match:
    """A figure the grammar found: offsets in the scanned text and its fields."""

    start: int
    end: int
    fields: dict[str, Any]


@cache
def _start_words() -> dict[str, list[str]]:
    """The written forms that open a figure in ``_starts``, by their place in it."""
    return {
        "numbers": [
            word
            for word, (_, role) in number_words().items()
            if role != "article" and not word.endswith("s")
        ],
        "ordinals": [w for w in ordinals() if not w.endswith("s")],
        "fractions": ["half", *DENOMINATOR_WORDS, "point", "minus", "negative"],
        "money": [w for w, (_, where) in currencies().items() if where in ("prefix", "both")],
        "money_words": [w for w, _ in currencies().items() if w.isalpha() and w.islower()],
        "articles": ["a", "an"],
    }


@cache
def _starts() -> re.Pattern[str]:
    """Where a figure can start: a digit, a number word, a currency, a fraction, a rank."""
    words = _start_words()
    return compile_pattern(
        rf"(?<![\w.+])(?<![A-Za-z][-–])(?:[-\u2212]\s?)?(?:\d|\.\d)"
        rf"|[{FRACTIONS}]"
        rf"|(?:{alternation(words['money'])})(?=\s?[\d.])"
        rf"|\ban?(?=\s+(?:{unit_pattern()}|{alternation(words['money_words'])})\b)"
        rf"|\b(?:(?:a|an)\s+)?(?:{alternation(words['numbers'])}|{alternation(words['ordinals'])}"
        rf"|half|{alternation(DENOMINATOR_WORDS)}|point(?=\s+\d)|minus|negative)\b",
        re.IGNORECASE,
    )


@cache
def _start_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """The first word (lower case) and the first marks of everything ``_starts`` matches:
    a plain word that is neither can open no figure."""
    first_words, first_marks = set(), {"-", "\u2212", "."}
    for written in (w for forms in _start_words().values() for w in forms):
        word = re.match(r"\w+", written)
        if word:
            first_words.add(word.group().lower())
        else:
            first_marks.add(written[0])
    return frozenset(first_words), frozenset(first_marks)


@cache
def _lead() -> re.Pattern[str]:
    """A qualifier or range word standing right before a figure's start."""
    leads = [*qualifier_bounds(), "between", "from"]
    return compile_pattern(rf"(?:\b|(?<=~))(?:{alternation(leads)})\s*$", re.IGNORECASE)


# A word (a run of word characters) or a mark: ``_starts`` is tried at a word's first
# character, at a mark and at a vulgar fraction (a word character) inside a word.
_TOKENS = re.compile(r"\w+|[^\w\s]")


@cache
def _closing_marks() -> str:
    """ASCII marks that cannot open a figure where they end a chunk of text (",", ")", "."
    before a space): none is a first mark of ``_starts``, and a full stop opens a number
    only before a digit."""
    first_marks = _start_tokens()[1]
    return "".join(m for m in string.punctuation if m not in first_marks and m != "_") + "."


def _candidates(text: str) -> Iterator[int]:
    """Where a figure may start, left to right, not overlapping: where ``_starts`` matches
    at a place (a currency code inside a word is none: "the visitors 2" is no "rs 2").
    Most words of copy cannot open a figure; they are passed over by a set lookup, which
    costs a fraction of trying the long alternation of ``_starts`` at each of them. The
    text is read a space-separated chunk at a time: a chunk that is one ASCII word or
    number, perhaps with closing marks ("killed,", "2023."), is that one token without the
    token regex (nine chunks in ten of copy); only the others are read token by token."""
    starts = _starts()
    first_words, first_marks = _start_tokens()
    closing = _closing_marks()
    following = 0
    end = -1
    for chunk in text.split(" "):
        at = end + 1
        end = at + len(chunk)
        word = chunk.rstrip(closing)
        if word.isascii() and word.isalnum():
            if word.isalpha() and word.lower() not in first_words:
                continue
            places: Iterable[int] = (at,)
        elif not word:
            continue  # a run of spaces, or marks that open nothing
        else:
            places = _token_places(text, at, end, first_words, first_marks)
        for place in places:
            if place < following:
                continue
            candidate = starts.match(text, place)
            if candidate is not None:
                following = candidate.end()
                yield place


def _token_places(
    text: str, at: int, end: int, first_words: frozenset[str], first_marks: frozenset[str]
) -> Iterator[int]:
    """The places of ``text[at:end]`` where ``_starts`` is tried: a word's first character,
    a mark, a vulgar fraction inside a word; not a plain word or a mark that opens nothing."""
    for token in _TOKENS.finditer(text, at, end):
        place = token.start()
        word = token.group()
        if word.isascii():
            if word.isalpha() and word.lower() not in first_words:
                continue
            if len(word) == 1 and word not in first_marks and not word.isalnum() and word != "_":
                continue
            yield place
        else:  # case folding and fractions beyond ASCII: try every place of the token
            yield from (place + i for i, char in enumerate(word) if i == 0 or char in FRACTIONS)


# what ``_bare_figure`` says of a place where the grammar cannot read a figure either
NO_FIGURE: tuple[int, dict[str, Any]] = (0, {})


@cache
def _quantity_groups() -> tuple[str, ...]:
    """The quantity pattern's group names in the order of its groups, all of them named:
    its fields are read from ``groups()`` with these, not from ``groupdict()``, which
    builds a dictionary of its 37 groups (most of them empty) for every quantity."""
    pattern = _pieces()["quantity"].re
    names = dict(zip(pattern.groupindex.values(), pattern.groupindex, strict=True))
    return tuple(names[number] for number in range(1, pattern.groups + 1))


def _bare_quantity(window: str, at: int) -> tuple[int, dict[str, Any]]:
    """A quantity at ``at`` as ``_quantity`` reads it, with its cents ("$20 and 43 cents")
    and the smaller parts of a measure ("7 feet 10 inches"): its end and fields;
    ``NO_FIGURE`` when no quantity stands there."""
    p = _pieces()
    quantity = p["quantity"].re.match(window, at)
    if quantity is None:
        return NO_FIGURE
    end = quantity.end()
    fields = dict(filter(_matched, zip(_quantity_groups(), quantity.groups(), strict=True)))
    cents_at = p["cents"].preParse(window, end)
    cents = p["cents"].re.match(window, cents_at)
    if cents is not None and _after_money(window, cents_at):
        fields.update(filter(_matched, cents.groupdict().items()))
        end = cents.end()
    parts = []
    while True:
        part_at = p["part"].preParse(window, end)
        if _part_opens().match(window, part_at) is None:
            break  # no number opens a part here
        before = _unit_before(window, part_at)
        if before is None:
            break  # no unit for it to be a smaller part of ("in 2019, 18 people")
        part = p["part"].re.match(window, part_at)
        if part is None or not _smaller_unit(window, part_at, part, before):
            break
        parts.append(dict(filter(_matched, part.groupdict().items())))
        end = part.end()
    if parts:
        fields["parts"] = parts
    return end, fields


def _bare_figure(window: str) -> tuple[int, dict[str, Any]] | None:
    """A figure of quantities and the words around them, read the way the grammar reads it
    but without pyparsing: a rank ("second-largest"); a quantity alone, after a qualifier
    or with what it counts ("400 people", "more than 400 people"), or a range of two
    ("between 3 and 5 km", "from 80,000 to 120,000", "300-400 people"); then a
    restatement in brackets and a measure word ("12 km (7.5 miles) long"); each quantity
    with its cents or the smaller parts of its measure. Returns the end and the fields of
    the figure at the start of ``window``; ``NO_FIGURE`` where no quantity stands, so the
    grammar would fail too; None where the window opens with spaces or a range word
    begins no range: the grammar reads those. ``numeric_grammar`` stays the definition:
    tests compare the two on the examples, on cases and on generated text."""
    p = _pieces()
    if window[:1].isspace():
        return None
    rank = p["rank"].re.match(window)
    if rank is not None:  # "second-largest": the grammar's first choice, alone
        return rank.end(), dict(filter(_matched, rank.groupdict().items()))
    fields: dict[str, Any] = {}
    lead = p["range_lead"].re.match(window)
    if lead is not None:  # "between 3 and 5 km": both ends, or the grammar decides
        fields.update(filter(_matched, lead.groupdict().items()))
        first = _bare_quantity(window, p["quantity"].preParse(window, lead.end()))
        if first is NO_FIGURE:
            return None
        fields["first"] = first[1]
        to = p["range_to"].re.match(window, p["range_to"].preParse(window, first[0]))
        if to is None:
            return None
        fields.update(filter(_matched, to.groupdict().items()))
        end = _range_end(window, to.end(), fields)
        if end == NO_END:
            return None
    else:
        at = 0
        qualifier = p["qualifier"].re.match(window)
        if qualifier is not None:
            fields.update(filter(_matched, qualifier.groupdict().items()))
            at = p["quantity"].preParse(window, qualifier.end())
        first = _bare_quantity(window, at)
        if first is NO_FIGURE:
            return first  # no quantity: nothing to read (a rank and a range were tried)
        fields["first"] = first[1]
        end = first[0]
        dash = p["dash"].re.match(window, p["dash"].preParse(window, end))
        if dash is not None:  # "300-400 people"; the range is dropped if no end follows
            ranged = dict(fields)
            ranged.update(filter(_matched, dash.groupdict().items()))
            second_end = _range_end(window, dash.end(), ranged)
            if second_end != NO_END:
                fields, end = ranged, second_end
    restatement = _bare_restatement(window, end)
    if restatement is not NO_FIGURE:
        fields["restated"] = restatement[1]
        end = restatement[0]
    measure = p["measure"].re.match(window, end)  # with its own spaces, if any
    if measure is not None:  # "6 metres tall", "minus 5 below zero"
        fields.update(filter(_matched, measure.groupdict().items()))
        end = measure.end()
    noun = p["noun"].re.match(window, p["noun"].preParse(window, end))
    if noun is not None:
        fields.update(filter(_matched, noun.groupdict().items()))
        end = noun.end()
    return end, fields


def _bare_restatement(window: str, at: int) -> tuple[int, dict[str, Any]]:
    """The figure restated in brackets after another ("12 km (7.5 miles)", "(about 930,000
    miles)", "(320- to 650-foot)"), read as the grammar's ``restated`` group: its end and
    fields; ``NO_FIGURE`` where no restatement can be read (the grammar goes on without
    one)."""
    p = _pieces()
    skip = p["quantity"].preParse  # the spaces every piece of the group skips
    opening = skip(window, at)
    if not window.startswith("(", opening):
        return NO_FIGURE
    at = opening + 1
    fields: dict[str, Any] = {}
    qualifier = p["qualifier"].re.match(window, skip(window, at))
    if qualifier is not None:
        fields.update(filter(_matched, qualifier.groupdict().items()))
        at = qualifier.end()
    first = _bare_quantity(window, skip(window, at))
    if first is NO_FIGURE:
        return first
    fields["first"], at = first[1], first[0]
    to = _restated_to().match(window, skip(window, at))
    if to is not None:  # a range; without its second end the first stands alone
        second = _bare_quantity(window, skip(window, to.end()))
        if second is not NO_FIGURE:
            fields["second"], at = second[1], second[0]
    closing = skip(window, at)
    if not window.startswith(")", closing):
        return NO_FIGURE
    return closing + 1, fields


@cache
def _restated_to() -> re.Pattern[str]:
    return compile_pattern(_RESTATED_TO)


NO_END = -1  # what ``_range_end`` says when no quantity follows the range word


def _range_end(window: str, at: int, fields: dict[str, Any]) -> int:
    """After a range word: "about" perhaps, then the second quantity, added to ``fields``;
    its end, ``NO_END`` when no quantity follows."""
    p = _pieces()
    approx = p["approx"].re.match(window, p["approx"].preParse(window, at))
    if approx is not None:
        fields.update(filter(_matched, approx.groupdict().items()))
        at = approx.end()
    second = _bare_quantity(window, p["quantity"].preParse(window, at))
    if second is NO_FIGURE:
        return NO_END
    fields["second"] = second[1]
    return second[0]


def scan(text: str) -> list[Match]:
    """Every figure in ``text``, left to right, not overlapping."""
    figure: pp.ParserElement | None = None  # the grammar, built where the bare path defers
    leads = _lead()
    found: list[Match] = []
    covered = 0
    for start in _candidates(text):
        if start < covered:
            continue
        lead = leads.search(text, max(covered, start - 24), start)
        begin = lead.start() if lead else start
        for attempt in (begin, start) if begin != start else (start,):
            window = text[attempt : attempt + _LONGEST]
            bare = _bare_figure(window)
            if bare is NO_FIGURE:
                continue
            if bare is not None:
                found.append(Match(attempt, attempt + bare[0], bare[1]))
                covered = attempt + bare[0]
                break
            if figure is None:
                figure = _located(numeric_grammar())
            try:
                located = figure.parse_string(window)
            except pp.ParseException:
                continue
            begin_at, tokens, end_at = located["locn_start"], located["value"], located["locn_end"]
            found.append(Match(attempt + begin_at, attempt + end_at, fields_of(tokens)))
            covered = attempt + end_at
            break
    return found


@cache
def _located(element: pp.ParserElement) -> pp.ParserElement:
    # keep tabs: offsets must index the text as given, not pyparsing's tab-expanded copy
    return pp.Located(element).parse_with_tabs()


def words_value(phrase: str) -> float | None:
    """Value of spelled-out numbers: "four hundred", "a dozen", "twenty-five thousand",
    "one twenty two" (122, read the way it is spoken), "two point two"."""
    table = number_words()
    phrase = phrase.lower().replace("\u2014", "-")
    integer_part, _, decimals = phrase.partition(" point ")
    total, current = 0.0, 0.0
    previous_role = None
    seen = False
    for word in re.split(r"[\s,&-]+", integer_part):
        if word in ("and", ""):
            continue
        if word not in table:
            return None
        value, role = table[word]
        if role == "article":
            continue  # "a hundred", "a dozen": the scale counts it once
        seen = True
        if role == "scale":
            if value < 1000:
                current = (current or 1) * value
            elif current == 0 and 0 < total < value:
                total *= value
            else:
                total += (current or 1) * value
                current = 0.0
        elif previous_role in ("unit", "teen") and role in ("ten", "teen"):
            current = current * 100 + value  # "one twenty two", "nineteen eighty-four"
        elif previous_role == role or (previous_role == "ten" and role == "teen"):
            return None  # "one two three", "twenty thirty": a list, not a number
        else:
            current += value
        previous_role = role
    if not seen:
        return None
    number = total + current
    if decimals:
        digits = []
        for word in decimals.split():
            if word.isdigit():
                digits.append(word)
            elif word in table and table[word][1] == "unit":
                digits.append(str(int(table[word][0])))
            else:
                return None
        number += float("0." + "".join(digits))
    return number
