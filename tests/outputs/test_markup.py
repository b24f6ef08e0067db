"""Markup awareness: only prose yields claims, and positions point into the original file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.documents import read_document
from claimcheck.documents.markup import markdown_prose, split_front_matter
from claimcheck.errors import InputError
from claimcheck.pipeline import extract_claims

# Every non-prose construct carries a weekday, a figure and a date; the prose carries one
# weekday ("Wednesday", line 9 column 21) and one figure ("More than 400 people", line 27).
DRAFT = """---
title: Offensive began Monday
published: 2024-12-01
summary: More than 900 people killed on Friday, 2024-11-29
---
<!-- editor: check the 700 figure from Tuesday
against the wire before filing -->

The offensive began Wednesday, officials said, citing `a log from Thursday with 500 rows`.

```text
Raw wire copy: at least 300 people were killed on Saturday, 2024-11-30.
```

~~~
On Sunday 250 people fled.
~~~

    indented: 150 people on Thursday, 2024-11-28

See the [map](https://example.org/2024/11/29/600-killed "Friday 600") and
<https://example.org/2024-11-30/800> and https://example.org/2024/11/25/1000-dead.
The [report][wire-2024-11-29] is linked.

<div data-count="1100" data-day="Tuesday">

More than 400 people were killed, according to the monitor.

[wire-2024-11-29]: https://example.org/1200 "Tuesday 1200"
"""


def _claims(cli, path):
    result = cli("extract", path, "--format", "json")
    assert result.code == 0, result.err
    (document,) = result.json()["documents"]
    return document["claims"]


def test_markdown_non_prose_never_yields_claims(cli, write):
    path = write("draft.md", DRAFT)
    claims = _claims(cli, path)
    lines = DRAFT.splitlines()
    prose_lines = {9, 21, 22, 23, 27}
    assert {claim["line"] for claim in claims} <= prose_lines, [
        (c["line"], c["text"]) for c in claims if c["line"] not in prose_lines
    ]
    texts = {claim["text"] for claim in claims}
    for leaked in ("Monday", "Tuesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert not any(leaked in text for text in texts), texts
    for figure in ("900", "700", "500", "300", "250", "150", "600", "800", "1000", "1100", "1200"):
        assert not any(figure in text for text in texts), texts
    (wednesday,) = [c for c in claims if c["text"].startswith("Wednesday")]
    assert (wednesday["line"], wednesday["column"]) == (9, 21)
    assert DRAFT[wednesday["start"] : wednesday["end"]] == wednesday["text"]
    (toll,) = [c for c in claims if c["kind"] == "numeric"]
    assert toll["line"] == 27 and lines[26][toll["column"] - 1 :].startswith(toll["text"])


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_blanking_keeps_every_offset_and_line_break(newline):
    source = DRAFT.replace("\n", newline)
    _, body_start = split_front_matter("draft.md", source)
    prose = markdown_prose(source, body_start)
    assert len(prose.text) == len(source)
    breaks = [i for i, ch in enumerate(source) if ch in "\r\n"]
    assert [i for i, ch in enumerate(prose.text) if ch in "\r\n"] == breaks
    for kept, original in zip(prose.text, source, strict=True):
        assert kept == original or kept == " "


def test_front_matter_only_dates_come_from_the_body(cli, write):
    path = write("fm.md", "---\npublished: 2024-12-01\nnote: spoke Sunday\n---\nQuiet day.\n")
    assert _claims(cli, path) == []


def test_a_stray_backtick_does_not_swallow_the_next_paragraphs(write):
    path = write(
        "tick.md", "A lone ` backtick.\n\nThe offensive began Wednesday.\n\nAnd ` another.\n"
    )
    document = read_document(str(path))
    assert "began Wednesday" in document.text
    assert "A lone ` backtick." in document.text


def test_inline_code_on_two_lines_of_one_paragraph_is_blanked(write):
    path = write("code.md", "Run `claimcheck\ncheck 400 drafts` now.\n")
    document = read_document(str(path))
    assert "400" not in document.text and "now." in document.text


def test_footnotes_stay_prose_and_reference_definitions_do_not(write):
    path = write(
        "notes.md",
        "Casualties rose.[^1]\n\n[^1]: The monitor counted 400 dead.\n[w]: https://x.org/1 'T'\n",
    )
    text = read_document(str(path)).text
    assert "The monitor counted 400 dead." in text
    assert "https" not in text


def test_html_block_text_is_prose_but_its_tags_and_scripts_are_not(write):
    path = write(
        "embed.md",
        '<div class="note" data-n="12">\n<p>Police said 40 people were hurt.</p>\n'
        "<script>var deaths = 99;</script>\n</div>\n",
    )
    document = read_document(str(path))
    assert "Police said 40 people were hurt." in document.text
    assert "99" not in document.text and "12" not in document.text
    assert [s.text for s in document.sentences] == ["Police said 40 people were hurt."]


def test_bare_urls_are_blanked_but_trailing_punctuation_is_kept(write):
    path = write(
        "url.md", "See https://en.wikipedia.org/wiki/Aleppo_(city). Then www.x.org/5, ok.\n"
    )
    text = read_document(str(path)).text
    assert text.strip().startswith("See")
    assert "wikipedia" not in text and "x.org" not in text
    assert text.rstrip().endswith(". Then            , ok.")


def test_html_script_and_style_are_skipped_and_positions_are_the_files(cli, write):
    page = (
        "<html><head><style>p::after { content: 'Monday 500'; }</style>\n"
        '<meta property="article:published_time" content="2024-12-01">\n'
        "<script>const toll = 'Friday 300 people';</script></head>\n"
        "<body>\n<p>The offensive began <b>Wednesday</b>.</p>\n</body></html>\n"
    )
    path = write("page.html", page)
    claims = _claims(cli, path)
    assert [(c["kind"], c["line"], c["column"]) for c in claims] == [("temporal", 5, 27)]
    assert page[claims[0]["start"] :].startswith("Wednesday</b>")


# --- property: whatever the non-prose holds, only the prose yields claims -----------------


CLAIMY_SENTENCES = [
    "More than 400 people were killed on Monday, police said.",
    "On 2024-11-30 the toll rose to 1,200, officials said.",
    "He said: \u201cWe lost 30 soldiers on Friday.\u201d",
    "About 3 billion dollars was spent last week.",
    "At least 60 civilians died Tuesday, according to the monitor.",
]
CLAIMY = st.sampled_from(CLAIMY_SENTENCES)
QUIET = st.sampled_from(
    ["The council met quietly.", "Rain fell on the old town.", "Nobody answered the door."]
)


def _non_prose(kind: str, claimy: str) -> str:
    if kind == "fence":
        return f"```\n{claimy}\n```"
    if kind == "tilde":
        return f"~~~ text\n{claimy}\n~~~"
    if kind == "indented":
        return f"    {claimy}"
    if kind == "comment":
        return f"<!-- {claimy} -->"
    if kind == "inline":
        return f"The council met `{claimy}` quietly."
    return f"See [the archive](https://example.org/{claimy.replace(' ', '-')}) quietly."


@settings(max_examples=40, deadline=None)
@given(
    front=CLAIMY,
    blocks=st.lists(
        st.one_of(
            QUIET.map(lambda text: ("prose", text)),
            st.tuples(
                st.sampled_from(["fence", "tilde", "indented", "comment", "inline", "link"]),
                CLAIMY,
            ),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_code_front_matter_comments_and_links_never_yield_claims(tmp_path_factory, front, blocks):
    parts = [text if kind == "prose" else _non_prose(kind, text) for kind, text in blocks]
    source = f"---\npublished: 2024-12-01\nsummary: '{front}'\n---\n" + "\n\n".join(parts) + "\n"
    path = tmp_path_factory.mktemp("prop") / "draft.md"
    path.write_text(source, encoding="utf-8")
    try:
        document = read_document(str(path))
    except Exception as error:  # only markup: "no prose to check" is the right answer
        assert "no prose" in str(error)
        return
    assert extract_claims(document) == []


@pytest.mark.parametrize("sentence", CLAIMY_SENTENCES)
def test_the_same_sentences_as_prose_do_yield_claims(write, sentence):
    path = write("prose.md", f"---\npublished: 2024-12-01\n---\n{sentence}\n")
    assert extract_claims(read_document(str(path)))


# Plain prose (paragraphs and ATX headings) is read without markdown-it; anything else is
# handed to it. Where the plain reading is taken, it must be markdown-it's reading.
_LINE_PIECES = [
    *["", " ", "   ", "    ", "\t", "#", "##", "####### x", "# ", "#x", "#\t", "# h #"],
    *["> ", "- ", "* ", "+ ", "1. ", "1) ", "2024.", "===", "---", "***", "___", "```"],
    *["~~~", "<div>", "<!-- c -->", "<!--", "-->", "``x``", "~x", "[a]: /u", "[^1]: note"],
    *["| a |", "a | b", "text"],
    *["More than 400 people", "said", "\u00a0", "\x0c", "\u2028", "\x00", "a\\", "x  "],
]


def _both_readings(source: str, front_matter: bool = False) -> tuple[tuple | None, tuple]:
    from claimcheck.documents.markup import _markdown_it_blocks, _plain_blocks, blank

    body_start = split_front_matter("draft.md", source)[1] if front_matter else 0
    text = blank(source[:body_start]) + source[body_start:]  # as markdown_prose reads it
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return _plain_blocks(text, line_starts), _markdown_it_blocks(text, line_starts)


@given(
    st.lists(
        st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=4).map("".join),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
@settings(max_examples=3000, deadline=None)
def test_plain_prose_is_read_as_markdown_it_reads_it(lines: list[str], newline: str) -> None:
    plain, (blocks, code, html) = _both_readings(newline.join(lines))
    assert plain is None or (plain == (blocks, html) and not code)


def test_the_project_drafts_are_read_as_markdown_it_reads_them() -> None:
    root = Path(__file__).resolve().parents[2]
    taken = 0
    for path in sorted(root.glob("[est]*/**/*.md")):
        try:
            plain, markdown_it = _both_readings(path.read_text(encoding="utf-8"), True)
        except (InputError, UnicodeDecodeError):  # the bad-input fixtures
            continue
        if plain is not None:
            taken += 1
            assert plain == markdown_it[::2] and not markdown_it[1], path
    assert taken >= 10  # most drafts are plain prose


def test_which_drafts_are_read_without_markdown_it() -> None:
    headed = "# Offensive\nAleppo fell.\nOn Sunday.\n\n## Toll\n400 killed.\n"
    plain, markdown_it = _both_readings(headed)
    blocks = [(0, 12, "h1"), (12, 36, "paragraph"), (37, 45, "h2"), (45, 57, "paragraph")]
    assert plain == markdown_it[::2] == (blocks, [])
    directive = "Aleppo fell.\n<!-- claimcheck: ignore CC201 -->\n400 killed.\n"
    plain, markdown_it = _both_readings(directive)
    assert plain == markdown_it[::2] == ([(0, 13, "paragraph"), (47, 59, "paragraph")], [(13, 47)])
    for other in ("- a list\n", "> a quote\n", "    code\n", "Text\n===\n", "a | b\n", "<p>\n"):
        assert _both_readings("Aleppo fell.\n" + other)[0] is None, other
