"""Comparing a quote with a source's words the way an editor does.

What does not count as a change: curly against straight marks, punctuation inside or
outside the closing mark, the case of a letter (a quote may start mid-sentence), a quote
that takes only part of the source's words (a truncation), an ellipsis standing for words
left out ("the need for de-escalation ... in Aleppo and elsewhere"), and words in square
brackets standing for, or added to, the speaker's ("[the minister] said").

What does: a word inserted ("the urgent need"), replaced ("exacerbate" for "increase",
"in Gaza" for "in Aleppo and elsewhere") or dropped without an ellipsis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

_TOKEN = re.compile(r"\[[^\]]*\]|\.\.\.|…|[\w’'-]+")
_ELLIPSIS = "..."
_BRACKET = "[]"
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True, slots=True)
class Change:
    """One word-level change from the source's words to the quote's."""

    kind: str  # "inserted", "replaced", "dropped"
    source: str
    quote: str

    def describe(self) -> str:
        if self.kind == "inserted":
            return f"inserted {self.quote!r}"
        if self.kind == "dropped":
            return f"dropped {self.source!r}"
        return f"{self.quote!r} for {self.source!r}"


@dataclass(frozen=True, slots=True)
class QuoteComparison:
    """How a quote stands against a source's words.

    ``matched`` is how many of the quote's words were found in order in the source;
    ``diff`` shows the source passage with ``[-dropped-]`` and ``{+inserted+}`` words.
    """

    matched: int
    quote_words: int
    changes: tuple[Change, ...]
    diff: str

    @property
    def related(self) -> bool:
        """Whether the quote is recognisably the source's words (faithful or altered)."""
        # three words in order (all of a shorter quote) and most of a longer one: fewer could
        # be chance ("the need for"), and then it is another statement, not an altered one
        return self.matched >= min(self.quote_words, max(3, round(0.6 * self.quote_words)))

    @property
    def faithful(self) -> bool:
        return self.related and not self.changes

    def describe(self) -> str:
        return "; ".join(change.describe() for change in self.changes)


def words(text: str) -> list[str]:
    """The words of a quote for comparison: lower case, marks and punctuation aside; an
    ellipsis and a bracketed insertion are kept as tokens of their own."""
    return [token.lower() for token in _shown_words(text)]


def _shown_words(text: str) -> list[str]:
    """The words of a quote as written, tokens as ``words`` has them."""
    tokens = []
    for token in _TOKEN.findall(text.translate(_MARKS)):
        if token in ("...", "…"):
            tokens.append(_ELLIPSIS)
        elif token.startswith("["):
            tokens.append(_BRACKET)
        else:
            tokens.append(token.strip("'-"))
    return [t for t in tokens if t]


@lru_cache(maxsize=256)
def _source_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A source's words as written and in lower case: every quote of a draft is compared
    with the same few sources, which are read once."""
    shown = tuple(_shown_words(text))
    return shown, tuple(token.lower() for token in shown)


def compare_quote(quote: str, source: str) -> QuoteComparison:
    """Compare a quote with the source's words it claims to reproduce."""
    quoted = _shown_words(quote)
    shown, lowered = _source_words(source)
    original, original_lower = list(shown), list(lowered)
    changes: list[Change] = []
    diff_parts: list[str] = []
    matched = 0
    position = 0
    for fragment in _fragments(quoted):
        fragment_lower = [t.lower() for t in fragment]
        window = _window(fragment_lower, original_lower, position)
        if window is None:
            changes.append(Change("inserted", "", " ".join(fragment)))
            diff_parts.append("{+" + " ".join(fragment) + "+}")
            continue
        start, end = window
        fragment_matched, fragment_changes, fragment_diff = _align(original[start:end], fragment)
        matched += fragment_matched
        changes.extend(fragment_changes)
        diff_parts.append(fragment_diff)
        position = end
    content_words = sum(1 for t in quoted if t not in (_ELLIPSIS, _BRACKET))
    return QuoteComparison(matched, content_words, tuple(changes), " ... ".join(diff_parts))


def _fragments(tokens: list[str]) -> list[list[str]]:
    """The quote split at its ellipses: each part must appear, in order, in the source."""
    fragments: list[list[str]] = [[]]
    for token in tokens:
        if token == _ELLIPSIS:
            fragments.append([])
        else:
            fragments[-1].append(token)
    return [f for f in fragments if any(t != _BRACKET for t in f)]


def _window(fragment: list[str], original: list[str], position: int) -> tuple[int, int] | None:
    """The stretch of the source (from ``position``) that a fragment reproduces: found by
    rapidfuzz's best partial alignment, then trimmed to the first and last word in common."""
    plain = [t for t in fragment if t != _BRACKET]
    if not plain or position >= len(original):
        return None
    lo, hi = _located(plain, original, position)
    aligned = _semi_global(original[lo:hi], plain)
    if aligned is None:
        return None
    start, end, leading, trailing = lo + aligned[0], lo + aligned[1], aligned[2], aligned[3]
    # words of the quote before the first or after the last match stand for source words
    # only where the source passage ends there too ("in Gaza" for "in Aleppo and elsewhere")
    if trailing and len(original) - end <= trailing + 3:
        end = len(original)
    if leading and start - position <= leading + 3:
        start = position
    return start, end


