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


def _lead_length(node: Node, text: str) -> int:
    """Length of the preposition the grammar read before the expression ("in 2014", "at
    4 a.m."), which the claim leaves out."""
    for part in (node, node.get("from"), node.get("day"), node.get("time")):
        lead = part.get("lead") if isinstance(part, dict) else None
        if lead and text.lower().startswith(lead.lower()):
            return len(lead)
    return 0


def _spans_markup(document: Document, start: int, end: int) -> bool:
    """Whether the prose ``document.text[start:end]`` hides markup of the file."""
    if document.text_starts is not None:  # HTML: the visible text is not the file's text
        return False
    return document.source[start:end] != document.text[start:end]


DAY_FIRST_VALUES = ("day-first", "day first", "dmy", "d/m/y")


def extract_temporal(document: Document, day_first: bool | None = None) -> list[Claim]:
    """Find and resolve every temporal expression of a document (durations are read but
    not reported: they name no calendar position).

    ``day_first`` reads 1/12/2024 as 1 December; by default it is taken from the front
    matter (``date_order: day-first``), else month first (AP style)."""
    if day_first is None:
        order = str(document.metadata.get("date_order", "")).strip().lower()
        day_first = order in DAY_FIRST_VALUES
    claims = []
    reference = Reference(document.published, day_first=day_first)
    for sentence in document.sentences:
        for start, end, node in scan(sentence.text):
            if node["form"] in SILENT_FORMS:
                continue
            start += _lead_length(node, sentence.text[start:end])
            if _spans_markup(document, sentence.start + start, sentence.start + end):
                continue  # "Nov.<b>27": the date runs across markup that was blanked out
            tense = clause_tense(sentence.text, start, end)
            if node["form"] == "offset" and node.get("direction") == "in" and tense.tense == "past":
                continue  # "killed 11 people in two days": told in the past, a duration
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
