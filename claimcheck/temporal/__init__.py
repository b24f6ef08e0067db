"""Temporal claims: the grammar (``grammar.py``), the clause tense (``tense.py``) and the
resolver against the publication date (``resolve.py``); examples in ``examples.tsv``."""

from __future__ import annotations

from dataclasses import replace

from claimcheck.claims import Claim, make_claim
from claimcheck.documents.model import Document
from claimcheck.temporal.grammar import SILENT_FORMS, Node, scan
from claimcheck.temporal.resolve import Reference, TemporalValue, resolve
from claimcheck.temporal.tense import Tense, clause_tense

__all__ = ["Reference", "TemporalValue", "explain", "extract_temporal", "read_phrase"]


def explain(phrase: str, value: TemporalValue, how: str) -> str:
    """The one-line explanation: "Sunday → 2024-12-01: past tense 'spoke', publication ..."."""
    if value.start is None:
        return f"{phrase} unresolved: {how}"
    span = value.start.isoformat()
    if value.end != value.start:
        span += f"..{value.end.isoformat()}"
    if value.time:
        span += f" {value.time}" + (f"-{value.end_time}" if value.end_time else "")
        span += f" {value.zone}" if value.zone else ""
    return f"{phrase} → {span}: {how}"


def read_phrase(
    text: str, reference: Reference, tense: Tense | None = None
) -> tuple[Node, TemporalValue, str] | None:
    """Read the first temporal expression of ``text`` and resolve it (the evaluation's entry
    point; ``tense`` defaults to the clause's own)."""
    found = scan(text)
    if not found:
        return None
    start, end, node = found[0]
    if tense is None:
        tense = clause_tense(text, start, end)
    value, how = resolve(node, tense, reference)
    return node, value, how


def extract_temporal(document: Document) -> list[Claim]:
    """Find and resolve every temporal expression of a document (durations are read but
    not reported: they name no calendar position)."""
    claims = []
    reference = Reference(document.published)
    for sentence in document.sentences:
        for start, end, node in scan(sentence.text):
            if node["form"] in SILENT_FORMS:
                continue
            lead = node.get("lead")
            if lead and sentence.text[start : start + len(lead)].lower() == lead.lower():
                start += len(lead)
            tense = clause_tense(sentence.text, start, end)
            value, how = resolve(node, tense, reference)
            value = replace(value, tense=tense.tense, cue=tense.cue)
            phrase = sentence.text[start:end]
            claims.append(
                make_claim(
                    document,
                    "temporal",
                    sentence.start + start,
                    sentence.start + end,
                    value,
                    explain(phrase, value, how),
                    sentence,
                )
            )
    return claims
