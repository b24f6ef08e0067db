"""The pytest plugin (entry point ``pytest11``): drafts as tests, and rule-author fixtures.

``pytest --claimcheck drafts/`` collects every draft (``.md``, ``.markdown``, ``.txt``,
``.html``, ``.htm``; README files excepted) as a file of tests, one test per rule, so an
editorial CI gets JUnit XML (``--junitxml``), ``-k CC101`` selection and ``-n`` parallel
runs (pytest-xdist; tried with xdist 3.8) from pytest itself. With no path, pytest
collects its ``testpaths``: list the drafts folder there to lint it on every run.

* A plain draft: the test of a rule fails when the rule reports a finding at or above the
  failing severity (``fail-level`` in the configuration, ``warning`` by default); the
  failure prints the findings as ``claimcheck check`` does.
* A fixture draft (one with ``<!-- expect: ID -->`` annotations): the test of a rule
  under test fails when the rule's findings disagree with the annotations, as in
  ``claimcheck test-rules``.

Without ``--claimcheck`` the plugin collects nothing and changes nothing; it only offers
the ``check_text`` fixture (``claimcheck.testing.check_text``) to rule authors' tests.
Claimcheck itself is imported only when it is used, so the plugin costs nothing to
projects that merely share the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

_SESSION_KEY = pytest.StashKey[Any]()
_SOURCES_KEY = pytest.StashKey[list]()
_DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "claimcheck: news drafts checked as tests")
    group.addoption(
        "--claimcheck",
        action="store_true",
        default=False,
        help="collect drafts (.md, .txt, .html) as tests, one per rule",
    )
    group.addoption(
        "--claimcheck-rules",
        action="append",
        default=[],
        metavar="PATH",
        help="a rule file or folder to add to the built-in and configured rules",
    )
    group.addoption(
        "--claimcheck-config",
        default=None,
        metavar="FILE",
        help="claimcheck configuration (default: found from the current folder upwards)",
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    if config.getoption("claimcheck"):
        from claimcheck.errors import UsageError

        try:
            session = _session(config)
        except UsageError as error:  # the drafts then fail to collect with the same line
            return f"claimcheck: {error}"
        where = session.config.path or "no configuration file"
        return f"claimcheck: {len(session.rules)} rules, {where}"
    return None


def _session(config: pytest.Config) -> Any:
    """The claimcheck session (configuration, rules, fixtures) of this pytest run."""
    if _SESSION_KEY not in config.stash:
        from claimcheck.engine.expectations import rule_folders
        from claimcheck.engine.session import start_session

        # a folder given on the command line that holds rule files brings its own rules,
        # as with ``claimcheck test-rules FOLDER``
        given = [Path(arg.split("::")[0]) for arg in config.args]
        config.stash[_SESSION_KEY] = start_session(
            config_file=config.getoption("claimcheck_config"),
            rule_paths=[
                *config.getoption("claimcheck_rules"),
                *rule_folders([p for p in given if p.is_dir()]),
            ],
            search_from=Path(config.invocation_params.dir),
        )
    return config.stash[_SESSION_KEY]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not parent.config.getoption("claimcheck"):
        return None
    if file_path.suffix.lower() not in _DRAFT_SUFFIXES or file_path.name.upper().startswith(
        "README"
    ):
        return None
    from claimcheck.engine.expectations import holds_rules, is_fixture_draft

    # beside rule files, a text file is data (a word list) unless it is a fixture draft
    if holds_rules(file_path.parent) and not is_fixture_draft(file_path):
        return None
    return DraftFile.from_parent(parent, path=file_path)


class DraftFindings(Exception):
    """A rule's test failed: the lines to print, as a linter would."""


