"""Write what claimcheck prints for a fixed set of runs, to compare two versions byte for byte.

A speed change must change no claim and no finding. This runs the command line over the
examples, the seed, the rule fixtures and the benchmark corpus, in every output format,
with sources, facts and house rules, and writes each run's standard output, standard
error and exit code into a folder. Run it on the commit before a change and after it,
then compare the folders:

    python bench/snapshot.py /tmp/before                      # this checkout
    python bench/snapshot.py /tmp/after --root ../other-checkout
    diff -r /tmp/before /tmp/after && echo identical

``--root`` runs the claimcheck of another checkout (a worktree of an earlier commit),
with its own examples, so that only the code differs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit")
SYRIA = "examples/syria-offensive"


def runs(corpus: Path) -> list[list[str]]:
    """The command lines, relative to a checkout's root."""
    in_every_format = [
        ["check", f"{SYRIA}/draft.md", "--source", f"{SYRIA}/sources/wire-2024-12-01.md"],
        ["check", "examples/stale-title/draft.md", "--facts", "seeds/facts.yaml"]
        + ["--published", "2025-03-01"],
        ["check", "seeds/", "examples/", "tests/rules/fixtures"],
    ]
    found = [[*run, "--format", output] for output in FORMATS for run in in_every_format]
    found += [
        ["extract", "seeds/000_b6bff47565225a41.txt", "--format", "json", "--explain"],
        ["extract", "examples/", "tests/", "--format", "jsonl", "--explain"],
        ["check", "examples/rules/fixtures", "--rules", "examples/rules/", "--format", "json"],
        ["check", "tests/", "--format", "json", "--statistics"],
        ["check", str(corpus), "--format", "json"],
        ["extract", str(corpus), "--format", "jsonl", "--explain"],
    ]
    return found


def write_corpus(folder: Path, total_bytes: int) -> None:
    """The benchmark's corpus as Markdown drafts, each with a publication date."""
    sys.path.insert(0, str(HERE))
    from benchmark import build_corpus

    for index, text in enumerate(build_corpus(total_bytes)):
        published = f"2024-12-{1 + index % 9:02}"
        draft = folder / f"doc{index:03}.md"
        draft.write_text(f"---\npublished: {published}\n---\n{text}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder to write the runs' output into")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="checkout to run")
    parser.add_argument("--kilobytes", type=int, default=300, help="size of the corpus")
    args = parser.parse_args()
    root = args.root.resolve()
    args.output.mkdir(parents=True, exist_ok=True)
    # the checkout's own package first, whatever is installed
    environment = {**os.environ, "PYTHONPATH": str(root)}
    # one fixed place, so that both snapshots print the same paths (one snapshot at a time)
    corpus = Path(tempfile.gettempdir()) / "claimcheck-snapshot-corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir()
    write_corpus(corpus, args.kilobytes * 1024)
    try:
        for number, arguments in enumerate(runs(corpus), start=1):
            done = subprocess.run(
                [sys.executable, "-m", "claimcheck", *arguments],
                cwd=root,
                env=environment,
                capture_output=True,
                text=True,
                check=False,
            )
            name = f"{number:02}"
            (args.output / f"{name}.command").write_text(" ".join(arguments) + "\n")
            (args.output / f"{name}.out").write_text(done.stdout, encoding="utf-8")
            (args.output / f"{name}.err").write_text(done.stderr, encoding="utf-8")
            (args.output / f"{name}.exit").write_text(f"{done.returncode}\n")
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    print(f"{number} runs written to {args.output}")


if __name__ == "__main__":
    main()
