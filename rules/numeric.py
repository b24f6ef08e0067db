"""Rules about figures: numbers that contradict each other, and sums that do not add up."""

from __future__ import annotations

import re

from claimcheck.engine import problem, rule
from claimcheck.engine.findings import Evidence
from claimcheck.linking import describe
from claimcheck.numeric.compare import agree, comparable, interval

# Windows under which a figure counts everything up to its writing: a later one updates it.
CUMULATIVE = frozenset({"unstated", "cumulative"})


def _cumulative(claim) -> bool:
    return describe(claim).window_kind in CUMULATIVE


def _where(claim) -> str:
    published = f", published {claim.published}" if getattr(claim, "published", None) else ""
    return f"{claim.path}:{claim.line}{published}"


def _pairs(links):
    """Each pair of linked figures once: (the linted claim, the other claim, relation,
    evidence: the other claim with its reading and why the two were linked)."""
    seen = set()
    for link in links:
        claim, other = link.claim, link.other
        if claim.kind != "numeric" or other.kind != "numeric":
            continue
        if claim.value.role or other.value.role or claim.sentence is other.sentence:
            continue  # the two ends of a change, or two figures of one sentence (CC202's)
        if not comparable(claim.value, other.value):
            continue
        key = frozenset((id(claim), id(other)))
        if key in seen:
            continue
        seen.add(key)
        if claim.path == other.path and other.start > claim.start:
            claim, other = other, claim  # within a draft, report at the later figure
        note = f"{other.explanation}; linked: {link.reason}" if other.explanation else link.reason
        evidence = Evidence(other.path, other.line, other.text, note)
        yield claim, other, getattr(link, "relation", "same day"), evidence


def _judge(claim, other, relation: str) -> str | None:
    """ "conflict", "update" or None (they agree) for a pair of linked figures."""
    if agree(claim.value, other.value) is not False:
        return None
    mine, theirs = interval(claim.value), interval(other.value)
    if relation == "same day" or not (_cumulative(claim) and _cumulative(other)):
        return "conflict"
    later_is_mine = relation == "earlier"  # the other claim was published earlier
    later, earlier = (mine, theirs) if later_is_mine else (theirs, mine)
    return "conflict" if later.below(earlier) else "update"


@rule("CC201", category="numeric-conflict", severity="error")
def numeric_conflict(links):
    """Two figures about the same measure that cannot both be true.

    What it checks: every figure of the draft linked (same predicate, same counted thing,
    same subject, same window) to another figure, in the draft or in a source. Each
    figure is read with the tolerance its wording implies: an exact-looking "1.2 million"
    covers 1.15-1.25 million, "about" allows 10%, stated bounds are respected ("more
    than 400" is anything above 400), and units are converted ("12 feet" is 3.66 metres).
    A cumulative figure ("so far", or no window) that is lower in a later document than in
    an earlier one is a conflict: tolls do not fall. A higher one is an update (CC203).

    Why it matters: a toll, a sum or a distance that disagrees with the wire copy or with
    the draft's own earlier paragraph is the error readers notice and corrections fix.

    Example (flagged), the wire of 1 December against the draft of 3 December:
        More than 400 people have so far been killed in the offensive.
        About 300 people have so far been killed in the offensive.

    Use instead: the newer source's figure, or the same one with its attribution:
        More than 400 people have so far been killed in the offensive, a monitor said.

    Not flagged: "at least 60 civilians" against "more than 400 people" (another measure, a
    bound each), "about 7.5 miles" against "12 kilometres" (the same length).
    Convention: AP Stylebook, "numerals" and "casualty figures": attribute and reconcile.
    """
    for claim, other, relation, evidence in _pairs(links):
        if _judge(claim, other, relation) != "conflict":
            continue
        mine, theirs = claim.value.describe(), other.value.describe()
        if relation != "same day" and _cumulative(claim) and _cumulative(other):
            later = claim if relation == "earlier" else other
            why = f"a cumulative figure cannot fall, and the later report ({later.path}) is lower"
        else:
            why = "the two cannot both be true"
        yield problem(
            claim,
            f"{claim.text!r} ({mine}) conflicts with {other.text!r} ({theirs}) at "
            f"{_where(other)}: {why}",
            evidence,
        )


