"""What the reliability tests share: real drafts, a guarded CLI run, and the invariants every
run must keep (no traceback, clear error lines, valid JSON, offsets and lines that exist).

The fuzzing harness in ``fuzz/`` imports this module too, so a long fuzzing run checks
exactly what CI checks.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.cli import main
from claimcheck.guard import TimeLimitExceeded, time_limit

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_b6bff47565225a41.txt"
EXAMPLE = ROOT / "examples" / "syria-offensive"
REAL_DRAFTS = (
    SEED,
    EXAMPLE / "draft.md",
    EXAMPLE / "sources" / "wire-2024-12-01.md",
)
# Only a guard against a hang taking the whole suite down; nothing asserts on time.
HANG_GUARD_SECONDS = 300.0
EXIT_CODES = (0, 1, 2)
_FILE_LINE = re.compile(r"^\S.*:\d+: \S")


@dataclass
class Run:
    """One claimcheck run: exit code and both streams."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> dict:
        """stdout as strict JSON: NaN and Infinity are not JSON and are refused."""
        return json.loads(self.out, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def run_in_process(*args: object, stdin: bytes | None = None) -> Run:
    """Run the CLI in this process (fast), guarded against hanging the test session."""
    argv = tuple(str(a) for a in args)
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            with time_limit(HANG_GUARD_SECONDS, "claimcheck " + " ".join(argv)):
                code = main(list(argv))
    except TimeLimitExceeded as error:
        raise AssertionError(f"hang guard: {error}") from None
    finally:
        sys.stdin = saved_stdin
    return Run(argv, code, out.getvalue(), err.getvalue())


def run_subprocess(
    *args: object,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdin: bytes | None = None,
) -> Run:
    """Run ``python -m claimcheck`` in a fresh interpreter (for hash seeds, sockets, signals)."""
    argv = tuple(str(a) for a in args)
    environment = {**os.environ, **(env or {})}
    environment.pop("CLAIMCHECK_CONFIG", None)
    completed = subprocess.run(
        [sys.executable, "-m", "claimcheck", *argv],
        input=stdin,
        capture_output=True,
        env=environment,
        cwd=cwd or ROOT,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    return Run(
        argv,
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )


def assert_clean(run: Run, paths: Sequence[Path | str] = ()) -> None:
    """The run ended the way claimcheck promises: a known exit code, no traceback, and
    on exit 2 one ``claimcheck: <path>: <problem>`` line per failure, naming the file."""
    assert run.code in EXIT_CODES, (run.code, run.err[-2000:])
    assert "Traceback" not in run.err, run.err[-4000:]
    assert "Traceback" not in run.out
    for line in run.err.splitlines():
        # "claimcheck: <path>: <problem>", or a compiler-style "<path>:<line>: <problem>"
        # under it (the facts-file check lists each problem of a file that way)
        assert line.startswith("claimcheck: ") or _FILE_LINE.match(line), (
            f"stray stderr line: {line[:300]!r}"
        )
    # a crash contained by the guard is still a bug in claimcheck
    assert "internal error" not in run.err, run.err[-2000:]
    if run.code == 2:
        assert run.err.strip(), "exit 2 without saying why"
        if paths:
            named = [str(p) for p in paths if str(p) in run.err]
            assert named, f"no error line names any of {list(map(str, paths))}: {run.err[:500]}"


def line_count(source: str) -> int:
    """Lines as claimcheck counts them: ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end one."""
    from claimcheck.documents.positions import LineIndex

    return LineIndex(source).line_count


def assert_claims_consistent(payload: dict, sources: dict[str, str]) -> None:
    """Every claim of ``extract --format json`` stands where it says, in the file."""
    from claimcheck.documents.positions import LineIndex

    for document in payload["documents"]:
        source = sources[document["path"]]
        lines = LineIndex(source)
        same_offsets = not document["path"].endswith((".html", ".htm", ".docx"))
        for claim in document["claims"]:
            start, end = claim["start"], claim["end"]
            assert 0 <= start <= end <= len(source), claim
            assert (claim["line"], claim["column"]) == lines.position(start), claim
            if same_offsets:
                assert is_span_as_read(claim["text"], source[start:end]), (
                    source[start:end],
                    claim["text"],
                )


def is_span_as_read(text: str, span: str) -> bool:
    """Whether a claim's text is the file's span as the extractors read it: the same
    characters, except markup that Markdown reading blanks to spaces (an inline tag)."""
    return len(text) == len(span) and all(
        read == raw or (read == " " and raw not in "\r\n")
        for read, raw in zip(text, span, strict=True)
    )


def assert_findings_on_existing_lines(payload: dict, sources: dict[str, str]) -> None:
    """Every finding of ``check --format json`` points at a line and column of its file, and
    no rule crashed on the way (a crash is reported as a CC900 rule-error finding)."""
    crashes = [f["message"] for f in payload["findings"] if f["category"] == "rule-error"]
    assert not crashes, crashes[:3]
    for finding in payload["findings"]:
        source = sources.get(finding["path"])
        if source is None:
            continue  # a finding on a file this test did not write (none expected)
        from claimcheck.documents.positions import LineIndex

        lines = LineIndex(source)
        assert 1 <= finding["line"] <= lines.line_count, finding
        assert 1 <= finding["end_line"] <= lines.line_count, finding
        assert (finding["line"], finding["column"]) <= (finding["end_line"], finding["end_column"])
        start = lines.line_start(finding["line"])
        following = finding["line"] + 1
        end = lines.line_start(following) if following <= lines.line_count else len(source)
        assert 1 <= finding["column"] <= end - start + 1, finding
