"""Inline suppression: an editor silences a finding in the draft itself.

* ``<!-- claimcheck: ignore CC101 -->`` on the line before (or at the end of the line)
  hides CC101 findings on that line; ``ignore`` with no id hides every rule there.
* ``<!-- claimcheck: disable CC2 -->`` ... ``<!-- claimcheck: enable CC2 -->`` hides a
  block; a ``disable`` never closed runs to the end of the file.
* In plain text: ``[claimcheck: ignore CC101]`` on its own line.

Selectors are those of the configuration: an id, an id prefix or a category. A
suppression that hides nothing can be reported (``report-unused-suppressions``) as CC901.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.config import selector_specificity
from claimcheck.documents.model import Document
from claimcheck.engine.directives import Directive, parse_directives
from claimcheck.engine.findings import Finding

UNUSED_SUPPRESSION_ID = "CC901"


@dataclass(frozen=True)
class Suppression:
    """Lines ``first``..``last`` where findings matching ``selector`` are hidden."""

    selector: str
    first: int
    last: int
    directive: Directive

    def hides(self, finding: Finding) -> bool:
        return (
            self.first <= finding.line <= self.last
            and selector_specificity(self.selector, finding.rule, finding.category) is not None
        )


def suppressions(document: Document) -> list[Suppression]:
    """The suppressions written in a document."""
    found: list[Suppression] = []
    open_blocks: dict[str, Directive] = {}
    last_line = max(document.source.count("\n") + 1, 1)

    def close(selector: str, line: int) -> None:
        opened = open_blocks.pop(selector)
        found.append(Suppression(selector, opened.line, line, opened))

    for directive in parse_directives(document.source):
        selectors = directive.selectors or ("ALL",)
        if directive.action == "ignore":
            found.extend(
                Suppression(s, directive.target_line, directive.target_line, directive)
                for s in selectors
            )
        elif directive.action == "disable":
            for selector in selectors:
                open_blocks.setdefault(selector.upper(), directive)
        elif directive.action == "enable":
            closing = [s.upper() for s in directive.selectors] or list(open_blocks)
            for selector in closing:
                if selector in open_blocks:
                    close(selector, directive.line)
    for selector in list(open_blocks):
        close(selector, last_line)
    return found


def apply_suppressions(
    document: Document, findings: Sequence[Finding], report_unused: bool = False
) -> list[Finding]:
    """The findings no suppression hides, plus CC901 for unused ones when asked."""
    written = suppressions(document)
    if not written:
        return list(findings)
    kept: list[Finding] = []
    used: set[int] = set()
    for finding in findings:
        hiding = [i for i, s in enumerate(written) if s.hides(finding)]
        used.update(hiding)
        if not hiding:
            kept.append(finding)
    if report_unused:
        for index, suppression in enumerate(written):
            if index in used:
                continue
            line = suppression.directive.line
            kept.append(
                Finding(
                    rule=UNUSED_SUPPRESSION_ID,
                    category="rule-error",
                    severity="warning",
                    path=document.path,
                    line=line,
                    column=1,
                    end_line=line,
                    end_column=len(document.line_text(line)) + 1,
                    message=(
                        f"suppression {suppression.directive.text.strip()!r} hides no "
                        f"{suppression.selector} finding; remove it"
                    ),
                )
            )
    return kept
