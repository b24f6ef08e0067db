"""Score claimcheck's figure reading on public corpora: (value, unit) precision and recall.

    python bench/eval_numeric.py [--no-quantulum] [--eval-dir DIR] [--misses CORPUS]

Reads ``../shared/eval/numeric/`` (quantulum3's test sentences and Duckling's English
corpora, see ``../shared/eval/README.md``) and prints one table: per corpus, sentences,
precision, recall, F1 and throughput for claimcheck, and for quantulum3 in the same run
when it is importable (it is not a project dependency: ``pip install quantulum3``).
``--misses CORPUS`` prints instead, for each sentence of that corpus ("quantulum3",
"numeral", "amountofmoney" ...), the figures claimcheck read that match no gold item and
the gold items it missed.

How a prediction is scored (the same for both tools):
- Figures are read in claimcheck's evaluation mode (``read_figures(text, "eval")``): bare
  numbers count, and "from A to B" is the range the corpora record (see ``resolve.py``).
- A gold item is (low, high, unit): Duckling's ``value`` gives low = high; its intervals
  give (min, max), (None, max) for "under" and (min, None) for "above"; quantulum3's
  ``range`` gives (low, high), otherwise its value.
- A prediction matches when its unit is the gold unit, or both are pint units of one
  dimension and the numbers agree after conversion ("0.002 kg" is Duckling's 2 grams), and
  its bounds equal the gold bounds (relative tolerance 1e-6). A gold "dimensionless"
  (quantulum3) or Duckling numeral matches a figure with no unit or a counted noun.
  Against quantulum3's gold, which drops qualifiers, a one-sided figure ("at least 4") is
  compared by its stated number.
- Duckling corpora are asked for one dimension, as Duckling's own corpus tests do: only
  predictions of that dimension count (a numeral corpus ignores "30 l" read as litres).
- Each sentence's predictions are matched one-to-one to its gold items; unmatched
  predictions are false positives, unmatched gold items false negatives.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import PrecisionRecall  # noqa: E402 - bench/scoring.py, beside this script

from claimcheck.numeric.resolve import read_figures, read_ordinals  # noqa: E402
from claimcheck.numeric.units import (  # noqa: E402
    currencies,
    currency_code,
    has_dimension,
    registry,
)

EVAL_DIR = ROOT.parent / "shared" / "eval" / "numeric"
DUCKLING = (
    "numeral",
    "ordinal",
    "quantity",
    "distance",
    "volume",
    "temperature",
    "amountofmoney",
    "duration",
)
# The targets (F1); amountofmoney is scored on dollar, euro and pound amounts.
TARGETS = {
    "numeral": 0.95,
    "distance": 0.95,
    "quantity": 0.95,
    "volume": 0.95,
    "temperature": 0.95,
    "amountofmoney (USD, EUR, GBP)": 0.9,
    "quantulum3": 0.9,
}
MONEY_UNITS = {"Dollar", "USD", "EUR", "Pound", "GBP"}
_DUCKLING_UNITS = {
    "Kilometre": "kilometer",
    "Mile": "mile",
    "M": "meter",
    "Metre": "meter",
    "Centimetre": "centimeter",
    "Millimetre": "millimeter",
    "Inch": "inch",
    "Foot": "foot",
    "Yard": "yard",
    "Gram": "gram",
    "Ounce": "ounce",
    "Cup": "cup",
    "Litre": "liter",
    "Millilitre": "milliliter",
    "Gallon": "gallon",
    "Hectolitre": "hectoliter",
    "Celsius": "degree_Celsius",
    "Fahrenheit": "degree_Fahrenheit",
    "Degree": "degree",
    "Dollar": "USD",
    "Cent": "cent",
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
_QUANTULUM_NAMES = {
    "pound sterling": "GBP",
    "dollar": "USD",
    "euro": "EUR",
    "percentage": "percent",
    "degree Celsius": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit",
    "degree Fahrenheit": "degree_Fahrenheit",
    "pound-mass": "pound",
    "dimensionless": None,
    "cent": "cent",
    "penny": "penny",
}
_DIMENSION_OF = {
    "distance": "[length]",
    "volume": "[length] ** 3",
    "temperature": "[temperature]",
    "duration": "[time]",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One quantity: its bounds and unit (None: a plain number or a counted noun). ``noun``:
    the unit is a counted noun as claimcheck wrote it ("6.0-sigma significance")."""

    low: float | None
    high: float | None
    unit: str | None
    noun: bool = False


