"""shingles() hashes every run of five words with C loops (map, zip): the same sample as
hashing each slice of the word list, for texts shorter and longer than a run."""

from __future__ import annotations

import re
import zlib

import pytest

from claimcheck.linking.syndication import SAMPLE_EVERY, SHINGLE_WORDS, shingles


def _by_slices(text: str) -> frozenset[int]:
    words = re.findall(r"\w+", text.lower().replace("’", "'"))
    runs = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    hashes = {zlib.crc32(run.encode()) for run in runs or [" ".join(words)] if run}
    sampled = frozenset(h for h in hashes if h % SAMPLE_EVERY == 0)
    return sampled if len(sampled) >= 8 else frozenset(hashes)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "...",
        "one",
        "one two three four",
        "one two three four five",
        "One two, three four five six.",
        "The offensive began Wednesday, the monitor said. " * 12,
        "Rebels ’entered’ Aleppo\u200bon Friday; 400 people were killed, officials said. " * 5,
    ],
)
def test_shingles_are_the_hashed_runs_of_five_words(text):
    assert shingles(text) == _by_slices(text)
