"""The pipeline: documents -> claims (grammars + resolution) -> rules -> findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from claimcheck.claims import Claim
from claimcheck.config import Config
from claimcheck.documents.model import Document
from claimcheck.engine.findings import Finding
from claimcheck.engine.fixtures import FixtureDefinition
from claimcheck.engine.registry import Rule
from claimcheck.engine.runner import Fixtures, run_rules
from claimcheck.guard import guarded
from claimcheck.linking import group_links, link_claims
from claimcheck.linking.linker import ClaimIndex
from claimcheck.linking.syndication import Syndication, find_syndication


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
    config: Config = field(default_factory=Config)
    # the user's fixtures (claimcheck_conftest.py beside their rules), and run-scoped values
    fixtures: dict[str, FixtureDefinition] = field(default_factory=dict)
    run_fixture_values: dict[str, Any] = field(default_factory=dict)
    # the reference facts base (issue 9); None until one is plugged in
    facts: Any = None
    syndication: Syndication = field(default_factory=lambda: Syndication({}))
    # seconds one document may take (claimcheck/guard.py); None or 0: no limit
    time_limit: float | None = None
    # error lines of documents (linted or sources) that timed out or crashed
    failures: list[str] = field(default_factory=list)
    _source_claims: list[Claim] | None = None
    _source_index: ClaimIndex | None = None

    def source_claims(self) -> list[Claim]:
        if self._source_claims is None:
            claims: list[Claim] = []
            for source in self.sources:
                found, failure = guarded(
                    source.path, self.time_limit, lambda source=source: extract_claims(source)
                )
                if failure is not None:
                    self.failures.append(failure)
                else:
                    claims.extend(found)
            self._source_claims = claims
        return self._source_claims

    def source_index(self) -> ClaimIndex:
        """The sources' claims described and blocked once, for every draft of the run."""
        if self._source_index is None:
            self._source_index = ClaimIndex(self.source_claims())
        return self._source_index


def document_fixtures(document: Document, context: CheckContext) -> Fixtures:
    """The inputs a rule can ask for by name when it checks ``document``."""
    fixtures: Fixtures

    def claims_of(kind: str) -> Callable[[], list[Claim]]:
        return lambda: [c for c in fixtures.get("claims") if c.kind == kind]

    fixtures = Fixtures(
        {
            "document": lambda: document,
            "published": lambda: document.published,
            "paragraphs": lambda: document.paragraphs,
            "sentences": lambda: document.sentences,
            "claims": lambda: extract_claims(document),
            "temporal_claims": claims_of("temporal"),
            "numeric_claims": claims_of("numeric"),
            "attribution_claims": claims_of("attribution"),
            "sources": lambda: context.sources,
            "source_claims": context.source_claims,
            "config": lambda: context.config,
            "facts": lambda: context.facts,
            # this document's claims linked to claims about the same thing, here or in a source
            "links": lambda: link_claims(
                fixtures.get("claims"), fixtures.get("claims"), context.source_index()
            ),
            # the links joined into "same thing" groups, each with the reasons it was joined
            "groups": lambda: group_links(fixtures.get("links")),
            # which documents (linted or sources) are copies of one wire story
            "syndication": lambda: context.syndication,
        },
        definitions=context.fixtures,
        run_cache=context.run_fixture_values,
    )
    return fixtures


def check_document(
    document: Document, rules: Sequence[Rule], context: CheckContext
) -> list[Finding]:
    """Run the enabled rules on one linted document (configured severities, inline
    suppressions applied); findings in line order."""
    return run_rules(rules, document, document_fixtures(document, context), context.config)


def check_documents(
    documents: Sequence[Document],
    rules: Sequence[Rule],
    context: CheckContext,
    *,
    jobs: int = 1,
    progress: bool = False,
) -> list[Finding]:
    """Check every linted document; furniture shared by copies of one story is reported once.

    ``jobs`` > 1 checks the documents on forked processes (``claimcheck/parallel.py``);
    the findings are the same, in the same order."""
    from claimcheck.parallel import map_in_order

    context.syndication = find_syndication([*documents, *context.sources])
    context.source_claims()  # once here, not in every worker; a bad source fails here
    per_document = map_in_order(
        lambda document: guarded(
            document.path, context.time_limit, lambda: check_document(document, rules, context)
        ),
        documents,
        jobs,
        progress=progress,
    )
    findings: list[Finding] = []
    for found, failure in per_document:
        if failure is not None:
            context.failures.append(failure)
        else:
            findings.extend(found)
    return merge_syndicated_furniture(findings, documents, context.syndication)


def merge_syndicated_furniture(
    findings: Sequence[Finding], documents: Sequence[Document], syndication: Syndication
) -> list[Finding]:
    """Drop a boilerplate finding repeated in a later copy of the same story, and say on
    the first one where else it stands."""
    lines = {document.path: document for document in documents}
    first_seen: dict[tuple[int, str], int] = {}
    merged: list[Finding] = []
    for finding in findings:
        if finding.category != "boilerplate" or finding.path not in lines:
            merged.append(finding)
            continue
        story = syndication.story.get(finding.path, -1)
        key = (story, lines[finding.path].line_text(finding.line).strip())
        if key in first_seen and syndication.same_story(finding.path, merged[first_seen[key]].path):
            first = merged[first_seen[key]]
            also = f" (also in {finding.path}:{finding.line}, a copy of the same story)"
            merged[first_seen[key]] = replace(first, message=first.message + also)
            continue
        first_seen[key] = len(merged)
        merged.append(finding)
    return merged
