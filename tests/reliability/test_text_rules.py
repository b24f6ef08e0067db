"""The character rules of rules/text.py on single words and sentences (their annotated
drafts are tests/rules/fixtures/CC002_*.md and CC003_*.md)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from claimcheck.documents import read_document
from claimcheck.engine.session import start_session
from claimcheck.pipeline import CheckContext, check_document
from rules.text import _LETTERS, _words_holding, mixed_script_letters


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("\u0405yria", [(0, "Latin 'S'")]),  # Cyrillic DZE
        ("Mi\u0441\u0441ler", [(2, "Latin 'c'"), (3, "Latin 'c'")]),  # two Cyrillic es
        ("\u039fK", [(0, "Latin 'O'")]),  # Greek omicron before a Latin K
        ("Mo\u0441\u043a\u0432\u0430", [(0, "Cyrillic 'М'"), (1, "Cyrillic 'о'")]),
        ("Syria", []),
        ("\u041c\u043e\u0441\u043a\u0432\u0430", []),  # all Cyrillic: Moscow in Russian
        ("\u03bcg", []),  # Greek mu has no Latin twin
        ("\u03b2eta", []),  # nor beta
        ("café", []),  # Latin with accents is one script
    ],
)
def test_mixed_script_letters(word, expected):
    assert mixed_script_letters(word) == expected


def _findings(tmp_path, text: str) -> list[tuple[str, int, int, str]]:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    document = read_document(str(path), published=date(2024, 12, 1))
    session = start_session(use_config=False)
    rules = [rule for rule in session.rules if rule.id in ("CC002", "CC003")]
    return [
        (f.rule, f.column, f.end_column, f.message)
        for f in check_document(document, rules, CheckContext())
    ]


def test_hidden_character_finding_marks_the_word_and_says_how_it_reads(tmp_path):
    ((rule, column, end, message),) = _findings(tmp_path, "Matthew Mil\u200b\u200bler said.\n")
    assert (rule, column, end) == ("CC003", 9, 17)
    assert message.startswith("invisible U+200B ZERO WIDTH SPACE inside 'Miller'")


def test_one_finding_per_run_of_direction_controls(tmp_path):
    ((rule, column, end, message),) = _findings(tmp_path, "Ok \u202e\u202e\u202e\u202cthen.\n")
    assert (rule, column, end) == ("CC003", 4, 8)
    assert "U+202C POP DIRECTIONAL FORMATTING, U+202E RIGHT-TO-LEFT OVERRIDE" in message
    assert "(4 characters)" in message


def test_joiners_and_marks_where_scripts_need_them_are_not_findings(tmp_path):
    text = (
        "Posted \U0001f468\u200d\U0001f469\u200d\U0001f467 on Sunday.\n\n"
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200f\u0627\u0644\u0645\u062a\u062d\u062f\u062b.\n"
    )
    assert _findings(tmp_path, text) == []


def test_words_holding_are_the_letter_runs_that_hold_the_characters():
    # CC002 reads only the words holding a Cyrillic or Greek letter: they must be exactly
    # the runs of letters a scan of every word finds, whatever stands around them
    alphabet = (
        "ab Zq_19²,.\n'’-"
        "\u0405\u0441\u043e\u039f\u03bc"  # Cyrillic and Greek letters
        "\u037e\u0483\u0301\u200b\u00e9"  # Greek question mark, titlo, accent, ZWSP, é
    )
    characters = {"\u0405", "\u0441", "\u039f", "\u037e", "\u0483"}
    generator = random.Random(10)
    for _ in range(500):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randrange(0, 60)))
        expected = [m.span() for m in _LETTERS.finditer(text) if characters & set(m.group(0))]
        assert [m.span() for m in _words_holding(text, characters)] == expected, repr(text)
