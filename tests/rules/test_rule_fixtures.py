"""The built-in rules, tested by annotated fixture drafts (as ``claimcheck test-rules``).

Every draft under ``tests/rules/fixtures/`` is picked up here, with no list to maintain.
To test a rule, add ``<RULE ID>_<what it shows>.md`` (or ``.txt``, ``.html``) there: the
id prefix puts that rule under test, and each ``<!-- expect: ID -->`` /
``<!-- expect-not: ID -->`` line (``[expect: ID]`` in plain text) speaks about the next
line of copy. A finding of a rule under test that no annotation asked for fails the test.
Drafts that need inputs of their own (the facts rules need a facts base) sit in a
subfolder with a ``claimcheck_conftest.py`` that provides them. See docs/writing-rules.md.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from claimcheck.engine.expectations import check_fixture, conftest_folder, fixture_files
from claimcheck.engine.session import RuleSession, start_session

FIXTURES = Path(__file__).parent / "fixtures"
DRAFTS = fixture_files([FIXTURES])


@cache
def session_for(folder: Path | None) -> RuleSession:
    """The built-in rules, plus the fixtures of a folder's ``claimcheck_conftest.py``."""
    return start_session(use_config=False, rule_paths=[folder] if folder else [])


def test_rules_that_need_no_sources_have_fixture_drafts():
    # CC203 (an update) and CC301-CC303 (quotes against sources) are tested with sources
    tested = {path.name.split("_", 1)[0] for path in DRAFTS}
    wanted = {"CC001", "CC002", "CC003", "CC101", "CC102", "CC103", "CC201", "CC202"}
    wanted |= {"CC304", "CC305", "CC306", "CC307"}
    wanted |= {"CC401", "CC402", "CC403", "CC404"}
    assert wanted <= tested


@pytest.mark.parametrize("draft", DRAFTS, ids=[str(p.relative_to(FIXTURES)) for p in DRAFTS])
def test_fixture_draft_annotations_hold(draft):
    result = check_fixture(draft, session_for(conftest_folder(draft, [FIXTURES])))
    assert result.passed, "\n".join(str(m) for m in result.mismatches)
