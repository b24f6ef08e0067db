"""Directives written in a draft: inline suppressions and rule-test expectations.

Two spellings, accepted in every format:

* an HTML comment, invisible once Markdown or HTML is rendered:
  ``<!-- claimcheck: ignore CC101 -->``, ``<!-- expect: CC101 -->``;
* a bracketed line for plain text, where a comment would be read as prose:
  ``[claimcheck: ignore CC101]``, ``[expect: CC101]``.

A directive alone on its line applies to the next line that has text and is not itself
a directive; a directive at the end of a line of copy applies to that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SELECTORS = r"(?P<selectors>[A-Za-z0-9_,\s-]*?)"
_DIRECTIVE = re.compile(
    r"<!--\s*(?P<keyword>claimcheck:\s*(?:ignore|disable|enable)|expect-not:|expect:)"
    + _SELECTORS
    + r"\s*-->"
    + r"|\[\s*(?P<keyword2>claimcheck:\s*(?:ignore|disable|enable)|expect-not:|expect:)"
    + _SELECTORS.replace("selectors", "selectors2")
    + r"\s*\]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Directive:
    """One directive: its action (``ignore``, ``disable``, ``enable``, ``expect``,
    ``expect-not``), the selectors it names, the line it is on and the line it targets."""

    action: str
    selectors: tuple[str, ...]
    line: int
    target_line: int
    text: str


def _action(keyword: str) -> str:
    keyword = keyword.lower().rstrip(":")
    if keyword.startswith("claimcheck"):
        return keyword.split(":", 1)[1].strip()
    return keyword


def parse_directives(source: str) -> list[Directive]:
    """Every directive in a file's source, in line order."""
    if not _DIRECTIVE.search(source):
        # most drafts have none; a directive found in a line is found in the whole source
        # as well (the pattern has no anchor), so one search over it settles that
        return []
    lines = source.splitlines()
    found: list[tuple[int, str, tuple[str, ...], bool, str]] = []
    directive_only: set[int] = set()
    for number, line in enumerate(lines, start=1):
        matches = list(_DIRECTIVE.finditer(line))
        if not matches:
            continue
        alone = not _DIRECTIVE.sub("", line).strip()
        if alone:
            directive_only.add(number)
        for match in matches:
            keyword = match.group("keyword") or match.group("keyword2")
            listed = match.group("selectors") or match.group("selectors2") or ""
            selectors = tuple(s for s in re.split(r"[\s,]+", listed) if s)
            found.append((number, _action(keyword), selectors, alone, match.group(0)))

    def next_text_line(after: int) -> int:
        for number in range(after + 1, len(lines) + 1):
            if lines[number - 1].strip() and number not in directive_only:
                return number
        return after  # nothing follows: the directive targets itself, matching no finding

    return [
        Directive(action, selectors, number, next_text_line(number) if alone else number, text)
        for number, action, selectors, alone, text in found
    ]