@dataclass
class Score(PrecisionRecall):
    corpus: str
    sentences: int = 0
    characters: int = 0
    seconds: float = 0.0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    @property
    def characters_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@cache
def _pint_unit(unit: str):
    try:
        return registry().parse_units(unit)
    except Exception:  # noqa: BLE001 - not a pint unit: compared as a name
        return None


def _convert(value: float | None, unit: str, to: str) -> float | None:
    if value is None:
        return None
    return float(registry().Quantity(value, _pint_unit(unit)).to(_pint_unit(to)).magnitude)


def _counts(unit: str | None, noun: bool = False) -> bool:
    """A unit that is no unit at all for the corpora: nothing, or a counted noun (one that
    claimcheck says is a noun even when pint has a meaning for the word: "6.0-sigma
    significance" counts sigmas, not Stefan-Boltzmann constants)."""
    return (
        unit is None
        or noun
        or (
            not has_dimension(unit)
            and _pint_unit(unit) is None
            and unit not in ("percent", "percentage_point", "rank", "degree")
            and not re.fullmatch(r"[A-Z]{3}", unit)
        )
    )


def _counted_noun(unit: str | None) -> bool:
    """Whether claimcheck's unit is a counted noun as written: a word that is none of its
    units, money, percentages or ranks."""
    return (
        unit is not None
        and re.fullmatch(r"[a-z][a-z'-]*", unit) is not None
        and not has_dimension(unit)
        and unit not in ("percent", "percentage_point", "rank", "degree")
        and currency_code(unit) is None
        and unit not in {code for code, _ in currencies().values()}
    )


def matches(predicted: Item, gold: Item, one_sided_by_number: bool = False) -> bool:
    """Whether a predicted quantity is the gold one (see the module docstring)."""
    if gold.unit is None or predicted.unit is None or gold.unit == predicted.unit:
        both_count = _counts(gold.unit) and _counts(predicted.unit, predicted.noun)
        if not both_count and gold.unit != predicted.unit:
            return False
        low, high = predicted.low, predicted.high
    else:
        source, target = _pint_unit(predicted.unit), _pint_unit(gold.unit)
        if source is None or target is None or source.dimensionality != target.dimensionality:
            return False
        low = _convert(predicted.low, predicted.unit, gold.unit)
        high = _convert(predicted.high, predicted.unit, gold.unit)
    if one_sided_by_number and (low is None) != (high is None) and gold.low == gold.high:
        number = low if low is not None else high
        return _close(number, gold.low)
    return _close(low, gold.low) and _close(high, gold.high)


def _unmatched(
    predicted: list[Item], gold: list[Item], one_sided: bool
) -> tuple[list[Item], list[Item]]:
    """(false figures, missed gold items) of one sentence, matched one-to-one."""
    remaining = list(predicted)
    missed = []
    for item in gold:
        for index, candidate in enumerate(remaining):
            if matches(candidate, item, one_sided):
                del remaining[index]
                break
        else:
            missed.append(item)
    return remaining, missed


# --- gold -------------------------------------------------------------------------------


def duckling_gold(row: dict, corpus: str) -> list[Item]:
    unit = row.get("unit")
    if corpus == "amountofmoney" and unit == "Pound":
        unit = "GBP"
    elif corpus == "quantity" and unit == "Pound":
        unit = "pound"
    else:
        unit = _DUCKLING_UNITS.get(unit, unit)
    if row.get("value") is not None:
        return [Item(row["value"], row["value"], unit)]
    interval = row.get("interval")
    if interval == "under":
        return [Item(None, row["max"], unit)]
    if interval == "above":
        return [Item(row["min"], None, unit)]
    return [Item(row["min"], row["max"], unit)]


def _quantulum_unit(name: str) -> str | None:
    if name in _QUANTULUM_NAMES:
        return _QUANTULUM_NAMES[name]
    money, per, of = name.partition(" per ")
    if per and re.fullmatch(r"[A-Z]{3}", _QUANTULUM_NAMES.get(money) or ""):
        return f"{_QUANTULUM_NAMES[money]} / {_quantulum_unit(of)}"  # a price: "USD / hour"
    expression = re.sub(r"\bsquare (\w+)", r"\1 ** 2", name)
    expression = re.sub(r"\bcubic (\w+)", r"\1 ** 3", expression)
    expression = re.sub(r"\binverse (\w+)", r"1 / \1", expression)
    expression = expression.replace(" per ", " / ").replace("-", "_")
    # pint 0.25 renamed electron_volt to electronvolt; pint 0.24 (the last for Python
    # 3.10) knows only the old name, which both read
    expression = expression.replace("electronvolt", "electron_volt")
    return expression if _pint_unit(expression) is not None else name


