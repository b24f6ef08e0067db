"""The grammar's examples file (``claimcheck/numeric/examples.tsv``), one test a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.numeric import read_figures, resolve

EXAMPLES = Path(__file__).resolve().parents[2] / "claimcheck" / "numeric" / "examples.tsv"


def _rows() -> list[tuple[str, ...]]:
    rows = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))
    return rows


@pytest.mark.parametrize("row", _rows(), ids=[row[0][:50] for row in _rows()])
def test_example(row):
    sentence, figure_text, described, predicate, as_of = row
    figures = read_figures(sentence)
    if figure_text == "-":
        assert figures == [], [sentence[f.start : f.end] for f in figures]
        return
    found = {sentence[f.start : f.end]: f.value for f in figures}
    assert figure_text in found, f"{figure_text!r} not among {list(found)}"
    value = found[figure_text]
    assert value.describe() == described
    assert value.predicate == (None if predicate == "-" else predicate)
    assert value.as_of == (None if as_of == "-" else as_of)


@pytest.mark.parametrize(
    ("text", "expected"), [("5 millionſ people", "5000000 people"), ("12 \u212am", "12 kilometer")]
)
def test_letters_that_match_ascii_ones_read_as_those(text, expected):
    # re's IGNORECASE matches "ſ" to "s" and the Kelvin sign to "k": the word the grammar
    # matched must still be found in its tables (it raised a KeyError)
    (figure,) = read_figures(text)
    assert (figure.start, figure.end) == (0, len(text))
    assert figure.explanation.endswith(expected)


@pytest.mark.parametrize(
    "phrase",
    [
        *["so far", "to date", "as of Monday", "in the past 24 hours", "over the last three days"],
        *["during the previous two weeks", "the past week", "by the end of Tuesday", "by tonight"],
        *["since January", "Since 2023", "in 2024", "this year", "last month", "overnight"],
        "on Monday",
    ],
)
def test_every_as_of_phrase_is_found(phrase):
    # the pattern opens with a test of its phrases' first letters: none may be left out
    text = f"400 people were killed {phrase}, officials said"
    found = resolve._as_of(case_blind=True).search(text)
    assert found is not None and found.group(0) == phrase
    found = resolve._as_of(case_blind=False).search(resolve._lower_case(text))
    assert found is not None and found.group(0) == phrase.lower()
