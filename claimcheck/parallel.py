"""``--jobs N``: check files on several cores, with the output of a serial run.

Work is handed out file by file and the results come back in input order, so the report
is byte for byte the one ``--jobs 1`` prints. Worker processes are forked: they inherit
the loaded rules, sources and configuration, so nothing but the file names and the
results crosses between processes. Where fork is not available the run stays serial.

A progress bar goes to stderr only for a person watching many files: both streams on a
terminal and no ``CI`` variable (CI services set it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files a progress bar only flickers.
PROGRESS_MIN_FILES = 20

# The function a forked worker runs; set in the parent just before the pool forks.
_worker_function: Callable[[Any], Any] | None = None


def _call_worker_function(item: Any) -> Any:
    assert _worker_function is not None, "worker started without a function"
    return _worker_function(item)


def available_jobs(requested: int) -> int:
    """The number of processes for ``--jobs N``; 0 means one per core."""
    if requested < 0:
        raise ValueError("--jobs takes 0 (all cores) or a positive number")
    if requested == 0:
        return os.cpu_count() or 1
    return requested


def can_fork() -> bool:
    import multiprocessing  # here: a run on one process does not pay for importing it

    return "fork" in multiprocessing.get_all_start_methods()


def wants_progress(count: int, environ: dict[str, str] | None = None) -> bool:
    """Whether a progress bar helps: many files, a terminal on both streams, not in CI."""
    environ = dict(os.environ) if environ is None else environ
    if count < PROGRESS_MIN_FILES or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    return sys.stderr.isatty() and sys.stdout.isatty()


@contextmanager
def _progress(total: int, show: bool, description: str) -> Iterator[Callable[[], None]]:
    """Yield a function that advances the bar (a no-op when no bar is shown)."""
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,  # the bar disappears once done, leaving only the report
    )
    task = progress.add_task(description, total=total)
    with progress:
        yield lambda: progress.advance(task)


def map_in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int = 1,
    *,
    progress: bool = False,
    description: str = "checking",
) -> list[Result]:
    """``[function(item) for item in items]``, on up to ``jobs`` processes, in input order.

    ``function`` may be any callable (a closure too): workers are forked from this process.
    Results must be picklable.
    """
    global _worker_function
    workers = min(jobs, len(items))
    if workers <= 1 or not can_fork():
        results = []
        with _progress(len(items), progress, description) as advance:
            for item in items:
                results.append(function(item))
                advance()
        return results
    _worker_function = function
    try:
        # The pool forks before the progress bar starts its refresh thread: forking a
        # process that runs threads is unsafe.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            pending = pool.map(_call_worker_function, items, chunksize=1)
            results = []
            with _progress(len(items), progress, description) as advance:
                for result in pending:
                    results.append(result)
                    advance()
            return results
    finally:
        _worker_function = None
