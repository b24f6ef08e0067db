"""Units through pint: the grammar finds the unit, pint only converts it; its traps never
leak ("a kilogram" is not kilogram·year, "30 C" is not 30 coulombs)."""

from __future__ import annotations

import pytest

from claimcheck.numeric import read_figures
from claimcheck.numeric.units import base_bounds, currency_code, find_alias, unit_aliases, unit_name


def _only(sentence: str):
    (figure,) = read_figures(sentence)
    return figure.value


def test_a_kilogram_is_one_kilogram_not_kilogram_year():
    value = _only("Each family received a kilogram of rice.")
    assert (value.low, value.unit) == (1, "kilogram")
    assert value.base == {"low": 1, "high": 1, "unit": "kilogram"}


def test_thirty_c_is_celsius_not_coulomb():
    value = _only("It was 30 C in Baghdad on Sunday.")
    assert value.unit == "degree_Celsius"
    assert value.base["unit"] == "kelvin" and value.base["low"] == pytest.approx(303.15)


def test_2_5bn_dollars_is_money_not_dollar_barn_newton():
    value = _only("The project will cost $2.5bn.")
    assert (value.low, value.unit, value.base) == (2.5e9, "USD", None)


def test_per_cent_is_a_percentage_not_an_inverse_currency():
    value = _only("Prices rose 3.2 per cent in November.")
    assert (value.low, value.unit) == (3.2, "percent")


def test_percent_and_percentage_points_are_kept_apart():
    points, percent = read_figures("The party gained 4 percentage points, or 12%, in the poll.")
    assert points.value.unit == "percentage_point" and percent.value.unit == "percent"


@pytest.mark.parametrize(
    ("sentence", "unit", "base_unit", "base_low"),
    [
        ("The fire destroyed 300 sq km of forest.", "kilometer ** 2", "meter ** 2", 3e8),
        ("Winds of 90 mph were recorded.", "mile / hour", "meter / second", 40.2336),
        ("The ship carried 40,000 tonnes of wheat.", "metric_ton", "kilogram", 4e7),
        ("The tunnel is 450 metres long.", "meter", "meter", 450),
        ("Temperatures fell to minus 5 degrees Celsius.", "degree_Celsius", "kelvin", 268.15),
        ("The tank holds 500 litres.", "liter", "meter ** 3", 0.5),
    ],
)
def test_news_spellings_convert_to_si_base_units(sentence, unit, base_unit, base_low):
    _assert_converted(sentence, unit, base_unit, base_low)


def _assert_converted(sentence: str, unit: str, base_unit: str, base_low: float) -> None:
    value = _only(sentence)
    assert value.unit == unit
    assert value.base["unit"] == base_unit
    assert value.base["low"] == pytest.approx(base_low)


def test_bare_degrees_have_no_base_scale():
    value = _only("Temperatures reached 45 degrees.")
    assert (value.unit, value.base) == ("degree", None)


def test_every_alias_is_a_pint_unit_with_a_dimension():
    for alias in unit_aliases():
        if alias.pint == "-":
            continue
        name = unit_name(alias)
        assert base_bounds(1.0, 1.0, name) is not None, alias.written


def test_currencies_map_to_iso_codes():
    assert [currency_code(w) for w in ("US$", "€", "£", "¥", "euros", "GBP")] == [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "EUR",
        "GBP",
    ]


def test_five_in_gaza_is_not_five_inches():
    assert find_alias("in") is None
    figures = read_figures("Israeli strikes killed 5 in Gaza on Monday.")
    assert [f.value.unit for f in figures] == [None]


def test_conversion_in_parentheses_is_one_claim_with_its_restatement():
    (figure,) = read_figures("The front line moved 12 km (7.5 miles) overnight.")
    assert figure.value.unit == "kilometer"
    assert figure.value.restated.describe() == "7.5 mile"


def test_a_stated_uncertainty_is_the_interval_the_figure_allows():
    from claimcheck.numeric.compare import interval

    value = _only("The meteorite fragment weighed 5.2 ± 0.3 kg, the museum said.")
    assert (value.low, value.high, value.unit) == (5.2, 5.2, "kilogram")
    allowed = interval(value)
    assert (allowed.low, allowed.high) == (pytest.approx(4.9), pytest.approx(5.5))


def test_pm_after_a_decimal_is_picometres_and_after_minutes_a_time():
    assert _only("The bond is 2.123 pm shorter than predicted.").unit == "picometer"
    assert read_figures("Polls close at 9.30 pm and at 10 pm in the west.") == []


@pytest.mark.parametrize(
    ("sentence", "unit", "base_unit", "base_low"),
    [
        (
            "PM2.5 levels reached 150 µg/m3 in Delhi on Monday.",
            "microgram / meter ** 3",
            "kilogram / meter ** 3",
            1.5e-7,
        ),
        (
            "The new model emits 95 g/km of carbon dioxide.",
            "gram / kilometer",
            "kilogram / meter",
            9.5e-5,
        ),
        (
            "Nitrate in the river reached 12 mg per litre.",
            "milligram / liter",
            "kilogram / meter ** 3",
            0.012,
        ),
        (
            "The panels receive 1,000 W/m2 at noon.",
            "watt / meter ** 2",
            "kilogram / second ** 3",
            1000,
        ),
        (
            "Ash fall reached 3 kg m^-2 near the crater.",
            "kilogram / meter ** 2",
            "kilogram / meter ** 2",
            3,
        ),
        ("The laser pulses at 4e14 s-1, the lab said.", "1 / second", "1 / second", 4e14),
        (
            "The rover accelerates at 0.5 m/s2 on flat ground.",
            "meter / second ** 2",
            "meter / second ** 2",
            0.5,
        ),
    ],
)
def test_compound_units_are_composed_from_their_spellings(sentence, unit, base_unit, base_low):
    _assert_converted(sentence, unit, base_unit, base_low)


def test_a_ratio_without_a_dimension_counts_its_first_unit():
    assert _only("Staff now work 4 days per week.").unit == "day"


def test_a_symbol_of_compounds_alone_is_no_unit():
    (figure,) = read_figures("The team scored 3 s in the final.", "eval")
    assert figure.value.unit != "second"


def test_a_power_of_two_and_binary_prefixes():
    assert _only("Each block holds 8x2^10 bits of data.").describe() == "8192 bit"
    assert _only("The new drive holds 512 GiB.").describe() == "512 gibibyte"


def test_a_decimal_pm_after_a_time_preposition_is_a_slip_for_a_time():
    assert read_figures("The meeting ended at 4.5 pm on Friday.") == []


def test_a_price_per_unit_is_not_an_amount_of_money():
    value = _only("Oil rose to $80 a barrel on Friday.")
    assert (value.low, value.unit, value.base) == (80, "USD / oil_barrel", None)
    assert _only("Shares fell to $5 a share.").unit == "USD"  # a share is no unit


def test_from_about_a_to_b_is_a_change_in_news():
    start, end = read_figures("Prices rose from about 300 to 400 euros.")
    assert (start.value.role, start.value.unit) == ("from", "EUR")
    assert (end.value.role, end.value.low) == ("to", 400)
