"""Quote spans: straight and curly double quotes and guillemets, apostrophes left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_QUOTE_MARK = re.compile(r"[“”«»„\"]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation in a text: ``start``/``end`` include the marks; ``closed`` if it closes."""

    start: int
    end: int
    closed: bool

    def inner(self, text: str) -> str:
        """The quoted words without their marks."""
        return text[self.start + 1 : self.end - 1 if self.closed else self.end]


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Pair quote marks in ``text[start:end]``; an unclosed one runs to ``end``."""
    end = len(text) if end is None else end
    spans: list[QuoteSpan] = []
    opened_at: int | None = None
    expected_close = ""
    for match in _QUOTE_MARK.finditer(text, start, end):
        mark = match.group(0)
        if opened_at is None:
            if mark in _OPEN_CLOSE:
                opened_at, expected_close = match.start(), _OPEN_CLOSE[mark]
            elif mark == '"':
                opened_at, expected_close = match.start(), '"'
        elif mark == expected_close or (mark == '"' and expected_close == '"'):
            spans.append(QuoteSpan(opened_at, match.end(), True))
            opened_at = None
    if opened_at is not None:
        spans.append(QuoteSpan(opened_at, end, False))
    return spans
