"""Findings: what a rule reports, located in the linted file, with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES = (
    "numeric-conflict",
    "date-conflict",
    "weekday-mismatch",
    "temporal-impossible",
    "quote-altered",
    "quote-misattributed",
    "quote-unsourced",
    "role-conflict",
    "name-variant",
    "arithmetic",
    "unbalanced-quote",
    "boilerplate",
    "unattributed-claim",
    "fact-conflict",
    "rule-error",
)
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Another claim or text a finding rests on, and where it stands."""

    path: str
    line: int
    text: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"path": self.path, "line": self.line, "text": self.text}
        if self.note:
            payload["note"] = self.note
        return payload


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule yields: where (a claim, sentence, paragraph or offsets) and what is wrong."""

    at: Any
    message: str
    evidence: tuple[Any, ...] = ()


def problem(at: Any, message: str, evidence: Any = ()) -> Problem:
    """Report a problem at a claim, sentence or paragraph, with evidence claims or texts."""
    if not isinstance(evidence, (list, tuple)):
        evidence = (evidence,)
    return Problem(at, message, tuple(evidence))


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported inconsistency, as the JSON contract prints it."""

    rule: str
    category: str
    severity: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    evidence: tuple[Evidence, ...] = field(default=())
    explanation: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_json(self) -> dict[str, Any]:
        payload = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "evidence": [item.to_json() for item in self.evidence],
        }
        if self.explanation:
            payload["explanation"] = self.explanation
        return payload
