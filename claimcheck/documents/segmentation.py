"""Split prose into paragraphs and sentences without losing a character offset.

Sentence ends are found with one regular expression and then vetted: a full stop after
a news abbreviation (Dec., Gen., Mr.), an initial (J.), a dotted acronym (U.S.) or a
time (a.m.) does not end a sentence unless a common sentence opener follows it.
"""

from __future__ import annotations

import re
from functools import cache

from claimcheck.documents.model import Paragraph, Sentence
from claimcheck.lexicons import load_lexicon

# A terminator, any closing quotes or brackets, then white space and a plausible opener.
_BOUNDARY = re.compile(
    r"""(?P<stop>[.!?…]+)(?P<close>["”’'»)\]]*)(?P<gap>\s+)(?=["“‘'«(\[]?[A-Z0-9À-Ý])"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)$")
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n|\r\r")
_SENTENCE_OPENERS = frozenset(
    "The A An He She It They We I But And In On At This That These Those There His Her "
    "Their Its Our After Before When While Meanwhile However".split()
)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lexicon("abbreviations"))


def _is_abbreviation(text: str, stop_at: int, next_word: str) -> bool:
    """Whether the full stop at ``stop_at`` belongs to an abbreviation, not a sentence end."""
    match = _WORD_BEFORE.search(text, max(0, stop_at - 20), stop_at)
    if match is None:
        return False
    word = match.group(1)
    bare = word.rstrip(".").lower()
    opener_follows = next_word in _SENTENCE_OPENERS
    if "." in word.rstrip("."):  # U.S., a.m., p.m., U.N.
        return not opener_follows
    if len(word) == 1 and word.isupper():  # an initial: J. Smith
        return not opener_follows
    return bare in _abbreviations()


def split_sentences(
    text: str, start: int, end: int, paragraph: int, first_index: int
) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences, numbered from ``first_index``."""
    sentences: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop_at = match.start("stop")
        if match.group("stop") == "." and _is_abbreviation(
            text, stop_at, _next_word(text, match.end(), end)
        ):
            continue
        sentence_end = match.end("close")
        _append(sentences, text, cursor, sentence_end, paragraph, first_index)
        cursor = match.end()
    _append(sentences, text, cursor, end, paragraph, first_index)
    return sentences


def _next_word(text: str, at: int, end: int) -> str:
    match = re.compile(r"[\"“‘'«(\[]?(\w+)").match(text, at, end)
    return match.group(1) if match else ""


def _append(
    sentences: list[Sentence], text: str, start: int, end: int, paragraph: int, first: int
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(first + len(sentences), paragraph, start, end, text[start:end]))


def split_blocks(text: str, *, one_per_line: bool) -> list[tuple[int, int]]:
    """Return (start, end) of each block of prose: blank-line separated, or one per line."""
    separator = re.compile(r"\r\n|\r|\n") if one_per_line else _BLANK_LINES
    blocks = []
    cursor = 0
    for match in separator.finditer(text):
        blocks.append((cursor, match.start()))
        cursor = match.end()
    blocks.append((cursor, len(text)))
    return [(s, e) for s, e in blocks if text[s:e].strip()]


def segment(
    text: str, blocks: list[tuple[int, int, str]]
) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """Build paragraphs and their sentences from (start, end, block kind) spans of ``text``."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for start, end, block in blocks:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        index = len(paragraphs)
        paragraphs.append(Paragraph(index, start, end, text[start:end], block))
        sentences.extend(split_sentences(text, start, end, index, len(sentences)))
    return tuple(paragraphs), tuple(sentences)


def clause_around(
    text: str, start: int, end: int, breaks: re.Pattern[str], before: int, after: int
) -> tuple[int, int]:
    """The clause of ``text`` around ``text[start:end]``: from the last match of ``breaks``
    within ``before`` characters of it to the first within ``after`` characters after it
    (the reach bounds, so a run-on "sentence" is read in linear time)."""
    clause_start = max(0, start - before)
    for match in breaks.finditer(text, clause_start, start):
        clause_start = match.end()
    limit = min(len(text), end + after)
    following = breaks.search(text, end, limit)
    return clause_start, following.start() if following else limit
