"""The facts base: every facts file combined, checked across files, and queried as of a day.

Names are looked up without regard to case; a person's surname is an alias of its own
when no other person in the base shares it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from claimcheck.facts.loader import Entry, parse_file
from claimcheck.facts.model import (
    Body,
    Event,
    FactsProblem,
    Figure,
    Person,
    Role,
    Term,
    TitleStyle,
)
from claimcheck.lexicons import counted_classes, load_table

# qualifier as written in a facts file -> (low bound kind, high bound kind, approximate)
_QUALIFIERS = {
    "exactly": ("at", "at", False),
    "about": ("at", "at", True),
    "more than": ("above", None, False),
    "at least": ("at", None, False),
    "fewer than": (None, "below", False),
    "at most": (None, "at", False),
}


class FactsError(Exception):
    """Facts files with problems; ``problems`` lists each one with its file and line."""

    def __init__(self, problems: Sequence[FactsProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


@cache
def predicate_classes() -> frozenset[str]:
    """The predicate classes events and figures may name (``lexicons/predicates.tsv``)."""
    return frozenset(row[1] for row in load_table("predicates") if len(row) > 1)


@cache
def topic_canonical() -> dict[str, str]:
    """Topic word -> canonical topic (``lexicons/event_nouns.tsv``)."""
    return {row[0].lower(): row[1] for row in load_table("event_nouns") if len(row) > 1}


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


@dataclass
class FactsBase:
    """Every fact of the configured files, with indexes for the rules' questions."""

    people: dict[str, Person] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    titles: dict[tuple[str, str], TitleStyle] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    paths: tuple[str, ...] = ()
    _person_names: dict[str, str] = field(default_factory=dict)
    _body_names: dict[str, str] = field(default_factory=dict)
    _role_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # things derived from the facts once (the title grammar), keyed by what they are
    derived: dict[str, object] = field(default_factory=dict)

    # ---- questions -------------------------------------------------------------------

    def __bool__(self) -> bool:
        return bool(self.terms or self.events or self.figures)

    def person_named(self, name: str) -> str | None:
        """The canonical person a name or alias stands for, if the base knows it."""
        return self._person_names.get(_key(name))

    def body_named(self, name: str) -> str | None:
        """The canonical body a name or alias ("US", "Turkish") stands for."""
        return self._body_names.get(_key(name))

    def roles_named(self, name: str) -> frozenset[str]:
        """The roles a title word stands for ("top diplomat" may be several)."""
        return frozenset(self._role_names.get(_key(name), ()))

    def person_aliases(self) -> dict[str, str]:
        """Every name the base knows for a person, as written, with its person."""
        names: dict[str, str] = {}
        for person in self.people.values():
            for alias in (person.name, *person.aliases):
                names[alias] = person.name
        for term in self.terms:
            names.setdefault(term.person, term.person)
        return names

    def body_aliases(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for body in self.bodies.values():
            for alias in (body.name, *body.aliases):
                names[alias] = body.name
        for term in self.terms:
            names.setdefault(term.body, term.body)
        return names

    def role_aliases(self) -> dict[str, frozenset[str]]:
        return {alias: frozenset(roles) for alias, roles in self._role_names.items()}

    def offices(self) -> set[tuple[str, str]]:
        return {term.office for term in self.terms}

    def terms_of(self, person: str, office: tuple[str, str] | None = None) -> list[Term]:
        """A person's terms, in one office or in all, in order."""
        chosen = [t for t in self.terms if t.person == person]
        if office is not None:
            chosen = [t for t in chosen if t.office == office]
        return sorted(chosen, key=lambda t: t.start.earliest)

    def terms_in(self, office: tuple[str, str]) -> list[Term]:
        return sorted((t for t in self.terms if t.office == office), key=lambda t: t.start.earliest)

    def holders_on(self, office: tuple[str, str], day: date) -> list[Term]:
        """The terms certainly running on ``day`` in an office."""
        return [t for t in self.terms_in(office) if t.holds_on(day) is True]

    def is_single_holder(self, role: str) -> bool:
        found = self.roles.get(role)
        return True if found is None else found.single_holder

    def title_for(self, office: tuple[str, str]) -> str:
        """The title as the house writes it before a name; the bare role without a style."""
        style = self.titles.get(office)
        return style.preferred if style else f"{office[1]} {office[0]}"


def load_facts(paths: Iterable[str | Path]) -> FactsBase:
    """Read, check and combine facts files; raises ``FactsError`` listing every problem."""
    base, problems = check_facts(paths)
    if problems:
        raise FactsError(problems)
    return base


def check_facts(paths: Iterable[str | Path]) -> tuple[FactsBase, list[FactsProblem]]:
    """Read and combine facts files, returning the base and every problem found."""
    entries: list[Entry] = []
    problems: list[FactsProblem] = []
    names = []
    for path in paths:
        parsed = parse_file(path)
        names.append(parsed.path)
        entries.extend(parsed.entries)
        problems.extend(parsed.problems)
    base = FactsBase(paths=tuple(names))
    problems.extend(_Builder(base).build(entries))
    problems.sort(key=lambda p: (names.index(p.path) if p.path in names else 0, p.line))
    return base, problems


class _Builder:
    """Turns checked entries into facts, checking what only the whole base can tell."""

    def __init__(self, base: FactsBase) -> None:
        self.base = base
        self.problems: list[FactsProblem] = []

    def report(self, entry: Entry, key: str, message: str) -> None:
        self.problems.append(FactsProblem(entry.origin.path, entry.line_of(key), message))

    def build(self, entries: list[Entry]) -> list[FactsProblem]:
        by_section: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            by_section[entry.section].append(entry)
        for entry in by_section["people"]:
            self._person(entry)
        for entry in by_section["bodies"]:
            self._body(entry)
        for entry in by_section["roles"]:
            self._role(entry)
        for entry in by_section["offices"]:
            self._term(entry)
        self._index_names()
        self._check_overlaps()
        for entry in by_section["titles"]:
            self._title(entry)
        for entry in by_section["events"]:
            self._event(entry)
        for entry in by_section["figures"]:
            self._figure(entry)
        return self.problems

    # ---- sections --------------------------------------------------------------------

    def _person(self, entry: Entry) -> None:
        name = entry.values["name"]
        known = self.base.people.get(name)
        if known:
            self.report(entry, "name", f"person {name!r} is already listed at {known.origin}")
            return
        aliases = entry.values.get("aliases", ())
        self.base.people[name] = Person(name, aliases, entry.origin)

    def _body(self, entry: Entry) -> None:
        name = entry.values["name"]
        known = self.base.bodies.get(name)
        if known:
            self.report(entry, "name", f"body {name!r} is already listed at {known.origin}")
            return
        self.base.bodies[name] = Body(name, entry.values.get("aliases", ()), entry.origin)
        for alias in (name, *entry.values.get("aliases", ())):
            other = self.base._body_names.get(_key(alias))
            if other and other != name:
                self.report(entry, "aliases", f"{alias!r} already names body {other!r}")
            else:
                self.base._body_names[_key(alias)] = name

    def _role(self, entry: Entry) -> None:
        name = entry.values["name"]
        known = self.base.roles.get(name)
        if known:
            self.report(entry, "name", f"role {name!r} is already listed at {known.origin}")
            return
        aliases = entry.values.get("aliases", ())
        single = entry.values.get("single_holder", True)
        self.base.roles[name] = Role(name, aliases, single, entry.origin)
        for alias in (name, *aliases):
            self.base._role_names[_key(alias)].add(name)

    def _declared_person(self, written: str) -> str:
        """The people section's name for a person an office term names by an alias."""
        for person in self.base.people.values():
            if _key(written) in {_key(alias) for alias in (person.name, *person.aliases)}:
                return person.name
        return written

    def _canonical(self, entry: Entry, key: str, lookup: dict[str, str]) -> str:
        written = entry.values[key]
        return lookup.get(_key(written), written)

    def _term(self, entry: Entry) -> None:
        values = entry.values
        person = self._declared_person(values["person"])
        role_names = self.base._role_names.get(_key(values["role"]), set())
        role = next(iter(role_names)) if len(role_names) == 1 else values["role"]
        body = self._canonical(entry, "body", self.base._body_names)
        start, end = values["from"], values.get("to")
        if end is not None and end.latest < start.earliest:
            self.report(entry, "to", f"term ends ({end}) before it starts ({start})")
            return
        if role not in self.base.roles:
            self.base.roles[role] = Role(role, (), True, None)
            self.base._role_names[_key(role)].add(role)
        self.base._body_names.setdefault(_key(body), body)
        self.base.terms.append(
            Term(person, role, body, start, end, values.get("source"), entry.origin)
        )

    def _index_names(self) -> None:
        """Full names and aliases, then surnames where only one person has them."""
        people = dict(self.base.people)
        for term in self.base.terms:
            if term.person not in people:
                people[term.person] = Person(term.person, (), term.origin)
                self.base.people[term.person] = people[term.person]
        names = self.base._person_names
        for person in people.values():
            for alias in (person.name, *person.aliases):
                other = names.get(_key(alias))
                if other and other != person.name:
                    self.problems.append(
                        FactsProblem(
                            person.origin.path,
                            person.origin.line,
                            f"{alias!r} already names {other!r}; an alias names one person",
                        )
                    )
                names[_key(alias)] = person.name
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in people.values():
            if " " in person.name:
                surnames[_key(person.name.split()[-1])].add(person.name)
        for surname, owners in surnames.items():
            if len(owners) == 1 and surname not in names:
                names[surname] = next(iter(owners))

    def _check_overlaps(self) -> None:
        """Two terms of a single-holder office must not share more than a handover day."""
        by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for term in self.base.terms:
            by_office[term.office].append(term)
        for (role, body), terms in by_office.items():
            same_person_only = not self.base.is_single_holder(role)
            terms.sort(key=lambda t: t.start.earliest)
            for index, earlier in enumerate(terms):
                for later in terms[index + 1 :]:
                    if same_person_only and later.person != earlier.person:
                        continue
                    earlier_end = earlier.end.latest if earlier.end else date.max
                    if later.start.earliest < earlier_end:
                        until = f"to {earlier.end}" if earlier.end else "with no end"
                        self.problems.append(
                            FactsProblem(
                                later.origin.path,
                                later.origin.line,
                                f"{later.person}'s term as {role} of {body} from {later.start} "
                                f"overlaps {earlier.person}'s term from {earlier.start} "
                                f"{until} ({earlier.origin}); the office has one holder at a time",
                            )
                        )

    def _title(self, entry: Entry) -> None:
        role_names = self.base._role_names.get(_key(entry.values["role"]), set())
        role = next(iter(role_names)) if len(role_names) == 1 else entry.values["role"]
        body = self._canonical(entry, "body", self.base._body_names)
        if (role, body) not in self.base.offices():
            self.report(entry, "role", f"no office terms list {role!r} of {body!r}")
            return
        known = self.base.titles.get((role, body))
        if known:
            self.report(entry, "role", f"the title of this office is set at {known.origin}")
            return
        self.base.titles[(role, body)] = TitleStyle(
            role, body, entry.values["preferred"], entry.values.get("avoid", ()), entry.origin
        )

    def _predicate(self, entry: Entry) -> str | None:
        predicate = entry.values["predicate"]
        if predicate not in predicate_classes():
            known = ", ".join(sorted(predicate_classes()))
            self.report(entry, "predicate", f"unknown predicate {predicate!r} (known: {known})")
            return None
        return predicate

    def _topics(self, entry: Entry) -> tuple[str, ...] | None:
        topics = []
        for topic in entry.values.get("topics", ()):
            canonical = topic_canonical().get(topic.lower())
            if canonical is None:
                known = ", ".join(sorted(set(topic_canonical().values())))
                self.report(entry, "topics", f"unknown topic {topic!r} (known: {known})")
                return None
            topics.append(canonical)
        return tuple(dict.fromkeys(topics))

    def _event(self, entry: Entry) -> None:
        predicate, topics = self._predicate(entry), self._topics(entry)
        if predicate is None or topics is None:
            return
        values = entry.values
        known = next((e for e in self.base.events if e.name == values["name"]), None)
        if known is not None:
            self.report(
                entry, "name", f"event {values['name']!r} is already listed at {known.origin}"
            )
            return
        self.base.events.append(
            Event(
                name=values["name"],
                day=values["date"],
                time=values.get("time"),
                predicate=predicate,
                topics=topics,
                names=values.get("names", ()),
                source=values.get("source"),
                origin=entry.origin,
            )
        )

    def _figure(self, entry: Entry) -> None:
        predicate, topics = self._predicate(entry), self._topics(entry)
        values = entry.values
        qualifier = values.get("qualifier", "exactly").lower()
        if qualifier not in _QUALIFIERS:
            known = ", ".join(_QUALIFIERS)
            self.report(entry, "qualifier", f"unknown qualifier {qualifier!r} (known: {known})")
            return
        if predicate is None or topics is None:
            return
        low_kind, high_kind, approximate = _QUALIFIERS[qualifier]
        value = values["value"]
        unit = values["unit"].lower()
        shown = int(value) if value.is_integer() else value
        self.base.figures.append(
            Figure(
                name=values["name"],
                low=value if low_kind else None,
                high=value if high_kind else None,
                low_inclusive=low_kind == "at",
                high_inclusive=high_kind == "at",
                approximate=approximate,
                stated=f"{'' if qualifier == 'exactly' else qualifier + ' '}{shown} {unit}",
                counted=counted_classes().get(unit, unit),
                predicate=predicate,
                topics=topics,
                names=values.get("names", ()),
                as_of=values["as_of"],
                source=values.get("source"),
                origin=entry.origin,
            )
        )
