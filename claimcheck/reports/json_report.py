"""The JSON contract: claims as {"documents": [...]}, checks as {"findings", "summary"}."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from claimcheck.claims import Claim
from claimcheck.documents.model import Document
from claimcheck.engine.findings import Finding


def claims_payload(results: Sequence[tuple[Document, list[Claim]]]) -> dict[str, Any]:
    documents = []
    for document, claims in results:
        entry: dict[str, Any] = {
            "path": document.path,
            "published": document.published.isoformat() if document.published else None,
            "claims": [claim.to_json() for claim in claims],
        }
        if document.published is None:
            entry["published_note"] = document.published_from
        documents.append(entry)
    return {"documents": documents}


def summary(findings: Sequence[Finding], files: int, input_errors: Sequence[str]) -> dict[str, Any]:
    severities = Counter(f.severity for f in findings)
    return {
        "files": files,
        "findings": len(findings),
        "error": severities.get("error", 0),
        "warning": severities.get("warning", 0),
        "info": severities.get("info", 0),
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "input_errors": list(input_errors),
    }


def findings_payload(
    findings: Sequence[Finding], files: int, input_errors: Sequence[str]
) -> dict[str, Any]:
    return {
        "findings": [finding.to_json() for finding in findings],
        "summary": summary(findings, files, input_errors),
    }


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2)
