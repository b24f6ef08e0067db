"""``claimcheck/numeric/unit_table.tsv`` says what pint says: a run reads the table instead
of importing pint and building its registry, so the two must never drift apart."""

from __future__ import annotations

import pytest

from claimcheck.numeric.units import UNIT_TABLE, compute_unit_table, load_data

# Pint versions compute some factors a last bit apart (mile / hour: 0.44704 against
# 0.44704000000000005) and revise a few definitions (pint 0.26's acre is the international
# acre, 4 parts in a million below the US survey acre of 0.24 and 0.25). A figure's own
# rounding is far coarser, so the table must agree with the installed pint to 1e-5.
AGREEMENT = 1e-5


def _numbers(row: tuple[str, ...]) -> tuple[float, float] | None:
    """A row's factor and offset as numbers."""
    return None if row[3] == "-" else (float(row[3]), float(row[4]))


def test_unit_table_matches_pint() -> None:
    stored = [tuple(row) for row in load_data(UNIT_TABLE)]
    computed = compute_unit_table()
    assert [row[:3] for row in stored] == [row[:3] for row in computed], (
        "unit_table.tsv is stale: run "
        "python -c 'from claimcheck.numeric.units import write_unit_table; write_unit_table()'"
    )
    for stored_row, computed_row in zip(stored, computed, strict=True):
        expected = _numbers(computed_row)
        agrees = expected and pytest.approx(expected, rel=AGREEMENT)
        assert _numbers(stored_row) == agrees, stored_row


def test_checking_a_draft_with_units_does_not_import_pint() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from claimcheck.numeric import read_figures\n"
        "read_figures('The river rose 3.5 metres and the plane flew at 900 km/h.')\n"
        "read_figures('Ozone reached 150 µg/m3 and ash fall 3 kg m^-2.')\n"
        "print('pint' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_compound_units_compose_as_pint_does() -> None:
    import math

    from claimcheck.numeric.units import base_unit, compound_unit_name, registry, to_base

    for written in ("J/m^2", "kg m^-2", "s-1", "µg/m3", "mg per litre", "km/s2", "W/m2/yr"):
        name = compound_unit_name(written)
        assert name is not None, written
        pint_unit = registry().parse_units(name)
        assert str(pint_unit) == name, written
        one = registry().Quantity(1.0, pint_unit).to_base_units()
        assert base_unit(name) == str(one.units), written
        assert math.isclose(to_base(1.0, name), one.magnitude, rel_tol=1e-9), written


def test_compound_of_a_temperature_or_without_a_dimension_has_no_name() -> None:
    from claimcheck.numeric.units import compound_unit_name

    assert compound_unit_name("°C/h") is None
    assert compound_unit_name("days per week") is None
