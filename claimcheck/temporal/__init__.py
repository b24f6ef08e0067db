"""Temporal claims: the grammar (``grammar.py``), the clause tense (``tense.py``) and the
resolver against the publication date (``resolve.py``); examples in ``examples.tsv``."""

from __future__ import annotations

from claimcheck.claims import Claim, make_claim
from claimcheck.documents.model import Document
from claimcheck.temporal.grammar import scan
from claimcheck.temporal.resolve import TemporalValue, resolve
from claimcheck.temporal.tense import clause_tense

__all__ = ["TemporalValue", "extract_temporal"]


def extract_temporal(document: Document) -> list[Claim]:
    """Find and resolve every temporal expression of a document."""
    claims = []
    for sentence in document.sentences:
        for start, end, fields in scan(sentence.text):
            while end > start and sentence.text[end - 1].isspace():
                end -= 1
            tense = clause_tense(sentence.text, start, end)
            value, how = resolve(fields, tense, document.published)
            phrase = sentence.text[start:end]
            if value.start is not None:
                explanation = f"{phrase} → {value.start.isoformat()}: {how}"
            else:
                explanation = f"{phrase} unresolved: {how}"
            claims.append(
                make_claim(
                    document,
                    "temporal",
                    sentence.start + start,
                    sentence.start + end,
                    value,
                    explanation,
                    sentence,
                )
            )
    return claims
