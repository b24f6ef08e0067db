"""Numeric claims: the grammar (``grammar.py``), values (``resolve.py``), stated bounds
(``bounds.py``) and units through pint (``units.py``)."""

from __future__ import annotations

from claimcheck.claims import Claim, make_claim
from claimcheck.documents.model import Document
from claimcheck.numeric.bounds import NumericValue, stated_bounds
from claimcheck.numeric.resolve import Figure, read_figures

__all__ = ["Figure", "NumericValue", "extract_numeric", "read_figures", "stated_bounds"]


def extract_numeric(document: Document) -> list[Claim]:
    """Find every figure of a document with its stated bounds and what it counts."""
    claims = []
    for sentence in document.sentences:
        for figure in read_figures(sentence.text):
            claims.append(
                make_claim(
                    document,
                    "numeric",
                    sentence.start + figure.start,
                    sentence.start + figure.end,
                    figure.value,
                    explanation=figure.explanation,
                    sentence=sentence,
                )
            )
    return claims
