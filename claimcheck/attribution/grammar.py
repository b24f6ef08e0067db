"""The grammar of attributions, as small named pyparsing constructions.

- ``speaker_first``: "X said", "X says", "X told Y", "X said in a statement", "X told
  reporters", "X, who ..., said", "X, the leader of ..., insisted:", "X also said".
- ``cue_first``: "..., said X" and "“...,” said X" after a clause or a quote.
- ``according_to``: "according to X".
- ``coordinated``: "... and said", "..., adding that", "while insisting that": a second cue
  of the speaker already named in the sentence.

A mention is a short run of name and noun words ("State Department spokesman Matthew
Miller", "a Syrian war monitor", "He"); function words, punctuation and quote marks end
it. The grammar reads a sentence whose quotations are masked (``“___”``), so nothing
inside a quote is taken for an attribution and every quote looks the same to it.

Each construction is a ``pyparsing.Regex``; ``scan`` runs their compiled patterns over a
sentence (C speed) after a prefilter on the cue words, because pyparsing's own
``scan_string`` tries every character in Python, about four times too slow for a
newsroom's CI. The fields each match yields are plain strings; resolving them (who the
speaker is, what was said) is done by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyparsing as pp

from claimcheck.lexicons import alternation, first_character_test, load_table
from claimcheck.lexicons.pattern_cache import compile_pattern, regex_element

# Words that cannot be part of a speaker mention (they end it).
_NOT_MENTION = (
    "and or but nor that which who whom whose when where while as if in on at to for with by "
    "from into about after before since than then there this these those is are was were be "
    "been being has have had do does did not no also would could should will may might must "
    "can it its their his her our than because however although though "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday "
    "later earlier previously further again separately repeatedly once recently publicly "
    "privately reportedly"
).split()
_DETERMINERS = r"(?:the|a|an|another|one|two|three|several|some|his|her|their|its)"
_PRONOUNS = r"(?:he|she|they|it|we|i)"
_ABBREVIATIONS = r"(?:mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sgt|adm|sen|rep|gov|st|jr|sr)"
_ADVERBS = (
    r"(?:also|later|earlier|then|previously|further|again|separately|repeatedly|once|"
    r"recently|publicly|privately|reportedly|has|had|have|(?:on\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday)"
)
_STATEMENT = (
    r"(?:statement|interview|briefing|post|message|speech|news conference|press conference|"
    r"news release|press release|conference|call|video|letter|tweet|report|address|"
    r"television interview|radio interview)"
)
_STATEMENT_TAIL = (
    r"(?:\s+(?:in|on|at|during|via)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    + _STATEMENT
    + r"s?(?:\s+"
    + _STATEMENT
    + r"s?)?(?:\s+(?:on|to|with)\s+(?:X|Twitter|Telegram|Facebook|reporters|[A-Z][\w-]+))?)?"
    # when it was said: "said in a video statement on Saturday"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday)(?=[\s,.;:]|$))?"
)


@dataclass(frozen=True, slots=True)
class Match:
    """One attribution found in a sentence: its span, construction and fields."""

    start: int
    end: int
    construction: str
    mention: str
    cue: str
    addressee: str | None = None
    colon: bool = False


@cache
def speech_verbs() -> dict[str, str]:
    """Map each speech-verb form to its lemma (``lexicons/speech_verbs.tsv``)."""
    return {row[0]: row[1] for row in load_table("speech_verbs")}


@cache
def _cue_words() -> tuple[str, str]:
    """(finite forms, -ing forms) as regex alternatives."""
    finite = [w for w in speech_verbs() if not w.endswith("ing")]
    gerunds = [w for w in speech_verbs() if w.endswith("ing")]
    return alternation(finite), alternation(gerunds)


@cache
def _mention() -> str:
    finite, gerunds = _cue_words()
    not_mention = alternation(_NOT_MENTION + list(speech_verbs()))
    # A full stop belongs to a word only in an initial or an abbreviation ("Heather C.
    # Briccetti", "U.S.", "Gen."): "said Miller." ends the mention before the stop.
    word = (
        r"(?:[A-Z]\.(?:[A-Z]\.)*|(?i:" + _ABBREVIATIONS + r")\.|(?!(?i:" + not_mention + r")\b)"
        r"[A-Za-zÀ-ÿ][\w’'-]*|(?:of|for|to)(?=\s+[A-Z])|(?<=\s)of\s+the(?=\s+[A-Z]))"
    )
    words = word + r"(?:\s+" + word + r"){0,7}"
    names = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    return (
        r"(?:(?i:" + _PRONOUNS + r")(?=\s)"
        r"|" + names + r"\s+and\s+" + names + r"(?=\s+(?:" + finite + r")\b|\s*[.,;:!?]|\s*$)"
        r"|(?:(?i:" + _DETERMINERS + r")\s+)?" + words + r")"
    )


@cache
def constructions() -> dict[str, pp.Regex]:
    """The named constructions of the grammar, built once."""
    finite, gerunds = _cue_words()
    mention = _mention()
    appositive = (
        r"(?P<appositive>,\s+(?:who|speaking|in\s+(?:a|an|the|his|her|its|their)\s|"
        r"(?i:a|an|the)\s)[^,“”\"\n]{1,120}?,)"
    )
    addressee = (
        r"(?:(?:(?<=told)|(?<=tells)|(?<=telling))\s+(?P<addressee>reporters|journalists|"
        r"(?:the|a|an)\s+\w+(?:\s+\w+)?(?=\s*[,:“\"]|\s+(?:that|in|on)\b)|everyone|"
        r"[A-Z][\w’'-]*))?"
    )
    speaker_first = regex_element(
        r"(?<![\w’'-])(?P<mention>" + mention + r")" + appositive + r"?"
        r"(?:\s+"
        + _ADVERBS
        + r")*\s+(?P<cue>"
        + finite
        + r")\b"
        + addressee
        + _STATEMENT_TAIL
        + r"(?P<colon>\s*:)?"
    ).set_name("speaker_first")
    cue_first = regex_element(
        r"(?<=[,”]\s)(?P<cue>" + finite + r")\s+(?P<mention>" + mention + r")(?![\w’'-])"
        # "..., said the talks had stalled": a verb after it makes the mention a subject (and
        # the mention ends with its last word: "said Miller had" is not "Mille")
        r"(?!\s+(?:had|has|have|was|were|is|are|would|will|could|should|might|may|must|"
        r"did|does|do)\b)" + _STATEMENT_TAIL
    ).set_name("cue_first")
    according_to = regex_element(
        r"\b(?P<cue>[Aa]ccording\s+to)\s+(?P<mention>" + mention + r")"
    ).set_name("according_to")
    # "... and said", "while insisting that", ", adding that"
    joined = r"\b(?:and|while|but|before)\s+(?:also\s+)?|,\s+(?=(?:" + gerunds + r")\b)"
    coordinated = regex_element(
        first_character_test(["and", "while", "but", "before", ","]) + r"(?:" + joined + r")"
        r"(?P<cue>" + gerunds + r"|" + finite + r")\b" + addressee + r"(?P<colon>\s*:)?"
    ).set_name("coordinated")
    return {
        "according_to": according_to,
        "cue_first": cue_first,
        "speaker_first": speaker_first,
        "coordinated": coordinated,
    }


@cache
def _finite_cue() -> re.Pattern[str]:
    return compile_pattern(r"\b(?:" + _cue_words()[0] + r")\b")


_WORDS_BACK = re.compile(r"(?:\s*\S+){0,12}")


def _speaker_first_matches(pattern: re.Pattern[str], masked: str) -> list[re.Match[str]]:
    """``speaker_first`` tried only in the dozen words before each cue: a mention is at
    most nine words, and trying every word of a long sentence costs twice the time."""
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for cue in _finite_cue().finditer(masked):
        before = masked[max(0, cue.start() - 200) : cue.start()]
        start = cue.start() - _WORDS_BACK.match(before[::-1]).end()
        endpos = min(len(masked), cue.end() + 160)
        while start <= cue.start():
            match = pattern.search(masked, start, endpos)
            if match is None or match.start() > cue.start():
                break
            matches.setdefault(match.span(), match)
            if match.end() >= cue.end():
                break
            start = match.end()  # that was an earlier cue's; look on for this one's
    return [matches[span] for span in sorted(matches)]


@cache
def _prefilter() -> re.Pattern[str]:
    verbs = list(speech_verbs())
    opening = first_character_test([*verbs, "according to"])
    return compile_pattern(opening + r"\b(?:" + alternation(verbs) + r"|according to)\b", re.I)


@cache
def _lower_case_cue() -> re.Pattern[str]:
    """A speech verb as the constructions take their cues: in lower case, a word of its own."""
    verbs = list(speech_verbs())
    return compile_pattern(r"\b(?:" + alternation(verbs) + r")\b")


def _may_hold_attribution(masked: str) -> bool:
    """Whether a sentence may hold an attribution: it has a speech verb or "according to",
    in any case (``_prefilter``). Every construction but according_to needs a lower-case
    verb, the cheaper test, so the case-blind one is left for sentences saying "ccording"."""
    if _lower_case_cue().search(masked) is not None:
        return True
    return "ccording" in masked and _prefilter().search(masked) is not None


def scan(masked: str) -> list[Match]:
    """The attributions of one sentence whose quotes are masked, in reading order."""
    if not _may_hold_attribution(masked):
        return []
    found: list[Match] = []
    for name, element in constructions().items():
        if name == "according_to" and "ccording" not in masked:
            continue
        if name == "cue_first" and ", " not in masked and "” " not in masked:
            continue
        matches = (
            _speaker_first_matches(element.re, masked)
            if name == "speaker_first"
            else element.re.finditer(masked)
        )
        for match in matches:
            fields = match.groupdict()
            mention = (fields.get("mention") or "").strip()
            appositive = fields.get("appositive")
            if appositive and not appositive.lstrip(", ").startswith("in "):
                mention += appositive.rstrip(",")  # who the speaker is, not where it was said
            found.append(
                Match(
                    start=match.start("cue") if name == "coordinated" else match.start(),
                    end=match.end(),
                    construction=name,
                    mention=mention,
                    cue=fields["cue"],
                    addressee=fields.get("addressee"),
                    colon=bool(fields.get("colon")),
                )
            )
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[Match] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue  # an earlier construction already covers these words
        kept.append(match)
    return kept
