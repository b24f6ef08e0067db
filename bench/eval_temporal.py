"""Score the temporal resolver on Duckling's English time corpus, beside plain dateparser.

    python bench/eval_temporal.py [--shared PATH] [--misses N]

Reads ``../shared/eval/temporal/duckling_time_en.jsonl`` (each line has its reference
time) and ``duckling_time_en_negative.jsonl`` (phrases that must not be read as a time).
The resolver runs in ``forward`` mode, Duckling's convention for fragments without a verb.

Scores, for claimcheck and for ``dateparser.parse`` in the same run:
- day grain: the predicted first and last calendar days equal the expected ones (for
  dateparser, which returns one instant, its day equals the expected first day);
- full grain: the grain is the expected one and the start (and, for intervals, the end)
  equal the expected ones at that grain;
- a day that begins at sundown (the Hebrew calendar's), which claimcheck gives from the
  eve to nightfall and Duckling as the instant it begins, is compared by its start;
- negatives read as a time; phrases per second of CPU time (one process, reading and
  resolving; CPU time, so that other work on the machine does not change the figure).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.temporal import read_phrase  # noqa: E402
from claimcheck.temporal.grammar import SILENT_FORMS, zone_offsets  # noqa: E402
from claimcheck.temporal.resolve import Reference, TemporalValue  # noqa: E402
from claimcheck.temporal.tense import Tense  # noqa: E402

UNTENSED = Tense("none", "")
# Duckling's hours for the parts of a day (the corpus's convention, not claimcheck's)
PART_HOURS = {
    "morning": (0, 12),
    "early morning": (0, 9),
    "afternoon": (12, 19),
    "evening": (18, 24),
    "night": (18, 24),
    "late night": (21, 24),
    "lunch": (12, 14),
}
GRAIN_ORDER = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade")


@dataclass
class Expected:
    """The corpus's answer as calendar days and, at full grain, datetimes."""

    first_day: date
    last_day: date
    grain: str
    start: datetime | None
    end: datetime | None  # exclusive, None for instants

    @classmethod
    def from_row(cls, row: dict) -> Expected | None:
        grain = row.get("grain") or "day"
        if row["kind"] == "instant":
            start = datetime.fromisoformat(row["value"])
            return cls(start.date(), _last_day(start, grain), grain, start, None)
        start = datetime.fromisoformat(row["from"]) if row.get("from") else None
        end = datetime.fromisoformat(row["to"]) if row.get("to") else None
        if row.get("open") == "after":
            return cls(start.date(), start.date(), grain, start, None)
        if row.get("open") == "before":
            return cls(end.date(), end.date(), grain, end, None)
        return cls(start.date(), (end - timedelta(seconds=1)).date(), grain, start, end)


