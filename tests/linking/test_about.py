"""What ``describe`` reads from a clause, and the phrase index it reads lexicons with."""

from __future__ import annotations

from claimcheck.linking import describe
from claimcheck.linking.about import PhraseIndex


def test_phrase_index_finds_whole_words_longest_first_ignoring_case():
    index = PhraseIndex({"took effect": "took_effect", "took": "took", "death toll": "killed"})
    text = "The Death Toll rose after the truce took effect; it overtook nothing."
    found = [(text[start:end], value) for start, end, value in index.finditer(text)]
    assert found == [("Death Toll", "killed"), ("took effect", "took_effect")]


def test_the_toll_a_verb_of_change_moves_is_the_measure(claim):
    about = describe(
        claim("The death toll from the floods in Spain has risen to 217.", "2024-11-05", "217")
    )
    assert (about.predicate, about.counted) == ("killed", "people")  # a toll counts people


def test_a_day_after_a_rising_toll_is_an_as_of_date_not_a_window(claim):
    about = describe(
        claim(
            "The death toll from the floods in Valencia rose to 95 on Wednesday.",
            "2024-10-31",
            "95",
        )
    )
    assert about.window == "on wednesday" and about.window_kind == "cumulative"


def test_a_relative_clause_is_about_its_antecedent(claim):
    about = describe(
        claim(
            "The strike at Boeing, which began on September 13, halted production.",
            "2024-10-10",
            "September 13",
        )
    )
    assert (about.predicate, about.topics) == ("began", {"strike"})
    assert "Boeing" in about.names


def test_the_attribution_tail_is_not_part_of_the_claim(claim):
    about = describe(
        claim(
            "More than 400 people have been killed, the Syrian Observatory for Human Rights said.",
            "2024-12-01",
            "400 people",
        )
    )
    assert about.names == frozenset()


def test_a_counted_noun_after_a_name_is_the_figures_noun(claim):
    about = describe(
        claim("Some 33,000 Boeing machinists walked off the job.", "2024-09-13", "33,000")
    )
    assert about.counted == "workers"


def test_a_date_that_bounds_a_tally_is_not_an_event_date(claim):
    window = describe(
        claim(
            "Strikes have killed 3,800 people in Lebanon since October 2023.",
            "2024-11-28",
            "October",
        )
    )
    event = describe(claim("The offensive began on Wednesday.", "2024-12-01", "Wednesday"))
    assert (window.dating, event.dating) == ("window", "event")
