"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

A line reads ``::error file=PATH,line=L,endLine=L,col=C,endColumn=C,title=ID::message``.
Property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes ``%``, CR and
LF (the runner decodes them back). ``col``/``endColumn`` are given only for a finding on one
line, as the runner ignores columns on multi-line annotations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.reports import CheckRun

# GitHub has three annotation levels; claimcheck's info is its notice.
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_commands(run: CheckRun) -> str:
    """One workflow command per finding, then a plain summary line for the log."""
    lines = []
    for finding in run.findings:
        properties = [
            ("file", finding.path),
            ("line", str(finding.line)),
            ("endLine", str(finding.end_line)),
        ]
        if finding.end_line == finding.line:
            end_column = max(finding.end_column, finding.column)
            properties += [("col", str(finding.column)), ("endColumn", str(end_column))]
        properties.append(("title", f"{finding.rule} {finding.category}"))
        rendered = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
        message = finding.message
        for item in finding.evidence:
            message += f"\nevidence: {item.path}:{item.line}: {item.text}"
        lines.append(f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(message)}")
    count, files = len(run.findings), run.file_count
    lines.append(
        f"claimcheck: {count} finding{'s' if count != 1 else ''} "
        f"in {files} file{'s' if files != 1 else ''}"
    )
    return "\n".join(lines)
