"""`check --explain`: each finding shows both claims, how each was resolved, and why linked."""

from __future__ import annotations


def test_explain_shows_both_resolutions_and_the_linking_reason(check_syria_example):
    lines = check_syria_example("--explain").out.splitlines()
    date_finding = next(i for i, line in enumerate(lines) if ": CC103 " in line)
    block = "\n".join(lines[date_finding : date_finding + 8])
    assert "claim: Thursday → 2024-11-28: past tense 'began', publication 2024-12-03" in block
    assert "Wednesday → 2024-11-27: past tense 'began', publication 2024-12-01" in block
    assert "linked: both 'began'; both about the offensive" in block
    toll_finding = next(i for i, line in enumerate(lines) if ": CC201 " in line)
    block = "\n".join(lines[toll_finding : toll_finding + 8])
    assert "linked: both 'killed'; both count people" in block


def test_json_evidence_carries_the_linking_reason(check_syria_example):
    (conflict,) = check_syria_example("--format", "json").findings("CC201")
    (evidence,) = conflict["evidence"]
    assert evidence["line"] == 12 and evidence["text"] == "More than 400 people"
    assert "linked: both 'killed'" in evidence["note"]
