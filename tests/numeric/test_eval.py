"""The evaluation on public corpora meets the issue's F1 targets (speed is not asserted).

Skips without ``../shared/eval``. The scoring itself is ``bench/eval_numeric.py``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.conftest import load_bench_script


@cache
def _evaluate(folder: Path):
    module = load_bench_script("eval_numeric")
    scores = module.evaluate(folder, with_quantulum=False)["claimcheck"]
    return module.TARGETS, scores


@pytest.fixture
def results(shared_eval):
    return _evaluate(shared_eval / "numeric")


@pytest.mark.parametrize(
    "corpus",
    [
        "numeral",
        "distance",
        "quantity",
        "volume",
        "temperature",
        "amountofmoney (USD, EUR, GBP)",
        "quantulum3",
    ],
)
def test_f1_meets_the_target(results, corpus):
    targets, scores = results
    score = scores[corpus]
    assert score.f1 >= targets[corpus], (
        f"{corpus}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"
    )


def test_scoring_counts_a_miss_and_a_false_figure(results):
    _, scores = results
    numeral = scores["numeral"]
    assert numeral.sentences == 105
    assert numeral.true_positives + numeral.false_negatives == 105
    assert numeral.false_positives > 0  # ".0012G" is read as 0.0012: a false figure


def test_misses_lists_a_false_figure_and_a_missed_item(shared_eval, capsys):
    load_bench_script("eval_numeric").print_misses(shared_eval / "numeric", "numeral")
    printed = capsys.readouterr().out
    assert ".0012G" in printed  # read as 0.0012, where Duckling has 1,200,000
    assert "    false  0.0012 .. 0.0012 None" in printed
