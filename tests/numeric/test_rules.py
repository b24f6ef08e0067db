"""CC201 numeric-conflict, CC203 numeric-update and CC202 arithmetic, firing and not."""

from __future__ import annotations


def _doc(date: str, *paragraphs: str) -> str:
    return f"---\npublished: {date}\n---\n" + "\n\n".join(paragraphs) + "\n"


def _findings(cli, write, draft: str, source: str | None = None, rule: str | None = None):
    args = ["check", write("draft.md", draft), "--format", "json"]
    if source is not None:
        args += ["--source", write("sources/wire.md", source)]
    return cli(*args).findings(rule)


def test_syria_example_yields_a_numeric_conflict(check_syria_example):
    (conflict,) = check_syria_example("--format", "json").findings("CC201")
    assert conflict["category"] == "numeric-conflict" and conflict["severity"] == "error"
    assert conflict["line"] == 13
    assert (
        "About 300 people" in conflict["message"] and "More than 400 people" in conflict["message"]
    )
    (evidence,) = conflict["evidence"]
    assert evidence["path"].endswith("wire-2024-12-01.md") and evidence["line"] == 12
    assert evidence["text"] == "More than 400 people"


TOLL = "people have so far been killed in the offensive on Aleppo, a Syrian war monitor said."


def test_later_lower_cumulative_toll_conflicts(cli, write):
    source = _doc("2024-12-13", f"More than 400 {TOLL}")
    draft = _doc("2024-12-14", f"Some 250 {TOLL}")
    (finding,) = _findings(cli, write, draft, source, "CC201")
    assert "cumulative figure cannot fall" in finding["message"]


def test_later_higher_cumulative_toll_is_an_update_not_a_conflict(cli, write):
    source = _doc("2024-12-13", f"About 300 {TOLL}")
    draft = _doc("2024-12-14", f"More than 400 {TOLL}")
    assert _findings(cli, write, draft, source, "CC201") == []
    (update,) = _findings(cli, write, draft, source, "CC203")
    assert update["severity"] == "info" and update["evidence"][0]["text"] == "About 300 people"
    # a later lower bound that the earlier figure allows is neither
    source = _doc("2024-12-13", f"More than 400 {TOLL}")
    draft = _doc("2024-12-14", f"More than 500 {TOLL}")
    assert _findings(cli, write, draft, source, "CC203") == []


def test_bounds_are_respected(cli, write):
    source = _doc("2024-12-01", f"More than 400 {TOLL}")
    draft = _doc("2024-12-01", f"About 450 {TOLL}", f"At least 300 {TOLL}")
    assert _findings(cli, write, draft, source, "CC201") == []


def test_a_subset_is_not_a_rival_figure(cli, write):
    source = _doc("2024-12-01", f"More than 400 {TOLL}")
    draft = _doc(
        "2024-12-01",
        "At least 60 civilians have so far been killed in the offensive on Aleppo, a Syrian "
        "war monitor said.",
    )
    assert _findings(cli, write, draft, source, "CC201") == []


def test_same_day_disagreement_within_the_draft(cli, write):
    draft = _doc(
        "2024-12-01",
        f"More than 400 {TOLL}",
        "The toll is lower than feared.",
        f"About 200 {TOLL}",
    )
    (finding,) = _findings(cli, write, draft, rule="CC201")
    assert finding["line"] == 8
    assert finding["evidence"][0]["line"] == 4


def test_a_toll_of_one_against_a_toll_of_two(cli, write):
    # the singular counts the same soldiers as the plural, and what rounds to 1 stops
    # short of 2 (an exact "1" is [0.5, 1.5))
    border = "killed in the shelling of the border post on Monday, the army said."
    source = _doc("2024-12-03", f"Two soldiers were {border}")
    draft = _doc("2024-12-03", f"One soldier was {border}")
    (finding,) = _findings(cli, write, draft, source, "CC201")
    assert "'One soldier' (1 soldier)" in finding["message"]
    assert finding["evidence"][0]["text"] == "Two soldiers"
    same = _doc("2024-12-03", f"Two soldiers were {border}")
    assert _findings(cli, write, same, source, "CC201") == []


def test_feet_against_metres_conflicts_and_miles_against_km_does_not(cli, write):
    source = _doc(
        "2024-12-01",
        "The border wall near Tijuana is 6 metres tall.",
        "The convoy stopped 12 kilometres from Kherson.",
    )
    draft = _doc(
        "2024-12-01",
        "The border wall near Tijuana is 12 feet high.",
        "The convoy stopped about 7.5 miles from Kherson.",
    )
    findings = _findings(cli, write, draft, source, "CC201")
    assert [f["line"] for f in findings] == [4]
    assert "12 feet" in findings[0]["message"] and "6 metres" in findings[0]["message"]


