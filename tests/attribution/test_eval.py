"""The evaluation corpora meet the accuracy targets (speed is measured by the script)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location(
        "eval_attribution", ROOT / "bench" / "eval_attribution.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["textacy_direct_quotations.jsonl", "wire_paragraphs.jsonl"])
def test_quotes_found_with_the_right_speaker(shared_eval, name):
    bench = _bench()
    score = bench.score_file(name, shared_eval / "attribution")
    assert score.gold >= 18
    assert score.recall >= 0.95, score.misses
    assert score.precision >= 0.95
