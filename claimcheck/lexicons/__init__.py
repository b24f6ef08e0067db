"""Word lists kept as data files, loaded once on first use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def load_lexicon(name: str) -> tuple[str, ...]:
    """Return the entries of ``lexicons/<name>.txt``: one per line, ``#`` starts a comment."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of ``lexicons/<name>.tsv`` split on tabs, comments and blanks skipped."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def title_words() -> frozenset[str]:
    """Words of titles and roles, lower case (``titles.txt``)."""
    return frozenset(load_lexicon("titles"))


@cache
def stopwords() -> frozenset[str]:
    """Words that say nothing of what a text is about (``stopwords.txt``)."""
    return frozenset(load_lexicon("stopwords"))


@cache
def counted_classes() -> dict[str, str]:
    """Counted noun -> the class of what it counts (``counted_classes.tsv``): "person" and
    "people" count people, "soldier" and "troops" soldiers; classes apart ("civilians",
    "people") are different measures."""
    return {row[0].lower(): row[1] for row in load_table("counted_classes") if len(row) > 1}


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, built as a trie so that the regex
    engine branches once per character instead of trying every word in turn (a space in a
    word matches any run of white space). The result has no top-level ``|``.

    It opens with a lookahead for the words' first characters: where a search tries it at
    every word of a text, most words fail on that one test instead of on every branch of
    the trie's first level (searches with it run up to twice as fast)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    # the trie's keys are its words' first characters ("" for an empty word)
    return first_character_test(trie) + _trie_pattern(trie)


def first_character_test(words: Iterable[str]) -> str:
    """A lookahead on the first characters of ``words``, to stand before their alternatives:
    most places a search tries fail on this one test instead of on each alternative. Empty
    where it would test nothing (an empty word matches anywhere; one first character is
    one test already)."""
    first = sorted({word[:1] for word in words})
    if "" in first or len(first) < 2:
        return ""
    opening = "".join(r"\s" if char == " " else _class_character(char) for char in first)
    return f"(?=[{opening}])"


def _class_character(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


@cache
def _escaped(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _trie_pattern(node: dict) -> str:
    branches = []
    for char, child in sorted(node.items()):
        if not char:
            continue
        written = [_escaped(char)]
        while len(child) == 1 and "" not in child:  # one way on: the letters in a row
            ((char, child),) = child.items()
            written.append(_escaped(char))
        branches.append("".join(written) + _trie_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
