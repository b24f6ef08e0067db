"""Rule tests by annotation: a fixture draft says where findings must and must not be.

A fixture draft is an ordinary draft with annotations on the line before the line they
are about (or at the end of it)::

    <!-- expect: CC101 -->
    The summit opened on Tuesday, 3 December 2024.
    <!-- expect-not: CC101 -->
    It closed on Wednesday, 4 December 2024.

``expect`` wants a finding of that rule on that line, ``expect-not`` wants none, and any
other finding of a rule under test fails the test too. The rules under test are the one
the file name starts with (``CC101_weekday_mismatch.md`` tests CC101) and every rule an
annotation names; when neither names a loaded rule, every rule is under test. A rule that
crashes (CC900) always fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from claimcheck.engine.directives import Directive, parse_directives
from claimcheck.engine.findings import Finding
from claimcheck.engine.session import RuleSession

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm"})
_RULE_ID_PREFIX = re.compile(r"^([A-Za-z]+[0-9]+)(?:[_\-.]|$)")
ENGINE_RULES = frozenset({"CC900", "CC901"})


@dataclass(frozen=True)
class Mismatch:
    """An annotation the findings do not honour, or a finding no annotation asked for."""

    path: str
    line: int
    rule: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule} {self.problem}"


@dataclass(frozen=True)
class FixtureResult:
    """The outcome of one fixture draft: what ran, what was found, what did not match."""

    path: str
    rules_under_test: tuple[str, ...]
    findings: tuple[Finding, ...]
    mismatches: tuple[Mismatch, ...]

    @property
    def passed(self) -> bool:
        return not self.mismatches


def is_fixture_draft(path: Path) -> bool:
    """A fixture draft is named after a rule (``CC101_...``) or carries annotations; other
    text files in the folders (word lists beside the rules, notes) are not drafts."""
    if path.suffix.lower() not in DRAFT_SUFFIXES or path.name.upper().startswith("README"):
        return False
    if _RULE_ID_PREFIX.match(path.name):
        return True
    try:
        return has_annotations(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def fixture_files(paths: Iterable[Path]) -> list[Path]:
    """The fixture drafts under the given files and folders (recursively), in a stable
    order; a file named explicitly is always taken."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and is_fixture_draft(p))
        elif path.is_file():
            found.append(path)
    return found


def has_annotations(source: str) -> bool:
    """Whether a draft carries ``expect``/``expect-not`` annotations (a rule test)."""
    return any(d.action in ("expect", "expect-not") for d in parse_directives(source))


def rules_under_test(path: Path, directives: list[Directive], session: RuleSession) -> list[str]:
    """The ids a fixture tests: its file-name prefix and its annotations (see module doc)."""
    wanted: list[str] = []
    named_any = False
    match = _RULE_ID_PREFIX.match(path.name)
    if match and session.rule(match.group(1)) is not None:
        wanted.append(session.rule(match.group(1)).id)
    for directive in directives:
        if directive.action in ("expect", "expect-not"):
            for selector in directive.selectors:
                named_any = True
                known = session.rule(selector)
                if known is not None and known.id not in wanted:
                    wanted.append(known.id)
    if wanted or named_any:
        return wanted  # annotations naming only unknown rules test nothing but fail
    return [r.id for r in session.rules]


def unknown_rules(path: str, directives: list[Directive], session: RuleSession) -> list[Mismatch]:
    """Annotations that name a rule this session did not load (a typo, a missing --rules)."""
    return [
        Mismatch(path, d.line, s.upper(), "is not a loaded rule (check --rules)")
        for d in directives
        if d.action in ("expect", "expect-not")
        for s in d.selectors
        if session.rule(s) is None
    ]


def compare(
    path: str, directives: list[Directive], findings: Iterable[Finding], under_test: set[str]
) -> list[Mismatch]:
    """Every disagreement between the annotations and the findings."""
    found = {(f.rule.upper(), f.line) for f in findings}
    expected: set[tuple[str, int]] = set()
    forbidden: set[tuple[str, int]] = set()
    mismatches: list[Mismatch] = []
    for directive in directives:
        for selector in directive.selectors:
            key = (selector.upper(), directive.target_line)
            where = directive.target_line
            if directive.action == "expect":
                expected.add(key)
                if key not in found:
                    mismatches.append(Mismatch(path, where, key[0], "expected here, not found"))
            elif directive.action == "expect-not" and key in found:
                forbidden.add(key)
                mismatches.append(
                    Mismatch(path, where, key[0], "found here, but the line says expect-not")
                )
    for finding in findings:
        rule_id = finding.rule.upper()
        if (rule_id, finding.line) in expected | forbidden:
            continue  # asked for, or already reported against its expect-not
        if rule_id in under_test or rule_id in ENGINE_RULES:
            mismatches.append(
                Mismatch(
                    path,
                    finding.line,
                    rule_id,
                    f"found but not expected: {finding.message}",
                )
            )
    mismatches.sort(key=lambda m: (m.line, m.rule, m.problem))
    return mismatches


