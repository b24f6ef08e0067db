"""Word lists kept as data files, loaded once on first use."""

from __future__ import annotations

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
