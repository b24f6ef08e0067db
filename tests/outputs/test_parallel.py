"""``--jobs N``: the same bytes as a serial run; the progress bar only for a person."""

from __future__ import annotations

import io

import pytest

from claimcheck import parallel
from claimcheck.parallel import available_jobs, map_in_order, wants_progress

TEMPLATE = (
    "---\npublished: 2024-12-0{day}\n---\n"
    "Draft {number}: the offensive began Wednesday and WARNME was said.\n"
    "\n"
    "More than {count} people were killed, a monitor said; ERRME in draft {number}.\n"
)


@pytest.fixture
def many_drafts(write):
    paths = [
        write(
            f"desk{number % 3}/draft{number:02}.md",
            TEMPLATE.format(day=1 + number % 7, number=number, count=100 + number),
        )
        for number in range(12)
    ]
    paths.append(write("broken.md", b"\xff\xfe not utf-8"))
    return paths


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs runs serially without fork")
@pytest.mark.parametrize("format", ["text", "json", "jsonl", "sarif", "github", "junit"])
def test_jobs_2_prints_the_bytes_of_jobs_1(cli, many_drafts, marker_rules, format):
    serial = cli("check", *many_drafts, "--rules", marker_rules, "--format", format, "--jobs", "1")
    forked = cli("check", *many_drafts, "--rules", marker_rules, "--format", format, "--jobs", "2")
    assert serial.out  # a report was printed
    assert forked.out.encode() == serial.out.encode()
    assert forked.err == serial.err and "broken.md" in serial.err
    assert forked.code == serial.code == 2


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs runs serially without fork")
def test_extract_with_jobs_prints_the_bytes_of_a_serial_run(cli, many_drafts, tmp_path):
    serial = cli("extract", tmp_path, "--format", "json", "--jobs", "1")
    forked = cli("extract", tmp_path, "--format", "json", "-j", "3")
    assert forked.out == serial.out and forked.err == serial.err
    assert len(serial.json()["documents"]) == 12


def test_map_in_order_keeps_input_order_with_a_closure():
    offset = 1000
    items = list(range(25))
    assert map_in_order(lambda item: item * item + offset, items, jobs=2) == [
        item * item + offset for item in items
    ]


def test_available_jobs():
    assert available_jobs(3) == 3
    assert available_jobs(0) >= 1
    with pytest.raises(ValueError):
        available_jobs(-1)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_for_many_files_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.setattr("sys.stderr", _Terminal())
    monkeypatch.setattr("sys.stdout", _Terminal())
    many = parallel.PROGRESS_MIN_FILES
    assert wants_progress(many, environ={"TERM": "xterm"})
    assert not wants_progress(many - 1, environ={"TERM": "xterm"})
    assert not wants_progress(many, environ={"CI": "true"})
    assert not wants_progress(many, environ={"TERM": "dumb"})
    monkeypatch.setattr("sys.stdout", io.StringIO())  # output piped into another program
    assert not wants_progress(many, environ={})


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr", io.StringIO())
    monkeypatch.setattr("sys.stdout", _Terminal())
    assert not wants_progress(1000, environ={})


def test_progress_bar_draws_on_stderr_and_leaves_results_alone(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    results = map_in_order(str, list(range(30)), jobs=1, progress=True, description="checking")
    assert results == [str(n) for n in range(30)]
    assert "checking" in terminal.getvalue()


@pytest.mark.skipif(not parallel.can_fork(), reason="--jobs runs serially without fork")
def test_standard_input_is_read_once_in_the_parent(cli, many_drafts, marker_rules, monkeypatch):
    draft = b"Piped copy with WARNME in it.\n"
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(draft)))
        result = cli("check", "-", *many_drafts[:3], "--rules", marker_rules, "-j", jobs)
        outputs.append(result.out)
        assert "-:1:17: MARK01" in result.out
    assert outputs[0] == outputs[1]
