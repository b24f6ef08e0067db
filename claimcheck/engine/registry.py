"""Rules: the ``@rule`` decorator and the loading of rule files by path."""

from __future__ import annotations

import importlib.util
import inspect
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from claimcheck.engine.findings import CATEGORIES, SEVERITIES
from claimcheck.engine.fixtures import (
    CONFTEST_NAME,
    FixtureDefinition,
    conftest_files,
    fixture_marker,
)
from claimcheck.errors import UsageError

_RULE_ATTRIBUTE = "__claimcheck_rule__"


@dataclass(frozen=True)
class Rule:
    """A rule: its stable id, category, default severity and the function that checks."""

    id: str
    category: str
    severity: str
    function: Callable
    each: tuple[str, str] | None  # (parameter, fixture): run once per item of the fixture
    path: str

    @property
    def name(self) -> str:
        return self.function.__name__

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.function) or ""

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return self.doc.splitlines()[0] if self.doc else self.name.replace("_", " ")

    @cached_property
    def parameters(self) -> tuple[str, ...]:
        # read once: inspecting a signature costs more than most rules do on a document
        return tuple(inspect.signature(self.function).parameters)


def rule(id: str, category: str, severity: str = "warning", *, each: str | None = None) -> Callable:
    """Declare a rule function.

    ``each="claim in temporal_claims"`` runs the rule once per item of a fixture, the item
    passed as ``claim``; a failed ``assert`` then becomes a finding at that item.
    """
    if category not in CATEGORIES:
        raise UsageError(f"rule {id}: unknown category {category!r}")
    if severity not in SEVERITIES:
        raise UsageError(f"rule {id}: unknown severity {severity!r}")
    parametrised = None
    if each is not None:
        parameter, _, fixture = each.partition(" in ")
        if not parameter.strip() or not fixture.strip():
            raise UsageError(f"rule {id}: each= takes 'name in fixture', not {each!r}")
        parametrised = (parameter.strip(), fixture.strip())

    def mark(function: Callable) -> Callable:
        setattr(function, _RULE_ATTRIBUTE, (id, category, severity, parametrised))
        return function

    return mark


def builtin_rules_path() -> Path:
    """The folder of built-in rule files: ``claimcheck/rules`` in an installed wheel, the
    top-level ``rules/`` when claimcheck runs from a source tree."""
    import claimcheck

    package = Path(claimcheck.__file__).resolve().parent
    for candidate in (package / "rules", package.parent / "rules"):
        if (candidate / "__init__.py").is_file():
            return candidate
    raise UsageError(f"the built-in rules are missing (looked in {package / 'rules'})")


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Every rule file under the given files and folders, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.glob("*.py"))
                if p.name not in ("__init__.py", "conftest.py", CONFTEST_NAME)
                and not p.name.startswith("test_")
            )
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such rule file or folder")
    return files


def _import_file(path: Path) -> object:
    # a name of its own for each file: two folders may both hold a "casualties.py" (a
    # checksum, not hashlib, whose import costs more than loading the rules)
    digest = zlib.crc32(str(path.resolve()).encode())
    module_name = f"claimcheck_rulefile_{digest:08x}_{path.stem}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise UsageError(f"{path}: cannot be loaded as a rule file")
    # imported here: `extract` and `rules` compile no rule file
    from claimcheck.engine.introspection import compile_rule_source

    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        source = path.read_bytes()
        if b"assert" in source:
            # with pytest's assertion rewriting when it has a bare assert, to show its values
            exec(compile_rule_source(source, path), module.__dict__)
        else:  # as any module, with Python's bytecode cache
            spec.loader.exec_module(module)
    except Exception as error:  # a broken rule file is a usage error, not a traceback
        del sys.modules[module_name]
        raise UsageError(
            f"{path}: rule file failed to load: {type(error).__name__}: {error}"
        ) from None
    return module


def load_rules(paths: Iterable[Path] | None = None) -> list[Rule]:
    """Load the built-in rules and those in ``paths``; ids must be unique."""
    folders = [builtin_rules_path(), *(paths or [])]
    rules: dict[str, Rule] = {}
    for path in rule_files(folders):
        module = _import_file(path)
        for _, function in inspect.getmembers(module, inspect.isfunction):
            marker = getattr(function, _RULE_ATTRIBUTE, None)
            if marker is None or function.__module__ != module.__name__:
                continue
            rule_id, category, severity, each = marker
            if rule_id in rules:
                raise UsageError(
                    f"{path}: rule id {rule_id} is already used by {rules[rule_id].path}"
                )
            rules[rule_id] = Rule(rule_id, category, severity, function, each, str(path))
    return sorted(rules.values(), key=lambda r: r.id)


def load_fixtures(paths: Iterable[Path] | None = None) -> dict[str, FixtureDefinition]:
    """The user fixtures of the ``claimcheck_conftest.py`` files beside ``paths``."""
    definitions: dict[str, FixtureDefinition] = {}
    for path in conftest_files(paths or []):
        module = _import_file(path)
        for _, function in inspect.getmembers(module, inspect.isfunction):
            marker = fixture_marker(function)
            if marker is None or function.__module__ != module.__name__:
                continue
            name, scope = marker
            if name in definitions:
                raise UsageError(
                    f"{path}: fixture {name!r} is already defined in {definitions[name].path}"
                )
            definitions[name] = FixtureDefinition(name, function, scope, str(path))
    return definitions


def explain_rule(rule: Rule) -> str:
    """What ``claimcheck rules --explain ID`` prints: the rule's header, where it lives,
    what it runs over, and its docstring."""
    header = f"{rule.id} {rule.name} ({rule.category}, default severity {rule.severity})"
    lines = [header, "=" * len(header), ""]
    lines.append(f"Defined in {rule.path}")
    if rule.each is not None:
        lines.append(f"Runs once per {rule.each[0]} in {rule.each[1]}")
    lines.append(f"Asks for: {', '.join(rule.parameters) or 'nothing'}")
    lines.append("")
    lines.append(rule.doc or "(this rule has no docstring)")
    return "\n".join(lines)