def quantulum_gold(row: dict) -> list[Item]:
    items = []
    for expected in row["expected"]:
        unit = _quantulum_unit(expected["unit"])
        if expected.get("range"):
            low, high = expected["range"]
            items.append(Item(low, high, unit))
        else:
            items.append(Item(expected["value"], expected["value"], unit))
    return items


# --- predictions ------------------------------------------------------------------------


def claimcheck_items(text: str) -> list[Item]:
    """What claimcheck reads in a text, in evaluation mode."""
    items = []
    for figure in read_figures(text, "eval"):
        unit = figure.value.unit
        items.append(Item(figure.value.low, figure.value.high, unit, _counted_noun(unit)))
        restated = figure.value.restated  # "12 km (7.5 miles)": the corpora list both
        if restated is not None and restated.unit != figure.value.unit:
            items.append(Item(restated.low, restated.high, restated.unit))
    return items


def _quantulum_parser() -> Callable[[str], list[Item]] | None:
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception:  # noqa: BLE001 - quantulum3 is optional
        return None

    def parse(text: str) -> list[Item]:
        items = []
        for quantity in parser.parse(text):
            unit = _quantulum_unit(quantity.unit.name)
            uncertainty = getattr(quantity, "uncertainty", None)
            if uncertainty:
                items.append(Item(quantity.value - uncertainty, quantity.value + uncertainty, unit))
            else:
                items.append(Item(quantity.value, quantity.value, unit))
        return items

    return parse


def _of_dimension(item: Item, corpus: str) -> bool:
    """Whether a prediction is of the dimension a Duckling corpus asks for."""
    unit = item.unit
    if corpus in ("numeral", "ordinal"):
        return _counts(unit, item.noun)
    if corpus == "amountofmoney":
        return unit is not None and (bool(re.fullmatch(r"[A-Z]{3}", unit)) or unit == "cent")
    if corpus == "quantity":
        pint = _pint_unit(unit) if unit else None
        return pint is not None and str(pint.dimensionality) in ("[mass]", "[length] ** 3")
    if corpus == "temperature" and unit == "degree":
        return True
    wanted = _DIMENSION_OF.get(corpus)
    pint = _pint_unit(unit) if unit else None
    return pint is not None and wanted is not None and str(pint.dimensionality) == wanted


# --- scoring ----------------------------------------------------------------------------


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_rows(
    corpus: str,
    rows: Iterable[dict],
    predict: Callable[[str], list[Item]],
    gold: Callable[[dict], list[Item]],
    dimension: str | None = None,
    one_sided_by_number: bool = False,
) -> Score:
    """Score ``predict`` on ``rows``; timing is this process's CPU time in ``predict`` only
    (wall-clock time on a shared machine counts other processes too)."""
    score = Score(corpus)
    for row in rows:
        text = row["text"]
        started = time.process_time()
        predicted = predict(text)
        score.seconds += time.process_time() - started
        if dimension:
            predicted = [item for item in predicted if _of_dimension(item, dimension)]
        expected = gold(row)
        false_figures, missed = _unmatched(predicted, expected, one_sided_by_number)
        found = len(expected) - len(missed)
        score.sentences += 1
        score.characters += len(text)
        score.true_positives += found
        score.false_positives += len(predicted) - found
        score.false_negatives += len(expected) - found
    return score


def _ordinal_items(text: str) -> list[Item]:
    return [Item(value, value, None) for _, _, value in read_ordinals(text)]


