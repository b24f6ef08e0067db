"""What a run needs before it reads a draft: its configuration, its rules, their fixtures.

The command line, ``claimcheck test-rules``, the pytest plugin and the rule-author helpers
in ``claimcheck.testing`` all start here, so a rule behaves the same in each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.config import Config, load_config
from claimcheck.engine.fixtures import FixtureDefinition
from claimcheck.engine.registry import Rule, load_fixtures, load_rules

if TYPE_CHECKING:  # the pipeline imports the engine; imported lazily at run time
    from claimcheck.pipeline import CheckContext


@dataclass(frozen=True)
class RuleSession:
    """The configuration of a run, the rules it loaded and the user fixtures beside them."""

    config: Config
    rules: list[Rule]
    fixtures: dict[str, FixtureDefinition] = field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id (any case), if loaded."""
        wanted = rule_id.upper()
        return next((r for r in self.rules if r.id.upper() == wanted), None)

    def context(self, sources: Sequence = ()) -> CheckContext:
        """A fresh pipeline context for this session's configuration and fixtures."""
        from claimcheck.pipeline import CheckContext

        return CheckContext(sources=list(sources), config=self.config, fixtures=self.fixtures)


def start_session(
    *,
    config_file: str | Path | None = None,
    rule_paths: Iterable[str | Path] = (),
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_level: str | None = None,
    search_from: Path | None = None,
    use_config: bool = True,
) -> RuleSession:
    """Read the configuration (named, or found upwards from ``search_from``), then load
    the built-in rules, the configured rule paths and ``rule_paths``, and their fixtures."""
    if use_config:
        config = load_config(
            Path(config_file) if config_file is not None else None, search_from=search_from
        )
    else:
        config = Config()
    config = config.with_overrides(select=select, ignore=ignore, fail_level=fail_level)
    paths = _unique([*config.rules, *(Path(p) for p in rule_paths)])
    return RuleSession(config, load_rules(paths), load_fixtures(paths))


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
