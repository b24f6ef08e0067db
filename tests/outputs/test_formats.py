"""Output formats of ``check`` and ``extract``: jsonl, github, junit, statistics, --output."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ElementTree

import pytest

from claimcheck.reports.github import escape_data, escape_property
from tests.outputs.conftest import marker_findings

DRAFT = (
    "---\npublished: 2024-12-01\n---\n"
    "The council met on Tuesday and WARNME said nothing.\n"
    "\n"
    "A second paragraph where ERRME stands, and INFOME too.\n"
)

# ::command key=value,key=value::message  (values and message escaped, no raw CR/LF)
WORKFLOW_COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"(?P<properties>(?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)"
    r"::(?P<message>[^\r\n]*)$"
)


def _check(cli, write, marker_rules, *arguments):
    draft = write("draft.md", DRAFT)
    return cli("check", draft, "--rules", marker_rules, *arguments), draft


def test_jsonl_is_one_finding_of_the_contract_per_line(cli, write, marker_rules):
    result, draft = _check(cli, write, marker_rules, "--format", "jsonl")
    as_json, _ = _check(cli, write, marker_rules, "--format", "json")
    lines = result.out.splitlines()
    assert [json.loads(line) for line in lines] == as_json.json()["findings"]
    marked = marker_findings([json.loads(line) for line in lines])
    assert [(f["rule"], f["line"], f["column"]) for f in marked] == [
        ("MARK01", 4, 32),
        ("MARK02", 6, 26),
        ("MARK03", 6, 44),
    ]
    assert result.code == 1


def test_extract_jsonl_carries_path_and_publication_date(cli, write):
    draft = write("claims.md", "---\npublished: 2024-12-01\n---\nThe offensive began Wednesday.\n")
    lines = cli("extract", draft, "--format", "jsonl").out.splitlines()
    records = [json.loads(line) for line in lines]
    as_json = cli("extract", draft, "--format", "json").json()["documents"][0]["claims"]
    assert [{k: v for k, v in r.items() if k not in ("path", "published")} for r in records] == (
        as_json
    )
    assert {(r["path"], r["published"]) for r in records} == {(str(draft), "2024-12-01")}


def test_github_lines_follow_the_workflow_command_syntax(cli, write, marker_rules):
    result, draft = _check(cli, write, marker_rules, "--format", "github")
    *commands, summary = result.out.splitlines()
    assert summary.startswith("claimcheck: ") and summary.endswith("in 1 file")
    parsed = []
    for line in commands:
        match = WORKFLOW_COMMAND.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match["properties"].split(","))
        parsed.append((match["command"], properties, match["message"]))
    by_title = {p["title"].split()[0]: (c, p, m) for c, p, m in parsed}
    command, properties, message = by_title["MARK01"]
    assert command == "warning"
    assert properties["file"] == escape_property(str(draft))
    assert (properties["line"], properties["col"], properties["endColumn"]) == ("4", "32", "38")
    assert message == "marker WARNME: 50%25 done, see note"  # % escaped, ':' and ',' kept
    command, _, message = by_title["MARK02"]
    assert command == "error"
    assert message == "marker ERRME%0Asecond line, with a comma"
    assert by_title["MARK03"][0] == "notice"  # GitHub has no "info" level


def test_github_escaping_of_properties_and_data():
    assert escape_property("drafts/a,b:c%.md") == "drafts/a%2Cb%3Ac%25.md"
    assert escape_data("50% a:b,c\r\nnext") == "50%25 a:b,c%0D%0Anext"


def test_junit_xml_parses_and_counts_failures(cli, write, marker_rules):
    clean = write("clean.txt", "Nothing to see in this short paragraph.\n")
    draft = write("draft.md", DRAFT)
    result = cli("check", draft, clean, "--rules", marker_rules, "--format", "junit")
    root = ElementTree.fromstring(result.out)
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    drafted = suites[str(draft)]
    failures = drafted.findall("testcase/failure")
    assert int(drafted.get("failures")) == len(failures) == int(drafted.get("tests"))
    marked = [f for f in failures if f.get("message").startswith("marker")]
    assert sorted(f.get("type") for f in marked) == ["error", "info", "warning"]
    assert any("<&>" in f.get("message") for f in marked)  # escaped in XML, intact when read
    clean_suite = suites[str(clean)]
    if int(clean_suite.get("failures")) == 0:
        (case,) = clean_suite.findall("testcase")
        assert case.find("failure") is None
    total = sum(int(s.get("failures")) for s in suites.values())
    assert int(root.get("failures")) == total
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


def test_junit_reports_unreadable_files_as_errors(cli, write, marker_rules, tmp_path):
    draft = write("draft.md", DRAFT)
    missing = tmp_path / "missing.md"
    result = cli("check", draft, missing, "--rules", marker_rules, "--format", "junit")
    assert result.code == 2
    root = ElementTree.fromstring(result.out)
    errors = root.findall(".//testcase/error")
    assert len(errors) == 1 and str(missing) in errors[0].get("message")
    assert root.get("errors") == "1"


def test_junit_drops_characters_xml_cannot_hold(cli, write, marker_rules):
    draft = write("control.txt", "A line with a vertical\x0btab and WARNME in it.\n")
    result = cli("check", draft, "--rules", marker_rules, "--format", "junit")
    root = ElementTree.fromstring(result.out)  # would raise on a raw \x0b
    assert root.findall(".//failure")


def test_statistics_counts_findings_per_rule(cli, write, marker_rules):
    draft = write("draft.md", DRAFT + "WARNME again in a third paragraph.\n")
    result = cli("check", draft, "--rules", marker_rules, "--statistics")
    rows = {line.split()[1]: line.split() for line in result.out.splitlines()[:-1]}
    assert rows["MARK01"][:3] == ["2", "MARK01", "warning"]
    assert rows["MARK02"][:3] == ["1", "MARK02", "error"]
    assert "Flags the word WARNME" in " ".join(rows["MARK01"])
    assert result.code == 1
    payload = cli("check", draft, "--rules", marker_rules, "--statistics", "--format", "json")
    counts = {entry["rule"]: entry["count"] for entry in payload.json()["statistics"]}
    assert (counts["MARK01"], counts["MARK02"], counts["MARK03"]) == (2, 1, 1)
    refused = cli("check", draft, "--rules", marker_rules, "--statistics", "--format", "sarif")
    assert refused.code == 2 and "--statistics" in refused.err


def test_output_file_is_written_whole_and_stdout_stays_empty(cli, write, marker_rules, tmp_path):
    target = tmp_path / "reports" / "claimcheck.json"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")
    os.chmod(target, 0o644)
    result, _ = _check(cli, write, marker_rules, "--format", "json", "--output", target)
    assert result.out == ""
    assert marker_findings(json.loads(target.read_text(encoding="utf-8"))["findings"])
    assert os.stat(target).st_mode & 0o777 == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["claimcheck.json"]  # no temp left


def test_output_into_a_missing_folder_is_a_usage_error(cli, write, marker_rules, tmp_path):
    result, _ = _check(cli, write, marker_rules, "--output", tmp_path / "nope" / "report.txt")
    assert result.code == 2
    assert "does not exist" in result.err


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ((), 1),
        (("--fail-level", "error"), 1),
        (("--exit-zero",), 0),
        (("--exit-zero", "--fail-level", "info"), 0),
    ],
)
def test_exit_codes(cli, write, marker_rules, arguments, code):
    result, _ = _check(cli, write, marker_rules, *arguments)
    assert result.code == code


def test_fail_level_error_passes_a_draft_with_only_warnings(cli, write, marker_rules):
    draft = write("warn.md", "---\npublished: 2024-12-01\n---\nJust one WARNME here.\n")
    result = cli("check", draft, "--rules", marker_rules, "--format", "json")
    assert {f["severity"] for f in result.json()["findings"]} == {"warning"}
    assert result.code == 1
    assert cli("check", draft, "--rules", marker_rules, "--fail-level", "error").code == 0


def test_exit_zero_still_reports_input_errors(cli, write, marker_rules, tmp_path):
    draft = write("draft.md", DRAFT)
    result = cli("check", draft, tmp_path / "missing.md", "--rules", marker_rules, "--exit-zero")
    assert result.code == 2
