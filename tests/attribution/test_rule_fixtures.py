"""CC304-CC307 by annotated fixture drafts named after them (as ``claimcheck test-rules``
runs them); CC301-CC303 need sources and are tested in ``test_rules.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.engine.expectations import check_fixture, fixture_files
from claimcheck.engine.session import start_session

FIXTURES = Path(__file__).parent / "fixtures"
DRAFTS = fixture_files([FIXTURES])


@pytest.fixture(scope="module")
def session():
    return start_session(use_config=False)


def test_each_draft_only_rule_has_a_fixture():
    assert sorted(path.name[:5] for path in DRAFTS) == ["CC304", "CC305", "CC306", "CC307"]


@pytest.mark.parametrize("draft", DRAFTS, ids=[path.name for path in DRAFTS])
def test_fixture_draft_annotations_hold(draft, session):
    result = check_fixture(draft, session)
    assert result.passed, "\n".join(str(m) for m in result.mismatches)
