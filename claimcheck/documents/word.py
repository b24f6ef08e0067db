"""Word drafts (``.docx``), read with python-docx (the optional extra ``claimcheck[docx]``).

Word has no lines, so a ``.docx`` draft is laid out one paragraph a line: the prose view
is the text of every body paragraph in reading order (table cells row by row), joined by
line breaks. A finding's "line" is therefore the paragraph number (1-based, empty
paragraphs counted, as an editor counts them with the pilcrow shown) and its "column"
the character within that paragraph. Soft line breaks inside a paragraph become spaces
so that the numbering holds. Tracked insertions are read as accepted, tracked deletions
left out; headers, footers, comments and footnotes are not the story and are skipped.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimcheck.errors import InputError

DOCX_SUFFIXES = frozenset({".docx"})

# Runs a paragraph shows, in document order: plain runs, hyperlinks, tracked insertions,
# simple fields and smart tags (python-docx's Paragraph.text skips all but the first two).
_VISIBLE_RUNS = (
    "w:r | w:hyperlink | w:ins/w:r | w:ins/w:hyperlink | w:fldSimple/w:r"
    " | w:smartTag/w:r | w:sdt/w:sdtContent/w:r"
)
_SOFT_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " "})


@dataclass(frozen=True)
class WordParagraph:
    text: str
    style: str


@dataclass(frozen=True)
class WordText:
    """A Word draft as one paragraph a line, with its core properties."""

    paragraphs: tuple[WordParagraph, ...]
    properties: dict[str, Any]

    @property
    def text(self) -> str:
        return "\n".join(paragraph.text for paragraph in self.paragraphs)

    def blocks(self) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each non-empty paragraph in ``text``."""
        blocks, offset = [], 0
        for paragraph in self.paragraphs:
            end = offset + len(paragraph.text)
            if paragraph.text.strip():
                blocks.append((offset, end, _block_kind(paragraph.style)))
            offset = end + 1
        return blocks


def _block_kind(style: str) -> str:
    name = style.lower()
    if name == "title":
        return "h1"
    if name.startswith("heading "):
        level = name.removeprefix("heading ").strip()
        return f"h{level}" if level.isdigit() else "h2"
    if "list" in name:
        return "list_item"
    return "paragraph"


def _paragraph_text(paragraph: Any) -> str:
    # python-docx gives no public way to read tracked insertions, so the XML is asked.
    return "".join(element.text for element in paragraph._p.xpath(_VISIBLE_RUNS)).translate(
        _SOFT_BREAKS
    )


def _walk(container: Any) -> Iterator[Any]:
    """Paragraphs of a document body or table cell in reading order, tables included."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    # A merged cell is returned once per grid column it spans.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _walk(cell)
        else:
            yield block


def read_word(path: str, data: bytes) -> WordText:
    """Read a ``.docx`` file's paragraphs; fail with one clear line if it is not one."""
    try:
        import docx
    except ImportError:
        raise InputError(
            path, "reading .docx needs python-docx: pip install 'claimcheck[docx]'"
        ) from None
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise InputError(path, f"not a readable .docx file ({type(error).__name__})") from None
    except Exception as error:  # zipfile.BadZipFile, lxml errors: a damaged file, not a crash
        raise InputError(path, f"not a readable .docx file: {error}") from None
    paragraphs = tuple(
        WordParagraph(_paragraph_text(paragraph), paragraph.style.name if paragraph.style else "")
        for paragraph in _walk(document)
    )
    core = document.core_properties
    properties = {
        key: value
        for key, value in (("title", core.title), ("author", core.author))
        if value not in (None, "")
    }
    return WordText(paragraphs, properties)
