"""The visible text of an HTML page, with a map from each visible character back to the
file, and its date metadata. Apart from Markdown (``markup.py``): ``html.parser`` is
imported only for HTML drafts."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table article section header footer "
    "aside nav blockquote figure figcaption pre hr main dd dt dl form".split()
)
_PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date")


class _VisibleText(HTMLParser):
    """Collect the visible text of an HTML page with the file offset of every character."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
        self._source = source
        self.pieces: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.meta: dict[str, str] = {}
        self._skip_depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _emit(self, text: str, start: int, end: int, literal: bool) -> None:
        if self._skip_depth:
            return
        self.pieces.append(text)
        for index in range(len(text)):
            self.starts.append(start + index if literal else start)
            self.ends.append(start + index + 1 if literal else end)

    def _break(self) -> None:
        offset = self._offset()
        self._emit("\n\n", offset, offset, literal=False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {name: value or "" for name, value in attrs}
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key in _PUBLISHED_META and "content" in values:
                self.meta.setdefault(key, values["content"])
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIPPED_TAGS:
            self._skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._emit(data, start, start + len(data), literal=True)

    def _reference(self, raw: str, decoded: str) -> None:
        start = self._offset()
        self._emit(decoded, start, start + len(raw), literal=False)

    def handle_entityref(self, name: str) -> None:
        from html import unescape

        raw = f"&{name};" if self._source.startswith(f"&{name};", self._offset()) else f"&{name}"
        self._reference(raw, unescape(raw))

    def handle_charref(self, name: str) -> None:
        from html import unescape

        raw = f"&#{name};" if self._source.startswith(f"&#{name};", self._offset()) else f"&#{name}"
        self._reference(raw, unescape(raw))


@dataclass(frozen=True)
class HtmlProse:
    text: str
    starts: array
    ends: array
    meta: dict[str, str]


def html_prose(source: str) -> HtmlProse:
    """Return the visible text of an HTML page, its offset maps and its date metadata."""
    parser = _VisibleText(source)
    parser.feed(source)
    parser.close()
    return HtmlProse("".join(parser.pieces), parser.starts, parser.ends, parser.meta)
