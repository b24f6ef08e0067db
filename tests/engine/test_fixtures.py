"""Inputs by name: user fixtures beside the rules, fixtures on fixtures, scopes, the facts slot."""

from __future__ import annotations

import pytest

from claimcheck.engine.fixtures import Fixtures, fixture
from claimcheck.engine.registry import FixtureDefinition
from claimcheck.errors import UsageError

DRAFT = "---\npublished: 2024-12-01\n---\nThe Premier spoke.\n\nThe Prime Minister left.\n"

RULES = '''
from claimcheck.engine import rule


@rule("HOUSE010", category="name-variant", each="sentence in sentences")
def approved_titles_only(sentence, banned_titles):
    """Titles from the approved list only."""
    used = [title for title in banned_titles if title in sentence.text]
    assert not used
'''

CONFTEST = """
from claimcheck.engine import fixture

CALLS = []


@fixture(scope="run")
def title_table(config):
    CALLS.append("title_table")
    return config.get("house", {}).get("titles", {"Premier": "Prime Minister"})


@fixture
def banned_titles(title_table, document):
    # a document fixture built on a run fixture and a built-in input
    return sorted(title_table)
"""


def test_rules_get_user_fixtures_from_the_conftest_beside_them(cli, write):
    write("house/titles.py", RULES)
    write("house/claimcheck_conftest.py", CONFTEST)
    draft = write("draft.md", DRAFT)
    result = cli("check", draft, "--rules", draft.parent / "house", "--format", "json")
    findings = [f for f in result.json()["findings"] if f["rule"] == "HOUSE010"]
    assert [(f["line"], f["message"]) for f in findings] == [(4, "assert not ['Premier']")]


def test_the_conftest_is_not_loaded_as_a_rule_file(cli, write):
    write("house/titles.py", RULES)
    write("house/claimcheck_conftest.py", CONFTEST)
    out = cli("rules", "--rules", write("x.txt", "x").parent / "house").out
    assert "HOUSE010" in out and "title_table" not in out


def _definition(function, scope="document"):
    return FixtureDefinition(function.__name__, function, scope, "conftest")


def test_run_scoped_fixture_is_computed_once_across_documents():
    calls = []

    def word_list():
        calls.append(1)
        return ["a"]

    cache: dict = {}
    for _ in range(3):
        fixtures = Fixtures({}, {"word_list": _definition(word_list, "run")}, cache)
        assert fixtures.get("word_list") == ["a"]
    assert len(calls) == 1


def test_run_scoped_fixture_cannot_ask_for_the_document():
    def per_run(document):
        return document

    fixtures = Fixtures({"document": lambda: "draft"}, {"per_run": _definition(per_run, "run")})
    with pytest.raises(UsageError, match="changes with each document"):
        fixtures.get("per_run")


def test_fixtures_in_a_circle_are_named():
    def first(second):
        return second

    def second(first):
        return first

    fixtures = Fixtures({}, {"first": _definition(first), "second": _definition(second)})
    with pytest.raises(UsageError, match="first -> second -> first"):
        fixtures.get("first")


def test_a_user_fixture_may_not_hide_a_builtin_input():
    def claims():
        return []

    with pytest.raises(UsageError, match="would hide the built-in input"):
        Fixtures({"claims": lambda: ["real"]}, {"claims": _definition(claims)})


def test_the_facts_slot_is_empty_until_filled_and_a_user_fixture_can_fill_it():
    def facts():
        return {"capital of France": "Paris"}

    assert Fixtures({"facts": lambda: None}).get("facts") is None
    filled = Fixtures({"facts": lambda: None}, {"facts": _definition(facts)})
    assert filled.get("facts") == {"capital of France": "Paris"}


def test_fixture_decorator_rejects_an_unknown_scope():
    with pytest.raises(UsageError, match="scope"):
        fixture(scope="session")


def test_crash_in_a_user_fixture_points_at_the_fixture_line(cli, write):
    write("house/titles.py", RULES)
    conftest = write(
        "house/claimcheck_conftest.py",
        "from claimcheck.engine import fixture\n\n\n@fixture\ndef banned_titles():\n"
        "    return {}['missing']\n",
    )
    draft = write("draft.md", DRAFT)
    findings = cli("check", draft, "--rules", conftest.parent, "--format", "json").json()[
        "findings"
    ]
    (error,) = [f for f in findings if f["rule"] == "CC900"]
    assert "HOUSE010" in error["message"] and "KeyError" in error["message"]
    assert f"line 6 of {conftest}" in error["message"]
