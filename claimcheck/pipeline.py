"""The pipeline: documents -> claims (grammars + resolution) -> rules -> findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimcheck.claims import Claim
from claimcheck.documents.model import Document
from claimcheck.engine.findings import Finding
from claimcheck.engine.registry import Rule
from claimcheck.engine.runner import Fixtures, run_rule
from claimcheck.linking import link_claims


def extract_claims(document: Document, kinds: Sequence[str] | None = None) -> list[Claim]:
    """Run the extractors of the given kinds (all by default); claims in reading order."""
    from claimcheck.attribution import extract_attribution
    from claimcheck.numeric import extract_numeric
    from claimcheck.temporal import extract_temporal

    extractors: dict[str, Callable[[Document], list[Claim]]] = {
        "temporal": extract_temporal,
        "numeric": extract_numeric,
        "attribution": extract_attribution,
    }
    claims: list[Claim] = []
    for kind, extractor in extractors.items():
        if kinds is None or kind in kinds:
            claims.extend(extractor(document))
    claims.sort(key=lambda claim: (claim.start, claim.end, claim.kind))
    return claims


@dataclass
class CheckContext:
    """What the rules of one run share: the sources and the configuration."""

    sources: list[Document] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    _source_claims: list[Claim] | None = None

    def source_claims(self) -> list[Claim]:
        if self._source_claims is None:
            self._source_claims = [c for source in self.sources for c in extract_claims(source)]
        return self._source_claims


def document_fixtures(document: Document, context: CheckContext) -> Fixtures:
    """The inputs a rule can ask for by name when it checks ``document``."""
    fixtures: Fixtures

    def claims_of(kind: str) -> Callable[[], list[Claim]]:
        return lambda: [c for c in fixtures.get("claims") if c.kind == kind]

    fixtures = Fixtures(
        {
            "document": lambda: document,
            "published": lambda: document.published,
            "claims": lambda: extract_claims(document),
            "temporal_claims": claims_of("temporal"),
            "numeric_claims": claims_of("numeric"),
            "attribution_claims": claims_of("attribution"),
            "sources": lambda: context.sources,
            "source_claims": context.source_claims,
            "config": lambda: context.config,
            # this document's claims linked to claims about the same thing, here or in a source
            "links": lambda: link_claims(
                fixtures.get("claims"), [*fixtures.get("claims"), *context.source_claims()]
            ),
        }
    )
    return fixtures


def check_document(
    document: Document, rules: Sequence[Rule], context: CheckContext
) -> list[Finding]:
    """Run every rule on one linted document; findings in line order."""
    fixtures = document_fixtures(document, context)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(run_rule(rule, document, fixtures))
    findings.sort(key=Finding.sort_key)
    return findings
