"""The benchmark suite runs, and the command line stays light to import (no timings here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import load_bench_script

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_help_runs() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "benchmark.py"), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout


def test_the_snapshot_lists_runs_that_cover_every_format(tmp_path) -> None:
    snapshot = load_bench_script("snapshot")
    commands = snapshot.runs(tmp_path)
    for output in snapshot.FORMATS:
        assert any(command[-2:] == ["--format", output] for command in commands)
    # every file or folder a run names is in the repository (or the corpus folder)
    for command in commands:
        for argument in command[1:]:
            if "/" in argument and not argument.startswith("--"):
                path = Path(argument)
                assert path == tmp_path or (ROOT / path).exists(), argument


def test_importing_the_command_line_leaves_heavy_modules_alone() -> None:
    # pint and dateparser cost a third of a second or more to import: a run that meets no
    # unit must not pay for them
    probe = "import sys, claimcheck.cli, json; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = {name.split(".")[0] for name in json.loads(done.stdout)}
    assert not loaded & {"pint", "dateparser", "quantulum3", "proselint", "numpy"}


@pytest.mark.parametrize("command", ["extract", "check"])
def test_built_in_runs_load_only_what_they_use(command: str) -> None:
    # only rule files with a bare assert are compiled with it (the built-in rules have
    # none); reading claims and running the built-in rules must not pay its ~80 ms
    probe = (
        "import sys, json, contextlib, io\n"
        "from claimcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['{command}', 'seeds/000_b6bff47565225a41.txt'])\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    modules = json.loads(done.stdout.splitlines()[-1])
    loaded = {name.split(".")[0] for name in modules}
    assert "_pytest" not in loaded and "pint" not in loaded
    # nor the facts base (no facts file given), the report formats not asked for, or the
    # process pool of --jobs
    assert not {"claimcheck.facts", "claimcheck.reports.sarif", "multiprocessing"} & set(modules)
