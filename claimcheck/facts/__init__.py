"""Reference facts: a dated facts base kept as plain YAML files, and the meeting of claims
with it (``loader.py`` reads and checks files, ``base.py`` combines them and answers
as-of questions, ``titles.py``, ``events.py`` and ``figures.py`` meet claims with facts).
See ``docs/facts.md`` for the file format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

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
    "configured_facts_paths",
    "document_titles",
    "find_titles",
    "holder_on",
    "judge_title",
    "load_facts",
    "match_title",
]


def configured_facts_paths(config: Mapping[str, Any], folder: Path | None = None) -> list[Path]:
    """The facts files a configuration names, relative to its folder.

    Either ``facts = ["facts/*.yaml"]`` or a table ``[facts]`` with ``files = [...]``
    (``[tool.claimcheck.facts]`` in pyproject.toml); globs are expanded in sorted order.
    """
    value = config.get("facts") if isinstance(config, Mapping) else None
    if isinstance(value, Mapping):
        value = value.get("files")
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence):
        raise FactsError([FactsProblem("configuration", 1, "facts must name a list of files")])
    base_folder = folder or Path.cwd()
    paths: list[Path] = []
    for written in value:
        pattern = str(written)
        full = base_folder / pattern
        if any(ch in pattern for ch in "*?["):
            matches = sorted(base_folder.glob(pattern))
            paths.extend(matches or [full])
        else:
            paths.append(full)
    return [_shown(path) for path in paths]


def _shown(path: Path) -> Path:
    """A path as findings cite it: relative to the working folder when under it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
