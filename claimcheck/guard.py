"""The per-document guard: a document that runs away or trips a bug becomes one error line
for that file, and the other files are still checked.

``guarded`` runs the work of one document (reading, extracting, checking) under a time
limit and turns a time-out or an unexpected exception into the error line. A time limit
has two ways to interrupt work that runs too long, chosen per call:

- in the main thread of a POSIX process (the CLI, and each forked ``--jobs`` worker), a
  ``SIGALRM`` timer (``signal.setitimer``) whose handler raises in the checking code;
- anywhere else (a thread of a program that embeds claimcheck, or Windows, which has no
  ``SIGALRM``), a watchdog thread that raises the exception in the checking thread through
  CPython's ``PyThreadState_SetAsyncExc``.

Both interrupt Python code between two bytecodes, which is where pyparsing spends its time;
neither can stop a single long call into C (one regular-expression match), which is why
the grammars must still scan in linear time. On an interpreter that offers neither, the
work runs without a limit rather than failing.

``TimeLimitExceeded`` derives from ``BaseException`` on purpose: the rule runner turns any
``Exception`` of a rule into a ``rule-error`` finding and carries on, and a time limit must
not be swallowed that way.
"""

from __future__ import annotations

import contextlib
import math
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from claimcheck.errors import InputError, UsageError

DEFAULT_TIMEOUT_SECONDS = 60.0
Result = TypeVar("Result")


class TimeLimitExceeded(BaseException):
    """A document took longer than the time limit; its message is the one error line."""

    def __init__(self, path: str = "", seconds: float = 0.0) -> None:
        super().__init__(path, seconds)
        self.path = path
        self.seconds = seconds

    def __str__(self) -> str:
        return (
            f"{self.path}: not checked: took longer than the {self.seconds:g} s time limit "
            "(raise it with --timeout SECONDS)"
        )


def parse_timeout(value: str) -> float:
    """Read ``--timeout``: seconds as a number, 0 for no limit (argparse type)."""
    import argparse

    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if seconds < 0 or not math.isfinite(seconds):
        raise argparse.ArgumentTypeError(f"{value!r}: use a number of seconds, or 0 for none")
    return seconds


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _async_raise_available() -> bool:
    try:
        import ctypes

        return hasattr(ctypes, "pythonapi") and hasattr(
            ctypes.pythonapi, "PyThreadState_SetAsyncExc"
        )
    except (ImportError, OSError):
        return False


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` for ``path`` if the body runs longer than ``seconds``.

    ``None`` or 0 means no limit. Usable from the main thread or a worker thread.
    """
    if not seconds or seconds <= 0:
        yield
        return
    interrupter = _with_alarm if _alarm_available() else _with_watchdog
    if interrupter is _with_watchdog and not _async_raise_available():
        yield  # no way to interrupt on this interpreter: run without a limit
        return
    try:
        with interrupter(seconds):
            yield
    except TimeLimitExceeded:
        raise TimeLimitExceeded(path, seconds) from None


@contextmanager
def _with_alarm(seconds: float) -> Iterator[None]:
    state = {"running": True}

    def on_alarm(signum: int, frame: object) -> None:
        if state["running"]:  # a late signal after the body finished is ignored
            raise TimeLimitExceeded()

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        state["running"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if outer_delay:  # someone else's timer was running: give it back what is left of it
            remaining = max(outer_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, outer_interval)


@contextmanager
def _with_watchdog(seconds: float) -> Iterator[None]:
    import ctypes

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(TimeLimitExceeded)
                )

    watchdog = threading.Timer(seconds, fire)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
            if state["fired"]:
                # The exception may still be pending if the body finished just as the
                # watchdog fired; clear it so it cannot surface in unrelated code.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        watchdog.cancel()


def guarded(
    path: str, seconds: float | None, work: Callable[[], Result]
) -> tuple[Result | None, str | None]:
    """Run ``work`` for the document ``path``: (its result, None), or (None, the error line).

    A bad file (``InputError``), a time-out and an unexpected exception each end the work
    on this document only. A usage error (a rule asking for an unknown input) concerns the
    whole run and is raised.
    """
    try:
        with time_limit(seconds, path):
            return work(), None
    except UsageError:
        raise
    except (InputError, TimeLimitExceeded) as error:
        return None, str(error)
    except RecursionError:
        return None, f"{path}: not checked: nested too deeply to analyse"
    except Exception as error:  # noqa: BLE001 - one document's crash must not end the run
        return None, f"{path}: not checked: {_internal_error(error)}"


def _internal_error(error: Exception) -> str:
    """Name the exception and the innermost line it came from, for the bug report."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename not in (__file__, contextlib.__file__)
    ]
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (
        f"internal error {type(error).__name__}: {error}{where} "
        "(a claimcheck bug: please report it with this file)"
    )
