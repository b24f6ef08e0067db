"""What a claim is about, read from its clause: the predicate class (killed, began, met),
what it counts or concerns (people, the offensive, the truce), the places and names
around it, and its time window ("so far", "in the past 24 hours"). Lexicons are data
files: ``predicates.tsv``, ``event_nouns.tsv``, ``counted_classes.tsv``,
``time_windows.tsv``, ``subset_markers.txt``, ``linking_predicates.tsv``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from claimcheck.claims import Claim
from claimcheck.lexicons import counted_classes, load_lexicon, load_table, stopwords, title_words
from claimcheck.lexicons.pattern_cache import compile_pattern

_CLAUSE_BREAK = re.compile(
    r"[;:—–]|,\s+(?:and|but|while|as|after|before|when|most|the same|which|who|according to)\b"
    # the attribution tail ("..., the State Department said") names the speaker, not the event
    r"|,\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,5}(?:said|says|reported|told)\b"
)
# A relative clause ("the strike, which began on September 13") is about its antecedent:
# it does not start a clause of its own.
_RELATIVE = re.compile(r",\s+(?:which|who)\b")
_NAME_TOKEN = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)*\b")
_POSSESSIVE = re.compile(r"[’']s?$")
_NOT_NAMES = frozenset(
    "The A An This That These Those It Its He She They We More About Nearly Some Most At In On "
    "By For From Of After Before Since Until When While But And Or According Other Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Mr Mrs Ms Dr Over Under Around Almost "
    "Least Than Fewer Up To Another Both Each".split()
)
# A place is a name after a locative preposition or a verb whose object is a place: "in
# Lebanon", "across northern Syria", "in the Valencia region", "captured Aleppo".
_PLACE = re.compile(
    r"\b(?:in|across|near|outside|around|into|throughout|entered|captured|seized|reached|hit|took|"
    r"(?:outskirts|countryside|suburbs|north|south|east|west) of|"
    r"struck)\s+(?:(?:most|much|all|parts?|the rest) of\s+)?(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north(?:east|west)(?:ern)?|south(?:east|west)(?:ern)?)\s+)?"
    r"((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)"
)
# A stretch of land: "from Maine to Texas", "from Aleppo to Hama"
_PLACE_RANGE = re.compile(
    r"\bfrom\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)\s+to\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)"
)
# A day phrase right after a speech verb dates the statement, not the figure
# ("officials said on Sunday").
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|reported|announced|added|told \w+)\s*$", re.I)
# A date right after an event noun dates the event itself: "the election on February 23",
# "the general election held on 4 July"
_EVENT_BEFORE_DATE = re.compile(r"^\W*(?:\w+\W+){0,2}$")
# A predicate after the claim is farther, for a sentence's verb usually comes first
_FOLLOWING_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class About:
    """A claim's description for linking; empty fields mean "not stated"."""

    kind: str
    predicate: str | None
    counted: str | None
    topics: frozenset[str]
    names: frozenset[str]
    window: str | None
    window_kind: str  # "cumulative", "window", "rate" or "unstated"
    subset: bool
    # names after "in", "across" ...: where it happened
    places: frozenset[str] = frozenset()
    # the families of the topics (conflict, flood, earthquake): see event_nouns.tsv
    families: frozenset[str] = frozenset()
    # what a date does: "event" dates a happening; "window" bounds a tally ("since October
    # 2023", "in the past month") and is not the date of anything
    dating: str = "event"

    @property
    def actors(self) -> frozenset[str]:
        """The names that are not places or countries: who did it or took part."""
        return self.names - self.places - country_names()

    @property
    def countries(self) -> frozenset[str]:
        """The countries named ("Turkish" and "Turkey's" both name Turkey)."""
        return self.names & country_names()

    def summary(self) -> str:
        """One line for explanations: "killed · people · offensive · in Syria · so far"."""
        parts = [self.predicate or "?", self.counted or "", ", ".join(sorted(self.topics))]
        if self.places:
            parts.append("in " + ", ".join(sorted(self.places)))
        parts.append(self.window or "")
        return " · ".join(part for part in parts if part)


