"""Titles against office terms: matching mentions to facts, and CC401 firing or not."""

from __future__ import annotations

from datetime import date

from claimcheck.facts import document_titles, find_titles, holder_on, judge_title, match_title
from tests.facts.conftest import line_of

DEC = date(2024, 12, 1)
MARCH = date(2025, 3, 1)


def conflicts(world, document):
    found = []
    for title in document_titles(document, world):
        conflict = judge_title(title.match, world, document.published)
        if conflict is not None:
            found.append((document.text[title.start : title.end], conflict))
    return found


def test_three_ways_of_naming_fidan_meet_the_same_fact(world, draft):
    document = draft(
        "Turkey’s top diplomat and US Secretary of State Antony Blinken spoke Sunday.\n"
        "Blinken and Turkish Foreign Minister Hakan Fidan discussed the war.\n"
        "Foreign Minister Fidan said Ankara wanted calm.\n"
    )
    titles = document_titles(document, world)
    fidan = [t.match for t in titles if t.match.offices == (("Foreign Minister", "Turkey"),)]
    # "Turkey's top diplomat": no name, but the office's holder on the day is Fidan
    assert fidan[0].mention.shape == "alone"
    assert holder_on(fidan[0], world, DEC) == "Hakan Fidan"
    # "Turkish Foreign Minister Hakan Fidan": the full name
    assert fidan[1].person == "Hakan Fidan"
    # "Foreign Minister Fidan": the surname, through the facts base and the people register
    assert fidan[2].person == "Hakan Fidan"
    assert conflicts(world, document) == []


def test_title_too_late_in_an_attribution(world, draft):
    document = draft(
        "US Secretary of State Antony Blinken said the talks would go on.\n", published="2025-03-01"
    )
    ((text, conflict),) = conflicts(world, document)
    assert text == "US Secretary of State Antony Blinken"
    assert "left office as US Secretary of State on 2025-01-20" in conflict.message
    assert "was Marco Rubio (since 2025-01-21)" in conflict.message
    assert [t.person for t in conflict.terms] == ["Antony Blinken", "Marco Rubio"]
    assert conflict.terms[0].origin.line == line_of("  - person: Antony Blinken")


def test_title_holds_on_the_day(world, draft):
    document = draft("US Secretary of State Antony Blinken said the talks would go on.\n")
    assert conflicts(world, document) == []


def test_title_too_early_in_plain_prose(world, draft):
    document = draft("Secretary of State Marco Rubio discussed Syria with Fidan.\n")
    ((text, conflict),) = conflicts(world, document)
    assert text == "Secretary of State Marco Rubio"
    assert "took office as US Secretary of State only on 2025-01-21, after 2024-12-01" in (
        conflict.message
    )


def test_appositive_title(world, draft):
    late = draft("Bashar al-Assad, the Syrian president, spoke.\n", published="2025-03-01")
    assert len(conflicts(world, late)) == 1
    on_time = draft("Bashar al-Assad, the Syrian president, spoke.\n", published="2024-12-01")
    assert conflicts(world, on_time) == []


def test_former_is_checked_both_ways(world, draft):
    text = "Former US Secretary of State Antony Blinken said he was proud.\n"
    assert conflicts(world, draft(text, published="2025-03-01")) == []
    ((_, conflict),) = conflicts(world, draft(text, published="2024-12-01"))
    assert "still held the office" in conflict.message


def test_someone_else_in_a_covered_single_holder_office(world, draft):
    document = draft("US Secretary of State John Kerry met his counterparts.\n")
    ((_, conflict),) = conflicts(world, document)
    assert "was Antony Blinken (since 2021-01-26), not John Kerry" in conflict.message


def test_what_the_facts_base_does_not_cover_yields_nothing(world, draft):
    texts = [
        # an office the base has no terms for
        "French Foreign Minister Jean-Noel Barrot said France was ready.\n",
        # a role with no country, held by someone the base does not know
        "Foreign Minister Abdallah Bou Habib said Lebanon was ready.\n",
        # a deputy is another office
        "US Deputy Secretary of State Kurt Campbell said the talks went well.\n",
        # then- and -elect speak of another time
        "Then-Secretary of State Antony Blinken said in 2023 that talks would go on.\n",
        # a day before any recorded term of the office
        "US Secretary of State John Kerry said the deal was done.\n",
    ]
    for index, text in enumerate(texts):
        published = "2016-01-01" if index == len(texts) - 1 else "2025-03-01"
        assert conflicts(world, draft(text, published=published)) == [], text