def _last_day(start: datetime, grain: str) -> date:
    day = start.date()
    if grain == "week":
        return day + timedelta(days=6)
    if grain in ("month", "quarter", "year"):
        months = {"month": 1, "quarter": 3, "year": 12}[grain]
        index = day.year * 12 + day.month - 1 + months
        return date(index // 12, index % 12 + 1, 1) - timedelta(days=1)
    return day


def _predicted_datetimes(
    value: TemporalValue, reference_offset: float
) -> tuple[datetime, datetime | None, str]:
    """The predicted start, exclusive end (None for an instant) and grain, in the
    corpus's conventions: zones converted to the reference's offset, parts of a day as
    Duckling's hours."""
    if value.time:
        hour, minute, *second = map(int, value.time.split(":"))
        start = datetime(value.start.year, value.start.month, value.start.day, hour, minute)
        start += timedelta(seconds=second[0] if second else 0)
        if value.zone and value.zone != "local":
            start += timedelta(hours=reference_offset - zone_offsets()[value.zone])
        if value.end_time:
            end_hour, end_minute, *_ = map(int, value.end_time.split(":"))
            end = start.replace(hour=end_hour, minute=end_minute)
            if value.zone and value.zone != "local":
                end += timedelta(hours=reference_offset - zone_offsets()[value.zone])
            step = timedelta(hours=1) if value.grain == "hour" else timedelta(minutes=1)
            return start, end + step, value.grain
        return start, None, value.grain
    start = datetime(value.start.year, value.start.month, value.start.day)
    if value.part_of_day in PART_HOURS and value.start == value.end:
        first, last = PART_HOURS[value.part_of_day]
        return start + timedelta(hours=first), start + timedelta(hours=last), "hour"
    end = datetime(value.end.year, value.end.month, value.end.day) + timedelta(days=1)
    if value.grain in ("day", "week", "month", "quarter", "year") and _is_whole(value):
        return start, None, value.grain
    return start, end, "day" if value.grain == "decade" else value.grain


def _is_whole(value: TemporalValue) -> bool:
    """Whether the interval is exactly one unit of its grain (an instant in Duckling)."""
    span = (value.end - value.start).days + 1
    if value.grain == "day":
        return span == 1
    if value.grain == "week":
        return span == 7 and value.start.weekday() == 0
    return (
        value.start.day == 1
        and _last_day(datetime.combine(value.start, datetime.min.time()), value.grain) == value.end
    )


@dataclass
class Score:
    name: str
    total: int = 0
    day: int = 0
    full: int = 0
    unread: int = 0
    by_grain: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    negatives_read: list[str] = field(default_factory=list)
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, grain: str, day_ok: bool, full_ok: bool) -> None:
        self.total += 1
        self.day += day_ok
        self.full += full_ok
        cell = self.by_grain[grain]
        cell[0] += 1
        cell[1] += day_ok
        cell[2] += full_ok

    @property
    def day_accuracy(self) -> float:
        return self.day / self.total if self.total else 0.0

    @property
    def full_accuracy(self) -> float:
        return self.full / self.total if self.total else 0.0

    def rate(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0


def load_rows(shared: Path) -> tuple[list[dict], list[dict]]:
    folder = shared / "eval" / "temporal"
    rows = [json.loads(line) for line in (folder / "duckling_time_en.jsonl").open(encoding="utf-8")]
    rows = [row for row in rows if not row.get("year_out_of_python_range")]
    negatives = [
        json.loads(line)
        for line in (folder / "duckling_time_en_negative.jsonl").open(encoding="utf-8")
    ]
    return rows, negatives


def _reference(row: dict) -> Reference:
    moment = datetime.fromisoformat(row["ref"])
    return Reference(moment.date(), moment.time(), mode="forward")


def score_claimcheck(rows: list[dict], negatives: list[dict]) -> Score:
    """Read and resolve every phrase in forward mode, and score it."""
    score = Score("claimcheck")
    read_phrase("Sunday", _reference(rows[0]), UNTENSED)  # build the grammar once, untimed
    started = time.process_time()
    results = []
    for row in rows:
        read = read_phrase(row["text"], _reference(row), UNTENSED)
        results.append(read)
    for row in negatives:
        read = read_phrase(row["text"], _reference(row), UNTENSED)
        if read and read[0]["form"] not in SILENT_FORMS and read[1].start is not None:
            score.negatives_read.append(row["text"])
    score.seconds = time.process_time() - started
    for row, read in zip(rows, results, strict=False):
        expected = Expected.from_row(row)
        grain = row.get("grain") or "day"
        if read is None or read[1].start is None:
            score.unread += 1
            score.add(grain, False, False)
            score.misses.append(f"{row['text']!r}: not read")
            continue
        node, value, how = read
        day_ok = (value.start, value.end) == (expected.first_day, expected.last_day)
        if row.get("open"):  # "since 2014", "until 2pm": claimcheck reads the anchor
            day_ok = value.start == expected.first_day
        if value.time and not value.end_time:
            start, _, _ = _predicted_datetimes(value, row.get("ref_utc_offset_hours", -2))
            day_ok = start.date() == expected.first_day == expected.last_day
        start, end, predicted_grain = _predicted_datetimes(
            value, row.get("ref_utc_offset_hours", -2)
        )
        if value.begins == "sundown" and expected.end is None:
            # a day of the Hebrew calendar: claimcheck gives sundown to nightfall, Duckling
            # the instant it begins (the eve): the start is what both state
            day_ok = value.start == expected.first_day
            end = None
        full_ok = (
            predicted_grain == expected.grain
            and start == expected.start
            and (end == expected.end or expected.end is None and end is None)
        )
        score.add(grain, day_ok, full_ok)
        if not day_ok:
            span = f"{value.start}..{value.end} {value.time or ''}"
            score.misses.append(
                f"{row['text']!r}: got {span} ({value.grain}), expected "
                f"{expected.first_day}..{expected.last_day} ({expected.grain}) [{how}]"
            )
    return score


def score_dateparser(rows: list[dict], negatives: list[dict]) -> Score:
    """Plain ``dateparser.parse`` with the reference as its relative base."""
    import dateparser

    score = Score("dateparser.parse")
    dateparser.parse("Sunday", languages=["en"])  # load its data once, untimed
    started = time.process_time()
    results = []
    for row in rows:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(row["ref"])}
        results.append(dateparser.parse(row["text"], languages=["en"], settings=settings))
    for row in negatives:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(row["ref"])}
        if dateparser.parse(row["text"], languages=["en"], settings=settings) is not None:
            score.negatives_read.append(row["text"])
    score.seconds = time.process_time() - started
    for row, parsed in zip(rows, results, strict=False):
        expected = Expected.from_row(row)
        grain = row.get("grain") or "day"
        if parsed is None:
            score.unread += 1
            score.add(grain, False, False)
            continue
        day_ok = parsed.date() == expected.first_day
        full_ok = expected.end is None and parsed == _truncate(expected.start, grain)
        score.add(grain, day_ok, full_ok)
    return score


