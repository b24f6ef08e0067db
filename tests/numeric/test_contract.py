"""The JSON contract for numeric claims, end to end through the CLI."""

from __future__ import annotations


def _numeric(cli, path):
    result = cli("extract", path, "--format", "json")
    assert result.code == 0, result.err
    (document,) = result.json()["documents"]
    return [c for c in document["claims"] if c["kind"] == "numeric"]


def test_seed_toll_is_low_400_exclusive_people_killed_so_far(cli, seed_path):
    (toll,) = [c for c in _numeric(cli, seed_path) if c["text"] == "More than 400 people"]
    assert toll["value"] == {
        "low": 400,
        "high": None,
        "low_inclusive": False,
        "high_inclusive": False,
        "approximate": False,
        "unit": "people",
        "base": None,
        "predicate": "killed",
        "as_of": "so far",
    }


def test_seed_second_largest_is_rank_two(cli, seed_path):
    (rank,) = [c for c in _numeric(cli, seed_path) if c["text"] == "second-largest"]
    assert (rank["value"]["low"], rank["value"]["high"], rank["value"]["unit"]) == (2, 2, "rank")


def test_nearly_a_dozen_is_high_12_exclusive_and_approximate(cli, write):
    draft = write("d.md", "---\npublished: 2024-12-01\n---\nNearly a dozen people were hurt.\n")
    (claim,) = _numeric(cli, draft)
    value = claim["value"]
    assert (value["low"], value["high"], value["high_inclusive"], value["approximate"]) == (
        None,
        12,
        False,
        True,
    )


def test_about_3_billion_is_low_equal_high_approximate(cli, write):
    draft = write("d.md", "---\npublished: 2024-12-01\n---\nAbout 3 billion people use it.\n")
    (claim,) = _numeric(cli, draft)
    value = claim["value"]
    assert (value["low"], value["high"], value["approximate"]) == (3e9, 3e9, True)


def test_measure_has_base_in_si_units(cli, write):
    draft = write("d.md", "---\npublished: 2024-12-01\n---\nThe wall is 12 feet high.\n")
    (claim,) = _numeric(cli, draft)
    assert claim["value"]["unit"] == "foot"
    assert claim["value"]["base"] == {"low": 3.6576, "high": 3.6576, "unit": "meter"}
