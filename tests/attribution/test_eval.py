"""The evaluation corpora meet the accuracy targets (speed is measured by the script)."""

from __future__ import annotations

import pytest

from tests.conftest import load_bench_script


@pytest.mark.parametrize("name", ["textacy_direct_quotations.jsonl", "wire_paragraphs.jsonl"])
def test_quotes_found_with_the_right_speaker(shared_eval, name):
    bench = load_bench_script("eval_attribution")
    score = bench.score_file(name, shared_eval / "attribution")
    assert score.gold >= 18
    assert score.recall >= 0.95, score.misses
    assert score.precision >= 0.95
