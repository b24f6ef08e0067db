"""The linker's precision and recall on the annotated pairs (tests/data/linking_pairs.tsv)."""

from __future__ import annotations

from tests.conftest import load_bench_script


def test_the_annotated_set_covers_every_bullet_with_both_labels():
    pairs = load_bench_script("eval_linking").load_pairs()
    assert len(pairs) >= 120
    labels = [pair.label for pair in pairs]
    assert 0.4 <= labels.count("same") / len(labels) <= 0.6
    bullets = {pair.bullet for pair in pairs}
    assert bullets >= {
        "event-wording",
        "toll-wording",
        "cumulative-update",
        "subset",
        "window",
        "counted-thing",
        "same-day-events",
        "place",
        "actors",
        "shared-number",
    }


def test_linker_meets_the_issue_target_on_the_annotated_pairs():
    score = load_bench_script("eval_linking").score_pairs()
    wrong = [
        f"#{o.pair.number} {o.pair.label}: {o.about_a} | {o.about_b} {o.missing}"
        for o in score.wrong
    ]
    assert score.precision >= 0.95, wrong
    assert score.recall >= 0.9, wrong


def test_a_phrase_not_found_as_a_claim_counts_as_an_error():
    module = load_bench_script("eval_linking")
    pair = module.LabelledPair(
        number=1,
        a=module.Side("The weather was fine on the day.", module.date(2024, 12, 1), "weather"),
        b=module.Side("More than 400 people were killed.", module.date(2024, 12, 1), "400 people"),
        label="different",
        bullet="counted-thing",
        note="no claim on side A",
    )
    score = module.score_pairs([pair])
    assert score.outcomes[0].missing == ("weather",)
    assert score.false_positives == 1 and score.true_negatives == 0
