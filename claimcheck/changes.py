"""``--changed-since REF`` and ``--diff``: keep only findings on lines a change touched.

For a pull request on a long document, the reviewer wants the findings on the lines the
pull request wrote, not the ones the article has carried for years. The changed lines are
read from ``git diff -U0`` between the merge base of REF and HEAD and the working tree,
so committed and uncommitted edits both count and the target branch's own later edits
do not. ``--diff`` is ``--changed-since HEAD``: the edits not yet committed. A file git
does not track yet counts as changed throughout, and so does a binary file (a ``.docx``)
that differs, since git cannot say which of its paragraphs changed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.engine.findings import Finding
from claimcheck.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
_OCTAL = re.compile(rb"\\([0-7]{3})")
_SIMPLE_ESCAPES = {b"\\n": b"\n", b"\\t": b"\t", b'\\"': b'"', b"\\\\": b"\\"}
WHOLE_FILE = frozenset({0})  # marks a file changed throughout (untracked or binary)


@dataclass(frozen=True)
class ChangedLines:
    """The changed line numbers of each file, keyed by absolute path."""

    ref: str
    lines: dict[str, frozenset[int]] = field(default_factory=dict)

    def changed(self, path: str, first: int, last: int) -> bool:
        """Whether any line from ``first`` to ``last`` of ``path`` was changed."""
        changed = self.lines.get(_key(path))
        if not changed:
            return False
        if changed is WHOLE_FILE:
            return True
        return any(line in changed for line in range(first, max(first, last) + 1))

    def keeps(self, finding: Finding) -> bool:
        return self.changed(finding.path, finding.line, finding.end_line)

    def filter(self, findings: Sequence[Finding]) -> list[Finding]:
        return [finding for finding in findings if self.keeps(finding)]


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _git(arguments: Sequence[str], cwd: Path) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotePath=false", *arguments],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {arguments[0]} failed: {message[-1] if message else 'no output'}")
    return completed.stdout.decode("utf-8", "surrogateescape")


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual file names ("caf\\303\\251.md")."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("utf-8", "surrogateescape")
    for escaped, plain in _SIMPLE_ESCAPES.items():
        raw = raw.replace(escaped, plain)
    raw = _OCTAL.sub(lambda match: bytes([int(match.group(1), 8)]), raw)
    return raw.decode("utf-8", "surrogateescape")


def parse_unified_diff(diff: str) -> dict[str, frozenset[int] | None]:
    """Changed lines on the new side of each file of a ``git diff -U0`` (None: binary)."""
    files: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            current = None if target == "/dev/null" else target.removeprefix("b/")
            if current is not None:
                files.setdefault(current, set())
        elif line.startswith("Binary files ") and line.endswith(" differ"):
            # "Binary files a/x and b/y differ": the new name follows the last " and b/".
            _, _, target = line[: -len(" differ")].rpartition(" and ")
            if target != "/dev/null":
                files[_unquote(target).removeprefix("b/")] = None
        elif current is not None and (hunk := _HUNK.match(line)):
            start = int(hunk.group("start"))
            count = 1 if hunk.group("count") is None else int(hunk.group("count"))
            lines = files[current]
            if lines is not None:
                lines.update(range(start, start + count))
    return {name: None if lines is None else frozenset(lines) for name, lines in files.items()}


def changed_lines(ref: str, cwd: Path | None = None) -> ChangedLines:
    """The lines changed since ``ref`` (its merge base with HEAD) in the working tree."""
    cwd = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except UsageError:
        raise UsageError(f"--changed-since {ref}: git knows no commit by that name") from None
    try:
        base = _git(["merge-base", ref, "HEAD"], cwd).strip() or ref
    except UsageError:
        base = ref  # unrelated histories: compare with the ref itself
    diff = _git(
        [
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--",
        ],
        cwd,
    )
    lines: dict[str, frozenset[int]] = {}
    for name, changed in parse_unified_diff(diff).items():
        lines[_key(str(top / name))] = WHOLE_FILE if changed is None else changed
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, untracked.split("\0")):
        lines[_key(str(top / name))] = WHOLE_FILE
    return ChangedLines(ref, lines)
