"""Helpers for the facts tests: a small facts file, drafts read from text, and claims."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimcheck.documents import read_document
from claimcheck.facts import FactsBase, load_facts
from claimcheck.pipeline import extract_claims

WORLD = """\
people:
  - name: Bashar al-Assad
    aliases: [Assad, al-Assad]
bodies:
  - name: United States
    aliases: [US, U.S., American]
  - name: Turkey
    aliases: [Turkish]
  - name: Syria
    aliases: [Syrian]
roles:
  - name: Secretary of State
    aliases: [top diplomat]
  - name: Foreign Minister
    aliases: [top diplomat, FM]
offices:
  - person: Antony Blinken
    role: Secretary of State
    body: United States
    from: 2021-01-26
    to: 2025-01-20
    source: test record
  - person: Marco Rubio
    role: Secretary of State
    body: United States
    from: 2025-01-21
  - person: Hakan Fidan
    role: Foreign Minister
    body: Turkey
    from: 2023-06-04
  - person: Bashar al-Assad
    role: President
    body: Syria
    from: 2000-07-17
    to: 2024-12-08
titles:
  - role: Secretary of State
    body: United States
    preferred: US Secretary of State
  - role: Foreign Minister
    body: Turkey
    preferred: Turkish Foreign Minister
    avoid: [Turkish FM]
events:
  - name: Syrian opposition offensive began
    date: 2024-11-27
    predicate: began
    topics: [offensive]
    names: [Syria, Syrian, Aleppo]
  - name: Israel–Hezbollah ceasefire took effect
    date: 2024-11-27
    time: 04:00 local time
    predicate: took_effect
    topics: [ceasefire]
    names: [Israel, Hezbollah, Lebanon]
figures:
  - name: people killed in the Syria offensive
    value: 400
    qualifier: more than
    unit: people
    predicate: killed
    topics: [offensive]
    names: [Syria, Syrian, Aleppo]
    as_of: 2024-12-01
"""


def line_of(entry_start: str) -> int:
    """The 1-based line of WORLD where an entry starts: what a finding must cite."""
    return WORLD.splitlines().index(entry_start) + 1


@pytest.fixture
def world_file(tmp_path: Path) -> Path:
    path = tmp_path / "world.yaml"
    path.write_text(WORLD, encoding="utf-8")
    return path


@pytest.fixture
def world(world_file: Path) -> FactsBase:
    return load_facts([world_file])


@pytest.fixture
def draft():
    """A document read from text, published on the given day."""

    def make(text: str, published: str | None = "2024-12-01", path: str = "draft.txt"):
        day = date.fromisoformat(published) if published else None
        return read_document(path, published=day, data=text.encode("utf-8"))

    return make


@pytest.fixture
def claims_of():
    """The claims of one kind a document has."""

    def pick(document, kind: str):
        return [c for c in extract_claims(document) if c.kind == kind]

    return pick
