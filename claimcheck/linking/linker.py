"""The linker: which claims are about the same thing, with a score and the reason.

Claims are blocked on (kind, predicate class, counted class) so that a draft is never
compared claim by claim with every claim of a thousand sources; within a block a pair is
linked when nothing in their descriptions tells them apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimcheck.claims import Claim
from claimcheck.linking.about import About, describe, predicate_kin, predicate_roles

LINKED_KINDS = frozenset({"temporal", "numeric"})  # quotes are matched by their words
# A figure with no window and one "so far" both count everything up to their writing: a later
# one updates an earlier one. Any other window ("in the past 24 hours", "a day") must match.
OPEN_ENDED = frozenset({"unstated", "cumulative"})


@dataclass(frozen=True, slots=True)
class Link:
    """Two claims judged to be about the same thing.

    ``relation`` places ``other`` in time against ``claim`` by publication date: "same
    day", "earlier" or "later" (a later cumulative figure updates an earlier one).
    """

    claim: Claim
    other: Claim
    score: float
    reason: str
    relation: str = "same day"


@dataclass(frozen=True, slots=True)
class LinkGroup:
    """Claims that are all about one thing, in reading order, with why they were joined."""

    claims: tuple[Claim, ...]
    reasons: tuple[str, ...]


def _block_key(about: About) -> tuple[str, str | None, str | None]:
    return (
        about.kind,
        predicate_kin(about.predicate),
        about.counted if about.kind == "numeric" else None,
    )


def _relation(claim: Claim, other: Claim) -> str:
    if claim.published is None or other.published is None or claim.published == other.published:
        return "same day"
    return "earlier" if other.published < claim.published else "later"


_MONTH_OR_YEAR = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:19|20)\d\d)\b"
)


def _different_starts(window: str | None, other_window: str | None) -> bool:
    """Two "since" windows naming different months or years ("since September", "since
    October 2023"); a window that names neither ("so far", "since the war began") may be
    any start, so it differs from none."""
    if not (
        window and other_window and window.startswith("since") and other_window.startswith("since")
    ):
        return False
    start, other_start = _MONTH_OR_YEAR.findall(window), _MONTH_OR_YEAR.findall(other_window)
    months = [w for w in start if not w.isdigit()], [w for w in other_start if not w.isdigit()]
    years = [w for w in start if w.isdigit()], [w for w in other_start if w.isdigit()]
    return any(one and other and one != other for one, other in (months, years))


def _each_has_its_own(one: frozenset[str], other: frozenset[str]) -> bool:
    """Both name someone the other does not: "Lavrov and Fidan" against "Araghchi and Fidan"."""
    return bool(one - other) and bool(other - one)


def compare(claim: Claim, other: Claim, about: About, other_about: About) -> Link | None:
    """Link two described claims, or ``None`` with nothing to link them."""
    if claim is other or claim.kind != other.kind or claim.kind not in LINKED_KINDS:
        return None
    if claim.sentence is other.sentence:
        return None  # two dates or figures in one sentence are two times or two measures
    if about.dating != "event" or other_about.dating != "event":
        return None  # "since October 2023" bounds a toll: it dates no event
    kin = predicate_kin(about.predicate)
    if kin is None or kin != predicate_kin(other_about.predicate):
        return None
    if about.predicate == other_about.predicate:
        reasons = [f"both '{about.predicate}'"]
    else:
        reasons = [f"'{about.predicate}' and '{other_about.predicate}' both '{kin}'"]
    score = 0.5
    shared_topics = about.topics & other_about.topics
    shared_names = about.names & other_about.names
    if about.places and other_about.places and not about.places & other_about.places:
        return None  # deaths in Lebanon and deaths in Gaza; a strike in Montreal, one in Seattle
    how = predicate_roles().get(kin, (kin, "-"))[1]
    if how == "participants":
        # a call or a meeting is who took part in it, whatever was discussed
        if not about.actors & other_about.actors or _each_has_its_own(
            about.actors, other_about.actors
        ):
            return None  # two phone calls on one day
    else:
        if about.families and other_about.families and not about.families & other_about.families:
            return None  # the offensive began, the truce began; deaths in a flood and in a quake
        countries, other_countries = about.countries, other_about.countries
        if countries and other_countries and not countries & other_countries:
            return None  # a quake in Morocco, a quake in Myanmar
        if (
            how == "event"
            and claim.kind == "temporal"
            and not about.families & other_about.families
        ):
            return None  # "the National Assembly voted" twice: on what?
    if claim.kind == "numeric":
        if about.counted != other_about.counted:
            return None  # 60 civilians and 400 people are different measures
        if about.subset != other_about.subset:
            return None  # "at least 60 civilians among them" is part of a whole
        # a day dates a happening ("33,000 machinists walked off the job on Friday") but is
        # the window of a tally ("20 people were killed on Tuesday"); a rate is never a total
        dated_event = how in ("event", "participants") and "rate" not in (
            about.window_kind,
            other_about.window_kind,
        )
        if not dated_event and _different_starts(about.window, other_about.window):
            return None  # "since September" and "since October 2023" count from different days
        if not dated_event and not (
            about.window_kind in OPEN_ENDED and other_about.window_kind in OPEN_ENDED
        ):
            if about.window != other_about.window:
                return None  # "in the past 24 hours" is not "so far"
            reasons.append(f"same window '{about.window}'")
            score += 0.1
        if about.counted:
            reasons.append(f"both count {about.counted}")
            score += 0.2
    if not (shared_topics or shared_names):
        return None  # "began Wednesday", "killed 400 people" alone do not say what
    if about.actors and other_about.actors and not about.actors & other_about.actors:
        return None  # Boeing's strike and Canada Post's; a toll from Israel and one from Ukraine
    if shared_topics:
        reasons.append("both about the " + ", ".join(sorted(shared_topics)))
        score += 0.2
    if shared_names:
        reasons.append("both name " + ", ".join(sorted(shared_names)))
        score += min(0.1 * len(shared_names), 0.2)
    return Link(
        claim, other, round(min(score, 1.0), 2), "; ".join(reasons), _relation(claim, other)
    )


def same_thing(claim: Claim, other: Claim) -> Link | None:
    """Link two claims when they are about the same event or measure."""
    return compare(claim, other, describe(claim), describe(other))


class ClaimIndex:
    """Claims described once and blocked on (kind, predicate class, counted class), so that
    the sources of a run are indexed once for all the drafts checked against them."""

    def __init__(self, claims: Iterable[Claim] = ()) -> None:
        self.blocks: dict[tuple, list[tuple[Claim, About]]] = defaultdict(list)
        self.descriptions: dict[int, About] = {}
        for claim in claims:
            if claim.kind in LINKED_KINDS:
                about = describe(claim)
                self.descriptions[id(claim)] = about
                if about.predicate:
                    self.blocks[_block_key(about)].append((claim, about))


def link_claims(claims: Sequence[Claim], *others: Iterable[Claim] | ClaimIndex) -> list[Link]:
    """Every link from ``claims`` to the claims of ``others`` (lists, or indexes built
    before); a claim is never linked to itself."""
    indexes = [other if isinstance(other, ClaimIndex) else ClaimIndex(other) for other in others]
    links = []
    for claim in claims:
        if claim.kind not in LINKED_KINDS:
            continue
        about = next(
            (ix.descriptions[id(claim)] for ix in indexes if id(claim) in ix.descriptions), None
        ) or describe(claim)
        key = _block_key(about)
        for index in indexes:
            for other, other_about in index.blocks.get(key, ()):
                found = compare(claim, other, about, other_about)
                if found:
                    links.append(found)
    return links


def group_links(links: Iterable[Link]) -> list[LinkGroup]:
    """Join linked claims into "same thing" groups (connected components), reading order."""
    parent: dict[int, int] = {}
    claims: dict[int, Claim] = {}
    reasons: dict[int, list[str]] = defaultdict(list)

    def find(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for link in links:
        for claim in (link.claim, link.other):
            claims.setdefault(id(claim), claim)
            parent.setdefault(id(claim), id(claim))
        root_a, root_b = find(id(link.claim)), find(id(link.other))
        if root_a != root_b:
            parent[root_b] = root_a
            reasons[root_a].extend(reasons.pop(root_b, []))
        reasons[root_a].append(link.reason)
    members: dict[int, list[Claim]] = defaultdict(list)
    for key, claim in claims.items():
        members[find(key)].append(claim)
    groups = [
        LinkGroup(
            tuple(sorted(group, key=lambda c: (c.path, c.start))),
            tuple(dict.fromkeys(reasons[root])),
        )
        for root, group in members.items()
    ]
    return sorted(groups, key=lambda g: (g.claims[0].path, g.claims[0].start))
