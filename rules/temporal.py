"""Rules about dates: a weekday that does not fit its date, an event dated on the wrong
side of publication, and the same event dated differently in two places."""

from claimcheck.engine import problem, rule
from claimcheck.temporal.grammar import WEEKDAYS

# A date after one of these words bounds or qualifies something else ("extended the
# deadline to Dec. 31", "will remember the victims of Oct. 7"): it is not when the verb's
# event happens, so its tense says nothing about it.
_NOT_THE_EVENTS_DATE = frozenset(
    "of since from until till through to by before after between than".split()
)


def _bounds_another_word(claim):
    text = claim.sentence.text
    before = text[: max(text.find(claim.text), 0)].split()
    return bool(before) and before[-1].lower().strip(",") in _NOT_THE_EVENTS_DATE


def _span(value):
    if value.start == value.end:
        return value.start.isoformat()
    return f"{value.start.isoformat()}..{value.end.isoformat()}"


@rule("CC101", category="weekday-mismatch", severity="error", each="claim in temporal_claims")
def weekday_mismatch(claim):
    """A weekday stated with a date that falls on another weekday.

    Why it matters: "Sunday, June 2, 2025" cannot be right: June 2, 2025 is a Monday.
    One of the two is wrong, and the reader cannot tell which; a wrong weekday is also
    the typical trace of copy reused from another year.

    Example (flagged), in a draft published 2025-06-03:
        The ceasefire took effect on Sunday, June 2, 2025.

    Use instead: the weekday the date falls on ("Monday, June 2, 2025"), or the date of
    the Sunday ("Sunday, June 1, 2025").

    Convention: AP Stylebook, "dates" and "days of the week": a weekday and a date given
    together must agree; check them against a calendar.
    """
    value = claim.value
    if value.start is None or not value.stated_weekday:
        return
    actual = WEEKDAYS[value.start.weekday()].title()
    assert actual == value.stated_weekday, (
        f"{value.start:%B} {value.start.day}, {value.start.year} is a {actual}, not a "
        f"{value.stated_weekday} ({claim.explanation})"
    )


@rule("CC102", category="temporal-impossible", severity="warning", each="claim in temporal_claims")
def temporal_impossible(claim, published):
    """An event told in the past dated after publication, or in the future dated before it.

    Why it matters: "The summit was held on Dec. 15" in a story published on Dec. 3
    reports something that has not happened yet; "will meet on Nov. 20" announces what is
    already over. Either the date or the tense is wrong, often a date copied from an
    older or an embargoed version of the story.

    Example (flagged), in a draft published 2024-12-03:
        The two leaders met on Dec. 15, 2024.
        Talks will resume yesterday.

    Use instead (passing): "The two leaders will meet on Dec. 15, 2024."; "Talks resumed
    yesterday." A future seen from the past ("were scheduled to resume on Dec. 15",
    "would meet"), a date that bounds something else ("extended the deadline to Dec. 31",
    "will remember the victims of Oct. 7") and a present-tense clause ("the deal signed
    Friday expires on Dec. 31") are not flagged.

    Convention: the publication date is the story's "now" (AP Stylebook, "today,
    tonight": use the day of the week for days within a week of publication).
    """
    value = claim.value
    if published is None or value.start is None or _bounds_another_word(claim):
        return
    if value.tense == "past" and value.start > published:
        yield problem(
            claim,
            f"told in the past tense ('{value.cue}') but dated {_span(value)}, after "
            f"publication {published.isoformat()} ({claim.explanation})",
        )
    elif value.tense == "future" and value.end < published:
        yield problem(
            claim,
            f"told in the future ('{value.cue}') but dated {_span(value)}, before "
            f"publication {published.isoformat()} ({claim.explanation})",
        )


@rule("CC103", category="date-conflict", severity="error")
def date_conflict(links):
    """The same event dated differently in the draft and in a source, or twice in the draft.

    Why it matters: each side is resolved against its own publication date, so "began
    Thursday" in a draft of Tuesday 2024-12-03 (Nov. 28) and "launched Wednesday" in a wire
    of Sunday 2024-12-01 (Nov. 27) name two different days for one event. A rewrite that
    keeps the wire's weekday but not its date, or recounts the days wrongly, is the
    typical cause.

    Example (flagged), draft published 2024-12-03 against a wire of 2024-12-01 that says
    "The Syria offensive began Wednesday":
        The rebel offensive began Thursday.

    Use instead (passing): "The rebel offensive began Nov. 27" or "began last Wednesday".
    Two different weekday words that land on the same date ("Sunday" in a wire of
    Sunday, "Sunday" in a draft of Tuesday) are not a conflict; nor is a date inside a
    wider period ("last week" against "Wednesday").

    Convention: AP Stylebook, "days of the week": a weekday is relative to publication;
    a story republished later must re-date it.
    """
    reported = set()
    for link in links:
        claim, other = link.claim, link.other
        if claim.kind != "temporal" or claim.value.start is None or other.value.start is None:
            continue
        if other.path == claim.path and other.start >= claim.start:
            continue  # within one draft: report each pair once, at the later claim
        if claim.value.start <= other.value.end and other.value.start <= claim.value.end:
            continue  # the same day, or one inside the other
        key = (claim.start, other.path, other.start)
        if key in reported:
            continue
        reported.add(key)
        where = "earlier in the draft" if other.path == claim.path else other.path
        yield problem(
            claim,
            f"'{claim.text}' is dated {_span(claim.value)}, but {where} (line {other.line}) "
            f"'{other.text}' dates the same event {_span(other.value)} ({link.reason}). "
            f"Here: {claim.explanation}. There: {other.explanation}",
            link,  # the other claim, with its resolution and why the two were linked
        )
