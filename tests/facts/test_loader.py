"""The facts file format: what loads, and the clear errors (file and line) for what not."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.facts import FactsError, check_facts, load_facts
from claimcheck.facts.model import parse_record_date
from tests.conftest import ROOT


def problems_of(write, text: str) -> list[str]:
    path = write("facts.yaml", text)
    _, problems = check_facts([path])
    return [f"{p.line}: {p.message}" for p in problems]


def test_the_seed_facts_file_is_valid():
    base = load_facts([ROOT / "seeds" / "facts.yaml"])
    assert base.person_named("Blinken") == "Antony Blinken"
    assert base.person_named("al-Assad") == "Bashar al-Assad"
    office = ("Secretary of State", "United States")
    assert [t.person for t in base.holders_on(office, date(2024, 12, 1))] == ["Antony Blinken"]
    assert [t.person for t in base.holders_on(office, date(2025, 3, 1))] == ["Marco Rubio"]
    assert base.holders_on(("Foreign Minister", "Turkey"), date(2023, 6, 4))[0].person == (
        "Hakan Fidan"
    )


def test_record_dates_keep_their_precision():
    month = parse_record_date("2023-05")
    assert (month.earliest, month.latest, month.grain) == (
        date(2023, 5, 1),
        date(2023, 5, 31),
        "month",
    )
    assert parse_record_date("2024").latest == date(2024, 12, 31)
    with pytest.raises(ValueError):
        parse_record_date("2024-02-30")
    with pytest.raises(ValueError):
        parse_record_date("27 Nov 2024")


def test_a_month_precise_start_is_uncertain_within_the_month(world_file, write):
    path = write(
        "more.yaml",
        "offices:\n  - person: Matthew Miller\n    role: Spokesperson\n"
        "    body: US State Department\n    from: 2023-05\n    to: 2025-01-20\n",
    )
    base = load_facts([world_file, path])
    (term,) = base.terms_of("Matthew Miller")
    assert term.holds_on(date(2023, 4, 30)) is False
    assert term.holds_on(date(2023, 5, 15)) is None
    assert term.holds_on(date(2023, 6, 1)) is True
    assert term.holds_on(date(2025, 1, 21)) is False


def test_several_files_combine(world_file, write):
    extra = write(
        "extra.yaml",
        "offices:\n  - person: Joe Biden\n    role: President\n    body: US\n"
        "    from: 2021-01-20\n    to: 2025-01-20\n",
    )
    base = load_facts([world_file, extra])
    # "US" is an alias from the first file, so the term lands on the same body
    assert base.terms_of("Joe Biden")[0].office == ("President", "United States")
    assert base.paths == (str(world_file), str(extra))


def test_unknown_key_is_named_with_its_line(write):
    found = problems_of(
        write,
        "offices:\n  - person: Hakan Fidan\n    role: Foreign Minister\n    body: Turkey\n"
        "    from: 2023-06-04\n    untill: 2030-01-01\n",
    )
    assert len(found) == 1
    assert found[0].startswith("6: unknown key 'untill' in offices")


def test_bad_date_is_named_with_its_line(write):
    found = problems_of(
        write,
        "events:\n  - name: ceasefire took effect\n    date: 2024-13-27\n"
        "    predicate: took_effect\n    topics: [ceasefire]\n",
    )
    assert len(found) == 1
    assert found[0].startswith("3: date: '2024-13-27' is not a date")


def test_overlapping_terms_of_a_single_holder_office(write):
    found = problems_of(
        write,
        "offices:\n"
        "  - person: Antony Blinken\n    role: Secretary of State\n    body: United States\n"
        "    from: 2021-01-26\n    to: 2025-01-20\n"
        "  - person: Marco Rubio\n    role: Secretary of State\n    body: United States\n"
        "    from: 2025-01-10\n",
    )
    assert len(found) == 1
    assert found[0].startswith("7: Marco Rubio's term as Secretary of State of United States")
    assert "overlaps Antony Blinken's term" in found[0] and ":2)" in found[0]


def test_a_handover_day_is_not_an_overlap(write):
    found = problems_of(
        write,
        "offices:\n"
        "  - person: Joe Biden\n    role: President\n    body: United States\n"
        "    from: 2021-01-20\n    to: 2025-01-20\n"
        "  - person: Donald Trump\n    role: President\n    body: United States\n"
        "    from: 2025-01-20\n",
    )
    assert found == []


def test_offices_with_several_holders_may_overlap(write):
    found = problems_of(
        write,
        "roles:\n  - name: Senator\n    single_holder: false\n"
        "offices:\n"
        "  - person: Marco Rubio\n    role: Senator\n    body: Florida\n    from: 2011-01-03\n"
        "    to: 2025-01-20\n"
        "  - person: Rick Scott\n    role: Senator\n    body: Florida\n    from: 2019-01-08\n",
    )
    assert found == []


def test_term_ending_before_it_starts(write):
    found = problems_of(
        write,
        "offices:\n  - person: Hakan Fidan\n    role: Foreign Minister\n    body: Turkey\n"
        "    from: 2023-06-04\n    to: 2023-01-01\n",
    )
    assert found == ["6: term ends (2023-01-01) before it starts (2023-06-04)"]


def test_missing_key_unknown_section_predicate_and_topic(write):
    found = problems_of(
        write,
        "offices:\n  - person: Hakan Fidan\n    role: Foreign Minister\n    body: Turkey\n"
        "treaties:\n  - name: x\n"
        "events:\n  - name: the offensive began\n    date: 2024-11-27\n"
        "    predicate: kicked_off\n    topics: [picnic]\n",
    )
    assert found[0] == "2: offices entry has no 'from'"
    assert found[1].startswith("5: unknown section 'treaties'")
    assert any(p.startswith("10: unknown predicate 'kicked_off'") for p in found)
    assert any(p.startswith("11: unknown topic 'picnic'") for p in found)


def test_yaml_syntax_error_has_its_line(write):
    found = problems_of(write, "events:\n  - name: [unclosed\n    date: 2024-11-27\n")
    assert len(found) == 1 and found[0].split(":")[0] in ("2", "3")
    assert "not valid YAML" in found[0]


def test_an_alias_names_one_person(write):
    found = problems_of(
        write,
        "people:\n  - name: Joe Biden\n    aliases: [Biden]\n"
        "  - name: Hunter Biden\n    aliases: [Biden]\n",
    )
    assert found == ["4: 'Biden' already names 'Joe Biden'; an alias names one person"]


def test_load_facts_raises_with_every_problem(write):
    path = write("facts.yaml", "offices:\n  - role: x\n  - person: y\n")
    with pytest.raises(FactsError) as raised:
        load_facts([path])
    assert len(raised.value.problems) >= 2
    assert str(raised.value).startswith(f"{path}:2: ")


def test_safe_loader_refuses_python_tags(write):
    found = problems_of(write, "events: !!python/object/apply:os.system ['true']\n")
    assert found == [
        "1: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system': "
        "facts files hold plain values only"
    ]


def test_an_event_is_listed_once(write):
    event = "  - name: ceasefire took effect\n    date: 2024-11-27\n    predicate: took_effect\n    topics: [ceasefire]\n"
    found = problems_of(write, "events:\n" + event + event)
    assert len(found) == 1
    assert found[0].startswith("6: event 'ceasefire took effect' is already listed at ")
