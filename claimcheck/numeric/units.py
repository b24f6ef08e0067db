"""Units through pint: news spellings to pint units, conversion to SI base units.

The grammar decides where a unit is and which alias it is (``unit_aliases.tsv``); pint only
ever sees the pint expression that alias maps to, never the words of the copy. That keeps
pint's traps out: it reads "a kilogram" as kilogram·year and "30 C" as coulombs.
One registry, built on first use (building it costs a quarter to half a second).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

NO_DIMENSION = "-"


def load_data(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``claimcheck/numeric/<name>.tsv`` split on tabs; comments and blanks skipped."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@dataclass(frozen=True, slots=True)
class UnitAlias:
    """One way of writing a unit: the pint expression it means and how to match it."""

    written: str
    pint: str
    case_sensitive: bool
    plural: bool


@cache
def unit_aliases() -> tuple[UnitAlias, ...]:
    """Every unit spelling, longest first (so "sq km" wins over "km")."""
    aliases = []
    for row in load_data("unit_aliases"):
        flags = set(row[2].split(",")) if len(row) > 2 and row[2] else set()
        aliases.append(
            UnitAlias(
                written=row[0],
                pint=row[1],
                case_sensitive="cs" in flags,
                plural="noplural" not in flags,
            )
        )
    return tuple(sorted(aliases, key=lambda a: len(a.written), reverse=True))


@cache
def _alias_lookup() -> tuple[dict[str, UnitAlias], dict[str, UnitAlias]]:
    exact: dict[str, UnitAlias] = {}
    folded: dict[str, UnitAlias] = {}
    for alias in unit_aliases():
        forms = [alias.written]
        if alias.plural:
            forms.append(alias.written + ("es" if alias.written.endswith("inch") else "s"))
        for form in forms:
            exact.setdefault(form, alias)
            if not alias.case_sensitive:
                folded.setdefault(form.lower(), alias)
    return exact, folded


def alternation(words) -> str:
    """A regex matching any of ``words``, longest first, built as a trie so that the regex
    engine branches once per character instead of trying every word in turn (a space in a
    word matches any run of whitespace)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@cache
def unit_pattern() -> str:
    """A regex of the unit spellings, plurals included (case-sensitive ones as written)."""
    exact, folded = [], []
    for alias in unit_aliases():
        forms = [alias.written]
        if alias.plural:
            forms.append(alias.written + ("es" if alias.written.endswith("inch") else "s"))
        if alias.case_sensitive:
            exact.extend(forms)
        else:
            folded.extend(form.lower() for form in forms)
    # the spelled-out units first: "km cubed" before "km", "metres" before "m"
    return f"(?i:{alternation(folded)})|{alternation(exact)}"


def find_alias(written: str) -> UnitAlias | None:
    """The alias a unit token found by the grammar stands for."""
    written = re.sub(r"\s+", " ", written.strip())
    exact, folded = _alias_lookup()
    return exact.get(written) or folded.get(written.lower())


UNIT_TABLE = "unit_table"  # pint's answers for every alias, so that a run need not import pint


def compute_unit_table() -> list[tuple[str, str, str, str, str]]:
    """What pint says of each alias's expression: (expression, canonical name, base unit,
    factor, offset), base "-" where pint gives no dimension. ``unit_table.tsv`` holds these
    rows (regenerate with ``write_unit_table``; a test compares the two)."""
    rows = []
    for expression in sorted({a.pint for a in unit_aliases() if a.pint != NO_DIMENSION}):
        name = str(pint_unit(expression))
        base = _pint_base_of(name)
        if base is None:
            rows.append((expression, name, NO_DIMENSION, NO_DIMENSION, NO_DIMENSION))
        else:
            rows.append((expression, name, base[0], repr(base[1]), repr(base[2])))
    return rows


def write_unit_table() -> None:
    """Rewrite ``unit_table.tsv`` from pint (after editing ``unit_aliases.tsv``)."""
    lines = ["# expression\tname\tbase unit\tfactor\toffset (generated by write_unit_table)"]
    lines += ["\t".join(row) for row in compute_unit_table()]
    path = resources.files(__package__).joinpath(f"{UNIT_TABLE}.tsv")
    with resources.as_file(path) as file:
        file.write_text("\n".join(lines) + "\n", encoding="utf-8")