def test_find_titles_shapes(world):
    text = "Hakan Fidan, Turkey's foreign minister, and US Secretary of State Antony Blinken met."
    shapes = [(m.shape, m.name) for m in find_titles(text, world)]
    assert shapes == [("appositive", "Hakan Fidan"), ("before", "Antony Blinken")]
    mention = find_titles("President Bashar al-Assad fled.", world)[0]
    assert match_title(mention, world).offices == (("President", "Syria"),)
    assert judge_title(match_title(mention, world), world, MARCH) is not None


def test_possessive_names_are_the_same_person(world, draft):
    document = draft("US Secretary of State Antony Blinken’s visit was cut short.\n")
    (title,) = document_titles(document, world)
    assert title.match.person == "Antony Blinken"
    assert conflicts(world, document) == []


def test_before_the_first_recorded_term_only_when_someone_else_held_it(world, draft, write):
    from claimcheck.facts import load_facts

    # the record has Trump's second term only: his first may simply be missing
    extra = write(
        "presidents.yaml",
        "offices:\n  - person: Donald Trump\n    role: President\n    body: United States\n"
        "    from: 2025-01-20\n",
    )
    base = load_facts([extra])
    for text in ("Former President Donald Trump said so.\n", "President Donald Trump said so.\n"):
        assert conflicts(base, draft(text, published="2019-06-01")) == [], text
    # with Biden's term recorded, 2024-12-01 is covered: Trump was not yet president
    biden = write(
        "biden.yaml",
        "offices:\n  - person: Joe Biden\n    role: President\n    body: United States\n"
        "    from: 2021-01-20\n    to: 2025-01-20\n",
    )
    base = load_facts([extra, biden])
    ((_, conflict),) = conflicts(base, draft("President Donald Trump said so.\n"))
    assert "took office as United States President only on 2025-01-20" in conflict.message
    assert "was Joe Biden" in conflict.message


def test_role_descriptions_and_modifiers_as_written(world, draft):
    ((_, conflict),) = conflicts(world, draft("Rubio, the new top diplomat, said so.\n"))
    assert "Marco Rubio took office as US Secretary of State only on 2025-01-21" in (
        conflict.message
    )
    ((_, conflict),) = conflicts(world, draft("Ousted President Bashar al-Assad fled.\n"))
    assert conflict.message.endswith("so not 'ousted'")
    assert conflicts(world, draft("Ousted President Bashar al-Assad fled.\n", "2025-03-01")) == []


def test_titles_inside_quotations_are_the_speakers_words(world, draft):
    text = "“President Bashar al-Assad must answer for this,” the envoy said in 2023.\n"
    assert conflicts(world, draft(text, published="2025-03-01")) == []
    outside = "Troops loyal to President Bashar al-Assad fled, the envoy said.\n"
    assert len(conflicts(world, draft(outside, published="2025-03-01"))) == 1


def test_possessive_bodies(world, draft):
    text = "The United States’ top diplomat met Turkish officials.\n"
    mentions = find_titles(text, world)
    assert [(m.shape, m.body_text) for m in mentions] == [("alone", "United States")]
    assert holder_on(match_title(mentions[0], world), world, DEC) == "Antony Blinken"


def test_name_set_off_by_commas_after_the_title(world, draft):
    text = "The United States’ top diplomat, Antony Blinken, spoke.\n"
    (mention,) = find_titles(text, world)
    assert (mention.shape, mention.name) == ("before", "Antony Blinken")
    assert len(conflicts(world, draft(text, published="2025-03-01"))) == 1
    listed = "US Secretary of State, Turkish officials and others spoke.\n"
    assert [m.shape for m in find_titles(listed, world)] == ["alone"]
