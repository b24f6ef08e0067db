"""Claim linking: deciding that two claims, in one document or two, are about the same
thing, with a score and the reason, so rules compare only what should be compared."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimcheck.claims import Claim
from claimcheck.linking.about import About, describe

__all__ = ["About", "Link", "describe", "link_claims", "same_thing"]


@dataclass(frozen=True, slots=True)
class Link:
    """Two claims judged to be about the same thing; ``reason`` says why."""

    claim: Claim
    other: Claim
    score: float
    reason: str


def same_thing(
    claim: Claim, other: Claim, about: About | None = None, other_about: About | None = None
) -> Link | None:
    """Link two claims of one kind when they are about the same event or measure."""
    if claim.kind != other.kind or claim is other or claim.kind == "attribution":
        return None  # quotes are matched by their words (attribution rules), not here
    about = about or describe(claim)
    other_about = other_about or describe(other)
    if about.predicate is None or about.predicate != other_about.predicate:
        return None
    reasons = [f"same predicate '{about.predicate}'"]
    score = 0.5
    if claim.kind == "numeric":
        if about.counted != other_about.counted:
            return None  # 60 civilians and 400 people are different measures
        if about.subset or other_about.subset:
            return None  # "at least 60 civilians among them" is part of a whole
        if about.window != other_about.window and about.window and other_about.window:
            return None  # "in the past 24 hours" is not "so far"
        reasons.append(f"same counted '{about.counted}'")
        score += 0.3
    shared_topics = about.topics & other_about.topics
    if about.topics and other_about.topics and not shared_topics:
        return None  # the offensive began; the truce began
    if shared_topics:
        reasons.append("both about " + ", ".join(sorted(shared_topics)))
        score += 0.3
    shared_names = about.names & other_about.names
    if shared_names:
        reasons.append("both name " + ", ".join(sorted(shared_names)))
        score += 0.2
    if claim.kind == "temporal" and not (shared_topics or shared_names):
        return None  # "began Wednesday" alone does not say what began
    return Link(claim, other, min(score, 1.0), "; ".join(reasons))


def link_claims(claims: Sequence[Claim], others: Iterable[Claim]) -> list[Link]:
    """Every link from ``claims`` to ``others``, blocked on kind and predicate class."""
    blocks: dict[tuple[str, str | None], list[tuple[Claim, About]]] = defaultdict(list)
    for other in others:
        about = describe(other)
        if about.predicate:
            blocks[(other.kind, about.predicate)].append((other, about))
    links = []
    for claim in claims:
        about = describe(claim)
        for other, other_about in blocks.get((claim.kind, about.predicate), ()):
            found = same_thing(claim, other, about, other_about)
            if found:
                links.append(found)
    return links
