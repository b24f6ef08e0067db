"""Score attribution extraction on the shared corpora and measure its speed.

    python bench/eval_attribution.py [--seconds 3]

Corpora (read from ``../shared/eval/attribution/``, never copied here):

- ``textacy_direct_quotations.jsonl``: textacy's own quotation tests, the English records.
  Records with ``content`` are scored on the quote span (marks included), the speaker and
  the cue; records that list only speakers (``speaker_tokens_flat``) are scored on the
  speakers of the quotes in reading order; ``[]`` records must yield no quote.
- ``wire_paragraphs.jsonl``: wire paragraphs with direct and indirect attributions: a
  direct item is found when its quoted spans are quotes of one claim, an indirect one when
  a claim's content is its content; both need the right speaker.

A speaker is right when the mention as written or the resolved speaker is the gold
speaker (determiners and case aside), or when both name the same person ("he" resolved to
"Hakan Fidan" for "Turkish Foreign Minister Hakan Fidan").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.attribution import _Extraction, extract_attribution  # noqa: E402
from claimcheck.attribution.people import split_mention  # noqa: E402
from claimcheck.claims import Claim  # noqa: E402
from claimcheck.documents import read_document  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "attribution"
FILES = ("textacy_direct_quotations.jsonl", "wire_paragraphs.jsonl")
_MARKS = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})


@dataclass
class Score:
    """Counts for one corpus file."""

    name: str
    gold: int = 0
    found: int = 0  # gold items found with the right speaker
    cue_gold: int = 0  # found items whose gold names a cue
    cue_right: int = 0
    predicted: int = 0
    spurious: int = 0  # predicted items matching no gold item
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.spurious / self.predicted if self.predicted else 1.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue_right / self.cue_gold if self.cue_gold else 1.0


def _claims(text: str) -> list[Claim]:
    document = read_document("eval.txt", data=text.encode("utf-8"))
    return extract_attribution(document)


def _norm(text: str) -> str:
    """A speaker for comparison: marks, case, spacing and a leading determiner aside."""
    text = text.translate(_MARKS).lower().strip()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    return re.sub(r"\s+", " ", text)


def _content_norm(text: str) -> str:
    """Reported words for comparison: marks, case, spacing, "that" and end punctuation aside."""
    text = re.sub(r"\s+", " ", text.translate(_MARKS).lower().strip()).replace('"', "")
    text = re.sub(r"^that\s+", "", text)
    return text.strip(" ,.;:!?")


def speaker_matches(gold: str, claim: Claim) -> bool:
    """Whether a claim's speaker is the gold speaker (see the module docstring)."""
    value = claim.value
    wanted = _norm(gold)
    if wanted in (_norm(value.speaker_text), _norm(value.speaker)):
        return True
    if _norm(" ".join(gold.split()).replace(" and ", " ")) == _norm(
        value.speaker_text.replace(" and ", " ")
    ):
        return True
    name = split_mention(gold.split(",")[0]).name
    return bool(name) and _norm(name) in (_norm(value.speaker), _norm(value.speaker_text))


def quote_units(text: str, claim: Claim) -> list[str]:
    """A claim's quotes as the corpora count them: one per paragraph of a continued quote."""
    units = []
    for start, end in claim.value.quote_spans:
        units.extend(part.strip() for part in text[start:end].splitlines() if part.strip())
    return units


def _score_record(record: dict, score: Score) -> None:
    text = record["text"]
    claims = _claims(text)
    expected = record["expected"]
    if "speaker_tokens_flat" in record or any(e.get("content") is None for e in expected):
        _score_in_order(record, claims, score)
        return
    used: set[int] = set()
    for item in expected:
        score.gold += 1
        spans = item.get("content_spans") or [item["content"]]
        hit = None
        for index, claim in enumerate(claims):
            if item["quote"]:
                units = [u.translate(_MARKS) for u in quote_units(text, claim)]
                ok = all(span.strip().translate(_MARKS) in units for span in spans)
            else:
                ok = _content_norm(claim.value.content) == _content_norm(item["content"])
            if ok and speaker_matches(item["speaker"], claim):
                hit = index
                break
        if hit is None:
            score.misses.append(f"{record['id']}: {item['speaker']!r} {spans[0][:50]!r}")
            continue
        used.add(hit)
        score.found += 1
        if item.get("cue"):
            score.cue_gold += 1
            score.cue_right += claims[hit].value.cue.lower() == item["cue"].lower()
    direct_only = record["id"].startswith("textacy")
    counted = [c for c in claims if c.value.quote is not None] if direct_only else claims
    score.predicted += len(counted)
    score.spurious += sum(1 for c in counted if claims.index(c) not in used)


def _score_in_order(record: dict, claims: list[Claim], score: Score) -> None:
    """Records that give only the speakers of the quotes, in reading order."""
    text = record["text"]
    units = [(claim, unit) for claim in claims for unit in quote_units(text, claim)]
    units.sort(key=lambda pair: text.find(pair[1]))
    score.predicted += len(units)
    for index, item in enumerate(record["expected"]):
        score.gold += 1
        if index < len(units) and speaker_matches(item["speaker"], units[index][0]):
            score.found += 1
        else:
            score.misses.append(f"{record['id']}: quote {index + 1} by {item['speaker']!r}")
    score.spurious += max(0, len(units) - len(record["expected"]))


def load(name: str, folder: Path = EVAL) -> list[dict]:
    """The English records of one corpus file."""
    records = []
    with open(folder / name, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if record.get("lang", "en") == "en":
                    records.append(record)
    return records


def score_file(name: str, folder: Path = EVAL) -> Score:
    """Score one corpus file."""
    score = Score(name)
    for record in load(name, folder):
        _score_record(record, score)
    return score


def words_per_second(texts: list[str], seconds: float = 3.0) -> tuple[float, float]:
    """Words per second of attribution extraction over ``texts``, again and again: (reading
    and extracting, extracting from documents already read). Time is the process's own CPU
    time, so that other work on a shared machine does not count against it."""
    words = sum(len(t.split()) for t in texts)
    data = [t.encode("utf-8") for t in texts]
    documents = [read_document("bench.txt", data=item) for item in data]
    rates = []
    for work in (
        lambda: [extract_attribution(read_document("bench.txt", data=item)) for item in data],
        lambda: [_Extraction(document).run() for document in documents],
    ):
        done = 0
        started = time.process_time()
        while time.process_time() - started < seconds / 2:
            work()
            done += 1
        rates.append(done * words / (time.process_time() - started))
    return rates[0], rates[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time spent on the speed run")
    parser.add_argument("--misses", action="store_true", help="list the gold items missed")
    args = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"{EVAL} is not present", file=sys.stderr)
        return 2
    print(
        "| file | gold items | found, right speaker | recall | cue right | precision "
        "| words/s read + extracted | words/s extracted |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in FILES:
        score = score_file(name)
        texts = [r["text"] for r in load(name)]
        with_reading, extracting = words_per_second(texts, args.seconds)
        print(
            f"| {name} | {score.gold} | {score.found} | {score.recall:.1%} | "
            f"{score.cue_right}/{score.cue_gold} | {score.precision:.1%} | "
            f"{with_reading:,.0f} | {extracting:,.0f} |"
        )
        if args.misses:
            for miss in score.misses:
                print(f"    missed {miss}")
    seed = (ROOT / "seeds" / "000_b6bff47565225a41.txt").read_text(encoding="utf-8")
    with_reading, extracting = words_per_second([seed], args.seconds)
    print(
        f"\nseed article: {with_reading:,.0f} words/s read + extracted, "
        f"{extracting:,.0f} words/s extracted"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