class DraftFile(pytest.File):
    """One draft; its tests are the rules that run on it."""

    def collect(self):
        from dataclasses import replace

        from claimcheck.documents import read_document
        from claimcheck.engine.directives import parse_directives
        from claimcheck.engine.expectations import (
            has_annotations,
            rules_under_test,
            unknown_rules,
        )
        from claimcheck.errors import InputError, UsageError

        try:
            session = _session(self.config)
            self.document = read_document(_display_path(self.path, self.config))
        except (InputError, UsageError) as error:
            # one line, as claimcheck prints it, not a traceback through the plugin
            raise self.CollectError(f"claimcheck: {error}") from None
        self.directives = parse_directives(self.document.source)
        self.annotated = has_annotations(self.document.source)
        self.check_config = session.config
        if self.annotated:
            wanted = set(rules_under_test(self.path, self.directives, session))
            rules = [r for r in session.rules if r.id in wanted]
            # a rule test tests the rule, whatever the project's select/ignore say
            self.check_config = replace(
                session.config, select=("ALL",), ignore=(), per_file_ignores={}
            )
        else:
            rules = [
                r
                for r in session.rules
                if session.config.is_enabled(r.id, r.category, self.document.path)
            ]
        self._fixtures = None
        if self.annotated:
            unknown = unknown_rules(self.document.path, self.directives, session)
            if unknown:
                yield AnnotationsItem.from_parent(self, name="annotations", mismatches=unknown)
        for rule in rules:
            yield RuleItem.from_parent(self, name=rule.id, rule=rule)

    def fixtures(self) -> Any:
        """The inputs of this draft, shared by its rules' tests (claims extracted once)."""
        if self._fixtures is None:
            from claimcheck.linking.syndication import find_syndication
            from claimcheck.pipeline import document_fixtures

            context = _session(self.config).context(self._sources())
            context.config = self.check_config
            context.syndication = find_syndication([self.document, *context.sources])
            self._fixtures = document_fixtures(self.document, context)
        return self._fixtures

    def _sources(self) -> list:
        """The configured sources, read once per pytest run."""
        if _SOURCES_KEY not in self.config.stash:
            from claimcheck.documents import read_document

            paths = _session(self.config).config.sources
            self.config.stash[_SOURCES_KEY] = [read_document(str(p)) for p in paths]
        return self.config.stash[_SOURCES_KEY]


class RuleItem(pytest.Item):
    """One rule on one draft."""

    def __init__(self, *, rule: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule
        self.add_marker(pytest.mark.claimcheck)

    def runtest(self) -> None:
        from claimcheck.engine.findings import SEVERITY_RANK
        from claimcheck.engine.runner import run_rules

        draft: DraftFile = self.parent
        findings = run_rules([self.rule], draft.document, draft.fixtures(), draft.check_config)
        if draft.annotated:
            from claimcheck.engine.expectations import compare_rule

            mismatches = compare_rule(draft.document.path, draft.directives, findings, self.rule.id)
            if mismatches:
                raise DraftFindings([str(m) for m in mismatches])
            return
        failing = SEVERITY_RANK[draft.check_config.fail_level or "warning"]
        shown = [f for f in findings if SEVERITY_RANK[f.severity] >= failing]
        if shown:
            raise DraftFindings(_linter_lines(shown, draft.document))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, DraftFindings):
            return "\n".join(excinfo.value.args[0])
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name}::{self.rule.id} {self.rule.name}"


class AnnotationsItem(pytest.Item):
    """Fails a fixture draft whose annotations name rules that were not loaded."""

    def __init__(self, *, mismatches: list, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mismatches = mismatches

    def runtest(self) -> None:
        raise DraftFindings([str(m) for m in self.mismatches])

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, DraftFindings):
            return "\n".join(excinfo.value.args[0])
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name}::annotations"


def _display_path(path: Path, config: pytest.Config) -> str:
    """The draft's path as the user typed it: relative to where pytest was started."""
    try:
        return str(path.relative_to(Path(config.invocation_params.dir)))
    except ValueError:
        return str(path)


def _linter_lines(findings: list, document: Any) -> list[str]:
    lines = []
    for finding in findings:
        lines.append(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} "
            f"{finding.severity} {finding.message}"
        )
        lines.append(f"    {document.line_text(finding.line)}")
        for evidence in finding.evidence:
            lines.append(f"    evidence: {evidence.path}:{evidence.line}: {evidence.text}")
    return lines


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "claimcheck: a rule checked on a draft by claimcheck")


@pytest.fixture
def check_text():
    """``claimcheck.testing.check_text``: findings for a text, a date and a set of rules."""
    from claimcheck.testing import check_text as check

    return check
