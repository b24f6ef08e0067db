"""The pyparsing grammar of attributions: "X said", "said X", "according to X".

A mention is a short run of name and noun words ("State Department spokesman Matthew
Miller", "a Syrian war monitor", "He"); function words, punctuation and quote marks end it.
"""

from __future__ import annotations

import re
from functools import cache

import pyparsing as pp

from claimcheck.lexicons import load_table

# Words that cannot be part of a speaker mention (they end it).
_NOT_MENTION = (
    "and or but nor that which who whom whose when where while as if in on at to for with by "
    "from into about after before since than then there this these those is are was were be "
    "been being has have had do does did not no also would could should will may might must "
    "can said says told stated added most some many much all it its their his her our"
).split()
_DETERMINERS = r"(?:the|a|an|another|one|two|three|several|some|his|her|their|its)"
_ADVERBS = r"(?:also|later|earlier|then|previously|further|again|separately|repeatedly)"
_PRONOUNS = r"(?:he|she|they|it|we|i)"
_STATEMENT_TAIL = (
    r"(?:\s+(?:in|on|at|during|via)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|briefing|post|message|speech|news conference|press conference|"
    r"conference|call|video|letter|tweet|report)s?(?:\s+on\s+(?:X|Twitter|Telegram|Facebook))?"
    r"|\s+reporters)?"
)

CANDIDATE = re.compile(
    r"\b(?:said|says|according|told|stated|added|insisted|warned|stressed|noted"
    r"|[a-z]+ed|[a-z]+s)\b"
)


@cache
def speech_verbs() -> dict[str, str]:
    """Map each speech-verb form to its lemma."""
    return {row[0]: row[1] for row in load_table("speech_verbs")}


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def attribution_grammar() -> pp.ParserElement:
    """Return the grammar; each match yields a dict with mention, cue and (for told) addressee."""
    cue_words = _alternatives(list(speech_verbs()))
    not_mention = _alternatives(_NOT_MENTION + list(speech_verbs()))
    word = r"(?:(?!(?:" + not_mention + r")\b)[A-Za-z][\w’'.-]*|of(?=\s+[A-Z]))"
    mention_words = word + r"(?:\s+" + word + r"){0,7}"
    mention = (
        r"(?:(?i:"
        + _PRONOUNS
        + r")(?=\s)|(?:(?i:"
        + _DETERMINERS
        + r")\s+)?"
        + mention_words
        + r")"
    )
    speaker_first = pp.Regex(
        r"\b(?P<mention>" + mention + r")\s+(?:(?P<adverb>" + _ADVERBS + r")\s+)?"
        r"(?P<cue>" + cue_words + r")\b"
        r"(?:(?:(?<=told)|(?<=tells))\s+(?P<addressee>reporters|journalists|"
        r"(?:the|a|an)\s+\w+|[A-Z][\w’'-]*))?" + _STATEMENT_TAIL
    )
    cue_first = pp.Regex(
        r"(?<=[,”\"]\s)(?P<cue>said|says|added|stated|insisted|warned|stressed|noted)\s+"
        r"(?P<mention>" + mention + r")"
    )
    according_to = pp.Regex(r"\b(?P<cue>[Aa]ccording to)\s+(?P<mention>" + mention + r")")
    grammar = according_to | cue_first | speaker_first
    grammar.set_parse_action(lambda tokens: [{k: v for k, v in tokens.as_dict().items() if v}])
    return grammar


def scan(text: str) -> list[tuple[int, int, dict[str, str]]]:
    """Return (start, end, fields) for each attribution in ``text``."""
    if not CANDIDATE.search(text):
        return []
    return [
        (start, end, tokens[0]) for tokens, start, end in attribution_grammar().scan_string(text)
    ]
