"""Properties of the as-of questions: a title conflicts exactly when the day falls outside
every recorded term, and uncertain record dates never produce a conflict."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.facts.base import check_facts
from claimcheck.facts.titles import find_titles, judge_title, match_title

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


def _base(tmp_path_factory, start: str, end: str | None):
    folder = tmp_path_factory.mktemp("facts")
    path = folder / "facts.yaml"
    until = f"    to: {end}\n" if end else ""
    path.write_text(
        "offices:\n  - person: Antony Blinken\n    role: Secretary of State\n"
        f"    body: United States\n    from: {start}\n{until}",
        encoding="utf-8",
    )
    base, problems = check_facts([path])
    assert problems == []
    return base


def _conflict(base, day: date):
    (mention,) = find_titles("US Secretary of State Antony Blinken said so.", base)
    return judge_title(match_title(mention, base), base, day)


@settings(max_examples=60, deadline=None)
@given(start=DAYS, length=st.integers(min_value=0, max_value=4000), day=DAYS)
def test_day_precise_term(tmp_path_factory, start, length, day):
    end = start + timedelta(days=length)
    base = _base(tmp_path_factory, start.isoformat(), end.isoformat())
    conflict = _conflict(base, day)
    if start <= day <= end:
        assert conflict is None
    elif day > end:
        assert conflict is not None and "left office" in conflict.message
    else:
        # before the only recorded term, and nobody else recorded: an earlier term may exist
        assert conflict is None


@settings(max_examples=60, deadline=None)
@given(start=DAYS, day=DAYS)
def test_month_precise_end_is_never_judged_inside_its_month(tmp_path_factory, start, day):
    end_month = (start + timedelta(days=400)).strftime("%Y-%m")
    base = _base(tmp_path_factory, start.isoformat(), end_month)
    conflict = _conflict(base, day)
    if day.strftime("%Y-%m") == end_month:
        assert conflict is None
    elif day.strftime("%Y-%m") > end_month:
        assert conflict is not None
