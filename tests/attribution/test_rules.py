"""The attribution rules CC301-CC307, each firing and staying silent, on news wording."""

from __future__ import annotations

from pathlib import Path

FRONT = "---\npublished: 2024-12-03\n---\n"
WIRE = (
    "---\npublished: 2024-12-01\n---\n"
    'Blinken and Fidan discussed by telephone "the need for de-escalation and the protection '
    'of civilian lives and infrastructure in Aleppo and elsewhere," State Department '
    "spokesman Matthew Miller said in a statement.\n\n"
    "According to a Turkish foreign ministry source, Turkish Foreign Minister Hakan Fidan told "
    "Blinken Ankara was “against any development that would increase instability in the "
    "region”.\n"
)


def findings(cli, draft: Path, *sources: Path, rule: str | None = None):
    args = ["check", draft, "--format", "json"]
    for source in sources:
        args += ["--source", source]
    return cli(*args).findings(rule)


def draft_and_wire(write, body: str):
    return write("draft.md", FRONT + body), write("wire.md", WIRE)


def test_example_draft_has_the_inserted_word_urgent(check_syria_example):
    (altered,) = check_syria_example("--format", "json").findings("CC301")
    assert altered["category"] == "quote-altered" and altered["severity"] == "error"
    assert altered["line"] == 9
    assert "inserted 'urgent'" in altered["message"]
    assert "the {+urgent+} need for de-escalation" in altered["message"]
    (evidence,) = altered["evidence"]
    assert evidence["path"].endswith("wire-2024-12-01.md") and evidence["line"] == 8
    assert evidence["text"].startswith('Blinken and Fidan discussed by telephone "the need')


def test_quote_altered_swapped_location_and_replaced_word(cli, write):
    draft, wire = draft_and_wire(
        write,
        'The two discussed "the need for de-escalation and the protection of civilian lives '
        'and infrastructure in Gaza," State Department spokesman Matthew Miller said.\n\n'
        "Fidan told Blinken Ankara was “against any development that would exacerbate "
        "instability in the region”.\n",
    )
    messages = [f["message"] for f in findings(cli, draft, wire, rule="CC301")]
    assert len(messages) == 2
    assert "'Gaza' for 'Aleppo and elsewhere'" in messages[0]
    assert "'exacerbate' for 'increase'" in messages[1]


def test_quote_altered_silent_on_faithful_elision_and_truncation(cli, write):
    draft, wire = draft_and_wire(
        write,
        "Miller said the two discussed “the need for de-escalation ... in Aleppo and "
        "elsewhere”.\n\n"
        'Fidan said Ankara was "against any development" that would destabilise the region.\n',
    )
    assert findings(cli, draft, wire, rule="CC301") == []
    assert findings(cli, draft, wire, rule="CC302") == []


def test_quote_misattributed(cli, write):
    draft, wire = draft_and_wire(
        write,
        "Blinken told Fidan Washington was “against any development that would increase "
        "instability in the region”.\n",
    )
    (wrong,) = findings(cli, draft, wire, rule="CC302")
    assert wrong["category"] == "quote-misattributed"
    assert "attributed to Antony Blinken" not in wrong["message"]  # the draft names no title
    assert "attributed to Blinken" in wrong["message"] and "Hakan Fidan" in wrong["message"]
    assert wrong["evidence"][0]["line"] == 6


def test_quote_unsourced_only_with_sources(cli, write):
    draft, wire = draft_and_wire(
        write,
        "“We will not be intimidated by anyone,” Fidan said.\n\n"
        "Miller said the talks covered “the need for de-escalation”.\n",
    )
    (unsourced,) = findings(cli, draft, wire, rule="CC303")
    assert unsourced["severity"] == "info" and unsourced["line"] == 4
    assert findings(cli, draft, rule="CC303") == []


