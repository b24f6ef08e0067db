"""Reading facts files: YAML through PyYAML's safe composer, so every value keeps its line.

The file is composed into nodes (never constructed into arbitrary objects) and each entry
is checked against its section's schema; problems are collected, not raised one by one,
so ``claimcheck facts check`` can list them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimcheck.facts.model import FactsProblem, Origin, RecordDate, parse_record_date

# A field: (required, reader name). Readers turn a YAML node into a value or raise ValueError.
_TEXT, _TEXTS, _DATE, _NUMBER, _FLAG = "text", "texts", "date", "number", "flag"

SCHEMA: dict[str, dict[str, tuple[bool, str]]] = {
    "people": {"name": (True, _TEXT), "aliases": (False, _TEXTS), "source": (False, _TEXT)},
    "bodies": {"name": (True, _TEXT), "aliases": (False, _TEXTS), "source": (False, _TEXT)},
    "roles": {
        "name": (True, _TEXT),
        "aliases": (False, _TEXTS),
        "single_holder": (False, _FLAG),
    },
    "offices": {
        "person": (True, _TEXT),
        "role": (True, _TEXT),
        "body": (True, _TEXT),
        "from": (True, _DATE),
        "to": (False, _DATE),
        "source": (False, _TEXT),
        "note": (False, _TEXT),
    },
    "titles": {
        "role": (True, _TEXT),
        "body": (True, _TEXT),
        "preferred": (True, _TEXT),
        "avoid": (False, _TEXTS),
    },
    "events": {
        "name": (True, _TEXT),
        "date": (True, _DATE),
        "time": (False, _TEXT),
        "predicate": (True, _TEXT),
        "topics": (True, _TEXTS),
        "names": (False, _TEXTS),
        "source": (False, _TEXT),
        "note": (False, _TEXT),
    },
    "figures": {
        "name": (True, _TEXT),
        "value": (True, _NUMBER),
        "qualifier": (False, _TEXT),
        "unit": (True, _TEXT),
        "predicate": (True, _TEXT),
        "topics": (False, _TEXTS),
        "names": (False, _TEXTS),
        "as_of": (True, _DATE),
        "source": (False, _TEXT),
        "note": (False, _TEXT),
    },
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One checked entry of a section: its values and the line of each key."""

    section: str
    values: dict[str, Any]
    lines: dict[str, int]
    origin: Origin

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.origin.line)


@dataclass
class ParsedFile:
    """The entries of one facts file and what was wrong with it."""

    path: str
    entries: list[Entry] = field(default_factory=list)
    problems: list[FactsProblem] = field(default_factory=list)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ValueError(f"{what} must be a single value, not a {_kind(node)}")
    if node.tag.endswith(":null"):
        raise ValueError(f"{what} is empty")
    return node.value


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "value"


def _read_text(node: yaml.Node, key: str) -> str:
    text = _scalar(node, key).strip()
    if not text:
        raise ValueError(f"{key} is empty")
    return text


def _read_texts(node: yaml.Node, key: str) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise ValueError(f"{key} must be a list (write [a, b] or one '- item' per line)")
    return tuple(_read_text(item, f"an item of {key}") for item in node.value)


def _read_date(node: yaml.Node, key: str) -> RecordDate:
    text = _scalar(node, key)
    try:
        return parse_record_date(text)
    except ValueError as error:
        raise ValueError(f"{key}: {text!r} is not a date: {error}") from None


def _read_number(node: yaml.Node, key: str) -> float:
    text = _scalar(node, key)
    try:
        return float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise ValueError(f"{key}: {text!r} is not a number") from None


def _read_flag(node: yaml.Node, key: str) -> bool:
    text = _scalar(node, key).lower()
    if text in ("true", "yes"):
        return True
    if text in ("false", "no"):
        return False
    raise ValueError(f"{key}: {text!r} is not true or false")


_READERS: dict[str, Callable[[yaml.Node, str], Any]] = {
    _TEXT: _read_text,
    _TEXTS: _read_texts,
    _DATE: _read_date,
    _NUMBER: _read_number,
    _FLAG: _read_flag,
}


def parse_text(text: str, path: str) -> ParsedFile:
    """Check one facts file's text against the schema; never raises on bad content."""
    parsed = ParsedFile(path)

    def report(line: int, message: str) -> None:
        parsed.problems.append(FactsProblem(path, line, message))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        report(line, f"not valid YAML: {error.problem or error}")
        return parsed
    if root is not None:
        for line, tag in _foreign_tags(root):
            report(line, f"unsupported YAML tag {tag!r}: facts files hold plain values only")
        if parsed.problems:
            return parsed
    if root is None:
        report(1, "the file has no facts (expected sections such as 'offices:' or 'events:')")
        return parsed
    if not isinstance(root, yaml.MappingNode):
        report(_line(root), "a facts file is a mapping of sections (people, offices, events, ...)")
        return parsed
    seen_sections: dict[str, int] = {}
    for key_node, value_node in root.value:
        section = key_node.value
        if section not in SCHEMA:
            known = ", ".join(SCHEMA)
            report(_line(key_node), f"unknown section {section!r} (known: {known})")
            continue
        if section in seen_sections:
            report(_line(key_node), f"section {section!r} repeats line {seen_sections[section]}")
            continue
        seen_sections[section] = _line(key_node)
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null"):
            continue  # an empty section is allowed
        if not isinstance(value_node, yaml.SequenceNode):
            report(_line(value_node), f"section {section!r} must be a list of entries")
            continue
        for item in value_node.value:
            entry = _entry(section, item, path, report)
            if entry is not None:
                parsed.entries.append(entry)
    return parsed


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def _foreign_tags(root: yaml.Node) -> list[tuple[int, str]]:
    """Explicit tags (``!!python/object``, ``!custom``): never constructed, but refused."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.tag not in _PLAIN_TAGS:
            found.append((_line(node), node.tag))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return sorted(found)


def _entry(
    section: str, node: yaml.Node, path: str, report: Callable[[int, str], None]
) -> Entry | None:
    schema = SCHEMA[section]
    if not isinstance(node, yaml.MappingNode):
        report(_line(node), f"an entry of {section!r} must be a mapping of keys")
        return None
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    ok = True
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in schema:
            known = ", ".join(schema)
            report(_line(key_node), f"unknown key {key!r} in {section} (known: {known})")
            ok = False
            continue
        if key in values or key in lines:
            report(_line(key_node), f"key {key!r} repeats line {lines[key]}")
            ok = False
            continue
        lines[key] = _line(key_node)
        try:
            values[key] = _READERS[schema[key][1]](value_node, key)
        except ValueError as error:
            report(_line(value_node), str(error))
            ok = False
    missing = [key for key, (required, _) in schema.items() if required and key not in lines]
    for key in missing:
        report(_line(node), f"{section} entry has no {key!r}")
    if missing or not ok:
        return None
    return Entry(section, values, lines, Origin(path, _line(node)))


def parse_file(path: str | Path) -> ParsedFile:
    """Read and check one facts file; an unreadable file is one problem at line 1."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ParsedFile(name, problems=[FactsProblem(name, 1, "no such facts file")])
    except IsADirectoryError:
        return ParsedFile(name, problems=[FactsProblem(name, 1, "is a directory")])
    except UnicodeDecodeError as error:
        return ParsedFile(name, problems=[FactsProblem(name, 1, f"not UTF-8 text: {error}")])
    except OSError as error:
        return ParsedFile(name, problems=[FactsProblem(name, 1, f"cannot read: {error}")])
    return parse_text(text, name)
