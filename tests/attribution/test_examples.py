"""The grammar's examples file (``claimcheck/attribution/examples.tsv``), line by line."""

from __future__ import annotations

from importlib import resources

import pytest

from claimcheck.attribution import extract_attribution
from claimcheck.documents import read_document


def _examples() -> list[tuple[int, list[str]]]:
    text = resources.files("claimcheck.attribution").joinpath("examples.tsv").read_text("utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.split("\t")))
    return rows


EXAMPLES = _examples()


def attributions(text: str):
    document = read_document("example.txt", data=text.replace("\\n", "\n").encode("utf-8"))
    return [claim.value for claim in extract_attribution(document)]


def test_examples_file_has_every_construction():
    assert len(EXAMPLES) >= 25
    assert {row[3] for _, row in EXAMPLES} >= {
        "said",
        "says",
        "told",
        "according to",
        "added",
        "stated",
        "insisted",
        "warned",
        "stressed",
        "noted",
        "adding",
        "insists",
    }


@pytest.mark.parametrize(("line", "row"), EXAMPLES, ids=[f"line{n}" for n, _ in EXAMPLES])
def test_example(line, row):
    text, speaker_text, speaker, cue, quote = row
    values = attributions(text)
    if speaker_text == "-":
        assert values == [], f"line {line}: expected no attribution, got {values}"
        return
    wanted = (speaker_text, speaker, cue, None if quote == "-" else quote)
    found = [(v.speaker_text, v.speaker, v.cue, v.quote) for v in values]
    assert wanted in found, f"line {line}: {wanted} not in {found}"
