"""The people register: names, titles, roles, resolution, merging across documents."""

from __future__ import annotations

import pytest

from claimcheck.attribution.people import (
    PeopleRegister,
    Person,
    TitleUse,
    _regions,
    same_speaker,
    split_mention,
    titles_conflict,
)

TEXT = (
    "Turkey’s top diplomat and US Secretary of State Antony Blinken spoke Sunday.\n"
    "Blinken and Turkish Foreign Minister Hakan Fidan discussed the offensive, State "
    "Department spokeswoman Jane Doe said.\n"
    "Secretary Blinken later flew to Brussels."
)


def test_split_mention_into_title_and_name():
    mention = split_mention("Turkish Foreign Minister Hakan Fidan")
    assert (mention.title, mention.name) == ("Turkish Foreign Minister", "Hakan Fidan")
    assert split_mention("President Bashar al-Assad").name == "Bashar al-Assad"
    assert split_mention("a Syrian war monitor").name is None


def test_register_people_titles_and_aliases():
    register = PeopleRegister.from_text(TEXT)
    people = {p.name: p.to_json() for p in register.people}
    assert set(people) == {"Antony Blinken", "Hakan Fidan", "Jane Doe"}
    assert people["Antony Blinken"]["titles"] == ["Secretary", "US Secretary of State"]
    assert people["Hakan Fidan"]["aliases"] == ["Fidan"]
    assert register.find("Jane Doe").gender == "female"


def test_mentions_resolve_by_surname_title_role_and_pronoun():
    register = PeopleRegister.from_text(TEXT)
    assert register.resolve("Fidan").speaker == "Hakan Fidan"
    assert register.resolve("Turkey’s top diplomat").speaker == "Hakan Fidan"
    assert register.resolve("the Secretary").speaker == "Antony Blinken"
    assert register.resolve("the spokeswoman").speaker == "Jane Doe"
    doe = register.find("Doe")
    assert register.resolve("she", doe).speaker == "Jane Doe"
    assert register.resolve("he", doe).speaker == "he"  # not compatible with a spokeswoman
    assert register.resolve("the ministry").speaker == "ministry"


def test_registers_merge_across_documents():
    wire = PeopleRegister.from_text("Turkish Foreign Minister Hakan Fidan said so.")
    draft = PeopleRegister.from_text("Foreign Minister Hakan Fidan and Minister Ali Demir met.")
    merged = PeopleRegister.merged([wire, draft])
    assert [p.name for p in merged.people] == ["Hakan Fidan", "Ali Demir"]
    assert sorted(merged.find("Fidan").to_json()["titles"]) == [
        "Foreign Minister",
        "Turkish Foreign Minister",
    ]


def test_title_conflicts_and_shortened_titles():
    assert titles_conflict("Turkish Defence Minister", "Turkish Foreign Minister")
    assert not titles_conflict("Secretary", "US Secretary of State")
    assert not titles_conflict("Turkey's top diplomat", "Turkish Foreign Minister")
    assert not titles_conflict("former President", "Vice President")
    assert not titles_conflict("UN chief", "Secretary-General")  # no post in common


def test_spelling_variants_but_not_possessives_or_surnames():
    register = PeopleRegister.from_text(
        "Turkish Foreign Minister Hakan Fidan spoke. Hakan Fiden said Fiden would go."
    )
    assert register.spelling_of("Hakan Fiden").name == "Hakan Fidan"
    assert register.spelling_of("Fiden").name == "Hakan Fidan"
    assert register.spelling_of("Fidan's") is None
    assert register.spelling_of("Fidan") is None
    assert [(a.name, b.name) for a, b in register.name_variants()] == [
        ("Hakan Fiden", "Hakan Fidan")
    ]


def test_same_speaker_across_documents():
    assert same_speaker("Hakan Fidan", "Fidan")
    assert same_speaker("State Department", "US State Department")
    assert not same_speaker("Hakan Fidan", "Antony Blinken")
    assert not same_speaker("Matthew Miller", "Mark Miller")


def test_relatives_are_not_spelling_variants():
    register = PeopleRegister.from_text(
        "President Joe Biden and first lady Jill Biden arrived. Biden said the trip was long."
    )
    assert register.spelling_of("Jill Biden") is None
    assert register.name_variants() == []


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Syrian President Bashar al-Assad fled.", [(0, 32)]),
        ("al-Sharaa Ahmed spoke", [(0, 15)]),  # al- opens the text
        ("Xal-Sharaa Ahmed spoke", [(0, 16)]),
        ("They fought al-Assad forces.", []),  # one name alone, no title before it
        ("He met\nSecretary Blinken", [(7, 24)]),  # the title on the next line only
        ("He met “Secretary Blinken", [(8, 25)]),
        ("met the spokesman Matthew Miller", [(4, 32)]),  # a lower-case title before
    ],
)
def test_regions_that_may_hold_a_titled_name(text, regions):
    assert _regions(text) == regions


def test_title_words_follow_the_titles_and_roles_added():
    # the distinct titles are read once each, not all of them at every lookup (an archive
    # names the same official with a title thousands of times); new ones still count
    person = Person("Matthew Miller")
    person.titles.extend([TitleUse("State Department spokesman", 0, 10)] * 1000)
    assert person.title_words() == {"state", "department", "spokesman"}
    person.titles.append(TitleUse("ambassador", 20, 30))
    assert "ambassador" in person.title_words()
    person.roles.append("Secretary of State")
    assert {"secretary", "minister", "spokesman"} <= person.title_words()
    person.titles = [TitleUse("ambassador", 20, 30)] * 2000  # a list of its own: read anew
    assert "spokesman" not in person.title_words()
