"""Run rules over one linted document: resolve inputs by name, turn failures into findings."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from typing import Any

from claimcheck.claims import Claim
from claimcheck.documents.model import Document, Paragraph, Sentence
from claimcheck.engine.findings import Evidence, Finding, Problem
from claimcheck.engine.registry import Rule
from claimcheck.errors import UsageError
from claimcheck.linking.linker import Link


class Fixtures:
    """Inputs a rule can ask for by parameter name, computed once per document on demand."""

    def __init__(self, providers: dict[str, Callable[[], Any]]) -> None:
        self._providers = providers
        self._values: dict[str, Any] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._providers

    def get(self, name: str) -> Any:
        if name not in self._values:
            if name not in self._providers:
                known = ", ".join(sorted(self._providers))
                raise UsageError(f"no fixture named {name!r} (known: {known})")
            self._values[name] = self._providers[name]()
        return self._values[name]


def locate(document: Document, at: Any) -> tuple[int, int, int, int, str]:
    """Return (line, column, end_line, end_column, path) for what a problem points at."""
    if isinstance(at, Claim):
        return at.line, at.column, at.end_line, at.end_column, at.path
    if isinstance(at, (Sentence, Paragraph)):
        start, end = at.start, at.end
    elif isinstance(at, tuple) and len(at) == 2:
        start, end = at
    else:
        start, end = 0, 0
    line, column = document.position(start)
    end_line, end_column = document.position(end, end=True)
    return line, column, end_line, end_column, document.path


def as_evidence(item: Any) -> Evidence:
    """Turn a claim, a link (its other claim, with why they were linked) or an
    ``Evidence`` into evidence for a finding."""
    if isinstance(item, Evidence):
        return item
    if isinstance(item, Claim):
        return Evidence(item.path, item.line, item.text, item.explanation)
    if isinstance(item, Link):
        notes = [item.other.explanation, f"linked: {item.reason}"]
        return Evidence(
            item.other.path, item.other.line, item.other.text, "; ".join(filter(None, notes))
        )
    raise TypeError(f"evidence must be a claim, a link or Evidence, not {type(item).__name__}")


def _failure_message(error: AssertionError) -> str:
    message = str(error).strip()
    if message:
        return message
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"assertion failed: {frame.line}" if frame.line else "assertion failed"


def _rule_error(rule: Rule, document: Document, error: BaseException) -> Finding:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == rule.path]
    where = f" (line {frames[-1].lineno} of {rule.path})" if frames else ""
    return Finding(
        rule="CC900",
        category="rule-error",
        severity="error",
        path=document.path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        message=f"rule {rule.id} ({rule.name}) raised {type(error).__name__}: {error}{where}",
    )


def run_rule(
    rule: Rule, document: Document, fixtures: Fixtures, severity: str | None = None
) -> list[Finding]:
    """Run one rule on one document; a crashing rule yields a ``rule-error`` finding."""
    findings: list[Finding] = []

    def record(at: Any, message: str, evidence: Iterable[Any] = ()) -> None:
        line, column, end_line, end_column, path = locate(document, at)
        if path != document.path:
            return  # a finding is reported on the linted file only
        findings.append(
            Finding(
                rule=rule.id,
                category=rule.category,
                severity=severity or rule.severity,
                path=path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                message=message,
                evidence=tuple(as_evidence(e) for e in evidence),
                explanation=at.explanation if isinstance(at, Claim) else "",
            )
        )

    def call(arguments: dict[str, Any], item: Any) -> None:
        try:
            result = rule.function(**arguments)
            for produced in result or ():
                if not isinstance(produced, Problem):
                    raise TypeError(f"a rule yields problem(...), not {type(produced).__name__}")
                record(produced.at, produced.message, produced.evidence)
        except AssertionError as error:
            record(item, _failure_message(error))

    try:
        if rule.each is None:
            call({name: fixtures.get(name) for name in rule.parameters}, None)
        else:
            parameter, source = rule.each
            others = {n: fixtures.get(n) for n in rule.parameters if n != parameter}
            for item in fixtures.get(source):
                call({**others, parameter: item}, item)
    except Exception as error:  # noqa: BLE001 - a rule's bug must not stop the run
        return [*findings, _rule_error(rule, document, error)]
    return findings
