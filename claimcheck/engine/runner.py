"""Run rules over one linted document: resolve inputs by name, turn failures into findings."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.claims import Claim
from claimcheck.documents.model import Document, Paragraph, Sentence
from claimcheck.engine.findings import Evidence, Finding, Problem
from claimcheck.engine.fixtures import CONFTEST_NAME, Fixtures
from claimcheck.engine.introspection import assertion_message
from claimcheck.engine.registry import Rule
from claimcheck.linking.linker import Link

if TYPE_CHECKING:
    from claimcheck.config import Config

__all__ = ["Fixtures", "as_evidence", "locate", "run_rule", "run_rules"]


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


def _anchor(document: Document, at: Any) -> tuple[Any, tuple[Any, ...]]:
    """Where a finding about a link or a group of linked claims stands: its first claim in
    this document; the other claims become its evidence."""
    if isinstance(at, Link):
        return at.claim, (at,)
    members = getattr(at, "claims", None)
    if isinstance(members, tuple) and members and all(isinstance(c, Claim) for c in members):
        here = [c for c in members if c.path == document.path]
        if here:
            return here[0], tuple(c for c in members if c is not here[0])
    return at, ()


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


def _rule_error(rule: Rule, document: Document, error: BaseException) -> Finding:
    # Point at the deepest line the user wrote: in the rule file, or in a fixture of theirs.
    frames = [
        f
        for f in traceback.extract_tb(error.__traceback__)
        if f.filename == rule.path or Path(f.filename).name == CONFTEST_NAME
    ]
    where = f" (line {frames[-1].lineno} of {frames[-1].filename})" if frames else ""
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
        at, others = _anchor(document, at)
        evidence = tuple(evidence) or others
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
            record(item, assertion_message(error))

    try:
        if rule.each is None:
            call({name: fixtures.get(name) for name in rule.parameters}, None)
        else:
            parameter, source = rule.each
            # the other inputs are the same for every item: resolved once, and the item put
            # in place for each call (the rule gets its own copy of the keywords)
            arguments = {n: fixtures.get(n) for n in rule.parameters if n != parameter}
            failures: list[Exception] = []
            for item in fixtures.get(source):
                arguments[parameter] = item
                try:
                    call(arguments, item)
                except Exception as error:  # noqa: BLE001 - one bad item must not hide the rest
                    failures.append(error)
            if failures:
                crash = _rule_error(rule, document, failures[0])
                if len(failures) > 1:
                    crash = replace(
                        crash, message=f"{crash.message} (and on {len(failures) - 1} more)"
                    )
                return [*findings, crash]
    except Exception as error:  # noqa: BLE001 - a rule's bug must not stop the run
        return [*findings, _rule_error(rule, document, error)]
    return findings


def run_rules(
    rules: Sequence[Rule],
    document: Document,
    fixtures: Fixtures,
    config: Config | None = None,
) -> list[Finding]:
    """Run the rules the configuration enables for this document, with its severities,
    then drop what the draft's inline suppressions hide; findings in line order."""
    from claimcheck.config import Config
    from claimcheck.engine.suppression import apply_suppressions

    config = config if config is not None else Config()
    findings: list[Finding] = []
    for rule in rules:
        if config.is_enabled(rule.id, rule.category, document.path):
            severity = config.severity_for(rule.id, rule.category)
            findings.extend(run_rule(rule, document, fixtures, severity))
    findings = apply_suppressions(document, findings, config.report_unused_suppressions)
    # a crashed rule (CC900) or an unused suppression (CC901) is hidden only by its exact id
    findings = [
        f
        for f in findings
        if not f.rule.startswith("CC9") or config.is_enabled(f.rule, f.category, document.path)
    ]
    findings.sort(key=Finding.sort_key)
    return findings
