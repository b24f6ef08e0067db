"""Units through pint: news spellings to pint units, conversion to SI base units.

The grammar decides where a unit is and which alias it is (``unit_aliases.tsv``); pint only
ever sees the pint expression that alias maps to, never the words of the copy. That keeps
pint's traps out: it reads "a kilogram" as kilogram·year and "30 C" as coulombs.
One registry, built on first use (building it costs a quarter to half a second).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from claimcheck.lexicons import alternation
from claimcheck.lexicons.pattern_cache import compile_pattern

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
    after_decimal: bool = False  # "2.1 pm" is picometres, "2.30 pm" and "2 pm" are times
    in_compound: bool = False  # a symbol only inside a compound unit: the "s" of "m s-1"


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
                after_decimal="decimal" in flags,
                in_compound="compound" in flags,
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


@cache
def unit_pattern() -> str:
    """A regex of the unit spellings, plurals included (case-sensitive ones as written)."""
    # not those read only after a decimal number, or only inside a compound unit
    return _spellings(a for a in unit_aliases() if not (a.after_decimal or a.in_compound))


def _spellings(aliases: Iterable[UnitAlias]) -> str:
    """A regex of these aliases' spellings, plurals included (case-sensitive ones as
    written)."""
    exact, folded = [], []
    for alias in aliases:
        forms = [alias.written]
        if alias.plural:
            forms.append(alias.written + ("es" if alias.written.endswith("inch") else "s"))
        if alias.case_sensitive:
            exact.extend(forms)
        else:
            folded.extend(form.lower() for form in forms)
    # the spelled-out units first: "km cubed" before "km", "metres" before "m"
    patterns = [
        f"(?i:{alternation(folded)})" if folded else "",
        alternation(exact) if exact else "",
    ]
    return "|".join(p for p in patterns if p)


# --- compound units: "J/m^2", "kg m^-2", "4e14 s-1", "mg per litre" ----------------------
# An exponent: "^2", "^-1", "²", "⁻¹", "-1" (negative without a caret), "2" right after a
# symbol after a slash ("km/s2").
_EXPONENT = r"(?:\^\s?[-\u2212]?[1-4]|[-\u2212][1-4]|\u207b?[\u00b9\u00b2\u00b3]|[23])(?!\d)"
_NEGATIVE = r"(?:\^\s?[-\u2212]|[-\u2212]|\u207b)[1-4](?!\d)"
_JOIN = r"(?:\s?/\s?|\s+per\s+|\s?[·⋅]\s?)"  # "J/m^2", "mg per litre", "N·m"
_POWER = r"(?:\^\s?[-\u2212]?[1-4]|[-\u2212][1-4]|\u207b?[\u00b9\u00b2\u00b3])(?!\d)"  # not "2"
# a spaced next unit with a negative power ("kg m^-2"); the cheap look ahead first
_SPACED = r"\s(?=\S{1,8}?(?:\^|[-\u2212\u207b])[1-4])"
_SUPERSCRIPTS = {"\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u207b": "-", "\u2212": "-"}


@cache
def _term_pattern() -> str:
    """Any unit spelling without a slash, the symbols used only in compounds ("s", "h",
    "fb") included."""
    # "m/s2" is metres per second squared: "m/s" is no part of it
    terms = (a for a in unit_aliases() if not a.after_decimal and "/" not in a.written)
    return f"(?:{_spellings(terms)})"


@cache
def compound_rest_pattern() -> str:
    """What makes a unit the first part of a compound unit: more units joined by "/",
    "per", "·" or a space before a negative power, each with an optional exponent ("J"
    + "/m^2", "kg" + " m^-2", "mg" + " per litre"), or a power of its own ("m" + "^3")."""
    term = _term_pattern()
    spaced = rf"{_SPACED}(?={term}{_NEGATIVE})"
    return rf"(?:{_EXPONENT})?(?:(?:{_JOIN}|{spaced}){term}(?:{_EXPONENT})?)+|{_POWER}"


@cache
def compound_symbol_pattern() -> str:
    """A compound unit that starts with a symbol read only in compounds: "s-1", "fb−1"."""
    symbols = _spellings(a for a in unit_aliases() if a.in_compound)
    return rf"(?:{symbols})(?:{compound_rest_pattern()})"


@cache
def _compound_terms() -> re.Pattern[str]:
    return compile_pattern(
        rf"(?P<join>{_JOIN}|\s)?(?P<term>{_term_pattern()})"
        rf"(?P<power>{_EXPONENT})?"
    )


def leading_unit_name(written: str) -> str | None:
    """The unit of a compound's first spelling ("days" of "days per week"), when it is a
    unit on its own."""
    term = _compound_terms().match(written)
    alias = find_alias(term.group("term")) if term else None
    if alias is None or alias.in_compound:
        return None
    return unit_name(alias)


def _power(written: str | None) -> int:
    if not written:
        return 1
    for symbol, plain in _SUPERSCRIPTS.items():
        written = written.replace(symbol, plain)
    return int(written.lstrip("^").replace(" ", ""))


def compound_unit_name(written: str) -> str | None:
    """The pint name of a compound unit as written ("J/m^2" → "joule / meter ** 2"),
    composed from its spellings' pint units; None when a part is no unit with a dimension
    (a bare "degrees"), a temperature scale, or the whole has no dimension ("days per
    week")."""
    powers: dict[str, int] = {}
    at = 0
    pattern = _compound_terms()
    while at < len(written):
        term = pattern.match(written, at)
        if term is None or term.end() == at:
            return None
        alias = find_alias(term.group("term"))
        if alias is None or alias.pint == NO_DIMENSION:
            return None
        name = unit_name(alias)
        base = _base_of(name)
        if base is None or base[2] != 0.0:
            return None  # no dimension, or an offset scale (°C): not a factor of a product
        join = (term.group("join") or "").strip()
        sign = -1 if join in ("/", "per") else 1
        for part, power in _powers_of(name).items():
            powers[part] = powers.get(part, 0) + sign * _power(term.group("power")) * power
        at = term.end()
    name = _format_powers(powers)
    return name if name and _base_of(name) is not None else None


def _powers_of(name: str) -> dict[str, int]:
    """ "kilogram * meter ** 2 / second ** 2" → {kilogram: 1, meter: 2, second: -2} (pint's
    way of writing a unit)."""
    powers: dict[str, int] = {}
    numerator, *denominators = name.split(" / ")
    for sign, parts in ((1, numerator.split(" * ")), (-1, denominators)):
        for part in parts:
            if part == "1":
                continue
            unit, _, power = part.partition(" ** ")
            powers[unit] = powers.get(unit, 0) + sign * (int(power) if power else 1)
    return powers


def _format_powers(powers: dict[str, int]) -> str:
    """The inverse of ``_powers_of``, in pint's order: names sorted, the numerator first."""

    def written(unit: str, power: int) -> str:
        return unit if power == 1 else f"{unit} ** {power}"

    above = [written(u, p) for u, p in sorted(powers.items()) if p > 0]
    below = [written(u, -p) for u, p in sorted(powers.items()) if p < 0]
    if not above and not below:
        return ""
    return " / ".join([" * ".join(above) or "1", *below])


def _composed_base(unit: str) -> tuple[str, float, float] | None:
    """(base, factor, 0) of a compound unit from its parts' rows of ``unit_table.tsv``,
    so that "joule / meter ** 2" needs no pint; None if a part is not in the table."""
    bases = _unit_table()[1]
    powers = _powers_of(unit)
    if len(powers) < 2 and all(p == 1 for p in powers.values()):
        return None
    base: dict[str, int] = {}
    factor = 1.0
    for part, power in powers.items():
        row = bases.get(part)
        if row is None or row[2] != 0.0:
            return None
        factor *= row[1] ** power
        for base_part, base_power in _powers_of(row[0]).items():
            base[base_part] = base.get(base_part, 0) + power * base_power
    written = _format_powers({u: p for u, p in base.items() if p})
    return (written, factor, 0.0) if written else None


@cache
def decimal_unit_pattern() -> str:
    """A regex of the spellings that are a unit only after a number with decimals that
    cannot be a time of day ("2.1 pm", "2.123 am")."""
    return alternation(a.written for a in unit_aliases() if a.after_decimal)


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
    if " / " in unit or " * " in unit or " ** " in unit:
        composed = _composed_base(unit)
        if composed is not None:
            return composed
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
def _unit_names() -> frozenset[str]:
    return frozenset(unit_name(alias) for alias in unit_aliases())


@cache
def _is_pint_name(unit: str) -> bool:
    """A unit of an alias, or a compound of them ("joule / meter ** 2")."""
    names = _unit_names()
    return unit in names or all(part in names for part in _powers_of(unit))


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
    base = _dimension(unit) if unit else None
    if base is None:
        return None
    name, factor, offset = base
    return {
        "low": None if low is None else _rounded(low * factor + offset),
        "high": None if high is None else _rounded(high * factor + offset),
        "unit": name,
    }


@cache
def _dimension(unit: str) -> tuple[str, float, float] | None:
    """``_base_of`` a unit with a dimension (``has_dimension``), else None: the three
    lookups of ``base_bounds`` (dimension, base, factor) as one, made for most figures."""
    return _base_of(unit) if has_dimension(unit) else None


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