def test_role_conflict_within_the_draft_and_against_a_source(cli, write):
    draft, wire = draft_and_wire(
        write,
        "Turkish Foreign Minister Hakan Fidan met Blinken.\n\n"
        "Secretary Blinken said the talks went well.\n\n"
        "Later, Turkish Defence Minister Hakan Fidan said Ankara would wait.\n",
    )
    conflicts = findings(cli, draft, wire, rule="CC304")
    inside = [f for f in conflicts if "earlier" in f["message"]]
    against = [f for f in conflicts if "wire.md" in f["message"]]
    assert len(inside) == 1 and inside[0]["line"] == 8
    assert "'Turkish Defence Minister'" in inside[0]["message"]
    assert inside[0]["evidence"][0]["text"] == "Turkish Foreign Minister Hakan Fidan"
    assert len(against) == 1 and against[0]["line"] == 8
    assert not any("Blinken" in f["message"] for f in conflicts)  # a shortened title


def test_name_variant(cli, write):
    draft = write(
        "draft.md",
        FRONT + "Turkish Foreign Minister Hakan Fidan met Blinken.\n\n"
        "Fidan's aides said Hakan Fiden would travel to Damascus.\n",
    )
    (variant,) = findings(cli, draft, rule="CC305")
    assert variant["line"] == 6 and "'Hakan Fiden'" in variant["message"]
    assert variant["evidence"][0]["text"] == "Turkish Foreign Minister Hakan Fidan"
    clean = write("clean.md", FRONT + "Hakan Fidan spoke. Fidan's aides said Fidan would go.\n")
    assert findings(cli, clean, rule="CC305") == []


def test_unattributed_casualty_figure(cli, write):
    draft = write(
        "draft.md",
        FRONT + "At least 60 civilians died in the strikes.\n\n"
        "More than 400 people have been killed, a Syrian war monitor said.\n\n"
        "The health ministry gave its count on Monday. It said 12 people were wounded.\n",
    )
    (unattributed,) = findings(cli, draft, rule="CC306")
    assert unattributed["line"] == 4 and unattributed["severity"] == "warning"
    assert "'At least 60 civilians'" in unattributed["message"]


def test_unbalanced_quote_at_its_opening(cli, write):
    draft = write(
        "draft.md",
        FRONT + "Fidan said Ankara would “never allow terrorist activities against Turkey.\n\n"
        "The offensive began Wednesday, a monitor said.\n",
    )
    (unclosed,) = findings(cli, draft, rule="CC307")
    assert (unclosed["line"], unclosed["column"]) == (4, 25)
    assert unclosed["message"] == "quotation mark opened here is never closed"


def test_quote_continued_over_paragraphs_is_balanced(cli, write):
    draft = write(
        "draft.md",
        FRONT + "“The situation is fragile,” Fidan told reporters. “We have made our position "
        "clear to all parties.\n\n"
        "“Any escalation will be met with a firm response,” he added.\n",
    )
    assert findings(cli, draft, rule="CC307") == []


def test_seed_has_no_attribution_findings(cli, seed_path):
    assert [f for f in findings(cli, seed_path) if f["rule"].startswith("CC3")] == []


def test_same_speaker_through_the_registers(cli, write):
    """The draft names Fidan by his role, the wire by his surname: one speaker."""
    draft = write(
        "draft.md",
        FRONT + "Turkish Foreign Minister Hakan Fidan spoke with Blinken on Sunday.\n\n"
        "Turkey's top diplomat said Ankara was “against any development that would exacerbate "
        "instability in the region”.\n",
    )
    wire = write(
        "wire.md",
        "---\npublished: 2024-12-01\n---\nAccording to a Turkish foreign ministry source, "
        "Fidan told Blinken Ankara was “against any development that would increase "
        "instability in the region”.\n",
    )
    (altered,) = findings(cli, draft, wire, rule="CC301")
    assert altered["line"] == 6
    assert "from Fidan's words" in altered["message"]
    assert "[-increase-]{+exacerbate+}" in altered["message"]
    assert findings(cli, draft, wire, rule="CC302") == []
