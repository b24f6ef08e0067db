"""Titles in the copy checked against office terms as of a day.

A title is found in three shapes: before a name ("US Secretary of State Antony Blinken",
in an attribution or in plain prose), in apposition ("Hakan Fidan, Turkey's foreign
minister,") and alone ("Turkey's top diplomat", which names whoever held the office).
The title grammar is a regular expression built from the facts base's own names, so only
titles the base can judge are found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from claimcheck.attribution.people import PeopleRegister, split_mention
from claimcheck.documents.model import Document
from claimcheck.facts.base import FactsBase
from claimcheck.facts.model import Term
from claimcheck.lexicons import alternation, load_table

_POSSESSIVE = re.compile(r"['’]s$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_NAME_WORD = r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w’'.-]*[\w’']"
_NAME_LINK = r"(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|le|la)\s+)?)"
_NOT_NAMES = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|On|In|And|But)\b"
)
_GENERIC_NAME = rf"(?!{_NOT_NAMES}){_NAME_WORD}(?:{_NAME_LINK}(?!{_NOT_NAMES}){_NAME_WORD}){{0,3}}"


@cache
def modifier_kinds() -> dict[str, str]:
    """Modifier word -> kind (``lexicons/office_modifiers.tsv``)."""
    return {row[0].lower(): row[1] for row in load_table("office_modifiers") if len(row) > 1}


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A title found in a text, with the name it goes with, if any.

    ``start``/``end`` are offsets in the scanned text; ``shape`` is ``before`` (title then
    name), ``appositive`` (name, then title) or ``alone`` (no name).
    """

    start: int
    end: int
    text: str
    title: str
    role_text: str
    body_text: str | None
    name: str | None
    modifier: str | None
    shape: str

    @property
    def modifier_kind(self) -> str | None:
        return modifier_kinds().get(self.modifier.lower()) if self.modifier else None


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A mention met with the facts: the person it names and the offices its title fits."""

    mention: TitleMention
    person: str | None
    offices: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TitleConflict:
    """A title that does not hold on the day it is judged, with the terms that say so."""

    match: TitleMatch
    message: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class _Grammar:
    before: re.Pattern[str]
    before_comma: re.Pattern[str]
    appositive: re.Pattern[str]
    alone: re.Pattern[str]


def _grammar(base: FactsBase) -> _Grammar:
    cached = base.derived.get("title_grammar")
    if isinstance(cached, _Grammar):
        return cached
    bodies = alternation(list(base.body_aliases()))
    roles = alternation(list(base.role_aliases()) + list(base.roles))
    names = alternation(list(base.person_aliases()))
    modifiers = alternation(
        [w for w, kind in modifier_kinds().items() if kind not in ("subordinate",)]
    )
    suffix = r"(?:-(?P<suffix>elect|designate))?"
    title = (
        rf"(?:(?P<modifier>(?i:{modifiers}))(?:\s+|-))?"
        rf"(?:(?P<body>{bodies})(?:['’]s|(?<=s)['’])?\s+)?"
        rf"(?:(?P<inner>(?i:{modifiers}))(?:\s+|-))?"
        rf"(?P<role>(?i:{roles})){suffix}"
    )
    known = rf"(?:{names})(?=['’]s\b|(?![\w’'-]))|" if names else ""
    name = rf"(?P<name>{known}{_GENERIC_NAME})"
    start = r"(?<![\w’'.-])"
    grammar = _Grammar(
        before=re.compile(rf"{start}{title}\s+{name}"),
        # "Turkey's top diplomat, Hakan Fidan, said": the name set off by commas
        before_comma=re.compile(rf"{start}{title},\s+{name}(?=,)"),
        appositive=re.compile(
            rf"{start}{name},\s+(?:(?:the|a|an)\s+)?{title}"
            rf"(?![\w’'-])(?!\s+[A-Z])"
        ),
        alone=re.compile(rf"{start}{title}(?![\w’'-])"),
    )
    base.derived["title_grammar"] = grammar
    return grammar


def _preceded_by_subordinate(text: str, start: int) -> bool:
    """Whether a word like "Deputy" stands before the title: another office, then."""
    before = re.search(r"([\w’'-]+)[\s-]+$", text[:start])
    return bool(before) and modifier_kinds().get(before.group(1).lower()) == "subordinate"


def _mention(match: re.Match[str], shape: str, text: str, base: FactsBase) -> TitleMention | None:
    groups = match.groupdict()
    if _preceded_by_subordinate(text, match.start()):
        return None
    title_start = match.start("modifier") if groups.get("modifier") else None
    if title_start is None:
        title_start = match.start("body") if groups.get("body") else match.start("role")
    title_end = match.end("suffix") if groups.get("suffix") else match.end("role")
    modifier = groups.get("suffix") or groups.get("inner") or groups.get("modifier")
    name = groups.get("name")
    if name:
        name = _POSSESSIVE.sub("", name)  # "Antony Blinken's visit"
    if name and shape == "before" and base.person_named(name) is None:
        # a name the base does not know: what split_mention leaves after the title words
        split = split_mention(f"{match.group('role')} {name}")
        if split.name is None:
            return None
        name = split.name
    return TitleMention(
        start=match.start(),
        end=match.end(),
        text=match.group(0),
        title=text[title_start:title_end],
        role_text=match.group("role"),
        body_text=groups.get("body"),
        name=name,
        modifier=modifier,
        shape=shape,
    )


def find_titles(text: str, base: FactsBase) -> list[TitleMention]:
    """Every title the facts base knows in ``text``, with its name, in reading order."""
    if not base.terms:
        return []
    grammar = _grammar(base)
    found: list[TitleMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for shape, pattern in (
        ("before", grammar.before),
        ("before", grammar.before_comma),
        ("appositive", grammar.appositive),
        ("alone", grammar.alone),
    ):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            if shape == "alone" and not match.group("body"):
                continue  # a bare "minister" names no office
            mention = _mention(match, shape, text, base)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    found.sort(key=lambda m: m.start)
    return found


def match_title(
    mention: TitleMention, base: FactsBase, register: PeopleRegister | None = None
) -> TitleMatch:
    """Meet a mention with the facts: who it names and which offices its title fits."""
    person = None
    if mention.name:
        person = base.person_named(mention.name)
        if person is None and register is not None and " " not in mention.name:
            # a surname alone: the full name the document gave it ("Miller" -> "Matthew Miller")
            known = register.find(mention.name)
            person = base.person_named(known.name) if known is not None else None
    roles = base.roles_named(mention.role_text)
    body = base.body_named(mention.body_text) if mention.body_text else None
    offices = [o for o in base.offices() if o[0] in roles and (body is None or o[1] == body)]
    if body is None and person is not None:
        # "President Bashar al-Assad": the office of that role the person is known to hold
        own = [o for o in offices if base.terms_of(person, o)]
        offices = own or offices
    if body is None and (person is None or len(offices) > 1):
        # "Foreign Minister Jean Dupont": whose foreign minister is not said, and the base
        # does not know him; the one office the base lists may not be his
        offices = []
    return TitleMatch(mention, person, tuple(sorted(offices)))


def holder_on(match: TitleMatch, base: FactsBase, day: date) -> str | None:
    """The person a name-less title ("Turkey's top diplomat") names on ``day``."""
    if len(match.offices) != 1:
        return None
    holders = base.holders_on(match.offices[0], day)
    return holders[0].person if len(holders) == 1 else None


def judge_title(match: TitleMatch, base: FactsBase, day: date) -> TitleConflict | None:
    """A conflict if the title does not hold for the named person on ``day``, else None."""
    mention = match.mention
    kind = mention.modifier_kind
    if mention.name is None or len(match.offices) != 1 or kind in ("then", "future", "acting"):
        return None  # another time, another person standing in, or nothing to judge
    office = match.offices[0]
    title = base.title_for(office)
    person = match.person
    own_terms = base.terms_of(person, office) if person else []
    holders = base.holders_on(office, day)
    when = day.isoformat()
    if own_terms:
        states = [term.holds_on(day) for term in own_terms]
        if any(state is None for state in states):
            return None  # the record is too coarse to tell on this day
        holding = any(states)
        if kind == "past":
            if holding:
                term = next(t for t, s in zip(own_terms, states, strict=True) if s)
                return TitleConflict(
                    match,
                    f"{mention.text!r}: {person} still held the office of {title} on {when} "
                    f"(in office since {term.start}), so not {mention.modifier.lower()!r}",
                    (term,),
                )
            return None  # before the first recorded term: an earlier one may be unrecorded
        if holding:
            return None
        return _not_holding(base, match, person, title, own_terms, holders, day)
    if kind == "past" or not base.is_single_holder(office[0]) or len(holders) != 1:
        return None  # an unlisted earlier holder, or an office the base does not cover then
    holder = holders[0]
    if person == holder.person:
        return None
    who = person or mention.name
    return TitleConflict(
        match,
        f"{mention.text!r}: the {title} on {when} was {holder.person} (since "
        f"{holder.start}), not {who}",
        (holder,),
    )


def _not_holding(
    base: FactsBase,
    match: TitleMatch,
    person: str,
    title: str,
    own_terms: list[Term],
    holders: list[Term],
    day: date,
) -> TitleConflict | None:
    when = day.isoformat()
    mention = match.mention
    successor = ""
    others = [h for h in holders if h.person != person]
    if len(others) == 1:
        successor = f"; the {title} on {when} was {others[0].person} (since {others[0].start})"
    before = [t for t in own_terms if t.end is not None and t.end.latest < day]
    if before:
        last = before[-1]
        return TitleConflict(
            match,
            f"{mention.text!r}: {person} left office as {title} on {last.end}, before "
            f"{when}{successor}; write 'former {title} {person}'",
            (last, *others[:1]),
        )
    first = own_terms[0]
    if not others or not base.is_single_holder(first.role):
        return None  # an earlier, unrecorded term is possible unless someone else held it
    return TitleConflict(
        match,
        f"{mention.text!r}: {person} took office as {title} only on {first.start}, after "
        f"{when}{successor}",
        (first, *others[:1]),
    )


@dataclass(frozen=True, slots=True)
class DocumentTitle:
    """A title met in a document: offsets into ``Document.text`` and its match."""

    start: int
    end: int
    match: TitleMatch


def document_titles(document: Document, base: FactsBase) -> list[DocumentTitle]:
    """Every title of a document the facts base knows, with the people register of the
    document resolving surnames ("Secretary Blinken") to the full names read before."""
    if not base.terms:
        return []
    register = PeopleRegister.from_text(document.text)
    quoted = [
        (paragraph.start + m.start(), paragraph.start + m.end())
        for paragraph in document.paragraphs
        for m in _QUOTED.finditer(paragraph.text)
    ]
    found = []
    for sentence in document.sentences:
        for mention in find_titles(sentence.text, base):
            start = sentence.start + mention.start
            if any(q_start < start < q_end for q_start, q_end in quoted):
                continue  # a speaker's own words: the copy cannot change them
            found.append(
                DocumentTitle(
                    sentence.start + mention.start,
                    sentence.start + mention.end,
                    match_title(mention, base, register),
                )
            )
    return found
