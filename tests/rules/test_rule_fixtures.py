"""The built-in rules, tested by annotated fixture drafts (as ``claimcheck test-rules``).

Every draft in ``tests/rules/fixtures/`` is picked up here, with no list to maintain. To
test a rule, add ``<RULE ID>_<what it shows>.md`` (or ``.txt``, ``.html``) there: the id
prefix puts that rule under test, and each ``<!-- expect: ID -->`` /
``<!-- expect-not: ID -->`` line (``[expect: ID]`` in plain text) speaks about the next
line of copy. A finding of a rule under test that no annotation asked for fails the test.
See docs/writing-rules.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.engine.expectations import check_fixture, fixture_files
from claimcheck.engine.session import start_session

FIXTURES = Path(__file__).parent / "fixtures"
DRAFTS = fixture_files([FIXTURES])


@pytest.fixture(scope="module")
def builtin_session():
    return start_session(use_config=False)


def test_there_are_fixture_drafts():
    assert any(path.name.startswith("CC001_") for path in DRAFTS)


@pytest.mark.parametrize("draft", DRAFTS, ids=[path.name for path in DRAFTS])
def test_fixture_draft_annotations_hold(draft, builtin_session):
    result = check_fixture(draft, builtin_session)
    assert result.passed, "\n".join(str(m) for m in result.mismatches)
