"""The rule engine: rules are plain functions asking for their inputs by name."""

from claimcheck.engine.findings import CATEGORIES, SEVERITIES, Finding, Problem, problem
from claimcheck.engine.fixtures import fixture
from claimcheck.engine.registry import Rule, load_rules, rule

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "Finding",
    "Problem",
    "Rule",
    "fixture",
    "load_rules",
    "problem",
    "rule",
]
