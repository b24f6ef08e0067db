"""Markup: front matter, and the prose of Markdown, keeping every offset into the file.

Markdown keeps its offsets by blanking what is not prose (front matter, code, HTML
comments, link targets) with spaces of the same length. HTML pages are read by
``html_text.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import yaml

from claimcheck.errors import InputError


def _front_matter(opening: str, closing: str) -> re.Pattern[str]:
    """A block between fence lines at the very start of a file; a line ends with LF, CRLF
    or a lone CR (old Mac files)."""
    return re.compile(
        rf"\A{opening}[ \t]*(?:\r\n|\r|\n)(?P<body>.*?)(?:\r\n|\r|\n)?(?<=[\r\n])"
        rf"(?:{closing})[ \t]*(?:\r\n|\r|\n|\Z)",
        re.S,
    )


_FRONT_MATTER = _front_matter("---", r"---|\.\.\.")
_TOML_FRONT_MATTER = _front_matter(r"\+\+\+", r"\+\+\+")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A code span ends at the next backtick run of the same length, but never past a blank
# line: a stray backtick must not swallow the paragraphs after it.
_BLANK_LINE = r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)"
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!" + _BLANK_LINE + r").)+?(?<!`)\1(?!`)", re.S)
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
# the label of a reference link, "[text][label]": a name for the target, not prose
_REFERENCE_LABEL = re.compile(r"(?<=\])\[[^\]\r\n]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
# "[label]: url 'title'" defines a link target; "[^1]: ..." is a footnote, which is prose
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S.*$", re.M)
# inline HTML tags; their attributes (width="300", data-date="2024-12-01") are not prose
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
# a bare web address: its digits are a path, not a figure or a date
_BARE_URL = re.compile(r"(?<![\w@/])(?:https?://|www\.)[^\s<>]+")
_URL_TRAILING_PUNCTUATION = ".,;:!?'\")]*_"
# elements inside an HTML block whose content is never prose
_NON_PROSE_ELEMENT = re.compile(
    r"<(script|style|pre|code|template|noscript|svg)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I
)


# The inline markup blanked in Markdown, in this order, each with a string that any match
# of it holds.
_INLINE_MARKUP = (
    (_HTML_COMMENT, "<!--"),
    (_INLINE_CODE, "`"),
    (_LINK_TARGET, "]("),
    (_REFERENCE_LABEL, "]["),
    (_AUTOLINK, "<"),
    (_REFERENCE_DEFINITION, "]:"),
    (_HTML_TAG, "<"),
)


def blank(text: str) -> str:
    """Replace every character but line breaks with a space."""
    return re.sub(r"[^\r\n]", " ", text)


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a timestamp that is not a real date (2024-02-31)
    stays a string, so the publication-date check can name the key instead of failing."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def split_front_matter(path: str, source: str) -> tuple[dict[str, Any], int]:
    """Return the front matter (YAML between ``---``, or TOML between ``+++`` as Hugo
    writes it) as a dict, and the offset where the body starts."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        toml_match = _TOML_FRONT_MATTER.match(source)
        if toml_match is None:
            return {}, 0
        return _toml_front_matter(path, toml_match.group("body")), toml_match.end()
    try:
        data = yaml.load(match.group("body"), Loader=_FrontMatterLoader)  # a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(path, f"front matter is not valid YAML{where}") from None
    except RecursionError:
        raise InputError(path, "front matter is nested too deeply to read") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter is not a YAML mapping of keys to values")
    return data, match.end()


def _toml_front_matter(path: str, body: str) -> dict[str, Any]:
    """Parse a TOML front matter (tomllib builds plain values only: no code, no objects)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        # TOML knows \n and \r\n; an old-Mac file's lone \r is a line break too
        return tomllib.loads(body.replace("\r\n", "\n").replace("\r", "\n"))
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"front matter is not valid TOML: {error}") from None


Spans = list[tuple[int, int]]  # (start, end) offsets


@dataclass(frozen=True)
class MarkdownProse:
    text: str
    blocks: list[tuple[int, int, str]]


@cache
def _markdown_parser() -> Any:
    """CommonMark with tables; built once (its rule chains cost more than a short draft).
    Only the blocks are read: parsing the inline content of each (links, emphasis) was
    a third of the parser's time, and ``markdown_prose`` blanks inline markup itself."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable("inline")


def markdown_prose(source: str, body_start: int) -> MarkdownProse:
    """Blank the non-prose parts of a Markdown file and list its prose blocks.

    Blanked: front matter, fenced and indented code, HTML comments, the tags (not the
    text) of HTML blocks and inline HTML, inline code, link targets, reference labels and
    definitions, autolinks and bare web addresses. Every character keeps its offset.
    """
    text = blank(source[:body_start]) + source[body_start:]
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    plain = _plain_blocks(text, line_starts)
    code_spans: Spans = []
    if plain is None:
        blocks, code_spans, html_spans = _markdown_it_blocks(text, line_starts)
    else:
        blocks, html_spans = plain
    text = _replace_spans(text, code_spans, blank)
    text = _replace_spans(text, html_spans, _html_block_prose)
    # the visible text of an HTML block is prose of its own
    blocks.extend((start, end, "html") for start, end in html_spans)
    blocks.sort()
    for pattern, mark in _INLINE_MARKUP:
        if mark in text:  # most prose has none of them: no search of the whole text
            text = pattern.sub(lambda match: blank(match.group(0)), text)
    if "://" in text or "www." in text:
        text = _BARE_URL.sub(_blank_url, text)
    return MarkdownProse(text, blocks)


