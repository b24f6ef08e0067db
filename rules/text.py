"""Rules about the characters of the copy: words that look right but are spelled otherwise.

Both rules report in the ``name-variant`` category. The contract's category list is fixed
and has no "hidden character" entry; what these characters do is make one word two
spellings, the one the reader sees and the one search engines, sources and claimcheck's
own comparisons see ("Mil[U+200B]ler said" is not "Miller said"), which is what a name
variant is. Claimcheck reports them rather than normalising them away: removing a
character would shift every offset after it, and the editor should fix the file itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from claimcheck.engine import problem, rule
from claimcheck.lexicons import load_table

# Format characters that draw nothing. Inside a Latin word or a number they only split it.
_INVISIBLE = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
# Overrides force a direction on the text after them: even right-to-left copy has no use
# for them (it needs marks or isolates), and they can show readers reversed text.
_BIDI_OVERRIDES = "\u202d\u202e"
# Embeddings, isolates and marks steer right-to-left text; in a sentence with no
# right-to-left letter they do nothing visible, except reorder what follows them.
_BIDI_STEERING = "\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI_RUN = re.compile(f"[{_BIDI_OVERRIDES}{_BIDI_STEERING}]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def lookalike_letters() -> dict[str, str]:
    """Map each Cyrillic or Greek letter that passes for a Latin letter to that letter."""
    return {chr(int(row[0], 16)): row[1] for row in load_table("lookalike_letters")}


@cache
def _script(character: str) -> str:
    """The script of a letter as the first word of its Unicode name: LATIN, CYRILLIC, ..."""
    return unicodedata.name(character, "UNKNOWN").split(" ", 1)[0]


def _describe(character: str) -> str:
    return f"U+{ord(character):04X} {unicodedata.name(character, 'UNNAMED CHARACTER')}"


def _latin_or_digit(character: str) -> bool:
    return character.isascii() and character.isalnum() or _script(character) == "LATIN"


def _word_around(text: str, start: int, end: int, reach: int = 40) -> tuple[int, int]:
    """Widen ``text[start:end]`` to the word (letters, digits, invisibles) it stands in."""

    def in_word(character: str) -> bool:
        return character.isalnum() or character in _INVISIBLE

    word_start, word_end = start, end
    while word_start > max(0, start - reach) and in_word(text[word_start - 1]):
        word_start -= 1
    while word_end < min(len(text), end + reach) and in_word(text[word_end]):
        word_end += 1
    return word_start, word_end


def _is_right_to_left(character: str) -> bool:
    return unicodedata.bidirectional(character) in ("R", "AL")


def mixed_script_letters(word: str) -> list[tuple[int, str]]:
    """The letters of ``word`` that pass for another script's letters, with what they pass for.

    Only words mixing Latin with Cyrillic or Greek count, and only look-alike letters are
    returned: "Ѕyria" (Cyrillic Ѕ) is reported, "μg" (Greek mu, no Latin twin) is not.
    """
    if word.isascii():
        return []
    scripts = [_script(character) for character in word]
    latin = scripts.count("LATIN")
    other = scripts.count("CYRILLIC") + scripts.count("GREEK")
    if not latin or not other:
        return []
    lookalikes = lookalike_letters()
    found = []
    if latin >= other:  # a Latin word with foreign letters in it
        for index, character in enumerate(word):
            if character in lookalikes:
                found.append((index, f"Latin '{lookalikes[character]}'"))
    else:  # a Cyrillic or Greek word with Latin letters in it: twins from its own script
        script = max(("CYRILLIC", "GREEK"), key=scripts.count)
        twins = {
            latin_letter: letter
            for letter, latin_letter in lookalikes.items()
            if _script(letter) == script
        }
        for index, (character, script) in enumerate(zip(word, scripts, strict=True)):
            if script == "LATIN" and character in twins:
                found.append((index, f"{_script(twins[character]).title()} '{twins[character]}'"))
    return found


def _words_holding(text: str, characters: set[str]) -> Iterator[re.Match]:
    """The words of ``text`` (runs of letters, as ``_LETTERS`` finds them) holding one of
    ``characters``, in reading order: only those can mix scripts, and finding the few
    characters is cheaper than reading every word of the copy."""
    positions = []
    for character in characters:
        position = text.find(character)
        while position != -1:
            positions.append(position)
            position = text.find(character, position + 1)
    positions.sort()
    word_end = 0
    for position in positions:
        if position < word_end or not _LETTERS.match(text, position, position + 1):
            continue  # in the word just read, or not a letter (a Greek question mark)
        word_start = position
        while word_start and _LETTERS.match(text, word_start - 1, word_start):
            word_start -= 1
        word = _LETTERS.match(text, word_start)
        word_end = word.end()
        yield word


@rule("CC002", category="name-variant", severity="warning")
def lookalike_letters_in_word(document) -> Iterator:
    """A word that mixes Latin letters with Cyrillic or Greek look-alikes ("Ѕyria").

    Why it matters: a Cyrillic "с" or Greek "Ο" inside an English word reads normally, but
    the word no longer matches itself: a search for the name misses the story, a spell
    checker passes it, and claimcheck cannot link the claim to the same name in a source.
    It arrives with text pasted from a transliterating tool or a hostile source.

    Example (flagged):
        The offensive in Ѕyria began Wednesday.   (the first letter is Cyrillic)

    Use instead: retype the word: "The offensive in Syria began Wednesday."
    Letters of Greek or Cyrillic with no Latin twin ("μg", "β-blockers") are left alone.
    Reference: Unicode Technical Standard #39, mixed-script confusables.
    """
    text = document.text
    foreign = {c for c in set(_NON_ASCII.findall(text)) if _script(c) in ("CYRILLIC", "GREEK")}
    if not foreign:
        return  # most copy: no Cyrillic or Greek letter that could pass for a Latin one
    for match in _words_holding(text, foreign):
        word = match.group(0)
        letters = mixed_script_letters(word)
        if not letters:
            continue
        described = "; ".join(
            f"'{word[index]}' ({_describe(word[index])}) passes for {twin}"
            for index, twin in letters
        )
        yield problem(
            match.span(),
            f"'{word}' mixes scripts: {described}; searches, sources and claim comparisons "
            "will not match this word",
        )


def _runs(pattern: re.Pattern, text: str, characters: str) -> Iterator[re.Match]:
    """The runs ``pattern`` finds of ``characters`` in ``text``; most copy holds none of
    them, and a substring test per character is far cheaper than a regex scan."""
    if any(character in text for character in characters):
        yield from pattern.finditer(text)


@rule("CC003", category="name-variant", severity="warning")
def hidden_characters(document) -> Iterator:
    """An invisible character inside a word or number, or a bidirectional control that
    reorders left-to-right text.

    Why it matters: a zero-width space in "Mil[U+200B]ler" or "40[U+200B]0" draws nothing, so the
    editor sees "Miller" and "400", while search, sources and claimcheck see "Mil ler" and
    two numbers. A right-to-left override (U+202E) shows the text after it reversed, so the
    published words are not the words in the file (the "Trojan Source" trick).

    Example (flagged):
        Matthew Mil[U+200B]ler said 40[U+200B]0 people were killed.

    Use instead: delete the character (most editors show it with "show invisibles").
    Zero-width joiners inside emoji and in scripts that need them (Persian, Hindi), and
    direction marks in right-to-left text, are left alone.
    Reference: Unicode Standard Annex #9 (bidirectional text); CVE-2021-42574.
    """
    text = document.text
    for match in _runs(_INVISIBLE_RUN, text, _INVISIBLE):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (before and after and _latin_or_digit(before) and _latin_or_digit(after)):
            continue
        word_start, word_end = _word_around(text, start, end)
        shown = "".join(c for c in text[word_start:word_end] if c not in _INVISIBLE)
        names = ", ".join(dict.fromkeys(_describe(c) for c in match.group(0)))
        yield problem(
            (word_start, word_end),
            f"invisible {names} inside '{shown}': it reads as '{shown}' but is not spelled "
            "that way for search, sources or claim comparisons",
        )
    right_to_left: dict[int, bool] = {}  # per sentence, so each is looked at only once
    for match in _runs(_BIDI_RUN, text, _BIDI_OVERRIDES + _BIDI_STEERING):
        controls = match.group(0)
        if not any(control in _BIDI_OVERRIDES for control in controls):
            sentence = document.sentence_at(match.start())
            if sentence is None:
                start, end = match.span()
                has_rtl = any(_is_right_to_left(c) for c in text[max(0, start - 200) : end + 200])
            else:
                if sentence.index not in right_to_left:
                    right_to_left[sentence.index] = any(map(_is_right_to_left, sentence.text))
                has_rtl = right_to_left[sentence.index]
            if has_rtl:
                continue
        names = ", ".join(_describe(c) for c in sorted(set(controls)))
        count = f" ({len(controls)} characters)" if len(controls) > 1 else ""
        yield problem(
            match.span(),
            f"bidirectional control {names}{count}: it changes the order in which the text "
            "after it is displayed, so readers may not see the words in the file",
        )
