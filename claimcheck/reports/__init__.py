"""Reports: claims and findings printed for people (text) or for programs and CI.

Formats of ``check``: ``text``, ``json`` (the contract), ``jsonl``, ``sarif`` (2.1.0, for
code scanning), ``github`` (workflow commands) and ``junit`` (XML). ``extract`` prints
``text``, ``json`` or ``jsonl``. ``--statistics`` counts findings per rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module first; keep its start-up light
    from claimcheck.claims import Claim
    from claimcheck.documents.model import Document
    from claimcheck.engine.findings import Finding
    from claimcheck.engine.registry import Rule

FINDING_FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit")
CLAIM_FORMATS = ("text", "json", "jsonl")
STATISTICS_FORMATS = ("text", "json")


@dataclass(frozen=True)
class CheckRun:
    """Everything a report of ``claimcheck check`` may print.

    ``documents`` are the linted documents in input order (sources are not reported on);
    ``input_errors`` are the one-line messages of the files that were skipped.
    """

    findings: Sequence[Finding]
    documents: Sequence[Document]
    rules: Sequence[Rule] = ()
    input_errors: Sequence[str] = ()

    @property
    def file_count(self) -> int:
        """The number of files checked (read without an input error)."""
        return len(self.documents)


def render_findings(
    format: str,
    run: CheckRun,
    *,
    colour: bool = False,
    explain: bool = False,
    statistics: bool = False,
) -> str:
    """Render a check run in one of ``FINDING_FORMATS`` (``statistics``: text or json)."""
    # each format's module is imported when it is asked for: a run prints one format
    if statistics:
        from claimcheck.reports import json_report
        from claimcheck.reports import statistics as stats

        if format not in STATISTICS_FORMATS:
            raise ValueError(f"--statistics works with --format text or json, not {format}")
        if format == "json":
            return json_report.dumps(stats.statistics_payload(run))
        return stats.format_statistics(run)
    if format == "json":
        from claimcheck.reports import json_report

        payload = json_report.findings_payload(run.findings, run.file_count, run.input_errors)
        return json_report.dumps(payload)
    if format == "jsonl":
        from claimcheck.reports import jsonl

        return jsonl.findings_lines(run.findings)
    if format == "sarif":
        from claimcheck.reports import sarif

        return sarif.dumps(sarif.sarif_log(run))
    if format == "github":
        from claimcheck.reports import github

        return github.format_commands(run)
    if format == "junit":
        from claimcheck.reports import junit

        return junit.format_junit(run)
    if format == "text":
        from claimcheck.reports import text_report

        by_path = {document.path: document for document in run.documents}
        return text_report.format_findings(
            run.findings, by_path, run.file_count, colour=colour, explain=explain
        )
    raise ValueError(f"unknown output format {format!r}; use one of {', '.join(FINDING_FORMATS)}")


def render_claims(
    format: str, results: Sequence[tuple[Document, list[Claim]]], *, explain: bool = False
) -> str:
    """Render extracted claims in one of ``CLAIM_FORMATS``."""
    from claimcheck.reports import json_report, jsonl, text_report

    if format == "json":
        return json_report.dumps(json_report.claims_payload(results))
    if format == "jsonl":
        return jsonl.claims_lines(results)
    if format == "text":
        return text_report.format_claims(results, explain=explain)
    raise ValueError(f"extract prints {', '.join(CLAIM_FORMATS)}, not {format!r}")


__all__ = [
    "CLAIM_FORMATS",
    "FINDING_FORMATS",
    "STATISTICS_FORMATS",
    "CheckRun",
    "render_claims",
    "render_findings",
]