@cache
def _unit_table() -> tuple[dict[str, str], dict[str, tuple[str, float, float] | None]]:
    """Names by pint expression and (base, factor, offset) by name, from ``unit_table.tsv``.
    Importing pint and building its registry costs more than checking a whole draft;
    an expression missing from the table still goes to pint."""
    names: dict[str, str] = {}
    bases: dict[str, tuple[str, float, float] | None] = {}
    for expression, name, base, factor, offset in load_data(UNIT_TABLE):
        names[expression] = name
        bases[name] = None if base == NO_DIMENSION else (base, float(factor), float(offset))
    return names, bases


@cache
def registry() -> Any:
    """The one pint registry, built on first use."""
    import pint

    return pint.UnitRegistry()


@cache
def pint_unit(expression: str) -> Any:
    """The pint unit of a pint expression from ``unit_aliases.tsv``."""
    return registry().parse_units(expression)


@cache
def unit_name(alias: UnitAlias) -> str:
    """The unit as the JSON contract names it: pint's canonical name ("kilometer",
    "mile / hour", "degree_Celsius"), or "degree" for a bare degree."""
    if alias.pint == NO_DIMENSION:
        return "degree"
    known = _unit_table()[0].get(alias.pint)
    return known if known is not None else str(pint_unit(alias.pint))


@cache
def _base_of(unit: str) -> tuple[str, float, float] | None:
    """(base unit, factor, offset) so that base = value * factor + offset; None without a
    dimension pint knows."""
    bases = _unit_table()[1]
    if unit in bases:
        return bases[unit]
    return _pint_base_of(unit)


def _pint_base_of(unit: str) -> tuple[str, float, float] | None:
    if unit == "degree":
        return None
    try:
        ureg = registry()
        units = pint_unit(unit)
    except Exception:  # noqa: BLE001 - a counted noun or a currency code: no dimension
        return None
    zero = ureg.Quantity(0.0, units).to_base_units()
    one = ureg.Quantity(1.0, units).to_base_units()
    if str(one.units) == "dimensionless":
        return None  # a plain number (pint counts bits and bytes as dimensionless, with a unit)
    return str(one.units), float(one.magnitude - zero.magnitude), float(zero.magnitude)


def has_dimension(unit: str | None) -> bool:
    """Whether ``unit`` is a pint unit with a physical dimension."""
    return bool(unit) and _is_pint_name(unit) and _base_of(unit) is not None


@cache
def _is_pint_name(unit: str) -> bool:
    return any(unit_name(alias) == unit for alias in unit_aliases())


def to_base(value: float | None, unit: str) -> float | None:
    """``value`` of ``unit`` in SI base units (kelvin for temperatures)."""
    if value is None:
        return None
    base = _base_of(unit)
    if base is None:
        return None
    _, factor, offset = base
    return value * factor + offset


def base_unit(unit: str) -> str | None:
    """The SI base unit ``unit`` converts to ("meter", "kilogram", "meter / second")."""
    base = _base_of(unit) if has_dimension(unit) else None
    return base[0] if base else None


def base_bounds(low: float | None, high: float | None, unit: str | None) -> dict | None:
    """The JSON contract's ``base``: the bounds in SI base units, where the unit has a
    dimension."""
    if not unit or not has_dimension(unit):
        return None
    return {
        "low": _rounded(to_base(low, unit)),
        "high": _rounded(to_base(high, unit)),
        "unit": base_unit(unit),
    }


def _rounded(number: float | None) -> float | int | None:
    if number is None:
        return None
    number = float(f"{number:.12g}")
    return int(number) if number.is_integer() else number


@cache
def currencies() -> dict[str, tuple[str, str]]:
    """Map each written form of money ("US$", "euros", "GBP") to (ISO 4217 code, where)."""
    return {row[0]: (row[1], row[2]) for row in load_data("currencies")}


def currency_code(written: str) -> str | None:
    """The ISO 4217 code of a money symbol, code or name as written."""
    table = currencies()
    written = re.sub(r"\s+", " ", written.strip())
    if written in table:
        return table[written][0]
    for form, (code, _) in table.items():
        if form.lower() == written.lower() and not form.isupper():
            return code
    return None
