"""Scale of linking: one draft against 1,000 source documents of about 50 claims each.

    python bench/bench_linking.py [--sources 1000]

Builds the corpus from sentence patterns of news copy (tolls, windows, events, calls,
places, weekdays), extracts every document's claims with the real pipeline, then times
linking the draft's claims against all of them (blocked on kind, predicate and counted
class), grouping the links, and recognising syndicated copies. Prints CPU seconds of
this process (the machine may be shared with other work), the number of links and groups.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.documents import read_document  # noqa: E402
from claimcheck.linking import group_links, link_claims  # noqa: E402
from claimcheck.linking.about import describe  # noqa: E402
from claimcheck.linking.syndication import find_syndication  # noqa: E402
from claimcheck.pipeline import extract_claims  # noqa: E402

PLACES = ["Aleppo", "Idlib", "Hama", "Homs", "Gaza", "Kharkiv", "Valencia", "Kherson", "Beirut"]
COUNTED = ["people", "civilians", "fighters", "soldiers", "children", "residents"]
QUALIFIERS = ["More than", "At least", "About", "Nearly", "Up to", ""]
EVENTS = ["offensive", "truce", "talks", "strike", "assault", "ceasefire"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SPEAKERS = ["a war monitor", "the health ministry", "the UN", "the army", "local officials"]
PATTERNS = [
    "{qualifier} {number} {counted} have so far been killed in {place}, {speaker} said.",
    "{qualifier} {number} {counted} were wounded in {place} on {weekday}, {speaker} said.",
    "About {number} {counted} fled {place} in the past 24 hours, {speaker} said.",
    "The {event} began {weekday}, the same day fighting reached {place}.",
    "The foreign ministers spoke {weekday} about the {event} in {place}.",
    "The {event} took effect at 4 a.m. on {weekday}, {speaker} said.",
    "At least {number} {counted} were arrested in {place} since {weekday}.",
]


def make_document(rng: random.Random, sentences: int) -> str:
    lines = []
    for _ in range(sentences):
        pattern = rng.choice(PATTERNS)
        lines.append(
            pattern.format(
                qualifier=rng.choice(QUALIFIERS),
                number=f"{rng.randint(2, 2000):,}",
                counted=rng.choice(COUNTED),
                place=rng.choice(PLACES),
                weekday=rng.choice(WEEKDAYS),
                event=rng.choice(EVENTS),
                speaker=rng.choice(SPEAKERS),
            ).strip()
        )
    return " ".join(line[0].upper() + line[1:] for line in lines) + "\n"


def measure_linking(source_count: int = 1000, sentences: int = 32) -> dict[str, float | int]:
    """Build the corpus, extract its claims (setup), then time linking, grouping and
    syndication; CPU seconds of this process (the machine may be shared)."""
    rng = random.Random(20241201)
    published = date(2024, 12, 3)

    started = time.process_time()
    draft = read_document("draft.txt", data=make_document(rng, 40).encode(), published=published)
    sources = [
        read_document(
            f"source-{index:04}.txt",
            data=make_document(rng, sentences).encode(),
            published=published - timedelta(days=rng.randint(0, 3)),
        )
        for index in range(source_count)
    ]
    linked_kinds = ("temporal", "numeric")  # attribution claims are matched by words instead
    draft_claims = extract_claims(draft, linked_kinds)
    source_claims = [c for source in sources for c in extract_claims(source, linked_kinds)]
    extraction = time.process_time() - started

    started = time.process_time()
    links = link_claims(draft_claims, [*draft_claims, *source_claims])
    linking = time.process_time() - started
    started = time.process_time()
    groups = group_links(links)
    grouping = time.process_time() - started
    started = time.process_time()
    find_syndication([draft, *sources])
    syndication = time.process_time() - started
    return {
        "sources": len(sources),
        "draft_claims": len(draft_claims),
        "source_claims": len(source_claims),
        "described": sum(1 for claim in source_claims if describe(claim).predicate),
        "extraction": extraction,
        "linking": linking,
        "links": len(links),
        "grouping": grouping,
        "groups": len(groups),
        "syndication": syndication,
        "total": linking + grouping + syndication,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=32)
    args = parser.parse_args()
    result = measure_linking(args.sources, args.sentences)
    print(
        f"corpus: 1 draft ({result['draft_claims']} claims), {result['sources']} sources, "
        f"{result['source_claims']:,} source claims ({result['described']:,} with a predicate "
        "class)"
    )
    print(f"extraction (setup, not part of linking): {result['extraction']:.2f} s")
    print("| stage | CPU seconds |")
    print("| --- | --- |")
    print(f"| link draft against all claims | {result['linking']:.3f} |")
    print(
        f"| group links ({result['links']:,} links, {result['groups']:,} groups) "
        f"| {result['grouping']:.3f} |"
    )
    print(
        f"| recognise syndicated copies ({result['sources'] + 1} documents) "
        f"| {result['syndication']:.3f} |"
    )
    print(f"| total | {result['total']:.3f} |")


if __name__ == "__main__":
    main()
