"""The document model: the file as read, the prose the extractors see, and its sentences."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimcheck.documents.positions import LineIndex


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of prose; ``start``/``end`` are offsets into ``Document.text``."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of prose (a paragraph, heading or list item); offsets into ``Document.text``."""

    index: int
    start: int
    end: int
    text: str
    block: str = "paragraph"


@dataclass(frozen=True)
class Document:
    """One input file, read and segmented.

    ``source`` is the decoded file. ``text`` is the prose view the extractors read: for
    plain text and Markdown it has the same length as ``source`` with everything that is
    not prose (front matter, code, comments, link targets) blanked out, so offsets are
    shared; for HTML it is the visible text, and ``source_offset`` maps back to the file.
    """

    path: str
    source: str
    text: str
    format: str
    published: date | None
    published_from: str
    metadata: dict[str, Any]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    lines: LineIndex = field(repr=False)
    # For HTML only: source offset of each character of ``text`` and of its end.
    text_starts: array | None = field(default=None, repr=False)
    text_ends: array | None = field(default=None, repr=False)

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """Return the file offset of a ``text`` offset (``end=True`` for an exclusive end)."""
        if self.text_starts is None:
            return offset
        if not len(self.text_starts):
            return 0
        if end:
            return self.text_ends[offset - 1] if offset > 0 else self.text_starts[0]
        if offset >= len(self.text_starts):
            return self.text_ends[-1]
        return self.text_starts[offset]

    def position(self, offset: int, *, end: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) in the file of a ``text`` offset."""
        return self.lines.position(self.source_offset(offset, end=end))

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing a ``text`` offset, if any."""
        low, high = 0, len(self.sentences) - 1
        while low <= high:
            middle = (low + high) // 2
            sentence = self.sentences[middle]
            if offset < sentence.start:
                high = middle - 1
            elif offset >= sentence.end:
                low = middle + 1
            else:
                return sentence
        return None

    def line_text(self, line: int) -> str:
        """Return the text of a 1-based line of the file, without its line break."""
        start = self.lines.line_start(line)
        end = self.lines.line_start(line + 1) if line < self.lines.line_count else len(self.source)
        return self.source[start:end].rstrip("\r\n")