def evaluate(eval_dir: Path = EVAL_DIR, with_quantulum: bool = True) -> dict[str, dict[str, Score]]:
    """Scores per corpus: ``{"claimcheck": {corpus: Score}, "quantulum3": {...}}``."""
    tools: dict[str, Callable[[str], list[Item]]] = {"claimcheck": claimcheck_items}
    quantulum = _quantulum_parser() if with_quantulum else None
    if quantulum is not None:
        tools["quantulum3"] = quantulum
    results: dict[str, dict[str, Score]] = {tool: {} for tool in tools}
    quantulum_rows = load(eval_dir / "quantulum3_quantities.jsonl")
    for tool, predict in tools.items():
        results[tool]["quantulum3"] = score_rows(
            "quantulum3", quantulum_rows, predict, quantulum_gold, one_sided_by_number=True
        )
        for corpus in DUCKLING:
            rows = load(eval_dir / f"duckling_{corpus}.jsonl")
            reader = _ordinal_items if corpus == "ordinal" and tool == "claimcheck" else predict
            results[tool][corpus] = score_rows(
                corpus, rows, reader, lambda row, c=corpus: duckling_gold(row, c), corpus
            )
            if corpus == "amountofmoney":
                subset = [row for row in rows if row.get("unit") in MONEY_UNITS]
                name = "amountofmoney (USD, EUR, GBP)"
                results[tool][name] = score_rows(
                    name,
                    subset,
                    reader,
                    lambda row: duckling_gold(row, "amountofmoney"),
                    "amountofmoney",
                )
    return results


def news_throughput(repeat: int = 20) -> Score:
    """Characters per second on news prose: the repository's seed and example articles."""
    texts = []
    for path in [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "examples").rglob("*.md")),
    ]:
        texts.extend(
            line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 40
        )
    score = Score("news prose (seeds, examples)")
    read_figures("warm up: 1 km")
    started = time.process_time()
    for _ in range(repeat):
        for text in texts:
            read_figures(text)
            score.sentences += 1
            score.characters += len(text)
    score.seconds = time.process_time() - started
    return score


def table(results: dict[str, dict[str, Score]]) -> str:
    tools = list(results)
    header = (
        "| corpus | sentences | target F1 | "
        + " | ".join(f"{tool} P / R / F1 | {tool} chars/s (sentences/s)" for tool in tools)
        + " |"
    )
    lines = [header, "|" + " --- |" * (3 + 2 * len(tools))]
    for corpus, score in results["claimcheck"].items():
        cells = [
            corpus,
            str(score.sentences),
            f"{TARGETS[corpus]:.2f}" if corpus in TARGETS else "",
        ]
        for tool in tools:
            s = results[tool][corpus]
            cells.append(f"{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}")
            cells.append(f"{s.characters_per_second:,.0f} ({s.sentences_per_second:,.0f})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _rows_of(eval_dir: Path, corpus: str) -> tuple[list[dict], Callable[[dict], list[Item]]]:
    if corpus == "quantulum3":
        return load(eval_dir / "quantulum3_quantities.jsonl"), quantulum_gold
    rows = load(eval_dir / f"duckling_{corpus}.jsonl")
    return rows, lambda row: duckling_gold(row, corpus)


def print_misses(eval_dir: Path, corpus: str) -> None:
    """Each sentence of ``corpus`` where claimcheck's reading differs from the gold."""
    rows, gold = _rows_of(eval_dir, corpus)
    quantulum = corpus == "quantulum3"
    for row in rows:
        predicted = claimcheck_items(row["text"])
        if not quantulum:
            predicted = [item for item in predicted if _of_dimension(item, corpus)]
        false_figures, missed = _unmatched(predicted, gold(row), quantulum)
        if false_figures or missed:
            print(row["text"])
            for item in false_figures:
                print(f"    false  {item.low} .. {item.high} {item.unit}")
            for item in missed:
                print(f"    missed {item.low} .. {item.high} {item.unit}")


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    arguments.add_argument("--no-quantulum", action="store_true")
    arguments.add_argument(
        "--misses", metavar="CORPUS", help="print the sentences of CORPUS read wrongly"
    )
    options = arguments.parse_args(argv)
    if not options.eval_dir.is_dir():
        print(f"eval_numeric: {options.eval_dir} is not there", file=sys.stderr)
        return 2
    if options.misses:
        print_misses(options.eval_dir, options.misses)
        return 0
    read_figures("warm up: 1 km and $2")  # build the grammar and the pint registry first
    results = evaluate(options.eval_dir, with_quantulum=not options.no_quantulum)
    print(table(results))
    if "quantulum3" not in results:
        print("\nquantulum3 is not importable here: only claimcheck was measured.")
    news = news_throughput()
    print(
        f"\nnews prose: {news.sentences:,} sentences, {news.characters:,} characters in "
        f"{news.seconds:.2f} s: {news.characters_per_second:,.0f} characters/s, "
        f"{news.sentences / news.seconds:,.0f} sentences/s (claimcheck, one process)"
    )
    missed = [
        corpus for corpus, target in TARGETS.items() if results["claimcheck"][corpus].f1 < target
    ]
    if missed:
        print("\nbelow target: " + ", ".join(missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
