"""Syndicated copy: documents that are the same wire story, near enough word for word.

Two outlets running one wire story agree because they are one source, not two: their
agreement is not independent confirmation, and furniture they share is reported once.
Documents are compared by their word 5-gram shingles; a pair whose smaller side is
mostly contained in the other is one story.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from claimcheck.documents.model import Document

SHINGLE_WORDS = 5
SAMPLE_EVERY = 4
SAME_STORY_CONTAINMENT = 0.6  # share of the shorter text's shingles found in the other
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """A sample of the overlapping five-word runs of a text, case and punctuation folded.

    Runs are hashed with CRC-32 (stable across processes, unlike ``hash``) and one in
    ``SAMPLE_EVERY`` is kept, which estimates containment at a fraction of the cost.
    """
    words = _WORD.findall(text.lower().replace("’", "'"))
    # each run of SHINGLE_WORDS words, joined and hashed in C loops (map and zip)
    runs = list(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))
    hashes = set(map(zlib.crc32, map(str.encode, filter(None, runs or [" ".join(words)]))))
    sampled = frozenset(h for h in hashes if h % SAMPLE_EVERY == 0)
    return sampled if len(sampled) >= 8 else frozenset(hashes)  # short texts: keep all


@dataclass(frozen=True)
class Syndication:
    """Which documents (by path) are copies of one story; ``story`` maps path to story id."""

    story: dict[str, int]

    def same_story(self, path: str, other: str) -> bool:
        return path != other and self.story.get(path, -1) == self.story.get(other, -2)

    def copies_of(self, path: str) -> list[str]:
        """The other documents that carry the same story as ``path``."""
        story = self.story.get(path)
        return [p for p, s in self.story.items() if s == story and p != path]

    def independent(self, paths: Sequence[str]) -> list[str]:
        """One path per story, in the order given: sources that confirm independently."""
        seen: set[int] = set()
        kept = []
        for path in paths:
            story = self.story.get(path, id(path))
            if story not in seen:
                seen.add(story)
                kept.append(path)
        return kept


def find_syndication(documents: Sequence[Document]) -> Syndication:
    """Group documents into stories: each joins the earliest earlier one it is a copy of.

    An index from shingle to documents counts shared shingles, so a thousand sources are
    not compared pair by pair.
    """
    prints = [shingles(document.text) for document in documents]
    sizes = [len(shingled) for shingled in prints]
    holders: dict[int, list[int]] = defaultdict(list)
    story: dict[str, int] = {}
    for index, document in enumerate(documents):
        # how many shingles each earlier document shares with this one, counted in one pass
        shared: Counter[int] = Counter(
            chain.from_iterable(holders.get(shingle, ()) for shingle in prints[index])
        )
        story[document.path] = index
        size = sizes[index]
        copied = [
            earlier
            for earlier, count in shared.items()
            if (smaller := min(size, sizes[earlier])) and count / smaller >= SAME_STORY_CONTAINMENT
        ]
        if copied:
            story[document.path] = story[documents[min(copied)].path]
        for shingle in prints[index]:
            holders[shingle].append(index)
    return Syndication(story)
