"""The attribution grammar on single sentences: what its speed-ups must keep."""

from __future__ import annotations

import pytest

from claimcheck.attribution.grammar import scan


def spans(sentence: str) -> list[tuple[str, str, str]]:
    return [(m.construction, m.mention, m.cue) for m in scan(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # eight words at most, "of the" counting as one: the mention must be read every way
        (
            "The Minister of the Interior of the Republic of the Union said it was over.",
            [
                (
                    "speaker_first",
                    "The Minister of the Interior of the Republic of the Union",
                    "said",
                )
            ],
        ),
        ("Smith and Jones said it was over.", [("speaker_first", "Smith and Jones", "said")]),
        ("The talks, the minister said, had stalled.", [("speaker_first", "the minister", "said")]),
        ("He said: “___”", [("speaker_first", "He", "said")]),
        ("“___,” said Miller.", [("cue_first", "Miller", "said")]),
        # a verb after the name makes it the subject of what was said, not a cut-off "Mille"
        ("The talks stalled, said Miller had been told.", []),
        ("It was late, according to a source.", [("according_to", "a source", "according to")]),
        ("The weather was fine on the day.", []),
        ("SHE SAID NOTHING.", []),
    ],
)
def test_scan(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the case-blind check still decides for "according to" alone
        ("According  to Reuters, it fell.", []),
        ("SAID, According  to Reuters, it fell.", [("according_to", "Reuters", "According  to")]),
        ("ACCORDING TO REUTERS, it said nothing.", [("speaker_first", "it", "said")]),
    ],
)
def test_scan_prefilter(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # speaker_first looks past the last comma or quote mark only where no match holds it
        ("In Aleppo, the monitor said it was over.", [("speaker_first", "the monitor", "said")]),
        ("“___,” the minister also said on Monday.", [("speaker_first", "the minister", "said")]),
        (  # the comma closes the appositive
            "Miller, who was in Ankara, said it was over.",
            [("speaker_first", "Miller, who was in Ankara", "said")],
        ),
        ("Miller, a spokesman, also said it.", [("speaker_first", "Miller, a spokesman", "said")]),
        (  # the comma opens an appositive holding the cue
            "Miller, who said nothing, told reporters it was over.",
            [("speaker_first", "Miller, who said nothing", "told")],
        ),
        (  # the comma closes where it was said
            "Matthew Miller, in a statement, told reporters it was over.",
            [("speaker_first", "Matthew Miller", "told")],
        ),
        (  # an earlier cue's match holds the comma
            "Miller, in a statement, told reporters the talks said nothing.",
            [("speaker_first", "Miller", "told"), ("speaker_first", "the talks", "said")],
        ),
        (  # found by a differential fuzz: a match of an earlier cue reads on past the comma
            "were added warned Miller “, who was in Ankara, Matthew Miller, in a statement, told "
            "reporters pointed out pointed out pointed out.",
            [("speaker_first", "Matthew Miller", "told"), ("speaker_first", "out", "pointed out")],
        ),
    ],
)
def test_scan_around_commas_and_quotes(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(sentence) == expected
