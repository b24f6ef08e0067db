"""Fixtures: the inputs a rule asks for by parameter name, built-in or the user's own.

The built-in inputs (``document``, ``claims``, ``sources`` ...) are providers built by
``claimcheck.pipeline.document_fixtures``. A user adds inputs in a file named
``claimcheck_conftest.py`` beside their rule files: every function there decorated with
``@fixture`` is an input any rule can ask for, and it may itself ask for other inputs by
name, as pytest fixtures do.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from claimcheck.errors import UsageError

CONFTEST_NAME = "claimcheck_conftest.py"
SCOPES = ("document", "run")
# Built-in inputs that do not depend on the document being checked: a run-scoped fixture
# may ask for these (and for other run-scoped fixtures) only.
RUN_SCOPED_BUILTINS = frozenset({"config", "sources", "source_claims", "facts"})
# Built-in slots meant to be filled by someone else: a user fixture of this name replaces
# the built-in provider instead of being refused.
PLUGGABLE_BUILTINS = frozenset({"facts"})

_FIXTURE_ATTRIBUTE = "__claimcheck_fixture__"


@dataclass(frozen=True)
class FixtureDefinition:
    """A user fixture: its name, the function computing it, its scope and its file."""

    name: str
    function: Callable
    scope: str
    path: str

    @cached_property
    def parameters(self) -> tuple[str, ...]:
        return tuple(inspect.signature(self.function).parameters)


def fixture(
    function: Callable | None = None, *, name: str | None = None, scope: str = "document"
) -> Callable:
    """Declare an input rules can ask for by name (``@fixture`` or ``@fixture(scope="run")``).

    ``scope="document"`` (the default) computes it once per checked document; ``"run"``
    computes it once per run, for inputs that do not depend on the document (a word list
    read from a file, a table from the configuration).
    """
    if scope not in SCOPES:
        raise UsageError(f"fixture scope must be one of {', '.join(SCOPES)}, not {scope!r}")

    def mark(target: Callable) -> Callable:
        setattr(target, _FIXTURE_ATTRIBUTE, (name or target.__name__, scope))
        return target

    return mark(function) if function is not None else mark


def fixture_marker(function: Callable) -> tuple[str, str] | None:
    """(name, scope) of a function decorated with ``@fixture``, else None."""
    return getattr(function, _FIXTURE_ATTRIBUTE, None)


def conftest_files(paths: Iterable[Path]) -> list[Path]:
    """The ``claimcheck_conftest.py`` files beside the given rule files and folders."""
    found: list[Path] = []
    for path in paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CONFTEST_NAME
        if candidate.is_file() and candidate.resolve() not in {f.resolve() for f in found}:
            found.append(candidate)
    return found


class Fixtures:
    """Inputs a rule can ask for by parameter name, computed once per document on demand.

    ``providers`` are the built-in inputs (name -> function of no argument);
    ``definitions`` the user's fixtures, whose own parameters are resolved here too;
    ``run_cache`` holds the values of run-scoped fixtures across the documents of a run.
    """

    def __init__(
        self,
        providers: dict[str, Callable[[], Any]],
        definitions: dict[str, FixtureDefinition] | None = None,
        run_cache: dict[str, Any] | None = None,
    ) -> None:
        definitions = definitions or {}
        for name, definition in definitions.items():
            if name in providers and name not in PLUGGABLE_BUILTINS:
                raise UsageError(
                    f"{definition.path}: fixture {name!r} would hide the built-in input of "
                    "that name; give it another name"
                )
        self._providers = providers
        self._definitions = definitions
        self._values: dict[str, Any] = {}
        self._run_cache = run_cache if run_cache is not None else {}
        self._resolving: list[str] = []

    def __contains__(self, name: str) -> bool:
        return name in self._providers or name in self._definitions

    def names(self) -> list[str]:
        """Every input a rule can ask for here."""
        return sorted({*self._providers, *self._definitions})

    def get(self, name: str) -> Any:
        """The value of an input, computing it (and what it depends on) on first use."""
        definition = self._definitions.get(name)
        if definition is not None and definition.scope == "run":
            if name not in self._run_cache:
                self._run_cache[name] = self._compute(name)
            return self._run_cache[name]
        if name not in self._values:
            self._values[name] = self._compute(name)
        return self._values[name]

    def _compute(self, name: str) -> Any:
        if name in self._resolving:
            chain = " -> ".join([*self._resolving[self._resolving.index(name) :], name])
            raise UsageError(f"fixtures depend on each other in a circle: {chain}")
        definition = self._definitions.get(name)
        if definition is None:
            if name not in self._providers:
                raise UsageError(f"no fixture named {name!r} (known: {', '.join(self.names())})")
            return self._providers[name]()
        if definition.scope == "run":
            for parameter in definition.parameters:
                wanted = self._definitions.get(parameter)
                run_scoped = (
                    wanted.scope == "run"
                    if wanted is not None
                    else parameter in RUN_SCOPED_BUILTINS
                )
                if not run_scoped:
                    raise UsageError(
                        f"{definition.path}: fixture {name!r} has scope 'run' but asks for "
                        f"{parameter!r}, which changes with each document"
                    )
        self._resolving.append(name)
        try:
            arguments = {p: self.get(p) for p in definition.parameters}
        finally:
            self._resolving.pop()
        return definition.function(**arguments)
