"""JSON Lines: one compact JSON object a line, for streaming into log tools and ``jq``.

A finding line is exactly a finding of the JSON contract; a claim line is a claim of the
contract with the ``path`` of its document added. No summary line: the exit code and
``--format json`` carry the totals.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.claims import Claim
from claimcheck.documents.model import Document
from claimcheck.engine.findings import Finding


def _line(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def findings_lines(findings: Sequence[Finding]) -> str:
    """One finding a line, in report order."""
    return "\n".join(_line(finding.to_json()) for finding in findings)


def claims_lines(results: Sequence[tuple[Document, list[Claim]]]) -> str:
    """One claim a line, each with the path and publication date of its document."""
    lines = []
    for document, claims in results:
        published = document.published.isoformat() if document.published else None
        for claim in claims:
            lines.append(_line({"path": document.path, "published": published, **claim.to_json()}))
    return "\n".join(lines)
