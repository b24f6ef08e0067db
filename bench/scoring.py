"""Precision, recall and F1, shared by the evaluation scripts of this folder."""

from __future__ import annotations


class PrecisionRecall:
    """Precision, recall and F1 of a score that counts ``true_positives``,
    ``false_positives`` and ``false_negatives`` (as fields or as properties)."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
