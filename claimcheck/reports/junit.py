"""JUnit XML, the test-report format GitLab, Jenkins and Azure DevOps display.

One ``<testsuite>`` per linted file. Each finding is a ``<testcase>`` with a ``<failure>``
(its ``type`` is the severity); a file without findings has one passing test case, so a
clean draft shows up as passed rather than missing. A file that could not be read is a
test case with an ``<error>`` in a suite named after claimcheck.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.engine.findings import Finding
    from claimcheck.reports import CheckRun

# Characters XML 1.0 does not allow even escaped; a draft pasted from a PDF may hold some.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _failure_text(finding: Finding) -> str:
    lines = [f"{finding.path}:{finding.line}:{finding.column}: {finding.message}"]
    lines += [f"evidence: {e.path}:{e.line}: {e.text}" for e in finding.evidence]
    if finding.explanation:
        lines.append(f"resolved: {finding.explanation}")
    return _clean("\n".join(lines))


def junit_tree(run: CheckRun) -> ElementTree.Element:
    """The ``<testsuites>`` element of a check run."""
    root = ElementTree.Element("testsuites", name="claimcheck")
    by_path: dict[str, list[Finding]] = {document.path: [] for document in run.documents}
    for finding in run.findings:
        by_path.setdefault(finding.path, []).append(finding)
    total_tests = total_failures = 0
    for path, findings in by_path.items():
        suite = ElementTree.SubElement(root, "testsuite", name=_clean(path))
        for finding in findings:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=_clean(f"{finding.rule} {finding.category} {finding.line}:{finding.column}"),
                classname=_clean(path),
                file=_clean(path),
                line=str(finding.line),
            )
            failure = ElementTree.SubElement(
                case, "failure", message=_clean(finding.message), type=finding.severity
            )
            failure.text = _failure_text(finding)
        if not findings:
            ElementTree.SubElement(
                suite, "testcase", name="no findings", classname=_clean(path), file=_clean(path)
            )
        tests = max(1, len(findings))
        suite.set("tests", str(tests))
        suite.set("failures", str(len(findings)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += len(findings)
    total_errors = 0
    if run.input_errors:
        suite = ElementTree.SubElement(root, "testsuite", name="claimcheck input")
        for message in run.input_errors:
            case = ElementTree.SubElement(
                suite, "testcase", name=_clean(message), classname="claimcheck.input"
            )
            error = ElementTree.SubElement(case, "error", message=_clean(message), type="input")
            error.text = _clean(message)
        count = len(run.input_errors)
        for name, value in (("tests", count), ("failures", 0), ("errors", count), ("skipped", 0)):
            suite.set(name, str(value))
        total_tests += count
        total_errors = count
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    return root


def format_junit(run: CheckRun) -> str:
    """The JUnit XML document, with its declaration, indented for reading."""
    root = junit_tree(run)
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body
