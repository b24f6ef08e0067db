"""Every built-in rule documents itself as ruff's rules do, and `--explain` prints it."""

from __future__ import annotations

import pytest

from claimcheck.engine.registry import load_rules

BUILTIN = load_rules()


@pytest.mark.parametrize("rule", BUILTIN, ids=[rule.id for rule in BUILTIN])
def test_builtin_rule_docstring_has_why_example_and_fix(rule):
    doc = rule.doc
    assert doc.splitlines()[0].strip(), f"{rule.id}: the first line says what is flagged"
    for heading in ("Why it matters", "Example", "Use instead"):
        assert heading in doc, f"{rule.id} ({rule.path}) has no {heading!r} section"


@pytest.mark.parametrize("rule", BUILTIN, ids=[rule.id for rule in BUILTIN])
def test_explain_prints_the_whole_docstring(cli, rule):
    result = cli("rules", "--isolated", "--explain", rule.id.lower())
    assert result.code == 0
    assert result.out.startswith(f"{rule.id} {rule.name} ({rule.category}, ")
    assert rule.doc in result.out


def test_explain_of_an_unknown_id_is_an_error(cli):
    result = cli("rules", "--explain", "CC999")
    assert result.code == 2 and "no rule with id 'CC999'" in result.err
