"""The fuzzing harness runs, saves what fails in a form that replays, and passes on the seed."""

from __future__ import annotations

from fuzz.__main__ import main, save_crash
from tests.reliability.harness import SEED


def test_a_short_fuzzing_run_finds_nothing_on_both_targets(tmp_path, capsys):
    crashes = tmp_path / "crashes"
    # seeded, so CI always fuzzes the same few drafts; a long run outside CI is random
    arguments = ["--minutes", "5", "--batches", "2", "--batch", "3", "--seed", "0"]
    code = main([*arguments, "--crashes", str(crashes)])
    err = capsys.readouterr().err
    saved = [p.read_text() for p in sorted(crashes.glob("*.error.txt"))] if crashes.exists() else []
    assert code == 0, err + "\n".join(saved)
    assert "fuzz: extract:" in err and "fuzz: cli:" in err
    assert not crashes.exists()


def test_a_saved_failure_replays(tmp_path, capsys):
    try:
        raise AssertionError("claim outside the file")
    except AssertionError as error:
        saved = save_crash(tmp_path, "extract", SEED.read_text(encoding="utf-8"), ".txt", error)
    assert saved.read_bytes() == SEED.read_bytes()
    report = saved.with_name(saved.name + ".error.txt").read_text(encoding="utf-8")
    assert f"python -m fuzz --replay {saved}" in report
    assert "AssertionError: claim outside the file" in report
    assert (tmp_path / ".gitignore").read_text() == "*\n"
    assert main(["--replay", str(saved)]) == 0  # the seed itself passes both targets
    assert capsys.readouterr().out.splitlines() == ["extract: passes", "cli: passes"]
