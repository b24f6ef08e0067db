"""Configuration: ``[tool.claimcheck]`` in ``pyproject.toml``, or a ``claimcheck.toml``.

The file is found from the current directory upwards: in each folder, ``claimcheck.toml``
wins over ``pyproject.toml``, and a ``pyproject.toml`` without a ``[tool.claimcheck]``
table is passed over. ``--config FILE`` names one and skips the search.

Keys (all optional)::

    select = ["ALL"]              # ids, id prefixes ("CC1") or categories to run
    ignore = ["CC001"]            # ... to leave out; the more specific selector wins
    fail-level = "warning"        # lowest severity that makes the exit code 1
    rules = ["house_rules/"]      # rule files or folders, relative to this file
    sources = ["wire/*.txt"]      # reference documents (globs), relative to this file
    report-unused-suppressions = false
    facts = ["facts/*.yaml"]      # facts files (docs/facts.md)
    exclude = ["archive/"]        # .gitignore-style patterns of drafts not to check (docs/ci.md)

    [severity]                    # ``[tool.claimcheck.severity]`` in pyproject.toml
    CC2 = "error"                 # id, prefix or category -> error / warning / info

    [per-file-ignores]
    "opinion/*.md" = ["CC3"]      # glob (relative to this file) -> selectors

Any other table (``[house]``, ``[tool.claimcheck.house]``) is left to the user's rules,
which read it through the ``config`` input: ``config["house"]["titles"]``.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.engine.findings import CATEGORIES, SEVERITIES
from claimcheck.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "claimcheck.toml"
PYPROJECT_NAME = "pyproject.toml"
# Engine findings (a crashed rule, an unused suppression) are hidden only when named exactly.
ENGINE_PREFIX = "CC9"
_SELECTOR = re.compile(r"^[A-Za-z]+[0-9]*$")
_KNOWN_KEYS = frozenset(
    {
        "select",
        "ignore",
        "severity",
        "fail-level",
        "rules",
        "sources",
        "per-file-ignores",
        "report-unused-suppressions",
        "exclude",
        # read by claimcheck/facts (issue 9): facts files, a list or a [facts] table
        "facts",
    }
)


def selector_specificity(selector: str, rule_id: str, category: str) -> int | None:
    """How specifically ``selector`` names a rule (higher is more specific), None if not.

    ``ALL`` < a category < an id prefix, longer prefixes more specific, the full id most.
    """
    wanted = selector.strip().upper()
    rule_id = rule_id.upper()
    if rule_id.startswith(ENGINE_PREFIX) and wanted != rule_id:
        return None
    if wanted == "ALL":
        return 0
    if selector.strip().lower() == category:
        return 1
    if rule_id.startswith(wanted):
        return 1 + len(wanted)
    return None


def validate_selector(selector: str, where: str) -> str:
    """A selector is ``ALL``, a category, or an id or id prefix (letters, then digits)."""
    if not isinstance(selector, str):
        raise UsageError(f"{where}: a selector is a string, not {selector!r}")
    cleaned = selector.strip()
    if cleaned.lower() in CATEGORIES or _SELECTOR.match(cleaned):
        return cleaned
    raise UsageError(
        f"{where}: {selector!r} is neither a rule id, an id prefix nor a category "
        f"({', '.join(CATEGORIES)})"
    )


@dataclass(frozen=True)
class Config(Mapping):
    """The settings of a run; also a read-only mapping of the whole table for user rules."""

    path: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_level: str | None = None
    rules: tuple[Path, ...] = ()
    sources: tuple[Path, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    report_unused_suppressions: bool = False
    # .gitignore-style patterns, relative to ``folder`` (claimcheck/paths.py)
    exclude: tuple[str, ...] = ()
    table: dict[str, Any] = field(default_factory=dict)

    # The mapping view lets a rule read its own settings: ``config["house"]``.
    def __getitem__(self, key: str) -> Any:
        return self.table[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)

    @property
    def folder(self) -> Path:
        """Relative paths in the file are relative to this folder."""
        return self.path.parent if self.path is not None else Path.cwd()

    def with_overrides(
        self,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_level: str | None = None,
    ) -> Config:
        """A copy with command-line options applied over the file's settings."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = tuple(validate_selector(s, "--select") for s in select)
        if ignore:
            changes["ignore"] = (
                *self.ignore,
                *(validate_selector(s, "--ignore") for s in ignore),
            )
        if fail_level:
            changes["fail_level"] = fail_level
        return _replace(self, **changes)

    def _file_ignores(self, path: str) -> list[str]:
        selectors: list[str] = []
        for pattern, listed in self.per_file_ignores.items():
            if _path_matches(path, pattern, self.folder):
                selectors.extend(listed)
        return selectors

    def is_enabled(self, rule_id: str, category: str, path: str = "") -> bool:
        """Whether a rule runs on ``path``: the most specific select/ignore decides, and
        an ignore wins a tie. Engine findings (CC9xx) are on unless ignored by exact id."""
        if rule_id.upper().startswith(ENGINE_PREFIX):
            ignored = _best([*self.ignore, *self._file_ignores(path)], rule_id, category)
            return ignored is None
        chosen = _best(self.select, rule_id, category)
        if chosen is None:
            return False
        ignored = _best([*self.ignore, *self._file_ignores(path)], rule_id, category)
        return ignored is None or chosen > ignored

    def severity_for(self, rule_id: str, category: str) -> str | None:
        """The severity the configuration gives a rule (the most specific override)."""
        best: tuple[int, str] | None = None
        for selector, severity in self.severity.items():
            score = selector_specificity(selector, rule_id, category)
            if score is not None and (best is None or score > best[0]):
                best = (score, severity)
        return best[1] if best else None


