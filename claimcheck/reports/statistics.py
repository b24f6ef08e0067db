"""``--statistics``: how many findings each rule produced, most frequent first."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.reports import CheckRun


def rule_counts(run: CheckRun) -> list[dict[str, Any]]:
    """One entry per rule that fired: id, category, severity, count and summary."""
    counts = Counter(finding.rule for finding in run.findings)
    first_seen = {}
    for finding in run.findings:
        first_seen.setdefault(finding.rule, finding)
    summaries = {rule.id: rule.summary for rule in run.rules}
    entries = []
    # most frequent first; ties by id so the order never depends on the input order
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        finding = first_seen[rule_id]
        entries.append(
            {
                "rule": rule_id,
                "category": finding.category,
                "severity": finding.severity,
                "count": count,
                "summary": summaries.get(rule_id, ""),
            }
        )
    return entries


def statistics_payload(run: CheckRun) -> dict[str, Any]:
    return {
        "statistics": rule_counts(run),
        "files": run.file_count,
        "findings": len(run.findings),
        "input_errors": list(run.input_errors),
    }


def format_statistics(run: CheckRun) -> str:
    """A table as ruff prints it: count, rule id, severity, what the rule checks."""
    entries = rule_counts(run)
    width = max((len(str(entry["count"])) for entry in entries), default=1)
    lines = []
    for entry in entries:
        count_column = f"{entry['count']:>{width}}"
        line = f"{count_column}  {entry['rule']:<7} {entry['severity']:<8} {entry['summary']}"
        lines.append(line.rstrip())
    count = len(run.findings)
    files = run.file_count
    lines.append(
        f"{count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    )
    return "\n".join(lines)
