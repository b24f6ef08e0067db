"""Map character offsets of a file to the 1-based line and column an editor shows."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of a text; ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of a character offset."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
