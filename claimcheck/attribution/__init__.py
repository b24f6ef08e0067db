"""Attribution claims: the grammar (``grammar.py``), quote spans (``quotes.py``), the register
of people (``people.py``) and quote comparison (``compare.py``).

Extraction reads a document in three passes: quotes over the whole text (a quote may hold
several sentences or run over paragraphs), then the attributions of each sentence with its
quotes masked, then, in reading order, each quote given to the attribution it belongs to
and each speaker resolved through the document's people register.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from claimcheck.attribution.grammar import Match, scan, speech_verbs
from claimcheck.attribution.people import (
    PeopleRegister,
    Person,
    Resolution,
    speaker_bodies,
    split_mention,
)
from claimcheck.attribution.quotes import QuoteScan, QuoteSpan, looks_like_title, scan_quotes
from claimcheck.claims import Claim, make_claim
from claimcheck.documents.model import Document, Sentence

__all__ = [
    "AttributionValue",
    "DocumentAttribution",
    "PeopleRegister",
    "analyse_attribution",
    "extract_attribution",
]

# "that" after the cue, perhaps after when or where it was said ("on Tuesday that ...").
_THAT = re.compile(
    r"^\s*(?:(?:(?:on|in|at|during|late|early|last|this|earlier|later)\b[^,“\"]{0,40}?\s+)?"
    r"that\s+)?",
    re.I,
)
_LEADING_PUNCTUATION = " ,.;:—–-"
_OPENING_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,6}")
_TRAILING_CONJUNCTIONS = ("and", "while", "but", "before", "as")
_WORD_CHARACTER = re.compile(r"[A-Za-zÀ-ÿ0-9]")
# Verbs that report speech with or without "that" ("The source said the talks ..."); after
# the others, words that open with a preposition or an adverb and no "that" are not reported
# speech ("Burton explained from a podium.").
_BARE_CLAUSE_LEMMAS = frozenset({"say", "tell", "add", "write", "report"})
_NOT_A_CLAUSE = re.compile(
    r"\s*(?:[.!?]|$|(?:from|to|at|in|on|with|by|for|about|over|after|before|during|again|"
    r"also|further|briefly|later|earlier|repeatedly)\b(?![^.]*\bthat\b))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class AttributionValue:
    """Who said what: the resolved speaker, the mention as written, the cue and the words.

    ``quote`` is the quoted words (the parts of a split or continued quote joined by a
    space, quotes apart in the sentence by " ... "), ``None`` when nothing is quoted;
    ``quotes`` are the words of each quotation apart and ``quote_spans`` their file offsets
    (marks included), for comparing them.
    """

    speaker: str
    speaker_text: str
    cue: str
    quote: str | None
    content: str
    direct: bool
    person: bool = False
    construction: str = ""
    quotes: tuple[str, ...] = ()
    quote_spans: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "quote": self.quote,
            "content": self.content,
            "direct": self.direct,
        }


@dataclass
class DocumentAttribution:
    """What attribution extraction learnt about one document."""

    quotes: QuoteScan
    register: PeopleRegister
    claims: list[Claim] = field(default_factory=list)


_CACHE: OrderedDict[int, tuple[Document, DocumentAttribution]] = OrderedDict()


def analyse_attribution(document: Document) -> DocumentAttribution:
    """The quotes, people register and attribution claims of a document (cached per document)."""
    key = id(document)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is document:
        _CACHE.move_to_end(key)
        return cached[1]
    analysis = _Extraction(document).run()
    _CACHE[key] = (document, analysis)
    if len(_CACHE) > 64:
        _CACHE.popitem(last=False)
    return analysis


def extract_attribution(document: Document) -> list[Claim]:
    """Find who said what in a document, resolving speakers through its people register."""
    return list(analyse_attribution(document).claims)


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """``text`` with each closed quote's segments written ``“___”`` (same length)."""
    pieces: list[str] = []
    cursor = 0
    for quote in quotes:
        if not quote.closed:
            continue
        for start, end in quote.segments:
            pieces.append(text[cursor:start])
            closing = end - start > 1 and text[end - 1] in '”»"“'
            length = end - start - (2 if closing else 1)
            pieces.append("“" + "_" * max(length, 0) + ("”" if closing else ""))
            cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


