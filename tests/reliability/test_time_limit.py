"""The per-document guard: a time limit that interrupts runaway work in the main thread, in a
worker thread and in forked ``--jobs`` workers, and one error line per failed document."""

from __future__ import annotations

import signal
import textwrap
import threading

import pytest

from claimcheck.errors import InputError, UsageError
from claimcheck.guard import TimeLimitExceeded, guarded, time_limit
from tests.reliability.harness import assert_clean, run_in_process

GOOD = "---\npublished: 2024-12-01\n---\nMatthew Miller said on Sunday that 400 people died.\n"


def _spin() -> None:
    while True:
        pass


def test_time_limit_interrupts_the_main_thread():
    with pytest.raises(TimeLimitExceeded) as raised:
        with time_limit(0.2, "slow.md"):
            _spin()
    assert str(raised.value).startswith("slow.md: not checked: took longer than the 0.2 s")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # nothing left armed


def test_time_limit_interrupts_a_worker_thread():
    outcome = {}

    def worker() -> None:
        outcome["result"] = guarded("slow.md", 0.2, _spin)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert outcome["result"][0] is None
    assert "slow.md: not checked: took longer than the 0.2 s time limit" in outcome["result"][1]


def test_inner_limit_gives_the_outer_one_back():
    with time_limit(30, "outer.md"):
        with pytest.raises(TimeLimitExceeded):
            with time_limit(0.1, "inner.md"):
                _spin()
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30


def test_no_limit_and_fast_work_are_left_alone():
    assert guarded("a.md", None, lambda: 42) == (42, None)
    assert guarded("a.md", 0, lambda: 42) == (42, None)
    assert guarded("a.md", 30, lambda: 42) == (42, None)


def test_a_timeout_is_not_swallowed_by_except_exception():
    """The rule runner turns an Exception into a CC900 finding and moves on; a time limit
    must get through it to end the document."""

    def careless() -> None:
        try:
            _spin()
        except Exception:  # noqa: BLE001 - what a careless rule would do
            pass

    assert "time limit" in guarded("rule.md", 0.2, careless)[1]


def test_guarded_names_the_file_for_bad_input_and_bugs():
    def bad_file() -> None:
        raise InputError("bad.md", "invalid UTF-8 at byte 3 (line 1)")

    def bug() -> None:
        return {}["missing"]

    assert guarded("bad.md", 5, bad_file) == (None, "bad.md: invalid UTF-8 at byte 3 (line 1)")
    result, error = guarded("buggy.md", 5, bug)
    assert result is None
    assert error.startswith("buggy.md: not checked: internal error KeyError: 'missing' at ")
    with pytest.raises(UsageError):
        guarded("a.md", 5, lambda: (_ for _ in ()).throw(UsageError("no fixture named 'x'")))


RUNAWAY_RULE = textwrap.dedent(
    '''
    from claimcheck.engine import rule


    @rule("SLOW001", category="rule-error", severity="info")
    def never_ends_on_runaway_drafts(document):
        """Loops forever on runaway.md (a stand-in for a scan that does not end)."""
        while document.path.endswith("runaway.md"):
            pass
        return ()
    '''
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_runaway_draft_is_one_error_line_and_the_others_are_checked(tmp_path, jobs):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.py").write_text(RUNAWAY_RULE, encoding="utf-8")
    runaway, good = tmp_path / "runaway.md", tmp_path / "good.md"
    runaway.write_text(GOOD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    # warm the caches (lexicons, grammars, units) so the good draft is quick under the limit
    assert run_in_process("check", good, "--rules", rules).code in (0, 1)
    run = run_in_process(
        "check",
        good,
        runaway,
        "--rules",
        rules,
        "--timeout",
        "2",
        "--jobs",
        jobs,
        "--format",
        "json",
    )
    assert_clean(run, [runaway])
    assert run.code == 2
    (line,) = run.err.strip().splitlines()
    assert line == (
        f"claimcheck: {runaway}: not checked: took longer than the 2 s time limit "
        "(raise it with --timeout SECONDS)"
    )
    paths = {finding["path"] for finding in run.json()["findings"]}
    assert str(runaway) not in paths
    assert run.json()["summary"]["input_errors"] == [line.removeprefix("claimcheck: ")]


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "soon"])
def test_bad_timeout_is_a_usage_error(tmp_path, value):
    path = tmp_path / "good.md"
    path.write_text(GOOD, encoding="utf-8")
    run = run_in_process("extract", path, "--timeout", value)
    assert run.code == 2
    assert "--timeout" in run.err and "Traceback" not in run.err


def test_without_sigalrm_the_watchdog_thread_keeps_the_limit(monkeypatch):
    """Windows has no SIGALRM: the main thread is then guarded by the watchdog thread."""
    monkeypatch.delattr(signal, "setitimer")
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2, "windows.md"):
            _spin()


def test_without_any_way_to_interrupt_the_work_runs_unlimited(monkeypatch):
    """An interpreter with neither SIGALRM nor PyThreadState_SetAsyncExc: no limit, no error."""
    import claimcheck.guard as guard

    monkeypatch.delattr(signal, "setitimer")
    monkeypatch.setattr(guard, "_async_raise_available", lambda: False)
    assert guarded("a.md", 0.01, lambda: sum(range(200_000))) == (sum(range(200_000)), None)