_WORD = re.compile(r"[^\W_]+")


class PhraseIndex:
    """Find the phrases of a lexicon in a text by its words, longest first, whole words only
    and case-insensitively: one dictionary look-up a word instead of one large regex."""

    def __init__(self, table: dict[str, Any]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in table.items():
            words = tuple(_WORD.findall(phrase.lower()))
            if words:
                self._by_first.setdefault(words[0], []).append((words, value))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: len(entry[0]), reverse=True)

    def finditer(self, text: str) -> list[tuple[int, int, Any]]:
        """(start, end, value) of every phrase found, left to right, not overlapping."""
        spans = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
        found = []
        index = 0
        while index < len(spans):
            for words, value in self._by_first.get(spans[index][2], ()):
                last = index + len(words) - 1
                if last < len(spans) and all(
                    spans[index + offset][2] == word for offset, word in enumerate(words)
                ):
                    found.append((spans[index][0], spans[last][1], value))
                    index = last
                    break
            index += 1
        return found


@cache
def _predicate_index() -> PhraseIndex:
    return PhraseIndex({row[0].lower(): row[1] for row in load_table("predicates")})


@cache
def _topic_index() -> PhraseIndex:
    return PhraseIndex(
        {
            row[0].lower(): (row[1], row[2] if len(row) > 2 else row[1])
            for row in load_table("event_nouns")
        }
    )


@cache
def predicate_roles() -> dict[str, tuple[str, str]]:
    """Predicate class -> (the class it is compared as, how it is told apart)."""
    return {cls: (kin, how) for cls, kin, how in load_table("linking_predicates")}


@cache
def change_classes() -> frozenset[str]:
    """Verbs that say how a measure moved or stands, not which measure it is ("rose")."""
    return frozenset(cls for cls, (_, how) in predicate_roles().items() if how == "change")


def predicate_kin(predicate: str | None) -> str | None:
    """The class a predicate is compared as ("took_effect" is a kind of "began")."""
    if predicate is None:
        return None
    return predicate_roles().get(predicate, (predicate, "-"))[0]


@cache
def _window_pattern() -> re.Pattern[str]:
    """One pattern for all windows, a named group per kind: the leftmost window wins."""
    by_kind: dict[str, list[str]] = {}
    for pattern, kind in load_table("time_windows"):
        by_kind.setdefault(kind, []).append(pattern)
    groups = "|".join(f"(?P<{kind}>{'|'.join(patterns)})" for kind, patterns in by_kind.items())
    return compile_pattern(rf"\b(?:{groups})\b", re.I)


@cache
def _subset_marker() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(load_lexicon("subset_markers")) + r")\b", re.I)


