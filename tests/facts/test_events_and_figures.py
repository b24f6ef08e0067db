"""Event dates and reference figures against the facts base: CC402 and CC403 firing or not."""

from __future__ import annotations

from datetime import date

from claimcheck.facts import check_event_dates, check_figure
from claimcheck.facts.figures import as_of_day
from tests.facts.conftest import line_of


def event_conflicts(world, document, claims_of):
    return [
        c for t in claims_of(document, "temporal") for c in check_event_dates(t, world, document)
    ]


def figure_conflicts(world, document, claims_of):
    temporal = claims_of(document, "temporal")
    return [
        c
        for n in claims_of(document, "numeric")
        for c in check_figure(n, world, temporal, document)
    ]


def test_event_dated_a_day_late(world, draft, claims_of):
    document = draft("The Syrian rebel offensive began Thursday.\n", published="2024-12-03")
    ((conflict),) = event_conflicts(world, document, claims_of)
    assert conflict.event.name == "Syrian opposition offensive began"
    assert "to 2024-11-28, but the facts base has 2024-11-27" in conflict.message
    assert conflict.event.origin.line == line_of("  - name: Syrian opposition offensive began")


def test_event_dated_right(world, draft, claims_of):
    document = draft("The Syrian rebel offensive began Wednesday.\n", published="2024-12-01")
    assert event_conflicts(world, document, claims_of) == []
    absolute = draft("The offensive in Syria began on Nov. 27.\n", published="2025-03-01")
    assert event_conflicts(world, absolute, claims_of) == []


def test_the_same_day_clause_dates_the_second_event(world, draft, claims_of):
    document = draft(
        "The Syria offensive began Wednesday, the same day a truce between Israel and "
        "Hezbollah came into effect.\n",
        published="2024-12-03",  # Wednesday is then 2024-11-27: both agree
    )
    assert event_conflicts(world, document, claims_of) == []
    shifted = draft(
        "The Syria offensive began Thursday, the same day a truce between Israel and "
        "Hezbollah came into effect.\n",
        published="2024-12-03",
    )
    names = sorted(c.event.name for c in event_conflicts(world, shifted, claims_of))
    assert names == ["Israel–Hezbollah ceasefire took effect", "Syrian opposition offensive began"]


def test_names_elsewhere_in_the_document_when_one_event_fits(world, draft, claims_of):
    document = draft(
        "Rebels seized most of Aleppo.\n\nThe rebel offensive began Thursday.\n",
        published="2024-12-03",
    )
    assert len(event_conflicts(world, document, claims_of)) == 1


def test_an_event_the_base_does_not_cover_yields_nothing(world, draft, claims_of):
    texts = [
        "The Ukrainian offensive in Kursk began Thursday.\n",  # other names
        "The talks between Israel and Hezbollah began Thursday.\n",  # no event for talks
        "The offensive began Thursday.\n",  # no names at all in the document
    ]
    for text in texts:
        document = draft(text, published="2024-12-03")
        assert event_conflicts(world, document, claims_of) == [], text


def test_figure_contradicting_the_reference_of_its_day(world, draft, claims_of):
    document = draft(
        "About 300 people have so far been killed in the Syria offensive, a monitor said.\n"
    )
    ((conflict),) = figure_conflicts(world, document, claims_of)
    assert conflict.as_of == date(2024, 12, 1)
    assert "more than 400 people killed" in conflict.message


def test_figure_agreeing_with_the_reference(world, draft, claims_of):
    for text in (
        "More than 400 people have so far been killed in the Syria offensive.\n",
        "At least 420 people have been killed in the Syria offensive so far.\n",
        "More than 300 people have so far been killed in the Syria offensive.\n",
    ):
        assert figure_conflicts(world, draft(text), claims_of) == [], text


def test_figure_of_another_day_or_measure_yields_nothing(world, draft, claims_of):
    texts_and_days = [
        # the reference is for 2024-12-01 only
        ("About 300 people have so far been killed in the Syria offensive.\n", "2024-11-29"),
        # one window of time is another measure
        (
            "About 30 people were killed in the past 24 hours in the Syria offensive.\n",
            "2024-12-01",
        ),
        # another counted class
        ("About 30 children have so far been killed in the Syria offensive.\n", "2024-12-01"),
        # another topic and names
        ("About 30 people have so far been killed in the Gaza strikes.\n", "2024-12-01"),
    ]
    for text, day in texts_and_days:
        assert figure_conflicts(world, draft(text, published=day), claims_of) == [], text


def test_as_of_a_named_day(world, draft, claims_of):
    document = draft(
        "As of Dec. 1, about 300 people had been killed in the Syria offensive.\n",
        published="2024-12-05",
    )
    (figure,) = claims_of(document, "numeric")
    assert as_of_day(figure, claims_of(document, "temporal")) == date(2024, 12, 1)
    assert len(figure_conflicts(world, document, claims_of)) == 1