def _line_offset(text: str, line_starts: list[int], line: int) -> int:
    """Where 0-based ``line`` starts; the end of the text for the line after the last."""
    return line_starts[line] if line < len(line_starts) else len(text)


def _markdown_it_blocks(
    text: str, line_starts: list[int]
) -> tuple[list[tuple[int, int, str]], Spans, Spans]:
    """The prose blocks (start, end, kind), code blocks and HTML blocks of a Markdown body,
    as markdown-it reads them. It sees the body with the front matter lines blanked, so
    its line map is the file's."""

    def line_offset(line: int) -> int:
        return _line_offset(text, line_starts, line)

    blocks: list[tuple[int, int, str]] = []
    code_spans: Spans = []
    html_spans: Spans = []
    block_kind = "paragraph"
    for token in _markdown_parser().parse(text):
        if token.type in ("fence", "code_block") and token.map:
            code_spans.append((line_offset(token.map[0]), line_offset(token.map[1])))
        elif token.type == "html_block" and token.map:
            html_spans.append((line_offset(token.map[0]), line_offset(token.map[1])))
        elif token.type.endswith("_open"):
            block_kind = token.tag if token.type == "heading_open" else token.type[: -len("_open")]
        elif token.type == "inline" and token.map:
            blocks.append((line_offset(token.map[0]), line_offset(token.map[1]), block_kind))
    return blocks, code_spans, html_spans


# The start of a line that may open a block other than a paragraph, an ATX heading or an
# HTML comment: indented code, a block quote, a list item, a thematic break, a setext
# underline, a fence, other HTML, a link reference definition; "#" without a heading's space.
_OTHER_BLOCK_OPENING = re.compile(
    r" {0,3}(?:[>*+\-=_\[]|`{3}|~{3}|<(?!!--)|\d{1,9}[.)]|#(?!#{0,5}(?:[ \t]|$)))"
    r"| {0,3}\t| {4}"
)
_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_COMMENT_OPENING = re.compile(r" {0,3}<!--")


def _plain_blocks(
    text: str, line_starts: list[int]
) -> tuple[list[tuple[int, int, str]], Spans] | None:
    """The prose blocks and HTML comment blocks of a Markdown body that holds only
    paragraphs, ATX headings and comments (claimcheck's directives are comments), as
    CommonMark reads them: a paragraph runs to a blank line, a heading or a comment; a
    comment to the line holding its "-->". None when a line may open any other block, or
    a table's "|" stands anywhere. Most drafts are such plain prose, and markdown-it costs
    more than the rest of reading them; the others are read by markdown-it (tests hold
    the two equal)."""
    if "|" in text:
        return None
    blocks: list[tuple[int, int, str]] = []
    comments: Spans = []

    def line_offset(index: int) -> int:
        return _line_offset(text, line_starts, index)

    def line_at(index: int) -> str:
        return text[line_starts[index] : line_offset(index + 1)].rstrip("\r\n")

    # markdown-it counts a last line without a line break only if it holds more than
    # spaces and tabs
    count = len(line_starts) - (not line_at(len(line_starts) - 1).strip(" \t"))

    paragraph_from = None  # the offset of the paragraph being read
    index = 0
    while index < count:
        line = line_at(index)
        after = index + 1  # the line after the block this line opens
        kind = None
        if line.strip(" \t"):
            if _COMMENT_OPENING.match(line):
                kind = "comment"
                while "-->" not in line and after < count:
                    line, after = line_at(after), after + 1
            elif _OTHER_BLOCK_OPENING.match(line):
                return None
            else:
                heading = _ATX_HEADING.match(line)
                if heading is None:
                    if paragraph_from is None:
                        paragraph_from = line_starts[index]
                    index += 1
                    continue
                kind = f"h{len(heading.group(1))}"
        if paragraph_from is not None:  # a blank line, a heading or a comment ends it
            blocks.append((paragraph_from, line_starts[index], "paragraph"))
            paragraph_from = None
        if kind == "comment":
            comments.append((line_starts[index], line_offset(after)))
        elif kind is not None:
            blocks.append((line_starts[index], line_offset(after), kind))
        index = after
    if paragraph_from is not None:
        blocks.append((paragraph_from, line_offset(count), "paragraph"))
    return blocks, comments


def _replace_spans(text: str, spans: list[tuple[int, int]], replace: Callable[[str], str]) -> str:
    """``text`` with each span replaced by ``replace`` of it. Spans in order are joined in one
    pass: cutting and pasting the whole text once a span made a long document quadratic."""
    if any(start < previous_end for (_, previous_end), (start, _) in pairwise(spans)):
        for start, end in spans:  # out of order or overlapping: one at a time, in turn
            text = text[:start] + replace(text[start:end]) + text[end:]
        return text
    pieces, cursor = [], 0
    for start, end in spans:
        pieces += [text[cursor:start], replace(text[start:end])]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _html_block_prose(block: str) -> str:
    """An HTML block of a Markdown file with its comments, tags and code blanked."""
    for pattern in (_HTML_COMMENT, _NON_PROSE_ELEMENT, _HTML_TAG):
        block = pattern.sub(lambda match: blank(match.group(0)), block)
    return block


def _blank_url(match: re.Match[str]) -> str:
    url = match.group(0)
    kept = url.rstrip(_URL_TRAILING_PUNCTUATION)
    if url.endswith(")") and kept.count("(") > kept.count(")"):
        kept += ")"  # a Wikipedia-style address ends in its own parenthesis
    return blank(kept) + url[len(kept) :]