def _arithmetic(cli, write, sentence: str):
    return _findings(cli, write, _doc("2024-12-01", sentence), rule="CC202")


def test_percentage_change_that_does_not_hold(cli, write):
    (finding,) = _arithmetic(cli, write, "Grain exports rose 25% from 80,000 to 120,000 tonnes.")
    assert "50.0%" in finding["message"]
    assert {e["text"] for e in finding["evidence"]} == {"80,000", "120,000 tonnes"}


def test_percentage_change_that_holds(cli, write):
    assert _arithmetic(cli, write, "Grain exports rose 50% from 80,000 to 120,000 tonnes.") == []


def test_percent_confused_with_percentage_points(cli, write):
    (finding,) = _arithmetic(cli, write, "Turnout rose 5% from 40% to 45%.")
    assert "percentage points" in finding["message"] and "12.5%" in finding["message"]


def test_percentage_point_change(cli, write):
    assert _arithmetic(cli, write, "Turnout rose 5 percentage points from 40% to 45%.") == []
    (finding,) = _arithmetic(cli, write, "Turnout rose 3 percentage points from 40% to 45%.")
    assert "percentage-point change" in finding["message"]


def test_doubled_and_halved(cli, write):
    (finding,) = _arithmetic(cli, write, "The number of refugees doubled from 40,000 to 95,000.")
    assert "doubled" in finding["message"] and "2.38" in finding["message"]
    assert _arithmetic(cli, write, "The number of refugees doubled from 40,000 to 80,000.") == []
    assert _arithmetic(cli, write, "The budget was halved from $10m to $5m.") == []


def test_parts_of_a_whole(cli, write):
    (finding,) = _arithmetic(
        cli, write, "The 9,000 evacuees were split between 4,000 children and 6,000 adults."
    )
    assert "10,000" in finding["message"]
    assert (
        _arithmetic(
            cli, write, "The 10,000 evacuees were split between 4,000 children and 6,000 adults."
        )
        == []
    )


def test_overlapping_survey_shares_are_not_parts_of_a_whole(cli, write):
    assert (
        _arithmetic(
            cli, write, "In the survey, 60% of families lack heating and 55% lack warm clothing."
        )
        == []
    )


def test_stated_difference(cli, write):
    (finding,) = _arithmetic(
        cli, write, "Arrivals rose from 80,000 to 120,000, an increase of 30,000."
    )
    assert "40,000" in finding["message"]
    assert (
        _arithmetic(cli, write, "Arrivals rose from 80,000 to 120,000, an increase of 40,000.")
        == []
    )


def test_conversion_in_parentheses(cli, write):
    (finding,) = _arithmetic(cli, write, "The convoy was stopped 12 km (9 miles) from the border.")
    assert "conversion" in finding["message"]
    assert (
        _arithmetic(cli, write, "The convoy was stopped 12 km (7.5 miles) from the border.") == []
    )


def test_a_percentage_elsewhere_in_the_sentence_is_not_the_change(cli, write):
    assert (
        _arithmetic(
            cli,
            write,
            "Unemployment fell from 5.2% to 4.8%, the lowest in 20 years, while wages rose 3%.",
        )
        == []
    )


def test_a_named_change_after_its_terms(cli, write):
    (finding,) = _arithmetic(
        cli, write, "Arrivals went from 80,000 to 120,000, a rise of 25%, officials said."
    )
    assert "50.0%" in finding["message"]


def test_shares_split_between_candidates_may_leave_room_for_others(cli, write):
    assert (
        _arithmetic(cli, write, "The vote was split between 48% for Tusk and 47% for Duda.") == []
    )
    (finding,) = _arithmetic(
        cli, write, "The vote was split between 58% for Tusk and 47% for Duda."
    )
    assert "105%" in finding["message"]


def test_partial_parts_may_not_exceed_the_whole(cli, write):
    (finding,) = _arithmetic(
        cli, write, "The strike killed 30 people, including 20 children and 15 women."
    )
    assert "35" in finding["message"]
    assert (
        _arithmetic(cli, write, "The strike killed 40 people, including 20 children and 15 women.")
        == []
    )


def test_a_whole_followed_by_its_parts_still_links_to_the_source_toll(cli, write):
    source = _doc(
        "2024-12-01",
        "At least 44,000 Palestinians have been killed in Gaza since October 7, 2023, the "
        "health ministry said.",
    )
    draft = _doc(
        "2024-12-02",
        "Some 30,000 Palestinians have been killed in Gaza since October 7, 2023, the health "
        "ministry said, including 17,000 children and 12,000 women.",
    )
    (finding,) = _findings(cli, write, draft, source, "CC201")
    assert finding["evidence"][0]["text"] == "At least 44,000 Palestinians"