def _is_part(clause: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` is the part a subset marker speaks of: after
    "including", "of whom" ("44,000 killed, including 17,000 children": the children), or
    before "among them", "alone" ("60 civilians among them"), or right after "among them"
    or right before "of them" ("214 of them"); the whole before "including" is not a part."""
    for marker in _subset_marker().finditer(clause):
        word = marker.group(0).lower()
        follows_part = word.startswith("among") or word == "alone"
        if marker.end() <= start and not follows_part:
            return True
        if marker.start() >= end and follows_part:
            return True
        if follows_part and marker.end() <= start and not clause[marker.end() : start].strip(" ,"):
            return True  # "among them 7 in Castilla-La Mancha": the part follows at once
        if (
            word.startswith("of ")
            and marker.start() >= end
            and not clause[end : marker.start()].strip()
        ):
            return True  # "214 of them in the Valencia region": the part stands before it
    return False


def claim_span_in_sentence(claim: Claim) -> tuple[int, int]:
    """The claim's offsets inside its sentence's text."""
    text = claim.sentence.text
    local = claim.start - claim.sentence.start
    if not text.startswith(claim.text, max(local, 0)):
        local = max(text.find(claim.text), 0)  # HTML: file offsets differ from prose offsets
    return local, local + len(claim.text)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``text[start:end]``."""
    clause_start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        if not _RELATIVE.match(match.group(0)):
            clause_start = match.end()
    following = _CLAUSE_BREAK.search(text, end)
    return clause_start, following.start() if following else len(text)


@lru_cache(maxsize=4096)
def _predicates_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every predicate named in a text: (start, end, class)."""
    return tuple(_predicate_index().finditer(text))


def nearest_predicate(
    text: str,
    anchor: int,
    end: int | None = None,
    skip: frozenset[str] = frozenset(),
    outside: tuple[int, int] = (0, 0),
) -> str | None:
    """The predicate class named nearest to ``text[anchor:end]`` (before it wins ties),
    leaving out the classes in ``skip`` and the words inside the span ``outside``."""
    end = anchor if end is None else end
    best: tuple[int, str] | None = None
    for match_start, match_end, predicate in _predicates_in(text):
        if predicate in skip or (outside[0] <= match_start and match_end <= outside[1]):
            continue
        if match_start >= anchor and match_end <= end:
            distance = 0  # the predicate is inside the claim ("the death toll rose")
        elif match_end <= anchor:
            distance = anchor - match_end
        else:
            distance = (match_start - end + 1) * _FOLLOWING_WEIGHT
        if best is None or distance < best[0]:
            best = (distance, predicate)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def _windows_in(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Every time window of a text that is not a statement's date: (start, end, text, kind)."""
    return tuple(
        (m.start(), m.end(), m.group(0).lower(), m.lastgroup or "unstated")
        for m in _window_pattern().finditer(text)
        if not _SPEECH_BEFORE.search(text[max(m.start() - 40, 0) : m.start()])
    )


def time_window(text: str) -> tuple[str | None, str]:
    """The first time window a text states, and its kind (a statement's date is not one)."""
    windows = _windows_in(text)
    return (windows[0][2], windows[0][3]) if windows else (None, "unstated")


@cache
def _country_of_adjective() -> dict[str, str]:
    """Adjective -> country ("turkish" -> "Turkey", ``demonyms.tsv``), so that "Turkey's top
    diplomat" and the "Turkish Foreign Minister" share a name."""
    countries: dict[str, str] = {}
    for country, adjective in load_table("demonyms"):
        if " " not in country and "." not in country and len(country) > 2:
            countries.setdefault(adjective, country.capitalize())
            countries.setdefault(country, country.capitalize())
    return countries


@cache
def country_names() -> frozenset[str]:
    """Countries as names: a country is a place, never a participant of a call."""
    return frozenset(_country_of_adjective().values())


def _name(token: str) -> str:
    bare = _POSSESSIVE.sub("", token)
    return _country_of_adjective().get(bare.lower(), bare)


@cache
def _common_words() -> frozenset[str]:
    """Words the lexicons know as common nouns and verbs: capitalised, they open a sentence
    ("Rebels captured Aleppo"), they do not name anyone."""
    words = set(title_words()) | set(stopwords()) | set(counted_classes())
    words |= {row[0].lower() for row in load_table("event_nouns")}
    words |= {row[0].lower() for row in load_table("predicates")}
    return frozenset(words)


def _names(text: str) -> set[str]:
    """Capitalised name tokens, possessives dropped and hyphenated names split."""
    common = _common_words()
    names = set()
    for token in _NAME_TOKEN.findall(text):
        for part in _name(token).split("-"):
            if part[:1].isupper() and part not in _NOT_NAMES and part.lower() not in common:
                names.add(part)
    return names


def _counted_near(text: str, end: int) -> str | None:
    """The counted class of the first counted noun right after a figure ("33,000 Boeing
    machinists"): the figure's noun when the extractor stopped at a name before it."""
    classes = counted_classes()
    for word in re.findall(r"[A-Za-z][\w-]*", text[end:])[:3]:
        if word.lower() in classes:
            return classes[word.lower()]
        if not word[:1].isupper():
            return None
    return None


@dataclass(frozen=True, slots=True)
class _ClauseFacts:
    """What a clause says whatever claim in it is described: read once per clause."""

    topics: tuple[tuple[int, int, str, str], ...]  # (start, end, canonical, family)
    names: frozenset[str]
    places: frozenset[str]
    subset: bool
    states_a_level: bool  # "rose to", "stands at": a figure is where a measure stands


@lru_cache(maxsize=4096)
def _clause_facts(clause: str) -> _ClauseFacts:
    topics = tuple((start, end, *value) for start, end, value in _topic_index().finditer(clause))
    names = frozenset(_names(clause))
    places = {part for m in _PLACE.finditer(clause) for part in _names(m.group(1))}
    places.update(part for m in _PLACE_RANGE.finditer(clause) for part in _names(f"{m[1]} {m[2]}"))
    changes = change_classes()
    return _ClauseFacts(
        topics=topics,
        names=names,
        places=frozenset(places) & names,
        subset=bool(_subset_marker().search(clause)),
        states_a_level=any(cls in changes for _, _, cls in _predicates_in(clause)),
    )


def describe(claim: Claim) -> About:
    """Describe what a claim is about, from its clause."""
    text = claim.sentence.text
    start, end = claim_span_in_sentence(claim)
    clause_start, clause_end = clause_bounds(text, start, end)
    clause = text[clause_start:clause_end]
    local_start, local_end = start - clause_start, end - clause_start
    facts = _clause_facts(clause)
    windows = _windows_in(clause)
    window, window_kind = time_window(clause if windows else text)
    # a verb inside the window ("since it began") dates the figure, it is not its predicate
    window_span = windows[0][:2] if windows else (0, 0)
    found = [(canonical, family) for _, _, canonical, family in facts.topics]
    dating = "event"
    if claim.kind == "temporal":
        # an event's subject is its clause's first event noun: "the ceasefire took hold after
        # 14 months of fighting" dates the ceasefire, not the fighting
        found = found[:1]
        if any(
            w_start < local_end and local_start < w_end and not w_text.startswith("on ")
            for w_start, w_end, w_text, _ in windows
        ):
            dating = "window"  # "since October 2023", "in the past month"; not "on Tuesday"
    counted = None
    predicate = None
    if claim.kind == "numeric":
        unit = getattr(claim.value, "unit", None)
        base = getattr(claim.value, "base", None)
        if base:
            counted = base["unit"]  # "12 feet" and "6 metres" are one measure: a length
        elif unit and unit.lower() not in stopwords():
            counted = counted_classes().get(unit, unit)
        else:
            counted = _counted_near(text, end)
        # the clause's own verb, outside the window ("since it began") and not a verb of
        # change ("the death toll rose to 514": the measure is the toll); the extractor's
        # sentence-wide predicate when the clause has none
        predicate = nearest_predicate(
            clause, local_start, local_end, skip=change_classes(), outside=window_span
        ) or getattr(claim.value, "predicate", None)
    if predicate is None:
        predicate = nearest_predicate(clause, local_start, local_end)
    before = [topic_end for _, topic_end, _, _ in facts.topics if topic_end <= local_start]
    if (
        predicate is None
        and claim.kind == "temporal"
        and before
        and _EVENT_BEFORE_DATE.match(clause[before[-1] : local_start])
    ):
        predicate = "occurred"  # "the election on February 23": the event took place then
    if (
        window
        and window.startswith("on ")
        and (predicate in change_classes() or facts.states_a_level)
    ):
        window_kind = "cumulative"  # "the toll rose to 95 on Wednesday": as of Wednesday
    if claim.kind == "numeric" and counted is None:
        if predicate_roles().get(predicate or "", ("", "-"))[1] == "people":
            counted = counted_classes().get("people", "people")
    names = facts.names - set(claim.text.split())
    return About(
        kind=claim.kind,
        predicate=predicate,
        counted=counted,
        topics=frozenset(canonical for canonical, _ in found),
        names=names,
        window=window,
        window_kind=window_kind,
        subset=facts.subset and _is_part(clause, local_start, local_end),
        places=facts.places & names,
        families=frozenset(family for _, family in found),
        dating=dating,
    )
