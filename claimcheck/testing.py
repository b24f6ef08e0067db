"""Helpers for testing rules: check a text with a publication date and a set of rules.

Usable from any test runner; under pytest the ``check_text`` fixture of the claimcheck
plugin returns :func:`check_text` itself::

    def test_casualty_figure_needs_a_source(check_text):
        findings = check_text(
            "At least 60 civilians died.", published="2024-12-01",
            rules=["house_rules/"], select=["NEWS101"],
        )
        assert [f.line for f in findings] == [1]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from claimcheck.engine.findings import Finding
from claimcheck.engine.session import start_session


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    from claimcheck.documents.published import parse_cli_date

    return parse_cli_date(value)


def check_text(
    text: str,
    *,
    published: date | str | None = None,
    rules: Sequence[str | Path] = (),
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    sources: Sequence[str | Path] = (),
    path: str = "draft.md",
    config_file: str | Path | None = None,
) -> list[Finding]:
    """Findings for ``text`` checked as a file named ``path`` (its suffix picks Markdown,
    HTML or plain text), with the built-in rules plus ``rules`` (files or folders).

    ``select``/``ignore`` narrow the rules as the configuration does; ``sources`` are
    reference documents, given as paths or as texts. No configuration file is read unless
    ``config_file`` names one, so a test does not depend on the folder it runs in.
    """
    from claimcheck.documents import read_document
    from claimcheck.pipeline import check_documents

    session = start_session(
        config_file=config_file,
        rule_paths=rules,
        select=list(select) if select else None,
        ignore=list(ignore) if ignore else None,
        use_config=config_file is not None,
    )
    document = read_document(path, published=_as_date(published), data=text.encode("utf-8"))
    source_documents = []
    for number, source in enumerate(sources, start=1):
        if isinstance(source, Path):
            source_documents.append(read_document(str(source)))
        else:
            name = f"source-{number}.txt"
            source_documents.append(read_document(name, data=source.encode("utf-8")))
    return check_documents([document], session.rules, session.context(source_documents))


def rule_ids(findings: Sequence[Finding]) -> list[str]:
    """The rule id of each finding, in order: handy in an ``assert``."""
    return [finding.rule for finding in findings]