@rule("CC203", category="numeric-conflict", severity="info")
def numeric_update(links):
    """A cumulative figure that a later report raises: an update, not an error.

    What it checks: a figure linked to the same cumulative measure ("so far", or no
    window) in a document of another date, where the later one is higher.

    Why it matters: the newer figure is usually right, but it needs its own source; an
    editor wants to know the draft's toll is not the one the source gives.

    Example (reported as info), the wire of 1 December against the draft of 3 December:
        More than 400 people have so far been killed.
        More than 500 people have so far been killed, the monitor said on Tuesday.

    Use instead: nothing to change when the new figure is attributed.
    """
    for claim, other, relation, evidence in _pairs(links):
        if _judge(claim, other, relation) != "update":
            continue
        newer, older = (claim, other) if relation == "earlier" else (other, claim)
        yield problem(
            claim,
            f"{claim.text!r} ({claim.value.describe()}) and {other.text!r} "
            f"({other.value.describe()}) at {_where(other)}: the later report, "
            f"{newer.path}, has the higher figure; an update, check its source",
            evidence,
        )


# --- arithmetic -------------------------------------------------------------------------

_CHANGE_VERB = re.compile(
    r"\b(?P<up>rose|rise|risen|rising|increased?|increasing|climbed|grew|grown|jumped|"
    r"soared|up)\b|\b(?P<down>fell|fallen|falling|dropped|declined?|decreased?|slumped|"
    r"plunged|down|shrank|cut)\b",
    re.I,
)
_MULTIPLE = re.compile(
    r"\b(?P<more>more than |nearly |almost )?(?P<word>doubled|tripled|trebled|quadrupled|"
    r"halved)\b",
    re.I,
)
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_DIFFERENCE = re.compile(
    r"\b(?:an? (?:increase|rise|jump|drop|fall|decline|decrease|gain|loss) of|up by|down by|"
    r"by)\s*$",
    re.I,
)
_EXHAUSTIVE = re.compile(
    r"\b(?:split|divided) (?:between|into|among)|\bmade up of|\bconsisting of|\bcomprising|"
    r"\bbroken down into",
    re.I,
)
_PARTIAL = re.compile(r"\bincluding|\bamong them|\bof whom|\bof them", re.I)
RELATIVE_TOLERANCE = 0.05  # "doubled" from 40 to 81 still doubled


def _number(value) -> float | None:
    if value.low is not None and value.low == value.high:
        return value.low
    return None


def _changes(sentence_claims):
    """(from, to) pairs of a sentence: "from 80,000 to 120,000"."""
    for index, claim in enumerate(sentence_claims[:-1]):
        following = sentence_claims[index + 1]
        if claim.value.role == "from" and following.value.role == "to":
            yield claim, following


def _percent_change(sentence, stated, start, end):
    """A percentage (or percentage-point) change that does not match its two ends."""
    a, b = _number(start.value), _number(end.value)
    if a in (None, 0) or b is None:
        return None
    verb = _CHANGE_VERB.search(sentence.text)
    falls = bool(verb and verb.group("down"))
    window = interval(stated.value)
    if window is None:
        return None
    points = stated.value.unit == "percentage_point"
    both_percent = start.value.unit == "percent" and end.value.unit == "percent"
    relative = (b - a) / abs(a) * 100
    absolute = b - a
    actual = absolute if points else relative
    if falls:
        actual = -actual
    if window.low - 0.5 <= actual <= window.high + 0.5:
        return None
    if (
        not points
        and both_percent
        and window.low - 0.5 <= (-absolute if falls else absolute) <= window.high + 0.5
    ):
        return (
            f"{stated.text!r} is the change in percentage points from {start.text!r} to "
            f"{end.text!r}; as a percentage it is {abs(relative):.1f}%"
        )
    what = "percentage-point change" if points else "change"
    return (
        f"{stated.text!r} does not match the {what} from {start.text!r} to {end.text!r}: "
        f"{'a fall' if actual < 0 and not falls else 'it is'} {abs(actual):.1f}"
        f"{' points' if points else '%'}"
    )


