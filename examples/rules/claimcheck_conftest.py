"""Inputs for the house rules beside this file: rules ask for them by parameter name."""

from pathlib import Path

from claimcheck.engine import fixture

HERE = Path(__file__).parent


def _table(name: str) -> dict[str, str]:
    """A two-column, tab-separated data file beside this one; '#' starts a comment."""
    rows = {}
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            variant, house_form = line.split("\t")
            rows[variant.strip()] = house_form.strip()
    return rows


@fixture(scope="run")
def house_titles(config):
    """Variant -> house form, from house_titles.tsv and [tool.claimcheck.house] titles."""
    titles = _table("house_titles.tsv")
    titles.update(config.get("house", {}).get("titles", {}))
    return titles


@fixture(scope="run")
def casualty_predicates(config):
    """The predicates of a numeric claim that make it a casualty figure."""
    return set(config.get("house", {}).get("casualty_predicates", ["killed", "injured"]))


@fixture(scope="run")
def poll_words():
    """Words that say a sentence reports a poll."""
    return ("poll", "survey", "respondents")


@fixture
def percent_claims(numeric_claims):
    """This draft's exact percentages: a fixture built on a built-in fixture."""
    return [
        c
        for c in numeric_claims
        if c.value is not None
        and c.value.unit == "percent"
        and c.value.low is not None
        and c.value.low == c.value.high
        and not c.value.approximate
    ]
