"""Read a file (or standard input) into a ``Document``, or fail with one clear line."""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path

from claimcheck.documents.markup import blank, markdown_prose, split_front_matter
from claimcheck.documents.model import Document
from claimcheck.documents.positions import LineIndex
from claimcheck.documents.published import FRONT_MATTER_KEYS, parse_publication_date
from claimcheck.documents.segmentation import segment, split_blocks
from claimcheck.documents.word import DOCX_SUFFIXES, read_word
from claimcheck.errors import InputError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
# A character that shows: not white space, not a zero-width or direction control.
_VISIBLE = re.compile(r"[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Byte-order marks of the other Unicode encodings, longest first (UTF-32-LE starts like -16).
_OTHER_UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes read-only, refusing what is missing, not a file or too large."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        target = Path(path)
        if not target.exists():
            raise InputError(path, "no such file")
        if target.is_dir():
            raise InputError(path, "is a directory with no drafts in it (.md, .txt, .html, .docx)")
        if not target.is_file():
            raise InputError(path, "is not a regular file")
        size = target.stat().st_size
        if size > max_bytes:
            raise InputError(
                path, f"file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit"
            )
        try:
            with open(target, "rb") as handle:  # read-only: claimcheck never writes a draft
                data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(path, f"input is over the {_megabytes(max_bytes)} limit")
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is dropped), refusing binary files and empty ones."""
    for bom, encoding in _OTHER_UNICODE_BOMS:
        if data.startswith(bom):
            raise InputError(path, f"{encoding} text, not UTF-8; save the file as UTF-8")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            path, f"invalid UTF-8 at byte {error.start} (line {line}); save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    if not _VISIBLE.search(text):
        raise InputError(path, "empty file: nothing to check")
    return text


def detect_format(path: str, text: str) -> str:
    """Return ``markdown``, ``html`` or ``text`` from the file name (or content, for stdin)."""
    suffix = os.path.splitext(path)[1].lower() if path != "-" else None
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix is None:
        head = text.lstrip()[:200].lower()
        if head.startswith("---"):
            return "markdown"
        if head.startswith(("<!doctype html", "<html", "<article", "<p>")):
            return "html"
    return "text"


def read_document(
    path: str,
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    data: bytes | None = None,
) -> Document:
    """Read, decode and segment one document; ``published`` overrides the file's own date."""
    if path != "-" and os.path.splitext(path)[1].lower() in DOCX_SUFFIXES:
        raw = read_bytes(path, max_bytes) if data is None else data
        return _read_word_document(path, published, raw)
    source = decode(path, read_bytes(path, max_bytes) if data is None else data)
    kind = detect_format(path, source)
    metadata: dict = {}
    text_starts = text_ends = None
    if kind == "html":
        from claimcheck.documents.html_text import html_prose

        prose = html_prose(source)
        text, text_starts, text_ends = prose.text, prose.starts, prose.ends
        metadata = dict(prose.meta)
        blocks = [(s, e, "paragraph") for s, e in split_blocks(text, one_per_line=False)]
    else:
        metadata, body_start = split_front_matter(path, source)
        if kind == "markdown":
            prose = markdown_prose(source, body_start)
            text, blocks = prose.text, prose.blocks
        else:
            # Plain text may carry front matter too; blank it so offsets stay the file's.
            text = blank(source[:body_start]) + source[body_start:]
            body = source[body_start:].strip()
            # Copy pasted from a web page has one paragraph a line and no blank lines.
            one_per_line = not any(line.strip() == "" for line in body.splitlines())
            blocks = [(s, e, "paragraph") for s, e in split_blocks(text, one_per_line=one_per_line)]
    if not _VISIBLE.search(text):
        raise InputError(path, "no prose to check (only markup or front matter)")
    published_on, published_from = _publication_date(path, metadata, published)
    paragraphs, sentences = segment(text, blocks)
    return Document(
        path=path,
        source=source,
        text=text,
        format=kind,
        published=published_on,
        published_from=published_from,
        metadata=metadata,
        paragraphs=paragraphs,
        sentences=sentences,
        lines=LineIndex(source),
        text_starts=text_starts,
        text_ends=text_ends,
    )


def _read_word_document(path: str, published: date | None, data: bytes) -> Document:
    """A ``.docx`` draft laid out one paragraph a line (see ``documents/word.py``)."""
    word = read_word(path, data)
    text = word.text
    if not text.strip():
        raise InputError(path, "no prose to check (the document has no text)")
    published_on, published_from = _publication_date(path, {}, published)
    paragraphs, sentences = segment(text, word.blocks())
    return Document(
        path=path,
        source=text,
        text=text,
        format="docx",
        published=published_on,
        published_from=published_from,
        metadata=dict(word.properties),
        paragraphs=paragraphs,
        sentences=sentences,
        lines=LineIndex(text),
    )


def _publication_date(path: str, metadata: dict, override: date | None) -> tuple[date | None, str]:
    """Apply the order: --published, front matter keys, HTML meta; say where it came from."""
    if override is not None:
        return override, "--published"
    for key in FRONT_MATTER_KEYS:
        if key in metadata:
            value = metadata[key]
            parsed = parse_publication_date(value)
            if parsed is None:
                raise InputError(path, f"front matter {key!r} is not a date: {value!r}")
            return parsed, f"front matter '{key}'"
    for key in ("article:published_time", "datepublished", "pubdate", "publishdate", "date"):
        if key in metadata:
            parsed = parse_publication_date(metadata[key])
            if parsed is None:
                raise InputError(path, f"HTML meta {key!r} is not a date: {metadata[key]!r}")
            return parsed, f"HTML meta '{key}'"
    return None, "no publication date (use --published DATE or a 'published' front-matter key)"
