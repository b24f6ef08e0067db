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


def _phrases(name: str) -> tuple[str, ...]:
    """A one-phrase-a-line data file beside this one; '#' starts a comment."""
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@fixture(scope="run")
def anonymity_cues():
    """Phrases that grant a source anonymity."""
    return _phrases("anonymity_cues.txt")


@fixture(scope="run")
def anonymity_reasons():
    """Phrases that say why a source was granted anonymity."""
    return _phrases("anonymity_reasons.txt")


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