@rule("CC202", category="arithmetic", severity="warning")
def arithmetic(numeric_claims):
    """Stated relations between figures that do not hold.

    What it checks, within one sentence:
    - a percentage change between two stated values ("rose 25% from 80,000 to 120,000"
      is a 50% rise), and percent confused with percentage points ("rose 5% from 40% to
      45%" is 5 points, 12.5%);
    - doubled, tripled, quadrupled, halved between two stated values;
    - a difference stated beside its terms ("from 80,000 to 120,000, an increase of
      30,000");
    - parts said to make up a whole ("the 9,000 evacuees were split between 4,000 children
      and 6,000 adults"); with "including" or "among them" the parts may not exceed it;
    - a conversion in parentheses ("12 km (9 miles)").
    Overlapping shares ("60% lack heating, 55% lack warm clothing") are not parts of a
    whole and are not added.

    Why it matters: readers do the sum; a figure that does not add up discredits the
    others around it.

    Example (flagged):
        Exports rose 25% from 80,000 to 120,000 tonnes.

    Use instead:
        Exports rose 50% from 80,000 to 120,000 tonnes.

    Convention: AP Stylebook, "percent" and "percentage points".
    """
    by_sentence: dict[int, list] = {}
    for claim in numeric_claims:
        if claim.sentence is not None:
            by_sentence.setdefault(claim.sentence.start, []).append(claim)
    for claims in by_sentence.values():
        claims.sort(key=lambda c: c.start)
        sentence = claims[0].sentence
        yield from _check_changes(sentence, claims)
        yield from _check_parts(sentence, claims)
        yield from _check_restatements(claims)


_BEFORE_FROM = re.compile(r"\s*,?\s*(?:from)?\s*")
_NAMED_CHANGE = re.compile(
    r"^[\s,(]*(?:or\s+|which is\s+)?(?:an?\s+)?(?:(?:increase|rise|jump|gain|drop|fall|decline|"
    r"decrease|loss|cut)\s+of\s+)?$",
    re.I,
)


def _states_the_change(sentence, stated, start, end) -> bool:
    """Whether a percentage is the size of the change from ``start`` to ``end``: right
    before it ("rose 25% from 80,000 to 120,000") or named right after it ("from 80,000 to
    120,000, a rise of 50%", "..., a 50% rise"); not any percentage of the sentence."""
    offset = sentence.start
    if stated.end <= start.start:
        gap = sentence.text[stated.end - offset : start.start - offset]
        return len(gap) <= 12 and "from" in gap
    if stated.start >= end.end:
        gap = sentence.text[end.end - offset : stated.start - offset]
        after = sentence.text[stated.end - offset : stated.end - offset + 12]
        named_after = re.match(r"\s*(?:increase|rise|jump|gain|drop|fall|decline|decrease)", after)
        return bool(_NAMED_CHANGE.match(gap) and (named_after or "of" in gap or len(gap) <= 4))
    return False


