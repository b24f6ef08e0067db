"""Rules that check the copy against the facts base (``--facts FILE``, docs/facts.md):
titles as of the publication date, event dates, reference figures, house titles."""

from __future__ import annotations

import re

from claimcheck.engine import problem, rule
from claimcheck.engine.findings import Evidence

# Each rule imports claimcheck.facts when a facts base is given: a run without one
# (most runs) does not pay for loading it.


def _cite(fact, text: str) -> Evidence:
    """Evidence pointing at the facts file and line a fact was written on."""
    source = getattr(fact, "source", None)
    return Evidence(fact.origin.path, fact.origin.line, text, f"source: {source}" if source else "")


def _term_text(term, facts) -> str:
    until = f"to {term.end}" if term.end else "(in office)"
    return f"{term.person}: {facts.title_for(term.office)}, from {term.start} {until}"


@rule("CC401", category="fact-conflict", severity="error")
def title_not_held(document, published, facts):
    """A title that the named person did not hold on the publication date.

    Checks every title the facts base knows, before a name ("US Secretary of State Antony
    Blinken said"), in apposition ("Hakan Fidan, Turkey's foreign minister") or with
    "former", against the office terms of the facts base as of the draft's publication
    date. "then-" and "-elect" titles speak of another time and are left alone, as is any
    office or day the facts base does not cover.

    Why it matters: a title goes stale silently. Copy reused or written from December
    sources still calls Blinken Secretary of State in March, after his successor took
    office; readers and the people named notice at once.

    Example (flagged, published 2025-03-01):
        US Secretary of State Antony Blinken spoke Sunday with his Turkish counterpart.

    Use instead:
        Former US Secretary of State Antony Blinken ...

    Convention: AP Stylebook, "titles": a formal title before a name is the one the person
    holds at the time of publication; use "former" (or "then-" for the time of the events)
    for one no longer held.
    """
    if not facts or published is None:
        return
    from claimcheck.facts import document_titles, judge_title

    for found in document_titles(document, facts):
        conflict = judge_title(found.match, facts, published)
        if conflict is None:
            continue
        evidence = [_cite(term, _term_text(term, facts)) for term in conflict.terms]
        yield problem((found.start, found.end), conflict.message, evidence)


@rule("CC402", category="fact-conflict", severity="error", each="claim in temporal_claims")
def event_date_differs(claim, document, facts):
    """A date the copy gives an event that the facts base dates otherwise.

    A date meets an event of the facts base when its clause names the event's predicate
    (began, took effect) and topic (offensive, ceasefire) and the event's names appear
    (in the sentence, or in the document when only one event fits); "the same day X"
    dates X too.

    Why it matters: a relative date ("Thursday") is resolved against the publication
    date, and a rewrite two days later easily shifts it by one; the day an offensive began
    or a ceasefire took effect is on the record.

    Example (flagged, published 2024-12-03):
        The rebel offensive began Thursday.  (Thursday is 2024-11-28; it began 2024-11-27)

    Use instead:
        The rebel offensive began on Nov. 27.

    Convention: reference data kept by the desk; dates of record (AP, Reuters) win over a
    day name resolved against the draft.
    """
    if not facts:
        return
    from claimcheck.facts import check_event_dates

    for conflict in check_event_dates(claim, facts, document):
        event = conflict.event
        text = f"{event.name}: {event.day}" + (f" {event.time}" if event.time else "")
        yield problem(claim, conflict.message, [_cite(event, text)])


@rule("CC403", category="fact-conflict", severity="warning", each="claim in numeric_claims")
def figure_contradicts_reference(claim, document, facts, temporal_claims):
    """A figure that contradicts the reference figure for the same as-of day.

    A running total ("so far", or no window) is stated as of the publication date, or as
    of the day an "as of"/"by" date names; it is compared with a reference figure counting
    the same thing (predicate and counted noun, topic, names) recorded for that day.
    "about" on either side allows 10 per cent. A figure of one window ("in the past 24
    hours") is another measure and is left alone.

    Why it matters: a toll copied from an earlier version of a story, or mistyped, goes
    out with the authority of the outlet; the desk's reference figure is the check.

    Example (flagged, published 2024-12-01, reference: more than 400 killed that day):
        About 300 people have so far been killed in the offensive.

    Use instead:
        More than 400 people have so far been killed in the offensive, a war monitor said.

    Convention: figures attributed and checked against the record (Reuters Handbook of
    Journalism, "accuracy").
    """
    if not facts:
        return
    from claimcheck.facts import check_figure

    for conflict in check_figure(claim, facts, temporal_claims, document):
        figure = conflict.figure
        text = f"{figure.name}: {figure.stated} {figure.predicate}, as of {figure.as_of}"
        yield problem(claim, conflict.message, [_cite(figure, text)])


@rule("CC404", category="name-variant", severity="info")
def house_title(document, facts):
    """A title written in a form the house style avoids.

    The facts base's ``titles`` section gives, for an office, the title the house writes
    ("Turkish Foreign Minister") and the variants it does not use ("Turkish FM").

    Why it matters: one title for one office, the way the house writes it, reads as
    deliberate; variants read as careless and can be mistaken for another office.

    Example (flagged, with ``avoid: [Turkish FM]``):
        Turkish FM Hakan Fidan said ...

    Use instead:
        Turkish Foreign Minister Hakan Fidan said ...

    Convention: the house style guide, kept in the facts files' ``titles`` section.
    """
    if not facts:
        return
    for style in facts.titles.values():
        for variant in style.avoid:
            pattern = re.compile(rf"(?<![\w’'-]){re.escape(variant)}(?![\w’'-])")
            for sentence in document.sentences:
                for match in pattern.finditer(sentence.text):
                    yield problem(
                        (sentence.start + match.start(), sentence.start + match.end()),
                        f"house style writes {style.preferred!r}, not {variant!r}",
                        [_cite(style, f"{style.role}, {style.body}: {style.preferred}")],
                    )
