"""Reference facts: a dated facts base kept as plain YAML files, and the meeting of claims
with it (``loader.py`` reads and checks files, ``base.py`` combines them and answers
as-of questions, ``titles.py``, ``events.py`` and ``figures.py`` meet claims with facts).
See ``docs/facts.md`` for the file format."""

from __future__ import annotations

from claimcheck.facts.base import FactsBase, FactsError, check_facts, load_facts
from claimcheck.facts.events import EventConflict, check_event_dates
from claimcheck.facts.figures import FigureConflict, check_figure
from claimcheck.facts.model import Event, FactsProblem, Figure, Origin, RecordDate, Term
from claimcheck.facts.titles import (
    DocumentTitle,
    TitleConflict,
    TitleMatch,
    TitleMention,
    document_titles,
    find_titles,
    holder_on,
    judge_title,
    match_title,
)

__all__ = [
    "DocumentTitle",
    "Event",
    "EventConflict",
    "FactsBase",
    "FactsError",
    "FactsProblem",
    "Figure",
    "FigureConflict",
    "Origin",
    "RecordDate",
    "Term",
    "TitleConflict",
    "TitleMatch",
    "TitleMention",
    "check_event_dates",
    "check_facts",
    "check_figure",
    "document_titles",
    "find_titles",
    "holder_on",
    "judge_title",
    "load_facts",
    "match_title",
]
