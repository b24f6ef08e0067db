"""Text output as a linter prints it: ``path:line:col: ID severity message`` and a caret."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.claims import Claim
from claimcheck.documents.model import Document
from claimcheck.engine.findings import Finding

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _value_summary(claim: Claim) -> str:
    value = claim.value.to_json()
    if value is None:
        return f"unresolved: {getattr(claim.value, 'unresolved', '')}"
    if claim.kind == "temporal":
        span = (
            value["start"]
            if value["start"] == value["end"]
            else f"{value['start']}..{value['end']}"
        )
        return f"{span} ({value['grain']})"
    if claim.kind == "numeric":
        low = (
            ""
            if value["low"] is None
            else f"{'≥' if value['low_inclusive'] else '>'}{value['low']}"
        )
        high = (
            ""
            if value["high"] is None
            else f"{'≤' if value['high_inclusive'] else '<'}{value['high']}"
        )
        bounds = (
            f"={value['low']}"
            if value["low"] == value["high"] and value["low"] is not None
            else f"{low} {high}".strip()
        )
        approx = " approx." if value["approximate"] else ""
        return f"{bounds}{approx} {value['unit'] or ''}".strip()
    quote = f" “{value['quote']}”" if value["quote"] else ""
    return f"{value['speaker']} ({value['cue']}){quote}"


def format_claims(results: Sequence[tuple[Document, list[Claim]]], explain: bool = False) -> str:
    lines = []
    for document, claims in results:
        if document.published is None:
            lines.append(
                f"{document.path}: {document.published_from}; relative dates stay unresolved"
            )
        for claim in claims:
            lines.append(
                f"{claim.path}:{claim.line}:{claim.column}: {claim.kind:<11} {claim.text!r} → "
                f"{_value_summary(claim)}"
            )
            if explain and claim.explanation:
                lines.append(f"    {claim.explanation}")
    return "\n".join(lines)


def format_findings(
    findings: Sequence[Finding],
    documents: dict[str, Document],
    files: int,
    colour: bool = False,
    explain: bool = False,
) -> str:
    """Render findings; with ``colour`` the severity is styled through rich markup."""
    lines = []
    for finding in findings:
        severity = finding.severity
        if colour:
            severity = f"[{_STYLES[severity]}]{severity}[/]"
        where = f"{finding.path}:{finding.line}:{finding.column}"
        head = f"{where}: {finding.rule} {severity} {finding.message}"
        lines.append(_escape(head, colour, keep=severity))
        document = documents.get(finding.path)
        if document is not None:
            source_line = document.line_text(finding.line)
            lines.append(_escape(f"    {source_line}", colour))
            width = max(
                1, (finding.end_column - finding.column) if finding.end_line == finding.line else 1
            )
            lines.append("    " + " " * (finding.column - 1) + "^" * min(width, 80))
        if explain and finding.explanation:
            lines.append(_escape(f"    claim: {finding.explanation}", colour))
        for item in finding.evidence:
            lines.append(_escape(f"    evidence: {item.path}:{item.line}: {item.text}", colour))
            if explain and item.note:
                lines.append(_escape(f"      {item.note}", colour))
    count = len(findings)
    noun = "finding" if count == 1 else "findings"
    lines.append(f"{count} {noun} in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines)


def _escape(text: str, colour: bool, keep: str = "") -> str:
    if not colour:
        return text
    from rich.markup import escape

    if keep:
        before, _, after = text.partition(keep)
        return escape(before) + keep + escape(after)
    return escape(text)
