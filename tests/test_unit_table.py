"""``claimcheck/numeric/unit_table.tsv`` says what pint says: a run reads the table instead
of importing pint and building its registry, so the two must never drift apart."""

from __future__ import annotations

from claimcheck.numeric.units import UNIT_TABLE, compute_unit_table, load_data


def test_unit_table_matches_pint() -> None:
    stored = [tuple(row) for row in load_data(UNIT_TABLE)]
    assert stored == compute_unit_table(), (
        "unit_table.tsv is stale: run "
        "python -c 'from claimcheck.numeric.units import write_unit_table; write_unit_table()'"
    )


def test_checking_a_draft_with_units_does_not_import_pint() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from claimcheck.numeric import read_figures\n"
        "read_figures('The river rose 3.5 metres and the plane flew at 900 km/h.')\n"
        "print('pint' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
