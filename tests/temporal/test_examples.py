"""Every line of ``claimcheck/temporal/examples.tsv``: the phrase is found in its sentence
and resolved, against the publication date given, to the value given."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from claimcheck.temporal.grammar import scan
from claimcheck.temporal.resolve import Reference, resolve
from claimcheck.temporal.tense import clause_tense


def _examples() -> list[tuple[str, str, str, str]]:
    text = resources.files("claimcheck.temporal").joinpath("examples.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, published, expression, expected = line.split("\t")
            rows.append((sentence, published, expression, expected))
    return rows


EXAMPLES = _examples()


def test_the_examples_cover_the_issue():
    assert len(EXAMPLES) >= 60


@pytest.mark.parametrize(("sentence", "published", "expression", "expected"), EXAMPLES)
def test_example(sentence, published, expression, expected):
    found = {sentence[start:end]: (start, end, node) for start, end, node in scan(sentence)}
    # the claim text leaves out a leading preposition the grammar reads ("in 2014")
    match = next(
        (
            item
            for text, item in found.items()
            if text == expression or text.endswith(" " + expression)
        ),
        None,
    )
    assert match is not None, f"{expression!r} not found; found {list(found)}"
    start, end, node = match
    tense = clause_tense(sentence, start, end)
    value, how = resolve(node, tense, Reference(date.fromisoformat(published)))
    if expected == "unresolved":
        assert value.start is None, how
        assert value.unresolved
        return
    span, *rest = expected.split()
    first, _, last = span.partition("..")
    assert value.start == date.fromisoformat(first), how
    assert value.end == date.fromisoformat(last or first), how
    if rest:
        assert value.grain == rest[0], how
    if len(rest) > 1:
        assert value.time == rest[1], how