def check_fixture(path: Path, session: RuleSession) -> FixtureResult:
    """Run the rules under test on one fixture draft and compare with its annotations."""
    from claimcheck.documents import read_document
    from claimcheck.pipeline import check_documents

    document = read_document(str(path))
    directives = parse_directives(document.source)
    under_test = rules_under_test(path, directives, session)
    unknown = unknown_rules(str(path), directives, session)
    rules = [r for r in session.rules if r.id in under_test]
    # A rule test tests the rule, whatever the project's select/ignore say.
    config = replace(session.config, select=("ALL",), ignore=(), per_file_ignores={})
    context = session.context()
    context.config = config
    findings = check_documents([document], rules, context)
    mismatches = [*unknown, *compare(str(path), directives, findings, set(under_test))]
    return FixtureResult(str(path), tuple(under_test), tuple(findings), tuple(mismatches))


def holds_rules(folder: Path) -> bool:
    """Whether a folder holds rule files of its own (``*.py`` with a ``@rule``)."""
    from claimcheck.engine.registry import rule_files

    if not folder.is_dir():
        return False
    return any(
        "@rule(" in file.read_text(encoding="utf-8", errors="replace")
        for file in rule_files([folder])
    )


def rule_folders(paths: Iterable[Path]) -> list[Path]:
    """The given folders that hold rule files of their own."""
    return [path for path in paths if holds_rules(path)]


def conftest_folder(draft: Path, roots: Iterable[Path]) -> Path | None:
    """The nearest folder at or above a draft, within the given roots, that holds a
    ``claimcheck_conftest.py``: the inputs that draft is to be checked with."""
    from claimcheck.engine.fixtures import CONFTEST_NAME

    tops = [root.resolve() for root in roots if root.is_dir()]
    for folder in draft.resolve().parents:
        if (folder / CONFTEST_NAME).is_file():
            return folder
        if folder in tops:
            break
    return None


def run_rule_tests(
    paths: Iterable[Path],
    session: RuleSession,
    session_with: Callable[[Path], RuleSession] | None = None,
) -> tuple[str, bool]:
    """Check every fixture draft under ``paths``; a report (one line per fixture, one per
    mismatch) and whether all passed. A draft below a ``claimcheck_conftest.py`` is checked
    with ``session_with(that folder)``, so its fixtures (a facts base, say) are in force."""
    from claimcheck.errors import InputError

    paths = list(paths)
    lines: list[str] = []
    failed = 0
    files = fixture_files(paths)
    for path in files:
        folder = conftest_folder(path, paths) if session_with else None
        try:
            result = check_fixture(path, session_with(folder) if folder else session)
        except InputError as error:
            lines.append(f"ERROR {error}")
            failed += 1
            continue
        tested = ", ".join(result.rules_under_test)
        if result.passed:
            lines.append(f"ok    {path} ({tested})")
        else:
            failed += 1
            lines.append(f"FAIL  {path} ({tested})")
            lines.extend(f"  {mismatch}" for mismatch in result.mismatches)
    if not files:
        lines.append("no fixture drafts found (.md, .txt, .html) under the given paths")
        return "\n".join(lines), False
    lines.append(f"{len(files) - failed} passed, {failed} failed")
    return "\n".join(lines), failed == 0


def compare_rule(
    path: str, directives: list[Directive], findings: Iterable[Finding], rule_id: str
) -> list[Mismatch]:
    """The mismatches of one rule (and of a crash of it), for a test item per rule."""
    wanted = rule_id.upper()
    own = [
        replace(d, selectors=tuple(s for s in d.selectors if s.upper() == wanted))
        for d in directives
        if d.action in ("expect", "expect-not")
    ]
    return compare(path, [d for d in own if d.selectors], findings, {wanted})
