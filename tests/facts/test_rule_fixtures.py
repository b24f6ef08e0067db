"""CC401-CC404 tested by annotated fixture drafts (as ``claimcheck test-rules`` runs them),
with the seed's facts plugged in by ``fixtures/claimcheck_conftest.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.engine.expectations import check_fixture, fixture_files
from claimcheck.engine.session import start_session

FIXTURES = Path(__file__).parent / "fixtures"
DRAFTS = fixture_files([FIXTURES])


@pytest.fixture(scope="module")
def facts_session():
    return start_session(use_config=False, rule_paths=[FIXTURES])


def test_each_facts_rule_has_a_fixture_draft():
    assert sorted(path.name[:5] for path in DRAFTS) == ["CC401", "CC402", "CC403", "CC404"]


@pytest.mark.parametrize("draft", DRAFTS, ids=[path.name for path in DRAFTS])
def test_fixture_draft_annotations_hold(draft, facts_session):
    result = check_fixture(draft, facts_session)
    assert result.passed, "\n".join(str(m) for m in result.mismatches)
