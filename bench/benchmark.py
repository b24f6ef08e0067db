"""The benchmark suite: claimcheck's speed stage by stage, end to end, against its peers.

    python bench/benchmark.py            # everything (the 10 MB scaling row takes a while)
    python bench/benchmark.py --quick    # scaling up to 1 MB, shorter peer budgets

The corpus is built from the project's own material (the seed, examples, test drafts)
and, when present, the sentences of ``../shared/eval``. It is cut into news-draft sized
documents of about 1,000 words. Peers (dateparser's ``search_dates``, quantulum3,
proselint) are measured in the same run on the same text where they are installed, and
claimcheck's speed is printed as a ratio to each: on a noisy machine the ratios measured
together are the figures that count.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

if TYPE_CHECKING:
    from claimcheck.documents.model import Document
    from claimcheck.engine.registry import Rule

PUBLISHED = date(2024, 12, 1)
WORDS_PER_DOCUMENT = 1000
# modules too heavy to import on every run: each must wait until a unit or a peer needs it
HEAVY_MODULES = ("pint", "dateparser", "quantulum3", "proselint")


def _project_paragraphs() -> list[str]:
    """Prose paragraphs from the seed, the examples, test drafts and the shared corpora."""
    from claimcheck.documents import read_document

    paragraphs: list[str] = []
    for folder in ("seeds", "examples", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".txt", ".html") and path.is_file():
                try:
                    document = read_document(str(path), published=PUBLISHED)
                except Exception:  # noqa: BLE001 - a fixture of bad input is not corpus
                    continue
                paragraphs.extend(p.text for p in document.paragraphs if len(p.text) > 40)
    shared = ROOT.parent / "shared" / "eval"
    for path in sorted(shared.rglob("*.jsonl")) if shared.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text", "")
            if len(text.split()) >= 6:
                paragraphs.append(text)
    return paragraphs


def build_corpus(total_bytes: int) -> list[str]:
    """Documents of about 1,000 words, filled round-robin until ``total_bytes``."""
    paragraphs = _project_paragraphs()
    documents, current, words, size, index = [], [], 0, 0, 0
    while size < total_bytes:
        paragraph = paragraphs[index % len(paragraphs)]
        index += 1
        current.append(paragraph)
        words += len(paragraph.split())
        size += len(paragraph.encode()) + 2
        if words >= WORDS_PER_DOCUMENT:
            documents.append("\n\n".join(current) + "\n")
            current, words = [], 0
    if current:
        documents.append("\n\n".join(current) + "\n")
    return documents


def _cpu(function: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``function``: on a shared machine the wall
    clock counts other processes' turns too."""
    started = time.process_time()
    function()
    return time.process_time() - started


def _read_all(data: list[bytes]) -> list[Document]:
    from claimcheck.documents import read_document

    return [read_document(f"doc{i:04}.md", data=d, published=PUBLISHED) for i, d in enumerate(data)]


def run_pipeline(data: bytes, path: str, rules: Sequence[Rule], times: dict[str, float]) -> str:
    """The whole pipeline on one draft, each stage's CPU seconds added to ``times``: read and
    segment, run all three extractors (each claim extracted once), link, run every built-in
    rule on those claims and links, write the JSON report."""
    from claimcheck.documents import read_document
    from claimcheck.engine.runner import run_rules
    from claimcheck.pipeline import CheckContext, document_fixtures
    from claimcheck.reports import json_report

    clock = time.process_time
    started = clock()
    document = read_document(path, data=data, published=PUBLISHED)
    read = clock()
    context = CheckContext()
    # the rules' inputs, computed here once; the rules below reuse these very values
    fixtures = document_fixtures(document, context)
    fixtures.get("claims")
    extracted = clock()
    fixtures.get("links")
    linked = clock()
    findings = run_rules(rules, document, fixtures, context.config)
    judged = clock()
    report = json_report.dumps(json_report.findings_payload(findings, 1, []))
    written = clock()
    for stage, seconds in (
        ("read and segment", read - started),
        ("extract (all three)", extracted - read),
        ("link", linked - extracted),
        ("rules (all built-in)", judged - linked),
        ("JSON output", written - judged),
    ):
        times[stage] = times.get(stage, 0.0) + seconds
    return report


