"""Attribution claims: the grammar (``grammar.py``), quote spans (``quotes.py``) and the
register of people (``people.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimcheck.attribution.grammar import scan, speech_verbs
from claimcheck.attribution.people import PeopleRegister
from claimcheck.attribution.quotes import QuoteSpan, find_quotes
from claimcheck.claims import Claim, make_claim
from claimcheck.documents.model import Document

__all__ = ["AttributionValue", "extract_attribution"]

_THAT = re.compile(r"^\s*(?:that\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class AttributionValue:
    """Who said what: the resolved speaker, the mention as written, the cue and the words."""

    speaker: str
    speaker_text: str
    cue: str
    quote: str | None
    content: str
    direct: bool
    person: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "quote": self.quote,
            "content": self.content,
            "direct": self.direct,
        }


def extract_attribution(document: Document) -> list[Claim]:
    """Find who said what in a document, resolving speakers through its people register."""
    register = PeopleRegister()
    claims = []
    for sentence in document.sentences:
        text = sentence.text
        register.add_text(text)
        found = scan(text)
        quotes = find_quotes(text)
        for index, (start, end, fields) in enumerate(found):
            mention = fields["mention"]
            speaker, is_person = register.resolve(mention)
            cue = fields["cue"].lower()
            if cue not in speech_verbs() and cue != "according to":
                continue
            # "According to X, ..." reports the whole rest of the sentence, nested cues included.
            last = index + 1 >= len(found) or cue == "according to"
            next_start = len(text) if last else found[index + 1][0]
            quote = _nearest_quote(quotes, start, end, next_start)
            content = _content(text, start, end, next_start, cue)
            value = AttributionValue(
                speaker=speaker,
                speaker_text=mention,
                cue=cue,
                quote=quote.inner(text).rstrip(",.") if quote else None,
                content=content,
                direct=quote is not None,
                person=is_person,
            )
            claims.append(
                make_claim(
                    document,
                    "attribution",
                    sentence.start + start,
                    sentence.start + end,
                    value,
                    sentence=sentence,
                )
            )
    return claims


def _nearest_quote(quotes: list[QuoteSpan], start: int, end: int, limit: int) -> QuoteSpan | None:
    """The quote an attribution introduces (after it, before the next one) or closes (before it)."""
    after = [q for q in quotes if end <= q.start < limit]
    if after:
        return after[0]
    before = [q for q in quotes if q.end <= start]
    return before[-1] if before else None


def _content(text: str, start: int, end: int, limit: int, cue: str) -> str:
    """The reported words: what follows the cue, or the clause before ", X said"."""
    following = text[end:limit].strip(" ,.")
    if cue == "according to" or not following:
        preceding = text[:start].rstrip(" ,")
        if following and cue == "according to":
            return following
        return preceding
    return _THAT.sub("", following, count=1)
