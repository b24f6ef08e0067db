"""The seed article end to end: the first regression fixture."""

from __future__ import annotations


def _claims(cli, seed_path, kind):
    result = cli("extract", seed_path, "--format", "json")
    assert result.code == 0, result.err
    (document,) = result.json()["documents"]
    assert document["published"] == "2024-12-01"
    return [c for c in document["claims"] if c["kind"] == kind]


def test_seed_weekdays_resolve_against_publication(cli, seed_path):
    temporal = {c["text"]: c for c in _claims(cli, seed_path, "temporal")}
    sunday = temporal["Sunday"]
    assert sunday["value"] == {"start": "2024-12-01", "end": "2024-12-01", "grain": "day"}
    assert (sunday["line"], sunday["column"]) == (6, 70)
    wednesday = temporal["Wednesday"]
    assert wednesday["value"]["start"] == "2024-11-27"
    assert wednesday["line"] == 15


def test_seed_death_toll_has_stated_lower_bound(cli, seed_path):
    (toll,) = [c for c in _claims(cli, seed_path, "numeric") if c["text"].startswith("More than")]
    value = toll["value"]
    assert (value["low"], value["low_inclusive"], value["high"]) == (400, False, None)
    assert value["unit"] == "people"
    assert value["approximate"] is False
    assert toll["line"] == 19 and toll["column"] == 1


def test_seed_statement_attributed_to_miller(cli, seed_path):
    claims = _claims(cli, seed_path, "attribution")
    (miller,) = [c for c in claims if c["value"]["speaker"] == "Matthew Miller"]
    value = miller["value"]
    assert miller["text"] == "State Department spokesman Matthew Miller said in a statement"
    assert value["speaker_text"] == "State Department spokesman Matthew Miller"
    assert value["cue"] == "said"
    assert value["direct"] is True
    assert value["quote"].startswith("the need for de-escalation")
    assert value["quote"].endswith("in Aleppo and elsewhere")
    assert miller["line"] == 7


def test_seed_claim_text_is_the_file_text(cli, seed_path):
    source = seed_path.read_text(encoding="utf-8")
    result = cli("extract", seed_path, "--format", "json")
    for claim in result.json()["documents"][0]["claims"]:
        assert source[claim["start"] : claim["end"]] == claim["text"]
        line_start = source.rfind("\n", 0, claim["start"]) + 1
        assert claim["column"] == claim["start"] - line_start + 1
        assert claim["line"] == source.count("\n", 0, claim["start"]) + 1


def test_seed_check_reports_page_furniture_only(cli, seed_path):
    result = cli("check", seed_path, "--format", "json")
    assert result.code == 1
    boilerplate = [f for f in result.json()["findings"] if f["category"] == "boilerplate"]
    # JOIN US ON TELEGRAM, Follow our coverage, Other Topics of Interest, teaser and its dek.
    assert [f["line"] for f in boilerplate] == [8, 9, 16, 17, 18]
    assert all(f["rule"] == "CC001" and f["severity"] == "warning" for f in boilerplate)
    assert "Other Topics of Interest" in boilerplate[3]["message"]


def test_seed_text_output_points_at_the_line(cli, seed_path):
    result = cli("check", seed_path)
    first = result.out.splitlines()[0]
    assert first.startswith(f"{seed_path}:8:1: CC001 warning page furniture")
    assert result.out.splitlines()[1].strip() == "JOIN US ON TELEGRAM"
    assert result.out.rstrip().endswith("in 1 file")