def measure_stages(texts: list[str]) -> tuple[list[tuple[str, float]], int, int]:
    """CPU seconds of each stage over the corpus, end to end last; the words and the claims."""
    from claimcheck.attribution import extract_attribution
    from claimcheck.engine.registry import load_rules
    from claimcheck.numeric import extract_numeric
    from claimcheck.temporal import extract_temporal

    words = sum(len(text.split()) for text in texts)
    data = [text.encode() for text in texts]
    rules = load_rules()
    # warm-up: grammars and lexicons are built once per process, not per document
    warm = _read_all(data[:1])[0]
    for extractor in (extract_temporal, extract_numeric, extract_attribution):
        extractor(warm)
    run_pipeline(data[0], "warm.md", rules, {})

    # each extractor alone, on documents of its own (attribution caches per document)
    documents = _read_all(data)
    claims = 0
    alone: list[tuple[str, float]] = []
    for name, extractor in (
        ("temporal extractor", extract_temporal),
        ("numeric extractor", extract_numeric),
        ("attribution extractor", extract_attribution),
    ):
        started = time.process_time()
        claims += sum(len(extractor(document)) for document in documents)
        alone.append((name, time.process_time() - started))
    documents.clear()

    times: dict[str, float] = {}
    total = _cpu(
        lambda: [run_pipeline(d, f"doc{i:04}.md", rules, times) for i, d in enumerate(data)]
    )
    stages = [
        ("read and segment", times["read and segment"]),
        *alone,
        *((stage, seconds) for stage, seconds in times.items() if stage != "read and segment"),
        ("end to end", total),
    ]
    return stages, words, claims


def measure_peers(texts: list[str], budget: float) -> list[tuple[str, float | None, str]]:
    """Words per CPU second of each peer on the corpus's first documents, within a budget
    of ``budget`` wall seconds each. Each peer is given the pieces it is fastest on: a
    paragraph at a time for dateparser and quantulum3 (slower on long texts), a whole
    document for proselint (whose cost per call is high)."""
    results: list[tuple[str, float | None, str]] = []

    def run(name: str, setup: Callable[[], Callable[[str], object]], pieces: str) -> None:
        try:
            process = setup()
        except ImportError:
            results.append((name, None, "not installed"))
            return
        process(texts[0][:200])  # warm-up: models and registries load once
        words, cpu, deadline = 0, 0.0, time.perf_counter() + budget
        if pieces == "paragraph":
            inputs = (p for text in texts for p in text.split("\n\n"))
        else:
            inputs = iter(texts)
        for piece in inputs:
            cpu += _cpu(lambda p=piece: process(p))
            words += len(piece.split())
            if time.perf_counter() > deadline:
                break
        results.append((name, words / cpu, f"first {words:,} words, a {pieces} a call"))

    def dateparser_search() -> Callable[[str], object]:
        from dateparser.search import search_dates

        return lambda text: search_dates(text, languages=["en"])

    def quantulum() -> Callable[[str], object]:
        with warnings.catch_warnings():  # "classifier dependencies not installed": as shipped
            warnings.simplefilter("ignore")
            from quantulum3 import parser

        return parser.parse

    def proselint() -> Callable[[str], object]:
        from proselint.checks import __register__
        from proselint.tools import CheckRegistry, LintFile

        if not CheckRegistry().checks:  # its command line registers the checks the same way
            CheckRegistry().register_many(__register__)
        return lambda text: LintFile("bench", text).lint()

    run("dateparser.search.search_dates (languages=['en'])", dateparser_search, "paragraph")
    run("quantulum3 parser.parse", quantulum, "paragraph")
    run("proselint LintFile.lint", proselint, "document")
    return results


SCALING_STAGES = (
    "read and segment",
    "extract (all three)",
    "link",
    "rules (all built-in)",
    "JSON output",
)


WHOLE_PIPELINE_UP_TO = 1_100_000  # bytes ("1 MB" is a little over); see measure_scaling


