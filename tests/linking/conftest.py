"""Fixtures for the linking tests: claims found by the real pipeline in written sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from claimcheck.claims import Claim
from claimcheck.documents import read_document
from claimcheck.linking.linker import LINKED_KINDS
from claimcheck.pipeline import extract_claims


def claims_of(text: str, published: str, path: str = "draft.txt") -> list[Claim]:
    """The temporal and numeric claims of a text, as the pipeline finds them."""
    document = read_document(
        path, data=text.encode("utf-8"), published=date.fromisoformat(published)
    )
    return [c for c in extract_claims(document) if c.kind in LINKED_KINDS]


def claim_in(claims: list[Claim], phrase: str) -> Claim:
    """The claim whose text overlaps ``phrase`` most (the phrase must be found as a claim)."""
    found = [c for c in claims if phrase in c.text or c.text in phrase]
    assert found, f"{phrase!r} not found among {[c.text for c in claims]}"
    return max(found, key=lambda c: len(c.text))


@pytest.fixture
def claim() -> Callable[..., Claim]:
    """``claim(sentence, published, phrase)``: the pipeline's claim for a phrase."""

    def make(sentence: str, published: str, phrase: str, path: str = "draft.txt") -> Claim:
        return claim_in(claims_of(sentence, published, path), phrase)

    return make