def _replace(config: Config, **changes: Any) -> Config:
    from dataclasses import replace

    return replace(config, **changes)


def _best(selectors: list[str] | tuple[str, ...], rule_id: str, category: str) -> int | None:
    scores = [selector_specificity(s, rule_id, category) for s in selectors]
    found = [s for s in scores if s is not None]
    return max(found) if found else None


def _path_matches(path: str, pattern: str, folder: Path) -> bool:
    candidates = {Path(path).as_posix()}
    try:
        candidates.add(Path(path).resolve().relative_to(folder.resolve()).as_posix())
    except ValueError:
        pass
    return any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise UsageError(f"{path}: cannot be read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None


def _claimcheck_table(path: Path) -> dict[str, Any] | None:
    data = _read_toml(path)
    if path.name == PYPROJECT_NAME:
        table = data.get("tool", {}).get("claimcheck")
        return table if isinstance(table, dict) else None
    return data


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file for a run started in ``start``, searching upwards."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT_NAME
        if pyproject.is_file() and _claimcheck_table(pyproject) is not None:
            return pyproject
    return None


def load_config(path: Path | None = None, *, search_from: Path | None = None) -> Config:
    """Read the named file, or the one found from ``search_from`` upwards, or defaults."""
    if path is None:
        path = find_config(search_from)
        if path is None:
            return Config()
    elif not path.is_file():
        raise UsageError(f"{path}: no such configuration file")
    table = _claimcheck_table(path)
    if table is None:
        raise UsageError(f"{path}: has no [tool.claimcheck] table")
    return parse_config(table, path)


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: {key!r} must be a list of strings")
    return value


def parse_config(table: dict[str, Any], path: Path) -> Config:
    """Check and convert a ``[tool.claimcheck]`` table read from ``path``."""
    folder = path.parent
    for key, value in table.items():
        if key not in _KNOWN_KEYS and not isinstance(value, dict):
            known = ", ".join(sorted(_KNOWN_KEYS))
            raise UsageError(
                f"{path}: unknown key {key!r} (known: {known}; tables are left to your rules)"
            )
    where = f"{path}"
    select = tuple(
        validate_selector(s, where) for s in _strings(table.get("select", ["ALL"]), "select", path)
    )
    ignore = tuple(
        validate_selector(s, where) for s in _strings(table.get("ignore", []), "ignore", path)
    )
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise UsageError(f"{path}: 'severity' must be a table of selector = severity")
    for selector, level in severity.items():
        validate_selector(selector, where)
        if level not in SEVERITIES:
            raise UsageError(f"{path}: severity of {selector} must be one of {SEVERITIES}")
    fail_level = table.get("fail-level")
    if fail_level is not None and fail_level not in SEVERITIES:
        raise UsageError(f"{path}: 'fail-level' must be one of {', '.join(SEVERITIES)}")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise UsageError(f"{path}: 'per-file-ignores' must be a table of glob = [selectors]")
    per_file_ignores = {
        pattern: tuple(validate_selector(s, where) for s in _strings(listed, pattern, path))
        for pattern, listed in per_file.items()
    }
    rules = tuple(folder / p for p in _strings(table.get("rules", []), "rules", path))
    sources: list[Path] = []
    for pattern in _strings(table.get("sources", []), "sources", path):
        matched = sorted(folder.glob(pattern)) if any(c in pattern for c in "*?[") else []
        if not matched and not any(c in pattern for c in "*?["):
            matched = [folder / pattern]
        if not matched:
            raise UsageError(f"{path}: source pattern {pattern!r} matches no file")
        sources.extend(matched)
    unused = table.get("report-unused-suppressions", False)
    if not isinstance(unused, bool):
        raise UsageError(f"{path}: 'report-unused-suppressions' must be true or false")
    return Config(
        path=path,
        select=select,
        ignore=ignore,
        severity=dict(severity),
        fail_level=fail_level,
        rules=rules,
        sources=tuple(sources),
        per_file_ignores=per_file_ignores,
        report_unused_suppressions=unused,
        exclude=tuple(_strings(table.get("exclude", []), "exclude", path)),
        table=table,
    )


def configured_facts_paths(config: Mapping[str, Any], folder: Path | None = None) -> list[Path]:
    """The facts files a configuration names, relative to its folder.

    Either ``facts = ["facts/*.yaml"]`` or a table ``[facts]`` with ``files = [...]``
    (``[tool.claimcheck.facts]`` in pyproject.toml); globs are expanded in sorted order.
    """
    value = config.get("facts") if isinstance(config, Mapping) else None
    if isinstance(value, Mapping):
        value = value.get("files")
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise UsageError("configuration: facts must name a list of files")
    base_folder = folder or Path.cwd()
    paths: list[Path] = []
    for written in value:
        pattern = str(written)
        full = base_folder / pattern
        if any(ch in pattern for ch in "*?["):
            matches = sorted(base_folder.glob(pattern))
            paths.extend(matches or [full])
        else:
            paths.append(full)
    return [_shown(path) for path in paths]


def _shown(path: Path) -> Path:
    """A path as findings cite it: relative to the working folder when under it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