@dataclass
class _Found:
    """An attribution of a sentence with the quotes it was given."""

    match: Match
    sentence: Sentence
    start: int  # offsets in the document text
    end: int
    quotes: list[QuoteSpan] = field(default_factory=list)


class _Extraction:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.scan = scan_quotes(self.text, [(p.start, p.end) for p in document.paragraphs])
        self.masked = mask_quotes(self.text, self.scan.quotes)
        self.register = PeopleRegister.from_text(self.text)
        self._inner: dict[int, str] = {}
        self._speakers: list[str] = []  # speakers so far, for "the source" after "a source"

    def inner(self, quote: QuoteSpan) -> str:
        """A quote's words without marks or a trailing comma (computed once)."""
        words = self._inner.get(quote.start)
        if words is None:
            words = self._inner[quote.start] = quote.inner(self.text).rstrip(",")
        return words

    def run(self) -> DocumentAttribution:
        found = self._attributions()
        self.by_sentence: dict[int, list[_Found]] = {}
        for item in found:
            self.by_sentence.setdefault(item.sentence.index, []).append(item)
        orphans = self._assign_quotes(found)
        claims = self._claims(found, orphans)
        return DocumentAttribution(self.scan, self.register, claims)

    # pass 1: the attributions of each sentence, quotes masked ---------------------------------
    def _attributions(self) -> list[_Found]:
        found = []
        for sentence in self.document.sentences:
            masked = self.masked[sentence.start : sentence.end]
            for match in scan(masked):
                found.append(
                    _Found(
                        match, sentence, sentence.start + match.start, sentence.start + match.end
                    )
                )
        return found

    # pass 2: each quote to the attribution it belongs to --------------------------------------
    def _assign_quotes(self, found: list[_Found]) -> list[QuoteSpan]:
        orphans = []
        for quote in self.scan.quotes:
            if not quote.closed or looks_like_title(self.inner(quote)):
                continue
            owner = self._owner(quote, found)
            if owner is None:
                orphans.append(quote)
            else:
                owner.quotes.append(quote)
        return orphans

    def _owner(self, quote: QuoteSpan, found: list[_Found]) -> _Found | None:
        first_start = quote.segments[0][0]
        last_end = quote.segments[-1][1]
        start_sentence = self.document.sentence_at(first_start)
        end_sentence = self.document.sentence_at(max(last_end - 1, 0))
        in_start = self._found_in(start_sentence) if start_sentence else []
        in_end = self._found_in(end_sentence) if end_sentence else []
        for candidate in in_end:  # "“...,” X said" and "“...,” said X"
            if candidate.start >= last_end and _only_punctuation(
                self.masked[last_end : candidate.start]
            ):
                return candidate
        for candidate in in_start:  # "X said: “...”" and "X said, “...”"
            if candidate.end <= first_start and _only_punctuation(
                self.masked[candidate.end : first_start]
            ):
                return candidate
        before = [f for f in in_start if f.end <= first_start]
        # "According to X, Y told Z “...”": the quote is Y's, the nearest speaker before it.
        if before:
            return before[-1]
        after = [f for f in in_end if f.start >= last_end]
        return after[0] if after else None

    # pass 3: claims in reading order, speakers resolved -----------------------------------
    def _claims(self, found: list[_Found], orphans: list[QuoteSpan]) -> list[Claim]:
        items: list[tuple[int, Any]] = [(f.start, f) for f in found]
        items += [(q.start, q) for q in orphans]
        items.sort(key=lambda item: item[0])
        claims: list[Claim] = []
        previous_person: Person | None = None
        previous_found: _Found | None = None
        previous_value: AttributionValue | None = None
        sentence_index = -1
        # sentence subjects matter only to a he or she further on
        pronouns = any(f.match.mention.lower() in ("he", "she") for f in found)
        for _offset, item in items:
            sentence = item.sentence if isinstance(item, _Found) else None
            if pronouns and sentence is not None and sentence.index != sentence_index:
                # the people the sentences in between open with ("Miller declined to ...")
                for between in self.document.sentences[sentence_index + 1 : sentence.index + 1]:
                    previous_person = self._subject(between) or previous_person
                sentence_index = sentence.index
            if isinstance(item, QuoteSpan):
                claim = self._inherited(item, claims, previous_value)
                if claim is not None:
                    claims.append(claim)
                continue
            value, person = self._value(item, previous_found, previous_value, previous_person)
            previous_person = person or previous_person
            if value is None:
                continue
            previous_found, previous_value = item, value
            self._speakers.append(value.speaker)
            claims.append(
                make_claim(
                    self.document,
                    "attribution",
                    item.start,
                    item.end,
                    value,
                    sentence=item.sentence,
                )
            )
        return claims

    def _subject(self, sentence: Sentence) -> Person | None:
        """The person a sentence opens with ("Miller declined to comment."), if registered."""
        match = _OPENING_NAME.match(sentence.text)
        name = split_mention(match.group(0)).name if match else None
        return self.register.find(name) if name else None

    def _value(
        self,
        item: _Found,
        previous_found: _Found | None,
        previous_value: AttributionValue | None,
        previous_person: Person | None,
    ) -> tuple[AttributionValue | None, Person | None]:
        match = item.match
        cue = match.cue.lower() if match.construction != "according_to" else "according to"
        cue = " ".join(cue.split())
        lemma = speech_verbs().get(cue, cue)
        if match.construction == "coordinated":
            if previous_value is None or previous_found is None:
                return None, None
            if previous_found.sentence.index not in (item.sentence.index, item.sentence.index - 1):
                return None, None
            resolution = Resolution(previous_value.speaker, None)
            speaker_text = previous_value.speaker_text
            person_flag = previous_value.person
            if previous_found.sentence.index != item.sentence.index:
                # "Biden called it ... but warned ...": the verb's subject opens its own
                # sentence; the last speaker is the subject only when it opens with he or she
                opening = _OPENING_NAME.match(item.sentence.text)
                subject = self._subject(item.sentence)
                if subject is not None:
                    resolution, speaker_text, person_flag = (
                        Resolution(subject.name, subject),
                        subject.name,
                        True,
                    )
                elif opening and opening.group(0).split()[0] not in ("He", "She", "They"):
                    return None, None  # someone else's sentence, and no name to give
        else:
            resolution = self._resolve(match.mention, previous_person)
            speaker_text = match.mention
            person_flag = resolution.person is not None
            name, _, appositive = match.mention.partition(",")
            if resolution.person is not None and appositive.strip():
                # "Ahmed al-Sharaa, the leader of the new administration": a role of his
                self.register.add_role(resolution.person, appositive.strip())
        quote = self._joined_quote(item)
        content = self._content(item)
        if quote is None and not content:
            return None, resolution.person
        if quote is None and lemma not in _BARE_CLAUSE_LEMMAS and cue != "according to":
            # "Burton explained from a podium": a verb of speech, but no reported words
            if _NOT_A_CLAUSE.match(self.masked[item.end : item.sentence.end]):
                return None, resolution.person
        value = AttributionValue(
            speaker=resolution.speaker,
            speaker_text=speaker_text,
            cue=cue,
            quote=quote,
            content=content or (quote or ""),
            direct=quote is not None,
            person=person_flag,
            construction=match.construction,
            quotes=tuple(self.inner(q) for q in item.quotes),
            quote_spans=tuple(self._file_span(q) for q in item.quotes),
        )
        return value, resolution.person

    def _joined_quote(self, item: _Found) -> str | None:
        """The quoted words of an attribution: the parts of a quote split by its cue ("“A,”
        she said, “B.”") joined by a space, quotes apart in the sentence by " ... "."""
        if not item.quotes:
            return None
        joined = self.inner(item.quotes[0])
        for before, after in zip(item.quotes, item.quotes[1:], strict=False):
            gap = self.masked[before.end : item.start] + self.masked[item.end : after.start]
            split = before.end <= item.start and item.end <= after.start
            joiner = " " if split and not _has_words(gap) else " ... "
            joined += joiner + self.inner(after)
        return joined.strip() or None

    def _file_span(self, quote: QuoteSpan) -> tuple[int, int]:
        return self.document.source_offset(quote.start), self.document.source_offset(
            quote.end, end=True
        )

    def _resolve(self, mention: str, previous_person: Person | None) -> Resolution:
        """Resolve through the register; a name alone becomes a person ("Burton said"), and
        "the source" is the source spoken of before ("a Turkish foreign ministry source")."""
        resolution = self.register.resolve(mention, previous_person)
        if resolution.person is not None:
            return resolution
        words = mention.split()
        head = words[-1].lower() if words else ""
        if len(words) == 1 and _is_single_name(mention):
            return Resolution(mention, self.register.add(mention))
        if words and words[0].lower() == "the" and head in speaker_bodies():
            for earlier in reversed(self._speakers):
                if earlier.lower().split()[-1] == head:
                    return Resolution(earlier, None)
        return resolution

    def _content(self, item: _Found) -> str:
        """The reported words: what follows the cue, or the clause before ", X said"."""
        sentence = item.sentence
        others = [
            f
            for f in self._found_in(sentence)
            if f is not item and f.match.construction != "according_to"
        ]
        if item.match.construction == "according_to":
            limit = sentence.end
        else:
            later = [f.start for f in others if f.start >= item.end]
            limit = min(later) if later else sentence.end
        if item.match.colon and item.quotes:
            return ""  # "Asked about the talks, Miller said: “...”": the quote is the content
        following = self.text[item.end : limit]
        masked_following = self.masked[item.end : limit]
        if _has_words(masked_following):
            content = following.strip(_LEADING_PUNCTUATION + "\n")
            return _without_trailing_conjunction(_THAT.sub("", content, count=1))
        earlier = [f.end for f in others if f.end <= item.start]
        begin = max(earlier) if earlier else sentence.start
        preceding = self.text[begin : item.start].strip(_LEADING_PUNCTUATION + "\n")
        if not _has_words(self.masked[begin : item.start]):
            return ""  # only the quote itself: the content is the quote
        return preceding.rstrip(" ,.;:")

    def _found_in(self, sentence: Sentence) -> list[_Found]:
        return self.by_sentence.get(sentence.index, [])

    def _inherited(
        self, quote: QuoteSpan, claims: list[Claim], previous: AttributionValue | None
    ) -> Claim | None:
        """A quote with no attribution of its own continues the last speaker's words, when it
        opens its sentence right after that speaker's attribution (newspaper style)."""
        if previous is None or not claims:
            return None
        sentence = self.document.sentence_at(quote.start)
        if sentence is None or self.text[sentence.start : quote.start].strip():
            return None
        last = claims[-1]
        last_paragraph = last.sentence.paragraph
        if sentence.paragraph != last_paragraph:
            return None
        value = AttributionValue(
            speaker=previous.speaker,
            speaker_text=previous.speaker_text,
            cue=previous.cue,
            quote=self.inner(quote),
            content=self.inner(quote),
            direct=True,
            person=previous.person,
            construction="continued",
            quotes=(self.inner(quote),),
            quote_spans=(self._file_span(quote),),
        )
        return make_claim(
            self.document, "attribution", quote.start, quote.end, value, sentence=sentence
        )


def _is_single_name(word: str) -> bool:
    """A capitalised word that may be a person's name: not a pronoun, a body or a title."""
    return (
        word[:1].isupper()
        and word.lower() not in speaker_bodies()
        and word.lower() not in ("he", "she", "they", "it", "we", "i")
        and split_mention(word).name == word
    )


def _without_trailing_conjunction(content: str) -> str:
    """ "Turkey would “support ...” and" → without the "and" that joins the next cue."""
    content = content.rstrip(" ,.;:")
    words = content.rsplit(None, 1)
    while len(words) == 2 and words[1] in _TRAILING_CONJUNCTIONS:
        content = words[0].rstrip(" ,.;:")
        words = content.rsplit(None, 1)
    return content


def _only_punctuation(text: str) -> bool:
    return not text.strip(" ,.;:—–-\n\r\t")


def _has_words(masked: str) -> bool:
    """Whether masked text holds words outside quotes."""
    return _WORD_CHARACTER.search(masked) is not None
