"""Inline suppression in drafts: ignore the next line, disable/enable blocks, plain text."""

from __future__ import annotations

from claimcheck.engine.directives import parse_directives

RULES = '''
from claimcheck.engine import problem, rule


@rule("HOUSE301", category="boilerplate", severity="warning")
def no_exclamation(document):
    """News copy does not shout."""
    for sentence in document.sentences:
        if sentence.text.endswith("!"):
            yield problem(sentence, "exclamation mark in copy")
'''


def _lines(cli, write, name: str, text: str, *extra: str) -> list[int]:
    rules = write("house/rules.py", RULES)
    draft = write(name, text)
    result = cli("check", draft, "--rules", rules, "--select", "HOUSE", "--format", "json", *extra)
    return [f["line"] for f in result.json()["findings"]]


def test_ignore_comment_hides_the_next_line_only(cli, write):
    text = "First alarm!\n\n<!-- claimcheck: ignore HOUSE301 -->\nSecond alarm!\n\nThird alarm!\n"
    assert _lines(cli, write, "draft.md", text) == [1, 6]


def test_ignore_at_the_end_of_a_line_hides_that_line(cli, write):
    text = "First alarm! <!-- claimcheck: ignore HOUSE3 -->\n\nSecond alarm!\n"
    assert _lines(cli, write, "draft.md", text) == [3]


def test_ignore_for_another_rule_hides_nothing(cli, write):
    text = "<!-- claimcheck: ignore CC101 -->\nFirst alarm!\n"
    assert _lines(cli, write, "draft.md", text) == [2]


def test_disable_enable_block_by_category(cli, write):
    text = (
        "One!\n\n<!-- claimcheck: disable boilerplate -->\nTwo!\n\nThree!\n"
        "<!-- claimcheck: enable boilerplate -->\n\nFour!\n"
    )
    assert _lines(cli, write, "draft.md", text) == [1, 9]


def test_disable_without_enable_runs_to_the_end(cli, write):
    text = "One!\n\n<!-- claimcheck: disable -->\nTwo!\n\nThree!\n"
    assert _lines(cli, write, "draft.md", text) == [1]


def test_plain_text_uses_a_bracketed_line(cli, write):
    text = "One!\n[claimcheck: ignore HOUSE301]\nTwo!\nThree!\n"
    assert _lines(cli, write, "draft.txt", text) == [1, 4]


def test_html_comment_works_in_html_drafts(cli, write):
    text = "<p>One!</p>\n<!-- claimcheck: ignore HOUSE301 -->\n<p>Two!</p>\n"
    assert _lines(cli, write, "draft.html", text) == [1]


def test_unused_suppression_is_reported_when_asked(cli, write):
    write("claimcheck.toml", "report-unused-suppressions = true\n")
    rules = write("house/rules.py", RULES)
    draft = write("draft.md", "<!-- claimcheck: ignore HOUSE301 -->\nCalm sentence.\n")
    config = draft.parent / "claimcheck.toml"
    findings = cli("check", draft, "--rules", rules, "--config", config, "--format", "json").json()[
        "findings"
    ]
    (unused,) = [f for f in findings if f["rule"] == "CC901"]
    assert unused["line"] == 1 and "hides no HOUSE301 finding" in unused["message"]


def test_directives_parse_selectors_and_targets():
    source = "a\n<!-- claimcheck: ignore CC101, CC2 -->\n\n<!-- expect: CC101 -->\nb\nc [expect-not: CC3]\n"
    found = [(d.action, d.selectors, d.line, d.target_line) for d in parse_directives(source)]
    assert found == [
        ("ignore", ("CC101", "CC2"), 2, 5),
        ("expect", ("CC101",), 4, 5),
        ("expect-not", ("CC3",), 6, 6),
    ]
