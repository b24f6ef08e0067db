"""The claim model: what a grammar found, where, and its resolved value.

A claim is an immutable value. Its ``value`` is kind-specific (``TemporalValue``,
``NumericValue``, ``AttributionValue``) and turns itself into the JSON contract.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from claimcheck.documents.model import Document, Sentence

KINDS = ("temporal", "numeric", "attribution")


class ClaimValue(Protocol):
    def to_json(self) -> dict[str, Any] | None: ...


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim found in a document.

    ``start``/``end`` are offsets into the file; ``line``/``column`` (1-based) are where
    ``start`` stands in the file as the editor sees it. ``explanation`` says, in one line,
    how the value was resolved; ``published`` is the publication date of its document.
    """

    kind: str
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    path: str
    sentence: Sentence
    value: Any
    explanation: str = ""
    # the publication date of the claim's document: each side of a comparison has its own
    published: date | None = None

    def to_json(self) -> dict[str, Any]:
        """The claim as the JSON contract prints it."""
        payload: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "value": _finite(self.value.to_json()),
        }
        unresolved = getattr(self.value, "unresolved", None)
        if payload["value"] is None and unresolved:
            payload["unresolved"] = unresolved
        if self.explanation:
            payload["explanation"] = self.explanation
        return payload


def _finite(value: Any) -> Any:
    """Replace an infinite or NaN number by null: a 100,000-digit figure overflows a float,
    and ``Infinity`` is not JSON, so a strict reader of the report would fail on it."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def make_claim(
    document: Document,
    kind: str,
    start: int,
    end: int,
    value: Any,
    explanation: str = "",
    sentence: Sentence | None = None,
) -> Claim:
    """Build a claim from offsets into ``document.text``."""
    line, column = document.position(start)
    end_line, end_column = document.position(end, end=True)
    if sentence is None:
        sentence = document.sentence_at(start)
    return Claim(
        kind=kind,
        text=document.text[start:end],
        start=document.source_offset(start),
        end=document.source_offset(end, end=True),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        path=document.path,
        sentence=sentence,
        value=value,
        explanation=explanation,
        published=document.published,
    )
