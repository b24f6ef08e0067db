"""SARIF 2.1.0, the format GitHub code scanning (and other dashboards) read.

One run: the tool (claimcheck and every loaded rule, with its docstring as help text and
its default severity as level), one result per finding with its region in the file
(1-based lines, columns counted in Unicode code points, end column exclusive), the
evidence as related locations, and a fingerprint that survives edits elsewhere in the
draft (it hashes the rule, the path and the flagged words, not the line number).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import PurePath, PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claimcheck import __version__

if TYPE_CHECKING:
    from claimcheck.documents.model import Document
    from claimcheck.engine.findings import Finding
    from claimcheck.engine.registry import Rule
    from claimcheck.reports import CheckRun

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "claimcheckFinding/v1"
_WHITESPACE = re.compile(r"\s+")


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as given (``drafts/a b.md`` → ``drafts/a%20b.md``)."""
    pure = PureWindowsPath(path) if "\\" in path and "/" not in path else PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc or rule.summary
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _descriptor_from_finding(finding: Finding) -> dict[str, Any]:
    """A rule that is not among the loaded ones (the engine's CC900 rule-error)."""
    text = (
        "a rule raised an unexpected exception"
        if finding.category == "rule-error"
        else f"{finding.category} finding"
    )
    return {
        "id": finding.rule,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": [finding.category]},
    }


def flagged_text(finding: Finding, document: Document | None) -> str:
    """The words a finding points at, whitespace collapsed ('' without the document)."""
    if document is None:
        return ""
    lines = document.lines
    try:
        start = lines.line_start(finding.line) + finding.column - 1
        end = lines.line_start(finding.end_line) + finding.end_column - 1
    except IndexError:
        return ""
    return _WHITESPACE.sub(" ", document.source[start : max(start, end)]).strip()


def fingerprints(run: CheckRun) -> list[str]:
    """A stable fingerprint per finding: rule, path, flagged words, and which occurrence."""
    seen: Counter[str] = Counter()
    prints = []
    documents = {document.path: document for document in run.documents}
    for finding in run.findings:
        words = flagged_text(finding, documents.get(finding.path)) or finding.message
        base = "\x1f".join((finding.rule, finding.path, words))
        seen[base] += 1
        digest = hashlib.sha256(f"{base}\x1f{seen[base]}".encode()).hexdigest()
        prints.append(digest[:32])
    return prints


def _region(finding: Finding, snippet: str) -> dict[str, Any]:
    end_line = max(finding.end_line, finding.line)
    end_column = finding.end_column
    if end_line == finding.line:
        end_column = max(end_column, finding.column + 1)  # an empty region would hide the mark
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": end_line,
        "endColumn": max(1, end_column),
    }
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _result(
    finding: Finding, rule_index: int, fingerprint: str, document: Document | None
) -> dict[str, Any]:
    message = finding.message
    for item in finding.evidence:
        message += f"\nevidence: {item.path}:{item.line}: {item.text}"
    if finding.explanation:
        message += f"\nresolved: {finding.explanation}"
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(finding.path)},
            "region": _region(finding, flagged_text(finding, document)),
        }
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"category": finding.category, "severity": finding.severity},
    }
    related = []
    for number, item in enumerate(finding.evidence, start=1):
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(item.path)}}
        if item.line >= 1:
            physical["region"] = {"startLine": item.line}
        entry: dict[str, Any] = {
            "id": number,
            "physicalLocation": physical,
            "message": {"text": item.text + (f" ({item.note})" if item.note else "")},
        }
        related.append(entry)
    if related:
        result["relatedLocations"] = related
    return result


def sarif_log(run: CheckRun) -> dict[str, Any]:
    """The SARIF log object of a check run."""
    descriptors = [_rule_descriptor(rule) for rule in run.rules]
    index = {descriptor["id"]: number for number, descriptor in enumerate(descriptors)}
    for finding in run.findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_descriptor_from_finding(finding))
    documents = {document.path: document for document in run.documents}
    results = [
        _result(finding, index[finding.rule], fingerprint, documents.get(finding.path))
        for finding, fingerprint in zip(run.findings, fingerprints(run), strict=True)
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not run.input_errors}
    if run.input_errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message}} for message in run.input_errors
        ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def dumps(log: dict[str, Any]) -> str:
    return json.dumps(log, ensure_ascii=False, indent=2)
