"""Pairs and groups that must link and must not, one or more per bullet of issue 6, in the
wording of wire copy, broadcasters, newspapers and ministry statements."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimcheck.linking.linker as linker
from claimcheck.documents import read_document
from claimcheck.linking import describe, group_links, link_claims, same_thing
from claimcheck.pipeline import extract_claims

from .conftest import claim_in, claims_of

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b6bff47565225a41.txt"
SEED_TOLL = (
    "More than 400 people have so far been killed in the offensive, most of them combatants, "
    "a Syrian war monitor said."
)
AGREEING_SOURCE = """\
---
title: "Rebels hold Aleppo as Washington and Ankara talk"
published: 2024-12-01
---
Syrian rebels launched their offensive on Wednesday, November 27, the same day the ceasefire between Israel and Hezbollah took effect.

Within three days they had taken most of Aleppo, the country's second-largest city.

The Syrian Observatory for Human Rights said more than 400 people had been killed in the offensive so far, most of them fighters.

Secretary of State Antony Blinken spoke by telephone on Sunday with Turkish Foreign Minister Hakan Fidan, the State Department said.
"""


def _seed_claims():
    return [c for c in extract_claims(read_document(str(SEED))) if c.kind in linker.LINKED_KINDS]


def _agrees(link) -> bool:
    """Whether the two linked claims state compatible values (same day; overlapping bounds)."""
    one, other = link.claim.value, link.other.value
    if link.claim.kind == "temporal":
        return one.start == other.start
    low = max(b for b in (one.low, other.low) if b is not None)
    highs = [b for b in (one.high, other.high) if b is not None]
    return not highs or low <= min(highs)


def test_the_seed_against_an_agreeing_source_links_each_claim_without_a_conflict():
    source = claims_of(AGREEING_SOURCE, "2024-12-01", "agreeing.md")
    links = link_claims(_seed_claims(), source)
    linked = {(link.claim.text, link.other.text) for link in links}
    assert ("Wednesday", "Wednesday, November 27") in linked  # began / launched
    assert ("More than 400 people", "more than 400 people") in linked  # the monitor's toll
    assert ("Sunday", "Sunday") in linked  # Turkey's top diplomat and Blinken spoke
    assert all(_agrees(link) for link in links), [(k.claim.text, k.other.text) for k in links]
    assert all(link.reason for link in links)


def test_the_seed_checked_against_an_agreeing_source_has_no_date_or_figure_finding(cli, write):
    source = write("agreeing.md", AGREEING_SOURCE)
    report = cli("check", SEED, "--source", source, "--format", "json", "--exit-zero").json()
    conflicts = [
        f
        for f in report["findings"]
        if f["rule"][:3] in ("CC1", "CC2") and str(source) in f["message"] + str(f["evidence"])
    ]
    assert conflicts == []


def test_the_armys_fighters_in_24_hours_are_not_the_monitors_people_so_far(claim):
    army = claim(
        "Over 400 fighters were killed in the past 24 hours, the Syrian army said.",
        "2024-12-01",
        "Over 400 fighters",
        "army.txt",
    )
    monitor = claim_in(_seed_claims(), "More than 400 people")
    assert same_thing(army, monitor) is None
    assert same_thing(monitor, army) is None
    assert link_claims([monitor], [army]) == []
    army_about, monitor_about = describe(army), describe(monitor)
    assert (army_about.counted, army_about.window_kind) == ("fighters", "window")
    assert (monitor_about.counted, monitor_about.window_kind) == ("people", "cumulative")


MUST_LINK = [
    pytest.param(
        (
            "The Syria offensive began Wednesday, the same day a truce came into effect.",
            "2024-12-01",
            "Wednesday",
        ),
        (
            "Rebel factions launched their offensive in northwest Syria on November 27.",
            "2024-12-02",
            "November 27",
        ),
        "offensive",
        id="began-launched",
    ),
    pytest.param(
        (
            "A ceasefire between Israel and Hezbollah took effect at 4 a.m. on Wednesday.",
            "2024-11-27",
            "Wednesday",
        ),
        (
            "The truce between Israel and Hezbollah came into force on November 27.",
            "2024-12-02",
            "November 27",
        ),
        "truce",
        id="ceasefire-truce-took-effect-came-into-force",
    ),
    pytest.param(
        (
            "The Lebanon ceasefire began on Wednesday after 14 months of fighting.",
            "2024-11-28",
            "Wednesday",
        ),
        (
            "The cessation of hostilities entered into force in Lebanon on 27 November 2024.",
            "2024-11-29",
            "27 November 2024",
        ),
        "truce",
        id="truce-began-is-truce-entered-into-force",
    ),
    pytest.param(
        (
            "Turkey's top diplomat and US Secretary of State Antony Blinken spoke Sunday about Syria.",
            "2024-12-01",
            "Sunday",
        ),
        (
            "Hakan Fidan held a phone call with US Secretary of State Antony Blinken on December 1.",
            "2024-12-02",
            "December 1",
        ),
        "Blinken",
        id="spoke-held-a-call",
    ),
    pytest.param(
        (
            "More than 400 people have so far been killed in the offensive, a war monitor said.",
            "2024-12-01",
            "More than 400 people",
        ),
        (
            "The death toll from the offensive has passed 400 people so far, the Observatory said.",
            "2024-12-01",
            "400 people",
        ),
        "people",
        id="killed-death-toll",
    ),
    pytest.param(
        (
            "The Observatory said the death toll of the offensive had risen to 514.",
            "2024-12-02",
            "514",
        ),
        ("The war monitor said 514 people had died in the offensive.", "2024-12-02", "514 people"),
        "people",
        id="a-toll-with-no-noun-counts-people",
    ),
    pytest.param(
        (
            "At least 277 people have been killed since the offensive began, the monitor said.",
            "2024-11-30",
            "At least 277 people",
        ),
        (SEED_TOLL, "2024-12-01", "More than 400 people"),
        "people",
        id="later-cumulative-update",
    ),
]


@pytest.mark.parametrize(("one", "other", "shared"), MUST_LINK)
def test_must_link(claim, one, other, shared):
    link = same_thing(claim(*one, "a.txt"), claim(*other, "b.txt"))
    assert link is not None, (describe(claim(*one)).summary(), describe(claim(*other)).summary())
    assert shared in link.reason
    assert 0 < link.score <= 1


def test_a_later_cumulative_figure_is_related_as_an_update(claim):
    earlier = claim(
        "At least 277 people have been killed since the offensive began.",
        "2024-11-30",
        "277 people",
    )
    later = claim(SEED_TOLL, "2024-12-01", "More than 400 people")
    assert same_thing(earlier, later).relation == "later"
    assert same_thing(later, earlier).relation == "earlier"


MUST_NOT_LINK = [
    pytest.param(
        (SEED_TOLL, "2024-12-01", "More than 400 people"),
        (
            "The offensive has killed 412 people, among them at least 60 civilians.",
            "2024-12-01",
            "at least 60 civilians",
        ),
        id="subset-civilians-among-them",
    ),
    pytest.param(
        (
            "The earthquake killed 2,946 people, 1,684 of them in Al Haouz province.",
            "2023-09-13",
            "1,684",
        ),
        (
            "The earthquake killed 2,946 people in Morocco, the ministry said.",
            "2023-09-13",
            "2,946 people",
        ),
        id="subset-of-them-with-no-noun",
    ),
    pytest.param(
        (
            "The monitor said 129 people were killed in the past 24 hours.",
            "2024-12-01",
            "129 people",
        ),
        (
            "The monitor said 129 people had been killed in the offensive so far.",
            "2024-11-29",
            "129 people",
        ),
        id="window-past-24-hours-vs-so-far",
    ),
    pytest.param(
        (
            "The army said more than 400 fighters had been killed in the offensive so far.",
            "2024-12-01",
            "400 fighters",
        ),
        (SEED_TOLL, "2024-12-01", "More than 400 people"),
        id="fighters-vs-people",
    ),
    pytest.param(
        ("At least 1,200 people have been wounded in the offensive.", "2024-12-01", "1,200 people"),
        ("At least 1,200 people have been killed in the offensive.", "2024-12-05", "1,200 people"),
        id="wounded-vs-killed",
    ),
    pytest.param(
        (
            "Around 1,200 residents were evacuated from the flooded district.",
            "2024-10-31",
            "1,200 residents",
        ),
        ("Around 1,200 residents died in the flooded district.", "2024-10-31", "1,200 residents"),
        id="evacuated-vs-killed",
    ),
    pytest.param(
        (
            "The Syria offensive began Wednesday, the same day a truce between Israel and Hezbollah came into effect.",
            "2024-12-01",
            "Wednesday",
        ),
        (
            "The ceasefire between Israel and Hezbollah took effect on Wednesday, November 27.",
            "2024-11-28",
            "Wednesday, November 27",
        ),
        id="offensive-and-truce-on-one-day",
    ),
    pytest.param(
        (
            "Israeli strikes have killed more than 3,800 people in Lebanon since October 2023.",
            "2024-11-28",
            "3,800 people",
        ),
        (
            "Israeli strikes have killed more than 44,000 people in Gaza since October 2023.",
            "2024-11-28",
            "44,000 people",
        ),
        id="different-places",
    ),
    pytest.param(
        ("Blinken held a phone call with Fidan on Sunday.", "2024-12-01", "Sunday"),
        ("Erdogan held a phone call with Guterres on Sunday.", "2024-12-01", "Sunday"),
        id="two-phone-calls-on-one-day",
    ),
    pytest.param(
        ("Lavrov and Fidan held talks on Monday.", "2024-12-03", "Monday"),
        ("Araghchi and Fidan held talks in Ankara on Monday.", "2024-12-03", "Monday"),
        id="two-meetings-sharing-one-minister",
    ),
    pytest.param(
        ("Boeing's strike cost the company 5 billion dollars.", "2024-10-24", "5 billion dollars"),
        (
            "The port strike cost the economy 5 billion dollars a day.",
            "2024-10-02",
            "5 billion dollars",
        ),
        id="a-total-and-a-rate-share-a-number",
    ),
    pytest.param(
        ("The flooding killed 1,200 people across South Asia.", "2024-09-01", "1,200 people"),
        ("The flooding destroyed 1,200 homes across South Asia.", "2024-09-01", "1,200 homes"),
        id="people-and-homes-share-a-number",
    ),
]


MUST_NOT_LINK += [
    pytest.param(
        (
            "Lebanon said 2,500 people had been killed since September.",
            "2024-11-27",
            "2,500 people",
        ),
        (
            "Lebanon said 2,500 people had been killed since October 2023.",
            "2024-11-27",
            "2,500 people",
        ),
        id="two-cumulative-windows-from-different-starts",
    ),
    pytest.param(
        (
            "Hurricane Helene killed more than 200 people across six states.",
            "2024-10-04",
            "200 people",
        ),
        (
            "At least 412 people have been killed since the offensive began.",
            "2024-12-01",
            "412 people",
        ),
        id="two-tolls-with-nothing-in-common-but-the-verb",
    ),
    pytest.param(
        ("The earthquake killed more than 800 people in Morocco.", "2023-09-09", "800 people"),
        (
            "The earthquake killed more than 800 people in Myanmar's Sagaing region.",
            "2025-03-29",
            "800 people",
        ),
        id="one-kind-of-event-in-two-countries",
    ),
    pytest.param(
        (
            "Israeli attacks have killed 3,500 people in Lebanon since October 2023.",
            "2024-11-20",
            "October",
        ),
        ("An Israeli strike killed 20 people in Lebanon in October.", "2024-11-20", "October"),
        id="a-window-start-is-not-an-event-date",
    ),
    pytest.param(
        (
            "The National Assembly voted on December 14 to impeach Yoon.",
            "2024-12-16",
            "December 14",
        ),
        (
            "The National Assembly voted to lift martial law early on Wednesday.",
            "2024-12-04",
            "Wednesday",
        ),
        id="one-body-voting-on-two-motions",
    ),
]


@pytest.mark.parametrize(("one", "other"), MUST_NOT_LINK)
def test_must_not_link(claim, one, other):
    first, second = claim(*one, "a.txt"), claim(*other, "b.txt")
    assert same_thing(first, second) is None, same_thing(first, second).reason
    assert same_thing(second, first) is None


def test_a_statements_date_is_not_the_window_of_its_figure(claim):
    about = describe(
        claim(
            "The floods have killed at least 211 people, officials said on Sunday.",
            "2024-11-03",
            "211 people",
        )
    )
    assert about.window is None and about.window_kind == "unstated"


def test_places_and_actors_are_read_from_the_clause(claim):
    toll = describe(
        claim(
            "Israeli strikes have killed more than 3,800 people in Lebanon since October 2023.",
            "2024-11-28",
            "3,800 people",
        )
    )
    assert toll.places == {"Lebanon"}
    call = describe(
        claim(
            "Turkey's top diplomat and Antony Blinken spoke Sunday, the State Department said.",
            "2024-12-01",
            "Sunday",
        )
    )
    assert call.actors == {"Antony", "Blinken"}  # Turkey is a country; the speaker is not in it
    assert "Turkey" in call.names


GROUPED_DRAFT = (
    "The Syria offensive began Wednesday, the same day a truce between Israel and Hezbollah came into effect. "
    "More than 400 people have so far been killed in the offensive, a Syrian war monitor said. "
    "Over 400 fighters were killed in the past 24 hours, the Syrian army said."
)
EARLIER_WIRE = (
    "Rebels launched their offensive in northwest Syria on November 27. "
    "At least 277 people have been killed since the offensive began, the war monitor said."
)
LATER_PAPER = (
    "The ceasefire between Israel and Hezbollah came into force on November 27. "
    "The monitor said the death toll of the offensive had risen to 514 since Wednesday."
)


def test_group_links_gathers_each_thing_across_documents_and_keeps_distractors_out():
    draft = claims_of(GROUPED_DRAFT, "2024-12-01", "draft.txt")
    sources = claims_of(EARLIER_WIRE, "2024-11-30", "wire.txt") + claims_of(
        LATER_PAPER, "2024-12-02", "paper.txt"
    )
    groups = group_links(link_claims(draft, [*draft, *sources]))
    texts = [{(c.path, c.text) for c in group.claims} for group in groups]
    toll = next(group for group in texts if ("draft.txt", "More than 400 people") in group)
    assert ("wire.txt", "At least 277 people") in toll  # earlier cumulative figure
    assert any(path == "paper.txt" and text.startswith("514") for path, text in toll)  # later
    assert {("draft.txt", "Wednesday"), ("wire.txt", "November 27")} in texts
    members = set().union(*texts)
    assert ("draft.txt", "Over 400 fighters") not in members  # the army's 24 hours
    assert ("paper.txt", "November 27") not in members  # the truce, the same day
    assert all(group.reasons for group in groups)


def test_link_claims_compares_only_within_a_block(monkeypatch):
    compared = []
    real_compare = linker.compare

    def counting_compare(claim, other, about, other_about):
        compared.append((about.predicate, other_about.predicate))
        return real_compare(claim, other, about, other_about)

    monkeypatch.setattr(linker, "compare", counting_compare)
    draft = claims_of(GROUPED_DRAFT, "2024-12-01", "draft.txt")
    sources = claims_of(EARLIER_WIRE, "2024-11-30", "wire.txt") + claims_of(
        LATER_PAPER, "2024-12-02", "paper.txt"
    )
    linker.link_claims(draft, sources)
    assert compared, "nothing was compared"
    assert len(compared) < len(draft) * len(sources)
    assert all(linker.predicate_kin(one) == linker.predicate_kin(other) for one, other in compared)


def test_two_dates_or_figures_in_one_sentence_are_never_linked():
    """One sentence naming two days speaks of two times ("struck late Friday", "rose on
    Sunday"); two figures in it are two measures. Linking them once made CC103 report the
    sentence against itself."""
    claims = claims_of(
        "The death toll from the earthquake that struck western Nepal late Friday rose to 153 "
        "on Sunday, and 214 of the 222 people killed were in Jajarkot, officials said.",
        "2025-03-16",
    )
    assert len([c for c in claims if c.kind == "temporal"]) == 2
    assert link_claims(claims, claims) == []


def test_sources_are_described_once_for_all_drafts(cli, write, monkeypatch):
    described: list[str] = []
    real_describe = linker.describe

    def counting_describe(claim):
        described.append(claim.path)
        return real_describe(claim)

    monkeypatch.setattr(linker, "describe", counting_describe)
    wire = write("wire.txt", EARLIER_WIRE)
    drafts = [
        write(f"draft{i}.md", f"---\npublished: 2024-12-01\n---\n{GROUPED_DRAFT}") for i in (1, 2)
    ]
    result = cli(
        "check", *drafts, "--source", wire, "--published", "2024-12-01", "--format", "json"
    )
    assert result.code in (0, 1), result.err
    from_wire = described.count(str(wire))
    assert from_wire == len(claims_of(EARLIER_WIRE, "2024-11-30", "wire.txt"))
    assert described.count(str(drafts[0])) == described.count(str(drafts[1])) > 0
