"""Quote comparison as an editor does it."""

from __future__ import annotations

from claimcheck.attribution.compare import best_match, compare_quote

MILLER = (
    "the need for de-escalation and the protection of civilian lives and infrastructure in "
    "Aleppo and elsewhere,"
)
FIDAN = "against any development that would increase instability in the region"


def test_inserted_word():
    result = compare_quote(
        "the urgent need for de-escalation and the protection of civilian lives and "
        "infrastructure in Aleppo and elsewhere",
        MILLER,
    )
    assert not result.faithful and result.related
    assert result.describe() == "inserted 'urgent'"
    assert result.diff.startswith("the {+urgent+} need for de-escalation")


def test_replaced_words():
    assert compare_quote(FIDAN.replace("increase", "exacerbate"), FIDAN).describe() == (
        "'exacerbate' for 'increase'"
    )
    swapped = compare_quote(
        "the need for de-escalation and the protection of civilian lives and infrastructure "
        "in Gaza",
        MILLER,
    )
    assert swapped.describe() == "'Gaza' for 'Aleppo and elsewhere'"


def test_dropped_words_without_ellipsis():
    result = compare_quote(
        "the need for de-escalation and the protection of civilian lives in Aleppo and elsewhere",
        MILLER,
    )
    assert result.describe() == "dropped 'and infrastructure'"


def test_faithful_elision_truncation_marks_case_and_punctuation():
    assert compare_quote("the need for de-escalation ... in Aleppo and elsewhere", MILLER).faithful
    assert compare_quote("the need for de-escalation … in Aleppo and elsewhere.", MILLER).faithful
    assert compare_quote("The need for de-escalation and the protection", MILLER).faithful
    assert compare_quote("protection of civilian lives", MILLER).faithful
    assert compare_quote("It’s “fine,” he said", 'it\'s "fine" he said.').faithful


def test_bracketed_insertions_are_honoured():
    assert compare_quote("[The] need for de-escalation", MILLER).faithful
    assert compare_quote(
        "[Ankara is] against any development that would increase instability", FIDAN
    ).faithful


def test_unrelated_words_are_not_compared():
    result = compare_quote("We will rebuild every school in the north", MILLER)
    assert not result.related


def test_best_match_prefers_the_faithful_source():
    candidates = [("wire", MILLER), ("other", "the need for calm in the region")]
    match = best_match("the need for de-escalation ... in Aleppo and elsewhere", candidates)
    assert match.claim == "wire" and match.comparison.faithful
    assert best_match("nothing like it at all here", candidates) is None