def _check_changes(sentence, claims):
    for start, end in _changes(claims):
        others = [c for c in claims if c is not start and c is not end and not c.value.role]
        for stated in others:
            if stated.value.unit in ("percent", "percentage_point") and _states_the_change(
                sentence, stated, start, end
            ):
                message = _percent_change(sentence, stated, start, end)
                if message:
                    yield problem(stated, message, [start, end])
        a, b = _number(start.value), _number(end.value)
        if a in (None, 0) or b is None:
            continue
        offset = sentence.start
        before = sentence.text[max(0, start.start - offset - 40) : start.start - offset]
        multiple = _MULTIPLE.search(before)
        if multiple and _BEFORE_FROM.fullmatch(before[multiple.end() :]):
            factor = _MULTIPLES[multiple.group("word").lower()]
            ratio = b / a
            more = (multiple.group("more") or "").strip().lower()
            holds = {
                "more than": ratio > factor * (1 - RELATIVE_TOLERANCE),
                "nearly": factor * 0.8 <= ratio <= factor * (1 + RELATIVE_TOLERANCE),
                "almost": factor * 0.8 <= ratio <= factor * (1 + RELATIVE_TOLERANCE),
            }.get(more, abs(ratio - factor) <= factor * RELATIVE_TOLERANCE)
            if not holds:
                yield problem(
                    start,
                    f"{multiple.group(0).strip()!r} does not match {start.text!r} to "
                    f"{end.text!r}: a factor of {ratio:.2f}",
                    [end],
                )
        for stated in claims:
            if (
                stated.start <= end.start
                or stated.value.role
                or stated.value.unit
                in (
                    "percent",
                    "percentage_point",
                )
            ):
                continue
            before = sentence.text[: stated.start - sentence.start]
            if not _DIFFERENCE.search(before[-40:]):
                continue
            difference = interval(stated.value)
            change = abs(b - a)
            if difference and not (difference.low - 0.5 <= change <= difference.high + 0.5):
                yield problem(
                    stated,
                    f"{stated.text!r} does not match the difference between {start.text!r} "
                    f"and {end.text!r}: {change:,.6g}",
                    [start, end],
                )


def _check_parts(sentence, claims):
    if len(claims) < 2:
        return  # a whole and its parts, or two parts, take two figures: no marker to look for
    text = sentence.text
    exhaustive = _EXHAUSTIVE.search(text)
    partial = None if exhaustive else _PARTIAL.search(text)
    marker = exhaustive or partial
    if marker is None:
        return
    offset = sentence.start
    wholes = [c for c in claims if c.start - offset < marker.start()]
    parts = [c for c in claims if c.start - offset >= marker.end()]
    if len(parts) < 2 and not (partial and len(parts) == 1):
        return
    units = {c.value.unit for c in parts}
    if len(units) != 1 or None in units:
        units = {"people"} if all(c.value.unit for c in parts) else units
    values = [_number(c.value) for c in parts]
    if None in values:
        return
    total = sum(values)
    whole = None
    if wholes and _number(wholes[-1].value) is not None:
        whole = wholes[-1]
    if all(c.value.unit == "percent" for c in parts) and whole is None and exhaustive:
        # a vote "split between 48% and 47%" leaves room for others; more than 100% does not
        if total > 100 + 0.5 * len(parts):
            yield problem(
                parts[0],
                f"the shares add up to {total:g}%, more than 100%: "
                + ", ".join(repr(c.text) for c in parts),
                parts[1:],
            )
        return
    if whole is None or whole.value.unit == "percent":
        return
    window = interval(whole.value)
    if window is None:
        return
    rounding = sum(c.value.step / 2 for c in parts)
    if exhaustive and not (window.low - rounding <= total <= window.high + rounding):
        yield problem(
            whole,
            f"the parts add up to {total:,.6g}, not {whole.text!r}: "
            + " + ".join(repr(c.text) for c in parts),
            parts,
        )
    elif partial and total > window.high + rounding:
        yield problem(
            whole,
            f"the parts named add up to {total:,.6g}, more than {whole.text!r}: "
            + " + ".join(repr(c.text) for c in parts),
            parts,
        )


def _check_restatements(claims):
    for claim in claims:
        restated = claim.value.restated
        if restated is None or not comparable(claim.value, restated):
            continue
        if agree(claim.value, restated) is False:
            yield problem(
                claim,
                f"{claim.text!r}: the conversion in parentheses does not hold "
                f"({claim.value.describe()} is not {restated.describe()})",
            )