def _semi_global(passage: list[str], fragment: list[str]) -> tuple[int, int, int, int] | None:
    """Align a fragment inside a passage, the passage's words before and after it free:
    (start, end) of the aligned passage words and how many of the fragment's first and
    last words match nothing. Edit costs are one per word inserted, dropped or replaced."""
    rows, columns = len(passage), len(fragment)
    cost = [[0] * (columns + 1) for _ in range(rows + 1)]
    for j in range(1, columns + 1):
        cost[0][j] = j
    for i in range(1, rows + 1):
        above, row = cost[i - 1], cost[i]
        word = passage[i - 1]
        for j in range(1, columns + 1):
            row[j] = min(above[j - 1] + (word != fragment[j - 1]), above[j] + 1, row[j - 1] + 1)
    end = min(range(rows + 1), key=lambda i: (cost[i][columns], -i))
    i, j = end, columns
    matched: list[tuple[int, int]] = []
    while j > 0 and i > 0:
        here = cost[i][j]
        if here == cost[i - 1][j - 1] + (passage[i - 1] != fragment[j - 1]):
            if passage[i - 1] == fragment[j - 1]:
                matched.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif here == cost[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    if not matched:
        return None
    first, last = matched[-1], matched[0]
    return first[0], last[0] + 1, first[1], columns - last[1] - 1


def _located(plain: list[str], original: list[str], position: int) -> tuple[int, int]:
    """Token bounds, with a margin, of where the fragment best aligns in the source."""
    if len(original) - position <= 2 * len(plain) + 8:
        return position, len(original)
    offsets = []
    cursor = 0
    for token in original[position:]:
        offsets.append(cursor)
        cursor += len(token) + 1
    alignment = fuzz.partial_ratio_alignment(" ".join(plain), " ".join(original[position:]))
    first = bisect_right(offsets, alignment.dest_start) - 1
    last = bisect_right(offsets, max(alignment.dest_end - 1, 0))
    margin = len(plain) // 2 + 3
    return max(position, position + first - margin), min(len(original), position + last + margin)


def _align(passage: list[str], fragment: list[str]) -> tuple[int, list[Change], str]:
    """Word-level changes from a source passage to a quote fragment, brackets honoured."""
    matched = 0
    changes: list[Change] = []
    diff: list[str] = []
    for tag, source_words, quote_words in _merged_opcodes(passage, fragment):
        if tag == "equal":
            matched += len(source_words)
            diff.extend(source_words)
            continue
        if _BRACKET in quote_words:
            # "[the minister]" stands for the words it replaces, or adds a word of its own
            diff.append("[...]")
            continue
        source_text, quote_text = " ".join(source_words), " ".join(quote_words)
        if tag == "insert":
            changes.append(Change("inserted", "", quote_text))
            diff.append("{+" + quote_text + "+}")
        elif tag == "delete":
            changes.append(Change("dropped", source_text, ""))
            diff.append("[-" + source_text + "-]")
        else:
            changes.append(Change("replaced", source_text, quote_text))
            diff.append("[-" + source_text + "-]{+" + quote_text + "+}")
    return matched, changes, " ".join(diff)


def _merged_opcodes(
    passage: list[str], fragment: list[str]
) -> list[tuple[str, list[str], list[str]]]:
    """Levenshtein opcodes (case aside) with neighbouring changes joined: "in Gaza" for "in
    Aleppo and elsewhere" is one replacement, not a replacement and a drop."""
    merged: list[tuple[str, list[str], list[str]]] = []
    lower_passage = [t.lower() for t in passage]
    lower_fragment = [t.lower() for t in fragment]
    for op in Levenshtein.opcodes(lower_passage, lower_fragment):
        source_words = passage[op.src_start : op.src_end]
        quote_words = fragment[op.dest_start : op.dest_end]
        if op.tag != "equal" and merged and merged[-1][0] != "equal":
            _, before_source, before_quote = merged.pop()
            source_words = before_source + source_words
            quote_words = before_quote + quote_words
            tag = "replace" if source_words and quote_words else op.tag
            merged.append((tag, source_words, quote_words))
        else:
            merged.append((op.tag, source_words, quote_words))
    return merged


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A quote of another document that a quote reproduces, and how faithfully."""

    claim: Any  # the other document's attribution claim
    words: str  # its quoted words
    comparison: QuoteComparison


def best_match(quote: str, candidates: Iterable[tuple[Any, str]]) -> QuoteMatch | None:
    """The candidate (claim, quoted words) that ``quote`` reproduces best, if any is related.

    rapidfuzz's partial ratio picks the candidates worth aligning word by word; the best
    is the one with most words in common, a faithful one first."""
    wanted = " ".join(words(quote))
    best: QuoteMatch | None = None
    for claim, quoted in candidates:
        if fuzz.partial_ratio(wanted, " ".join(words(quoted))) < 60:
            continue
        comparison = compare_quote(quote, quoted)
        if not comparison.related:
            continue
        key = (comparison.faithful, comparison.matched, -len(comparison.changes))
        if best is None or key > (
            best.comparison.faithful,
            best.comparison.matched,
            -len(best.comparison.changes),
        ):
            best = QuoteMatch(claim, quoted, comparison)
    return best
