"""The bare-figure path of the scan reads what the grammar reads, and leaves the rest to it."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.numeric import grammar


def _example_sentences() -> list[str]:
    text = resources.files("claimcheck.numeric").joinpath("examples.tsv").read_text("utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"]


def _scan(sentence: str) -> list[tuple[int, int, dict]]:
    return [(m.start, m.end, m.fields) for m in grammar.scan(sentence)]


def test_the_bare_figure_path_reads_what_the_grammar_reads(monkeypatch):
    sentences = _example_sentences()
    assert len(sentences) > 50
    with_path = [_scan(sentence) for sentence in sentences]
    monkeypatch.setattr(grammar, "_bare_figure", lambda window: None)
    assert [_scan(sentence) for sentence in sentences] == with_path


_CENTS_AND_PARTS = [
    "It cost $20 and 43 cents.",  # cents
    "more than 1 dollar and forty-two cents",
    "He is 7 feet 10 inches tall.",  # the parts of a measure
    "2 yds, 7 feet and 10 inches",
    "10 kms, 8 meters and 6 centimetres",
    "talks lasted 3 hours and 40 minutes",  # durations are no composite: two figures
    "between 3 and 5 km",  # "and 5 km" is no part: the range's end
    "between 44 mg and 50 mg",
    "12 km (7 feet 10 inches)",  # parts in a restatement
    "30 and 40 C",  # no money before: no cents
]


def test_cents_and_parts_are_read_without_the_grammar():
    end, fields = grammar._bare_figure("$20 and 43 cents")
    assert (end, fields["first"]["cents"]) == (len("$20 and 43 cents"), "43")
    end, fields = grammar._bare_figure("7 feet 10 inches tall")
    assert [part["unit"] for part in fields["first"]["parts"]] == ["inches"]
    assert grammar._bare_figure(" 7 feet") is None  # spaces first: the grammar's


_RESTATEMENTS = [
    "The crater is 12 km (7.5 miles) wide.",
    "It lies 1,500,000 kilometres (930,000 miles) from Earth.",
    "about 400 (more than 300) people were killed",
    "an 8- to 16-meter (320- to 650-foot) wave",
    "a 16-meter (to 650-foot) wave",
    "at most 100 (+1 for rounding) seats",
    "The total was 27 (   ).",
    "It cost $20 (£15 and 43 pence).",
    "He is 7 feet (2 metres 13 cm) tall.",
    "a 5 km ( 3 miles ) run",
    "about 12 km (7.5 miles",
    "12 km (7.5 miles) tall",
]


_RANKS_AND_MEASURE_WORDS = [
    "Aleppo is Syria's second-largest city.",
    "the 25th most populous state",
    "a wall 6 metres tall and 2 m wide",
    "It fell to minus 5 below zero.",
    "a 12-km (7.5-mile) long front",
    "6 metres-tall",
]


@pytest.mark.parametrize("sentence", _CENTS_AND_PARTS + _RESTATEMENTS + _RANKS_AND_MEASURE_WORDS)
def test_the_bare_path_reads_what_the_grammar_alone_reads(sentence, monkeypatch):
    with_path = _scan(sentence)
    assert with_path
    monkeypatch.setattr(grammar, "_bare_figure", lambda window: None)
    assert with_path == _scan(sentence)


def test_a_rank_and_a_measure_word_are_read_without_the_grammar():
    end, fields = grammar._bare_figure("second-largest city")
    assert (end, fields["rank"], fields["superlative"]) == (
        len("second-largest"),
        "second",
        "largest",
    )
    end, fields = grammar._bare_figure("6 metres tall and 2 m wide")
    assert (end, fields["measure"]) == (len("6 metres tall"), "tall")


def test_a_restatement_in_brackets_is_read_without_the_grammar():
    end, fields = grammar._bare_figure("12 km (7.5 miles) of road")
    assert end == len("12 km (7.5 miles)")
    assert fields["restated"]["first"]["digits"] == "7.5"
    end, fields = grammar._bare_figure("12 km (7 feet 10 inches)")
    assert fields["restated"]["first"]["parts"][0]["digits"] == "10"
    assert "restated" not in grammar._bare_figure("100 (+1 for rounding)")[1]


def test_where_no_quantity_stands_nothing_is_read():
    assert grammar._bare_figure("second wave of strikes") is grammar.NO_FIGURE
    assert grammar.scan("The second wave of strikes hit the port.") == []


def test_a_qualified_figure_is_read_without_the_grammar():
    end, fields = grammar._bare_figure("more than 400 people have been killed")
    assert end == len("more than 400 people")
    assert list(fields) == ["qualifier", "first", "noun"]
    assert fields["qualifier"] == "more than" and fields["first"]["digits"] == "400"


@pytest.mark.parametrize(
    ("window", "keys", "first", "second"),
    [
        ("between 300 and 400 people", ["between", "first", "to", "second", "noun"], "300", "400"),
        ("from 80,000 to 120,000 tonnes", ["from", "first", "to", "second"], "80,000", "120,000"),
        ("300-400 people fled", ["first", "dash", "second", "noun"], "300", "400"),
        (
            "300 to about 400 people",
            ["first", "dash", "approx_high", "second", "noun"],
            "300",
            "400",
        ),
    ],
)
def test_a_range_of_two_quantities_is_read_without_the_grammar(window, keys, first, second):
    end, fields = grammar._bare_figure(window)
    assert list(fields) == keys
    assert (fields["first"]["digits"], fields["second"]["digits"]) == (first, second)
    assert window[end:] in ("", " fled")


def test_a_range_word_with_no_second_quantity_leaves_the_first_alone():
    end, fields = grammar._bare_figure("300 - the rest")
    assert end == len("300") and "dash" not in fields


def test_a_bare_figure_and_what_it_counts():
    end, fields = grammar._bare_figure("400 people were killed")
    assert end == len("400 people")
    assert fields["first"]["digits"] == "400" and fields["noun"] == "people"
    end, fields = grammar._bare_figure("2023, the year")
    assert end == len("2023") and "noun" not in fields and "noun_other" not in fields


def _candidates_everywhere(text: str) -> list[int]:
    """``grammar._candidates`` without its word lookup: ``_starts`` tried at every word's
    first character, every mark and every vulgar fraction."""
    places = re.finditer(rf"(?<!\w)\w|[^\w\s]|[{grammar.FRACTIONS}]", text)
    found, following = [], 0
    for place in places:
        if place.start() >= following:
            candidate = grammar._starts().match(text, place.start())
            if candidate is not None:
                following = candidate.end()
                found.append(place.start())
    return found


# with the marks that close a chunk of text (``grammar._closing_marks``) and other spaces
_LETTERS = "aAnN ot-−.$£€₹Rr sS½¼⅓3 0,:/'US$ ſ\u212aİı_é)|\"“+\n\t\u00a0"
_WORDS = ["one", "a ", "an ", "half", "third", "try", "Rs", "US$", "km ", "point 5", "minus", "two"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(_LETTERS, max_size=3)), max_size=12))
def test_the_word_lookup_leaves_out_no_place_where_a_figure_starts(parts):
    text = "".join(parts)
    assert list(grammar._candidates(text)) == _candidates_everywhere(text)


def test_the_word_lookup_on_the_examples():
    for sentence in _example_sentences():
        assert list(grammar._candidates(sentence)) == _candidates_everywhere(sentence), sentence


def test_the_word_lookup_knows_every_word_a_figure_opens_with():
    # _start_tokens lists the words _starts is built from; a word left out of it would
    # never be tried (every vocabulary of the pattern, in every case, before a number and
    # before a unit)
    vocabulary = [
        *grammar.number_words(),
        *grammar.ordinals(),
        *grammar.DENOMINATOR_WORDS,
        *grammar.currencies(),
        *["half", "point", "minus", "negative", "a", "an"],
    ]
    for word in vocabulary:
        for written in (word, word.upper(), word.capitalize()):
            for text in (f"{written} 5", f"{written} kilograms", f"the {written}."):
                assert list(grammar._candidates(text)) == _candidates_everywhere(text), text


_FIGURE_PIECES = [
    *["12", "7.5", "1,500", "400", "$20", "about ", "more than ", "between ", "from ", " and "],
    *[" to ", "-", "–", " (", "(", ")", " ) ", " km", " miles", " feet", " 10 inches", "~"],
    *[" people", " and 43 cents", " tall", " of road", "+1", " ", ".", "a ", "one ", "million"],
    *["second-largest", " below zero", "25th ", " most populous", " wide"],
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FIGURE_PIECES), min_size=1, max_size=10))
def test_the_bare_paths_read_what_the_grammar_reads_on_generated_text(parts):
    text = "".join(parts)
    with_paths = _scan(text)
    original = grammar._bare_figure
    grammar._bare_figure = lambda window: None  # the grammar alone
    try:
        assert _scan(text) == with_paths
    finally:
        grammar._bare_figure = original