def measure_scaling(sizes: list[int]) -> list[tuple[int, int, float, dict[str, float]]]:
    """(bytes, words, CPU microseconds per word, the same per stage) of the pipeline on one
    document of each size.

    Each document repeats the same block of the corpus (the paragraphs of its first
    ``sizes[0]`` bytes), so every size has the same mix of prose and claims and a change
    in the cost per word comes from the size alone. In such a document every claim has a
    twin per repetition, and links (pairs of claims about the same thing) grow with the
    square of the size; beyond ``WHOLE_PIPELINE_UP_TO`` only reading and extraction, the
    grammars whose cost must stay linear, are run."""
    from claimcheck.documents import read_document
    from claimcheck.engine.registry import load_rules
    from claimcheck.pipeline import extract_claims

    rules = load_rules()
    paragraphs = "\n\n".join(build_corpus(sizes[0] * 2)).split("\n\n")
    block = ""
    for paragraph in paragraphs:
        if len(block) + len(paragraph) + 2 > sizes[0]:
            break
        block += paragraph + "\n\n"
    run_pipeline(block.encode(), "warm.md", rules, {})  # grammars are built once, not timed
    rows = []
    for size in sizes:
        text = block * max(size // len(block), 1)
        size = len(text.encode())
        words = max(len(text.split()), 1)
        data = text.encode()
        times: dict[str, float] = {}
        if size <= WHOLE_PIPELINE_UP_TO:
            seconds = _cpu(lambda d=data, t=times: run_pipeline(d, "big.md", rules, t))
        else:
            started = time.process_time()
            document = read_document("big.md", data=data, published=PUBLISHED)
            times["read and segment"] = time.process_time() - started
            extract_claims(document)
            times["extract (all three)"] = time.process_time() - started - times["read and segment"]
            seconds = float("nan")
        per_stage = {stage: times[stage] / words * 1e6 for stage in times}
        rows.append((size, words, seconds / words * 1e6, per_stage))
    return rows


def measure_process(runs: int = 5) -> tuple[float, float, float, list[str]]:
    """Best wall time and best CPU time (user + system) of ``claimcheck check`` on a
    1,000-word draft with one source, after one untimed run; the best CPU time of a first
    run (the grammars' compiled patterns not yet stored, as on the first run after
    installing); and the heavy modules that process imported."""
    texts = build_corpus(20_000)
    with tempfile.TemporaryDirectory() as folder:
        draft, source = Path(folder, "draft.md"), Path(folder, "source.md")
        draft.write_text(f"---\npublished: 2024-12-03\n---\n{texts[0]}", encoding="utf-8")
        source.write_text(f"---\npublished: 2024-12-01\n---\n{texts[1]}", encoding="utf-8")
        command = [sys.executable, "-m", "claimcheck", "check", str(draft), "--source", str(source)]
        # As installed: pip compiles the bytecode of what it installs, and a run from a
        # clone writes it on its first run. A shell that forbids writing it would time
        # the compiling of every module on every run, which no user's machine does.
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        environment.pop("CLAIMCHECK_NO_PATTERN_CACHE", None)
        first_run = {**environment, "CLAIMCHECK_NO_PATTERN_CACHE": "1"}
        subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, check=False)

        def best_of(env: dict[str, str]) -> tuple[float, float]:
            best_wall = best_cpu = float("inf")
            for _ in range(runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
                best_wall = min(best_wall, time.perf_counter() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                best_cpu = min(best_cpu, cpu)
            return best_wall, best_cpu

        best_wall, best_cpu = best_of(environment)
        first_cpu = best_of(first_run)[1]
        traced = subprocess.run(
            [sys.executable, "-X", "importtime", *command[1:]],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
    imported = {line.rsplit("|", 1)[-1].strip() for line in traced.stderr.splitlines()}
    heavy = sorted(m for m in imported if m.split(".")[0] in HEAVY_MODULES and "." not in m)
    return best_wall, best_cpu, first_cpu, heavy


def measure_interpreter(runs: int = 5) -> float:
    """Best CPU time of a bare ``python -c pass``: the floor under any command's time."""
    best = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best


def _size(size_bytes: int) -> str:
    return f"{size_bytes / 1e6:.1f} MB" if size_bytes >= 1e6 else f"{size_bytes / 1e3:.0f} KB"


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="scaling up to 1 MB, 200 linking sources, 5 s peers"
    )
    parser.add_argument("--megabytes", type=float, default=1.0, help="size of the main corpus")
    args = parser.parse_args()

    texts = build_corpus(int(args.megabytes * 1024 * 1024))
    size = sum(len(t.encode()) for t in texts)
    stages, words, claims = measure_stages(texts)
    end_to_end = dict(stages)["end to end"]
    wps = words / end_to_end
    print(f"# claimcheck benchmark ({platform.python_version()}, {os.cpu_count()} CPUs)\n")
    print("Times are CPU seconds of this one process (one core); the machine may be shared.\n")
    print(
        f"## Stages ({len(texts)} documents, {words:,} words, {size / 1e6:.2f} MB, "
        f"{claims:,} claims)\n"
    )
    print("| stage | CPU seconds | words per second |")
    print("| --- | ---: | ---: |")
    for name, seconds in stages:
        rate = f"{words / seconds:,.0f}" if seconds > 0 else "-"
        print(f"| {name} | {seconds:.2f} | {rate} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process so far): {peak:.0f} MB\n")

    print("## Peers, same text, same run\n")
    print("| tool | words per second | claimcheck's full pipeline is | measured on |")
    print("| --- | ---: | ---: | --- |")
    print(f"| claimcheck (full pipeline) | {wps:,.0f} | 1.0× | {words:,} words |")
    for name, rate, note in measure_peers(texts, 5.0 if args.quick else 15.0):
        if rate is None:
            print(f"| {name} | - | - | {note} |")
        else:
            print(f"| {name} | {rate:,.0f} | {wps / rate:,.1f}× as fast | {note} |")

    sizes = [10_000, 100_000, 1_000_000] + ([] if args.quick else [10_000_000])
    print("\n## Scaling: the whole pipeline on one document of each size (CPU µs per word)\n")
    print("| size | words | CPU µs per word | " + " | ".join(SCALING_STAGES) + " |")
    print("| ---: | ---: | ---: |" + " ---: |" * len(SCALING_STAGES))
    scaling = measure_scaling(sizes)
    for size_bytes, count, micros, per_stage in scaling:
        cells = " | ".join(
            f"{per_stage[stage]:.1f}" if stage in per_stage else "not run"
            for stage in SCALING_STAGES
        )
        total = "-" if math.isnan(micros) else f"{micros:.1f}"
        print(f"| {_size(size_bytes)} | {count:,} | {total} | {cells} |")
    whole_rows = [micros for _, _, micros, _ in scaling if not math.isnan(micros)]
    spread = max(whole_rows) / min(whole_rows) - 1
    grammar_rows = [
        per_stage["read and segment"] + per_stage["extract (all three)"]
        for _, _, _, per_stage in scaling
    ]
    grammar_spread = max(grammar_rows) / min(grammar_rows) - 1

    from bench_linking import measure_linking

    sources = 200 if args.quick else 1000
    linking = measure_linking(sources)
    print(
        f"\n## Linking: 1 draft ({linking['draft_claims']} claims) against {sources:,} sources "
        f"({linking['source_claims']:,} claims)\n"
    )
    print("| stage | CPU seconds |")
    print("| --- | ---: |")
    for stage in ("linking", "grouping", "syndication", "total"):
        print(f"| {stage} | {linking[stage]:.3f} |")

    process, process_cpu, first_cpu, heavy = measure_process()
    print(
        f"\n## Whole process\n\n`claimcheck check` on a 1,000-word draft with one source: "
        f"{process:.3f} s wall, {process_cpu:.3f} s CPU (best of 5 each); a first run, before "
        f"the grammars' compiled patterns are stored, {first_cpu:.3f} s CPU; `python -c pass` "
        f"takes {measure_interpreter():.3f} s CPU here; heavy modules imported: "
        f"{', '.join(heavy) or 'none'}"
    )

    print("\n## Targets\n")
    print("| target | measured | verdict |")
    print("| --- | --- | --- |")
    print(
        f"| full pipeline ≥ 100,000 words/s on one core | {wps:,.0f} words/s "
        f"| {_verdict(wps >= 100_000)} |"
    )
    print(
        f"| `claimcheck check`, 1,000 words + 1 source < 0.3 s | {process:.3f} s wall, "
        f"{process_cpu:.3f} s CPU | {_verdict(process < 0.3)} |"
    )
    # the sizes the whole pipeline actually ran on, as the scaling table shows them
    largest_whole = max(size for size, _, micros, _ in scaling if not math.isnan(micros))
    print(
        f"| cost per word flat within 20%: whole pipeline, {sizes[0] / 1e3:g} KB to "
        f"{_size(largest_whole)} | {min(whole_rows):.1f}–{max(whole_rows):.1f} µs/word "
        f"(max/min {spread:+.0%}) | {_verdict(spread <= 0.2)} |"
    )
    print(
        f"| cost per word flat within 20%: reading and the three grammars, {sizes[0] / 1e3:g} KB "
        f"to {sizes[-1] / 1e6:g} MB | {min(grammar_rows):.1f}–{max(grammar_rows):.1f} µs/word "
        f"(max/min {grammar_spread:+.0%}) | {_verdict(grammar_spread <= 0.2)} |"
    )
    claims_note = f"{linking['source_claims']:,} claims"
    verdict = _verdict(linking["total"] < 5) if sources >= 1000 else "not measured (--quick)"
    print(
        f"| 1 draft against 1,000 sources < 5 s | {linking['total']:.2f} s CPU ({claims_note}, "
        f"{sources:,} sources) | {verdict} |"
    )


if __name__ == "__main__":
    main()
