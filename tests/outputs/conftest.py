"""Fixtures for the output, path and CI tests: a rule file with one rule per severity.

The built-in rules change as claimcheck grows; these marker rules give every format test
findings whose rule, severity, line and column are known in advance.
"""

from __future__ import annotations

from pathlib import Path

import pytest

MARKER_RULES = '''
from claimcheck.engine import problem, rule


def _marked(document, word):
    for sentence in document.sentences:
        at = sentence.text.find(word)
        if at >= 0:
            yield sentence.start + at, sentence.start + at + len(word)


@rule("MARK01", category="boilerplate", severity="warning")
def warn_marker(document):
    """Flags the word WARNME: a warning for the output tests.

    Why it matters: the tests need a warning at a known place.
    """
    for start, end in _marked(document, "WARNME"):
        yield problem((start, end), "marker WARNME: 50% done, see note")


@rule("MARK02", category="fact-conflict", severity="error")
def error_marker(document):
    """Flags the word ERRME: an error for the output tests."""
    for start, end in _marked(document, "ERRME"):
        yield problem((start, end), "marker ERRME\\nsecond line, with a comma")


@rule("MARK03", category="name-variant", severity="info")
def info_marker(document):
    """Flags the word INFOME: an info finding for the output tests."""
    for start, end in _marked(document, "INFOME"):
        yield problem((start, end), "marker INFOME <&> 'quoted'")
'''


@pytest.fixture
def marker_rules(tmp_path: Path) -> Path:
    """A rule file with MARK01 (warning), MARK02 (error) and MARK03 (info)."""
    path = tmp_path / "marker_rules" / "markers.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MARKER_RULES, encoding="utf-8")
    return path


def marker_findings(findings: list[dict]) -> list[dict]:
    """Only the findings of the marker rules (the built-in rules may add others)."""
    return [finding for finding in findings if finding["rule"].startswith("MARK")]
