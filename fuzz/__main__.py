"""Fuzz claimcheck for a while: ``python -m fuzz --minutes 30``.

Hypothesis generates drafts (news-like text with hostile pieces, and real drafts cut and
spliced: ``tests/reliability/strategies.py``) and checks the promises CI checks
(``tests/reliability/harness.py``): no exception, offsets inside the file, each claim's
text equal to its span, findings on existing lines, no rule crash, no draft over the
per-input time limit. Each failure is shrunk to a small draft and saved under
``fuzz/crashes/`` with what went wrong; the run then goes on until its time is up.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for tests.reliability, when run from elsewhere

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimcheck.documents import read_document  # noqa: E402
from claimcheck.documents.positions import LineIndex  # noqa: E402
from claimcheck.errors import InputError  # noqa: E402
from claimcheck.guard import TimeLimitExceeded, time_limit  # noqa: E402
from claimcheck.pipeline import extract_claims  # noqa: E402
from tests.reliability.harness import (  # noqa: E402
    assert_claims_consistent,
    assert_clean,
    assert_findings_on_existing_lines,
    is_span_as_read,
    run_in_process,
)
from tests.reliability.strategies import front_matter, mutated_real_draft, news_text  # noqa: E402

SUFFIXES = st.sampled_from((".txt", ".md", ".html"))
DRAFTS = st.one_of(
    st.tuples(front_matter(), news_text(max_pieces=200)).map("".join),
    mutated_real_draft(),
)


class Target:
    """One thing to fuzz: a check that raises ``AssertionError`` (or anything) on a bug."""

    def __init__(self, name: str, check: Callable[[str, str, float], None]) -> None:
        self.name = name
        self.check = check


def check_extractors(text: str, suffix: str, seconds: float) -> None:
    """Read and extract in this process; every claim stands where it says."""
    try:
        with time_limit(seconds, f"draft{suffix}"):
            document = read_document(
                f"draft{suffix}", published=date(2024, 12, 1), data=text.encode("utf-8")
            )
            claims = extract_claims(document)
    except InputError:
        return
    lines = LineIndex(document.source)
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(document.source), claim
        assert (claim.line, claim.column) == lines.position(claim.start), claim
        if suffix != ".html":  # prose coordinates are the file's for text and Markdown
            assert claim.text == document.text[claim.start : claim.end], claim
            assert is_span_as_read(claim.text, document.source[claim.start : claim.end]), claim


def check_cli(text: str, suffix: str, seconds: float) -> None:
    """Extract and check through the command line, as a newsroom's CI would."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(text.encode("utf-8"))
        limit = ("--timeout", str(seconds))
        extracted = run_in_process("extract", path, "--format", "json", *limit)
        assert_clean(extracted, [path])
        if extracted.code == 2:
            assert "time limit" not in extracted.err, extracted.err
            return
        if suffix != ".html":
            assert_claims_consistent(extracted.json(), {str(path): text})
        checked = run_in_process("check", path, "--format", "json", *limit)
        assert_clean(checked, [path])
        assert "time limit" not in checked.err, checked.err
        assert_findings_on_existing_lines(checked.json(), {str(path): text})


TARGETS = {
    "extract": Target("extract", check_extractors),
    "cli": Target("cli", check_cli),
}


def save_crash(folder: Path, target: str, text: str, suffix: str, error: BaseException) -> Path:
    """Keep the failing draft and what went wrong, named by the draft's hash."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("*\n", encoding="utf-8")  # crashes stay local
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    draft = folder / f"{target}-{digest}{suffix}"
    draft.write_bytes(text.encode("utf-8"))
    report = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    draft.with_name(draft.name + ".error.txt").write_text(
        f"target: {target}\nreproduce: python -m fuzz --replay {draft}\n\n{report}",
        encoding="utf-8",
    )
    return draft


def fuzz(
    target: Target,
    deadline: float,
    seconds: float,
    crashes: Path,
    batch: int,
    first_seed: int | None = None,
    max_batches: int | None = None,
) -> int:
    """Run batches of examples until ``deadline``; return the number of failures saved.

    With ``first_seed`` the batches are seeded first_seed, first_seed + 1, ... so a run
    can be repeated exactly; without, each batch is random. ``max_batches`` stops earlier."""
    failures = 0
    last: dict[str, str] = {}

    # No example database: it would replay the last failure at the start of every batch;
    # failures are kept as files instead, and every batch starts from a fresh random seed.
    @settings(
        max_examples=batch,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    @given(text=DRAFTS, suffix=SUFFIXES)
    def one_batch(text: str, suffix: str) -> None:
        last.update(text=text, suffix=suffix)
        try:
            target.check(text, suffix, seconds)
        except TimeLimitExceeded as error:  # a BaseException: make it a failure Hypothesis sees
            raise AssertionError(str(error)) from None

    batches = 0
    while time.monotonic() < deadline and (max_batches is None or batches < max_batches):
        run = one_batch if first_seed is None else seed(first_seed + batches)(one_batch)
        batches += 1
        try:
            run()
        except Exception as error:  # noqa: BLE001 - every failure is saved, then we go on
            failures += 1
            saved = save_crash(crashes, target.name, last["text"], last["suffix"], error)
            print(f"fuzz: {target.name}: failure saved to {saved}", file=sys.stderr)
    return failures


def replay(path: Path, seconds: float) -> int:
    """Run every target on one saved draft and show what fails."""
    text = path.read_bytes().decode("utf-8")
    status = 0
    for target in TARGETS.values():
        try:
            target.check(text, path.suffix, seconds)
            print(f"{target.name}: passes")
        except BaseException as error:  # noqa: BLE001 - show it whatever it is
            status = 1
            print(f"{target.name}: {type(error).__name__}: {error}")
            traceback.print_exc()
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long (default 10)")
    parser.add_argument(
        "--target", choices=[*TARGETS, "all"], default="all", help="what to fuzz (default all)"
    )
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds one draft may take (default 20)"
    )
    parser.add_argument("--batch", type=int, default=200, help="examples per Hypothesis run")
    parser.add_argument("--crashes", type=Path, default=ROOT / "fuzz" / "crashes")
    parser.add_argument("--seed", type=int, help="repeatable run: seed of the first batch")
    parser.add_argument("--batches", type=int, help="stop after this many batches per target")
    parser.add_argument("--replay", type=Path, metavar="DRAFT", help="re-run one saved draft")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.timeout)
    targets = list(TARGETS.values()) if args.target == "all" else [TARGETS[args.target]]
    share = args.minutes * 60 / len(targets)
    failures = 0
    for target in targets:
        started = time.monotonic()
        deadline = started + share
        failures += fuzz(
            target, deadline, args.timeout, args.crashes, args.batch, args.seed, args.batches
        )
        print(f"fuzz: {target.name}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(f"fuzz: {failures} failure(s) saved under {args.crashes}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
