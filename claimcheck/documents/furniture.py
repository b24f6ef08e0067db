"""Page furniture: calls to action, section labels and teasers copied in from a web page.

A paragraph is furniture when it starts with (or is) a phrase of ``boilerplate.txt``,
when it is a short line in capitals that calls the reader to act, or when it names a
social handle. A related-content label ("Other Topics of Interest") also takes the
teasers under it: the paragraphs that follow while they share almost no content words
with the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck.documents.model import Document, Paragraph
from claimcheck.lexicons import load_lexicon, stopwords

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")
_HANDLE = re.compile(r"(?<!\w)@[A-Za-z_][\w.]{2,}")
_LABEL_PHRASES = frozenset(
    {
        "other topics of interest",
        "topics of interest",
        "related",
        "related articles",
        "related stories",
        "related coverage",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "more from",
        "more on this story",
        "most read",
        "most popular",
        "trending now",
        "read more",
        "read also",
        "also read",
        "see also",
    }
)
TEASER_OVERLAP = 0.25  # share of a teaser's content words found in the article, at most


@dataclass(frozen=True, slots=True)
class Furniture:
    paragraph: Paragraph
    reason: str


@cache
def _phrases() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("boilerplate"), key=len, reverse=True))


def content_words(text: str) -> set[str]:
    """Lower-cased words of a text that say what it is about."""
    return {w.lower().replace("’", "'") for w in _WORD.findall(text)} - stopwords()


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(".:!").lower())


@cache
def _phrase_set() -> tuple[frozenset[str], int]:
    """The phrases, and the most spaces one of them holds."""
    return frozenset(_phrases()), max((p.count(" ") for p in _phrases()), default=0)


def _matched_phrase(text: str) -> str | None:
    """The longest phrase the paragraph is, or starts with as whole words."""
    phrases, most_spaces = _phrase_set()
    words = text.split(maxsplit=most_spaces + 2)
    if len(words) > most_spaces + 2:
        # longer than any phrase: it can only start with one, and its first words tell
        lowered = " ".join(words[: most_spaces + 2]).lower()
    else:
        lowered = _normalised(text)
        if lowered in phrases:
            return lowered
    ends: list[int] = []  # where the first words end, as many as a phrase can hold
    space = lowered.find(" ")
    while space != -1 and len(ends) <= most_spaces:
        ends.append(space)
        space = lowered.find(" ", space + 1)
    for end in reversed(ends):
        if lowered[:end] in phrases:
            return lowered[:end]
    return None


def _is_shouting(text: str) -> bool:
    if len(text.split()) > 8:
        return False  # most paragraphs: no need to look at their letters
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def find_furniture(document: Document) -> list[Furniture]:
    """Return the paragraphs of a document that are page furniture, with the reason."""
    found: list[Furniture] = []
    paragraphs = document.paragraphs
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        text = paragraph.text
        phrase = _matched_phrase(text)
        if phrase and _normalised(text) in _LABEL_PHRASES:
            found.append(Furniture(paragraph, f"related-content label '{text.strip()}'"))
            teasers = _teasers_after(paragraphs, index)
            for teaser, overlap in teasers:
                found.append(
                    Furniture(
                        teaser,
                        f"teaser under '{text.strip()}': only {overlap} content words appear "
                        "in the article",
                    )
                )
            index += 1 + len(teasers)
            continue
        if phrase:
            found.append(Furniture(paragraph, f"call to action '{phrase}'"))
        elif "@" in text and _HANDLE.search(text) and len(text.split()) <= 20:
            found.append(
                Furniture(paragraph, f"social-media plug '{_HANDLE.search(text).group(0)}'")
            )
        elif _is_shouting(text):
            found.append(Furniture(paragraph, "short line in capitals"))
        index += 1
    return found


def _teasers_after(
    paragraphs: tuple[Paragraph, ...], label_index: int
) -> list[tuple[Paragraph, str]]:
    """The paragraphs after a label that are about something else than the article."""
    teasers: list[tuple[Paragraph, str]] = []
    for candidate in paragraphs[label_index + 1 :]:
        words = content_words(candidate.text)
        if not words:
            break
        # The article: every paragraph outside the label and the run of teasers so far.
        article: set[str] = set()
        for other in paragraphs:
            if not label_index <= other.index <= candidate.index:
                article |= content_words(other.text)
        shared = len(words & article)
        if shared / len(words) > TEASER_OVERLAP:
            break
        teasers.append((candidate, f"{shared} of its {len(words)}"))
    return teasers