def _truncate(moment: datetime, grain: str) -> datetime:
    if grain == "second":
        return moment
    if grain == "minute":
        return moment.replace(second=0)
    if grain == "hour":
        return moment.replace(minute=0, second=0)
    return moment.replace(hour=0, minute=0, second=0)


def evaluate(shared: Path, with_dateparser: bool = True) -> list[Score]:
    """Score claimcheck (and dateparser) on the corpus; the function the tests call."""
    rows, negatives = load_rows(shared)
    scores = [score_claimcheck(rows, negatives)]
    if with_dateparser:
        scores.append(score_dateparser(rows, negatives))
    return scores


def format_table(scores: list[Score], negatives: int = 28) -> str:
    """The measured table, in Markdown."""
    lines = [
        "| resolver | day grain | full grain | not read | negatives read | phrases/s (CPU) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for score in scores:
        lines.append(
            f"| {score.name} | {score.day}/{score.total} ({score.day_accuracy:.1%}) | "
            f"{score.full}/{score.total} ({score.full_accuracy:.1%}) | {score.unread} | "
            f"{len(score.negatives_read)}/{negatives} | {score.rate():,.0f} |"
        )
    lines += [
        "",
        "| grain | phrases | " + " | ".join(f"{s.name} day / full" for s in scores) + " |",
    ]
    lines.append("| --- | --- |" + " --- |" * len(scores))
    grains = sorted(
        scores[0].by_grain, key=lambda g: GRAIN_ORDER.index(g) if g in GRAIN_ORDER else 99
    )
    for grain in grains:
        cells = []
        for score in scores:
            total, day, full = score.by_grain[grain]
            cells.append(f"{day} / {full}")
        lines.append(f"| {grain} | {scores[0].by_grain[grain][0]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--misses", type=int, default=0, help="print the first N misses")
    parser.add_argument("--no-dateparser", action="store_true")
    args = parser.parse_args(argv)
    if not (args.shared / "eval" / "temporal").is_dir():
        print(f"no corpus under {args.shared / 'eval' / 'temporal'}", file=sys.stderr)
        return 2
    scores = evaluate(args.shared, with_dateparser=not args.no_dateparser)
    print(format_table(scores))
    ours = scores[0]
    print(f"\nnegatives read by claimcheck: {ours.negatives_read}")
    for miss in ours.misses[: args.misses]:
        print("  miss", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
