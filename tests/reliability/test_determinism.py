"""The same input always gives the same report: across runs, across ``PYTHONHASHSEED`` values
(set and dict orders of strings change with it), and between one process and several."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.harness import EXAMPLE, SEED, assert_clean, run_in_process, run_subprocess

WIRE = EXAMPLE / "sources" / "wire-2024-12-01.md"
HOSTILE = (
    "---\npublished: 2024-12-03\n---\n"
    "The offensive in \u0405yria began Thursday, Matthew Mil\u200bler said on Sunday.\r\n\r\n"
    "About 300 people have so far been killed, a Syrian war monitor said.\r"
    "He said “the need for de-escalation and 400 people ‘were killed’\n\n"
    "Turkish Foreign Minister Hakan Fidan and Fidan’s aide spoke on February 31.\n"
)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("determinism")
    hostile = folder / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    return [SEED, EXAMPLE / "draft.md", hostile]


def _commands(drafts: list[Path]) -> list[tuple[str, ...]]:
    files = [str(d) for d in drafts]
    return [
        ("check", *files, "--source", str(WIRE), "--format", "json", "--explain"),
        ("extract", *files, "--format", "json", "--explain"),
    ]


@pytest.mark.parametrize("command", [0, 1], ids=["check", "extract"])
def test_same_report_across_hash_seeds(drafts, command):
    args = _commands(drafts)[command]
    reports = {}
    for seed in ("0", "4242"):
        run = run_subprocess(*args, env={"PYTHONHASHSEED": seed})
        assert_clean(run)
        reports[seed] = (run.code, run.out, run.err)
    in_process = run_in_process(*args)  # this process has a hash seed of its own
    reports["pytest"] = (in_process.code, in_process.out, in_process.err)
    assert len(set(reports.values())) == 1, {
        seed: (code, len(out)) for seed, (code, out, _) in reports.items()
    }
    assert in_process.out.strip()


def test_same_report_from_one_process_and_several(drafts):
    args = _commands(drafts)[0]
    serial = run_in_process(*args)
    parallel = run_in_process(*args, "--jobs", "3")
    assert_clean(serial)
    assert (parallel.code, parallel.out, parallel.err) == (serial.code, serial.out, serial.err)
