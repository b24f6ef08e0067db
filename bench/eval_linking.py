"""Precision and recall of the claim linker on the annotated pairs.

Each row of ``tests/data/linking_pairs.tsv`` holds two sentences (each with its
publication date and the claim phrase in it), a label ("same" or "different") and the
issue bullet it covers. Both sentences go through the real pipeline; the claim found for
each phrase is handed to ``same_thing``. A phrase the extractors do not find as a claim
is counted as an error (a missed link for a "same" pair, an unproven separation for a
"different" pair), never skipped.

Run: ``python bench/eval_linking.py`` (``--pairs PATH`` for another file).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scoring import PrecisionRecall  # bench/scoring.py, beside this script

from claimcheck.claims import Claim
from claimcheck.documents import read_document
from claimcheck.linking import describe, same_thing
from claimcheck.linking.linker import LINKED_KINDS
from claimcheck.pipeline import extract_claims

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "linking_pairs.tsv"
LABELS = ("same", "different")


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a pair: a sentence, its publication date and the claim phrase in it."""

    sentence: str
    published: date
    phrase: str


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """Two claims, whether an editor would call them the same thing, and why."""

    number: int
    a: Side
    b: Side
    label: str
    bullet: str
    note: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the linker said about one pair."""

    pair: LabelledPair
    linked: bool
    reason: str
    about_a: str
    about_b: str
    missing: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return not self.missing and self.linked == (self.pair.label == "same")


@dataclass
class LinkingScore(PrecisionRecall):
    """Confusion counts over the pairs; a missing claim counts against the linker."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _count(self, label: str, linked: bool) -> int:
        return sum(
            1
            for o in self.outcomes
            if o.pair.label == label and not o.missing and o.linked == linked
        )

    def _missing(self, label: str) -> int:
        return sum(1 for o in self.outcomes if o.pair.label == label and o.missing)

    @property
    def true_positives(self) -> int:
        return self._count("same", True)

    @property
    def false_negatives(self) -> int:
        return self._count("same", False) + self._missing("same")

    @property
    def false_positives(self) -> int:
        return self._count("different", True) + self._missing("different")

    @property
    def true_negatives(self) -> int:
        return self._count("different", False)

    @property
    def wrong(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]


def load_pairs(path: Path = PAIRS) -> list[LabelledPair]:
    """Read the annotated pairs (a TSV file with a header row)."""
    pairs = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(
            (line for line in handle if not line.startswith("#")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        for number, row in enumerate(rows, start=1):
            if row["label"] not in LABELS:
                raise ValueError(f"pair {number}: label must be one of {LABELS}: {row['label']!r}")
            pairs.append(
                LabelledPair(
                    number=number,
                    a=Side(
                        row["sentence_a"], date.fromisoformat(row["published_a"]), row["phrase_a"]
                    ),
                    b=Side(
                        row["sentence_b"], date.fromisoformat(row["published_b"]), row["phrase_b"]
                    ),
                    label=row["label"],
                    bullet=row["bullet"],
                    note=row["note"],
                )
            )
    return pairs


def claim_for(side: Side, path: str) -> Claim | None:
    """The temporal or numeric claim the pipeline finds at the side's phrase, if any."""
    where = side.sentence.find(side.phrase)
    if where < 0:
        raise ValueError(f"phrase {side.phrase!r} is not in {side.sentence!r}")
    document = read_document(path, data=side.sentence.encode("utf-8"), published=side.published)
    # the sentence is the whole document: the phrase's offset in it is its offset in the file
    start, end = where, where + len(side.phrase)
    best: tuple[int, Claim] | None = None
    for claim in extract_claims(document, kinds=sorted(LINKED_KINDS)):
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim)
    return best[1] if best else None


def judge(pair: LabelledPair) -> Outcome:
    """Run both sentences through the pipeline and ask the linker about the two claims."""
    claim_a = claim_for(pair.a, f"pair{pair.number}-a.txt")
    claim_b = claim_for(pair.b, f"pair{pair.number}-b.txt")
    missing = tuple(
        side.phrase for side, claim in ((pair.a, claim_a), (pair.b, claim_b)) if claim is None
    )
    if claim_a is None or claim_b is None:
        return Outcome(pair, False, "", "", "", missing)
    link = same_thing(claim_a, claim_b)
    return Outcome(
        pair,
        link is not None,
        link.reason if link else "",
        describe(claim_a).summary(),
        describe(claim_b).summary(),
    )


def score_pairs(pairs: list[LabelledPair] | None = None) -> LinkingScore:
    """Judge every pair (the annotated set by default) and count the outcomes."""
    return LinkingScore([judge(pair) for pair in (load_pairs() if pairs is None else pairs)])


def report(score: LinkingScore) -> str:
    """The table, the confusion counts and every wrong pair with the descriptions."""
    lines = [
        f"pairs: {len(score.outcomes)} "
        f"(same {sum(o.pair.label == 'same' for o in score.outcomes)}, "
        f"different {sum(o.pair.label == 'different' for o in score.outcomes)})",
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}",
        f"true positives {score.true_positives}  false positives {score.false_positives}  "
        f"false negatives {score.false_negatives}  true negatives {score.true_negatives}",
        "",
        "by bullet (correct / pairs):",
    ]
    totals, right = Counter(), Counter()
    for outcome in score.outcomes:
        totals[outcome.pair.bullet] += 1
        right[outcome.pair.bullet] += outcome.correct
    lines += [f"  {bullet:<22} {right[bullet]:>3} / {totals[bullet]}" for bullet in totals]
    missing = [o for o in score.wrong if o.missing]
    wrong = [o for o in score.wrong if not o.missing]
    lines += ["", f"wrong pairs: {len(wrong)}"]
    for outcome in wrong:
        pair = outcome.pair
        verdict = "linked" if outcome.linked else "not linked"
        lines += [
            f"  #{pair.number} [{pair.bullet}] labelled {pair.label}, {verdict}"
            + (f" ({outcome.reason})" if outcome.reason else ""),
            f"    A {pair.a.published} {pair.a.phrase!r}: {outcome.about_a}",
            f"      {pair.a.sentence}",
            f"    B {pair.b.published} {pair.b.phrase!r}: {outcome.about_b}",
            f"      {pair.b.sentence}",
            f"    note: {pair.note}",
        ]
    lines += ["", f"phrases not found as claims (counted as errors): {len(missing)}"]
    for outcome in missing:
        pair = outcome.pair
        lines.append(
            f"  #{pair.number} [{pair.label}] missing {', '.join(map(repr, outcome.missing))}"
        )
        for side in (pair.a, pair.b):
            if side.phrase in outcome.missing:
                lines.append(f"      {side.sentence}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="the annotated pairs (TSV)")
    args = parser.parse_args(argv)
    print(report(score_pairs(load_pairs(args.pairs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
