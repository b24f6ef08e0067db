"""Quote spans over a whole document.

Double quotes (straight, curly, low-high, guillemets) open and close quotations; single
quotes count only nested inside a double one, and an apostrophe ("Jones'", "'Tis",
"rock 'n' roll", "can't") is never a quote. A quotation may hold several sentences, and
one continued over paragraphs newspaper style (no closing mark at the end of a paragraph,
the next one reopening with a mark) is one quote with a segment per paragraph. A quote
that never closes is reported at its opening and ends with its paragraph, so the rest of
the document is read as if it had closed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from claimcheck.lexicons import load_lexicon

_DOUBLE = '“”„«»"'
_SINGLE = "‘’'"
_MARK = re.compile(r"[“”„«»\"‘’']")
# What may stand before an opening mark: start, space, an opening bracket or dash.
_OPENING_CONTEXT = " \t\n\r([{—–-/“‘«„"
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


@cache
def _elisions() -> frozenset[str]:
    """Words written with a leading apostrophe ('Tis, 'n', 'em, '90s)."""
    return frozenset(load_lexicon("apostrophe_words"))


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks; one segment per paragraph it spans.

    ``closed`` is false for a quote that never closes (it then ends with its paragraph);
    ``nested`` are the (start, end) of single-quoted passages inside it.
    """

    start: int
    end: int
    closed: bool
    segments: tuple[tuple[int, int], ...] = ()
    nested: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.segments:
            object.__setattr__(self, "segments", ((self.start, self.end),))

    def segment_inner(self, text: str, segment: tuple[int, int]) -> str:
        """One segment's words without its marks."""
        start, end = segment
        if text[start : start + 1] in _DOUBLE:
            start += 1
        if end > start and text[end - 1] in _DOUBLE:
            end -= 1
        return text[start:end].strip()

    def inner(self, text: str) -> str:
        """The quoted words without their marks, segments joined by a space."""
        return " ".join(self.segment_inner(text, s) for s in self.segments)


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    """A quote mark that does not pair: an opening that never closes, or a stray closing."""

    offset: int
    kind: str  # "unclosed" or "unopened"
    paragraph_end: int


@dataclass
class QuoteScan:
    """The quotes of a text and the marks that did not pair."""

    quotes: list[QuoteSpan] = field(default_factory=list)
    problems: list[QuoteProblem] = field(default_factory=list)


def looks_like_title(words: str) -> bool:
    """Whether quoted words read as a title: every word of four letters or more capitalised,
    and at least two of them ("Days of Reckoning", not "This is not the end")."""
    tokens = _TITLE_WORD.findall(words)
    if len(tokens) < 2 or words.rstrip()[-1:] in ".!?,;:":
        return False
    long_words = [token for token in tokens if len(token) > 3]
    return len(long_words) >= 2 and all(token[0].isupper() for token in long_words)


def _opens(text: str, at: int, start: int) -> bool:
    """Whether the mark at ``at`` stands where a quotation opens (after space, before a word)."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1 : at + 2]
    return before in _OPENING_CONTEXT and after != "" and not after.isspace()


def _closes(text: str, at: int, start: int, end: int) -> bool:
    """Whether the mark at ``at`` stands where a quotation closes (after a word or stop)."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _elision_at(text: str, at: int) -> bool:
    match = re.match(r"['’]([A-Za-z0-9]+)(['’])?", text[at : at + 12])
    if match is None:
        return False
    word = match.group(1).lower() + ("'" if match.group(2) else "")
    return word in _elisions() or match.group(1).isdigit()


class _Scanner:
    """Pairs the marks of one text, paragraph by paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.scan = QuoteScan()
        self.open_at: int | None = None  # the first opening mark of the open quote
        self.opener = ""
        self.segments: list[tuple[int, int]] = []
        self.segment_start = 0
        self.nested: list[tuple[int, int]] = []
        self.nested_at: int | None = None

    def run(self, paragraphs: Iterable[tuple[int, int]]) -> QuoteScan:
        previous_end = 0
        for start, end in paragraphs:
            if self.open_at is not None:
                first = self.text[start : start + 1]
                if first in '“„«"' and _opens(self.text, start, start):
                    # newspaper style: the next paragraph reopens the same quote
                    self.segments.append((self.segment_start, previous_end))
                    self.segment_start = start
                    self._paragraph(start + 1, end)
                    previous_end = end
                    continue
                self._unclosed(previous_end)
            self._paragraph(start, end)
            previous_end = end
        if self.open_at is not None:
            self._unclosed(previous_end)
        self.scan.quotes.sort(key=lambda q: q.start)
        return self.scan

    def _paragraph(self, start: int, end: int) -> None:
        text = self.text
        for match in _MARK.finditer(text, start, end):
            at = match.start()
            mark = match.group(0)
            if mark in _SINGLE:
                self._single(at, start, end)
            elif self.open_at is None:
                if mark in "“„«" or (mark == '"' and not _closes(text, at, start, end)):
                    self._open(at, mark)
                elif mark == '"' and _opens(text, at, start):
                    self._open(at, mark)
                else:
                    self.scan.problems.append(QuoteProblem(at, "unopened", end))
            elif self._is_closing(mark, at, start, end):
                self._close(at + 1)
            elif mark in "“«" or (mark == '"' and _opens(text, at, start)):
                # a new quote opens before the last one closed: that one never closed
                self._unclosed(_rstrip(text, at, start))
                self._open(at, mark)
            else:
                self.scan.problems.append(QuoteProblem(at, "unopened", end))

    def _is_closing(self, mark: str, at: int, start: int, end: int) -> bool:
        if self.opener == "«":
            return mark == "»"
        if self.opener == "„":
            return mark in "“”"
        if mark == "”":
            return True
        return mark == '"' and (
            _closes(self.text, at, start, end) or not _opens(self.text, at, start)
        )

    def _single(self, at: int, start: int, end: int) -> None:
        """A single mark inside a double quote: a nested quote, or an apostrophe."""
        if self.open_at is None:
            return
        text, mark = self.text, self.text[at]
        if self.nested_at is not None and mark in "’'" and _closes(text, at, start, end):
            if at - self.nested_at > 3:  # 'n' and 'em are elisions, not quotes
                self.nested.append((self.nested_at, at + 1))
                self.nested_at = None
            return
        if self.nested_at is None and mark in "‘'" and _opens(text, at, start):
            if not _elision_at(text, at):
                self.nested_at = at

    def _open(self, at: int, mark: str) -> None:
        self.open_at, self.opener = at, mark
        self.segment_start = at
        self.segments, self.nested, self.nested_at = [], [], None

    def _close(self, end: int) -> None:
        assert self.open_at is not None
        segments = (*self.segments, (self.segment_start, end))
        self.scan.quotes.append(QuoteSpan(self.open_at, end, True, segments, tuple(self.nested)))
        self.open_at = None

    def _unclosed(self, end: int) -> None:
        assert self.open_at is not None
        paragraph_end = end
        self.scan.problems.append(QuoteProblem(self.open_at, "unclosed", paragraph_end))
        segments = (*self.segments, (self.segment_start, end))
        self.scan.quotes.append(QuoteSpan(self.open_at, end, False, segments, tuple(self.nested)))
        self.open_at = None


def _rstrip(text: str, end: int, start: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lines(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def scan_quotes(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> QuoteScan:
    """Find the quotes of ``text`` and its unpaired marks; paragraphs default to its lines."""
    if not any(mark in text for mark in _DOUBLE):
        return QuoteScan()
    blocks = _lines(text) if paragraphs is None else paragraphs
    trimmed = []
    for start, end in blocks:
        while start < end and text[start].isspace():
            start += 1
        end = _rstrip(text, end, start)
        if start < end:
            trimmed.append((start, end))
    return _Scanner(text).run(trimmed)
