"""A bare assert in a rule reports the values it compared, at the item's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.engine import introspection

RULE = '''
from claimcheck.engine import rule


@rule("HOUSE001", category="boilerplate", severity="warning", each="sentence in sentences")
def short_sentences(sentence):
    """Sentences stay under a dozen words."""
    assert len(sentence.text.split()) <= 12
'''

DRAFT = (
    "---\npublished: 2024-12-01\n---\n"
    "The talks resumed in Geneva.\n\n"
    "The delegations, which had not met since the spring, spent the whole of the first "
    "morning arguing about the seating plan.\n"
)


def test_bare_assert_shows_the_compared_values_at_the_right_line(cli, write):
    rules = write("house/style.py", RULE)
    draft = write("draft.md", DRAFT)
    result = cli("check", draft, "--rules", rules, "--select", "HOUSE", "--format", "json")
    assert result.code == 1
    (finding,) = result.json()["findings"]
    assert finding["line"] == 6 and finding["column"] == 1
    assert finding["message"].startswith("assert 21 <= 12; where 21 = len([")


def test_text_report_prints_the_introspected_message(cli, write):
    rules = write("house/style.py", RULE)
    draft = write("draft.md", DRAFT)
    out = cli("check", draft, "--rules", rules, "--select", "HOUSE001").out
    assert f"{draft}:6:1: HOUSE001 warning assert 21 <= 12" in out


def _run(source: str, *args, folder: Path | None = None):
    path = (folder or Path(".")) / "rule.py"
    if folder is not None:
        path.write_text(source, encoding="utf-8")
    namespace: dict = {}
    exec(introspection.compile_rule_source(source.encode(), path), namespace)
    with pytest.raises(AssertionError) as raised:
        namespace["check"](*args)
    return introspection.assertion_message(raised.value)


def test_chained_and_boolean_asserts_keep_first_level_values_only():
    source = "def check(a, b):\n    assert a.count(1) == len(b) and b\n"
    message = _run(source, [1, 1, 1], [0])
    assert message.startswith("assert (3 == 1")
    assert "where 3 = <built-in method count" in message or "where 3 = count(1)" in message


def test_author_message_wins_over_introspection():
    source = "def check(x):\n    assert x > 5, f'figure {x} too small'\n"
    assert _run(source, 3) == "figure 3 too small"


def test_file_without_bare_asserts_is_compiled_as_written():
    # the author's message is the whole finding, so rewriting would add nothing
    source = "def check(x):\n    assert x > 5, f'figure {x}\\ntoo small'\n"
    code = introspection.compile_rule_source(source.encode(), Path("rule.py"))
    assert "@py_builtins" not in code.co_names
    assert _run(source, 3) == "figure 3 too small"
    rewritten = source + "\n\ndef other(x):\n    assert x\n"
    code = introspection.compile_rule_source(rewritten.encode(), Path("rule.py"))
    assert "@py_builtins" in code.co_names
    assert _run(rewritten, 3) == "figure 3 too small"


def test_claims_show_briefly_not_as_dataclass_dumps(check_text, tmp_path):
    rules = tmp_path / "rules.py"
    rules.write_text(
        "from claimcheck.engine import rule\n\n\n"
        '@rule("HOUSE002", category="arithmetic", each="claim in numeric_claims")\n'
        "def no_tolls_over_fifty(claim):\n"
        '    """Made up for the test."""\n'
        "    assert claim.value.low < 50\n",
        encoding="utf-8",
    )
    (finding,) = check_text(
        "At least 60 civilians died in the strikes.\n",
        published="2024-12-01",
        rules=[rules],
        select=["HOUSE002"],
    )
    assert "assert 60" in finding.message
    assert "Claim(" not in finding.message and "<numeric claim" not in finding.message


def test_without_pytest_rewriting_a_bare_assert_reports_its_source_line(monkeypatch, tmp_path):
    monkeypatch.setattr(introspection, "_pytest_rewriter", lambda: None)
    source = "def check(x):\n    assert x > 5\n"
    assert _run(source, 3, folder=tmp_path) == "assertion failed: assert x > 5"


def test_short_repr_truncates_long_values():
    text = introspection.short_repr(list(range(200)))
    assert len(text) <= 120 and "..." in text
