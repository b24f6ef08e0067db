"""The document model: formats, publication dates, offsets, paragraphs and sentences."""

from __future__ import annotations

import random
from datetime import date

from claimcheck.documents import furniture, read_document


def test_publication_date_order(write):
    path = write("a.md", "---\ndate: 2024-11-29\npublished: 2024-12-01\n---\nText here.\n")
    assert read_document(str(path)).published == date(2024, 12, 1)
    overridden = read_document(str(path), published=date(2025, 1, 2))
    assert overridden.published == date(2025, 1, 2)
    assert overridden.published_from == "--published"


def test_publication_date_other_keys_and_spellings(write):
    path = write("b.md", "---\npubDate: 'December 1, 2024'\n---\nText here.\n")
    assert read_document(str(path)).published == date(2024, 12, 1)
    path = write("c.md", "---\npublished_at: 2024-12-01T09:30:00+02:00\n---\nText here.\n")
    assert read_document(str(path)).published == date(2024, 12, 1)


def test_no_publication_date_leaves_relative_dates_unresolved(cli, write):
    path = write("nodate.txt", "The offensive began Wednesday.")
    result = cli("extract", path, "--format", "json")
    (document,) = result.json()["documents"]
    assert document["published"] is None
    (claim,) = document["claims"]
    assert claim["value"] is None
    assert "no publication date" in claim["unresolved"]


def test_published_today_is_an_explicit_opt_in(cli, write):
    path = write("today.txt", "The offensive began Wednesday.")
    result = cli("extract", path, "--published", "today", "--format", "json")
    (document,) = result.json()["documents"]
    assert document["published"] == date.today().isoformat()
    assert document["claims"][0]["value"] is not None


def test_html_visible_text_meta_date_and_offsets(write):
    html = (
        "<html><head><title>Skip me</title>"
        '<meta property="article:published_time" content="2024-12-01T10:00:00Z">'
        "<script>var x = 'spoke Monday';</script></head>\n"
        "<body><p>Blinken and Fidan spoke Sunday&#8217;s call.</p>\n"
        "<p>The offensive began Wednesday.</p></body></html>\n"
    )
    path = write("page.html", html)
    document = read_document(str(path))
    assert document.published == date(2024, 12, 1)
    assert "spoke Monday" not in document.text
    assert [p.text for p in document.paragraphs] == [
        "Blinken and Fidan spoke Sunday’s call.",
        "The offensive began Wednesday.",
    ]
    start = document.text.index("Wednesday")
    offset = document.source_offset(start)
    assert html[offset : offset + len("Wednesday")] == "Wednesday"
    assert document.position(start) == (3, 24)


def test_markdown_code_comments_and_front_matter_are_not_prose(write):
    text = (
        "---\npublished: 2024-12-01\n---\n# Talks\n\n"
        "Ministers met Sunday, see [the text](https://x.org/Monday).\n\n"
        "```\nThey met Tuesday.\n```\n\n"
        "<!-- met Friday -->\nUse `met Thursday` in code.\n"
    )
    path = write("doc.md", text)
    document = read_document(str(path))
    assert len(document.text) == len(document.source)
    for hidden in ("Monday", "Tuesday", "Friday", "Thursday", "published"):
        assert hidden not in document.text
    assert "Sunday" in document.text
    assert [p.block for p in document.paragraphs][:2] == ["h1", "paragraph"]


def test_sentences_survive_news_abbreviations(write):
    text = (
        "The truce took effect on Nov. 27 at 4 a.m. local time, said Gen. J. Smith of the U.S. "
        "Army. Mr. Fidan said “We will see.” Dr. Lee agreed. The talks end Dec. 5."
    )
    document = read_document(str(write("abbr.txt", text)))
    assert [s.text for s in document.sentences] == [
        "The truce took effect on Nov. 27 at 4 a.m. local time, said Gen. J. Smith of the U.S. Army.",
        "Mr. Fidan said “We will see.”",
        "Dr. Lee agreed.",
        "The talks end Dec. 5.",
    ]


def test_crlf_and_wide_characters_keep_line_and_column(cli, write):
    path = write("crlf.txt", b"\xf0\x9f\x93\xb0 Headline\r\n\r\nThe offensive began Wednesday.\r\n")
    result = cli("extract", path, "--published", "2024-12-01", "--format", "json")
    (claim,) = result.json()["documents"][0]["claims"]
    assert (claim["line"], claim["column"]) == (3, 21)


def test_plain_text_with_blank_lines_joins_wrapped_lines(write):
    text = "First paragraph runs\nover two lines.\n\nSecond paragraph.\n"
    document = read_document(str(write("wrapped.txt", text)))
    assert len(document.paragraphs) == 2
    assert document.sentences[0].text == "First paragraph runs\nover two lines."


def _phrase_of_whole_paragraph(text: str) -> str | None:
    """``furniture._matched_phrase`` as it was: the whole paragraph normalised first."""
    lowered = furniture._normalised(text)
    phrases, _ = furniture._phrase_set()
    if lowered in phrases:
        return lowered
    words = lowered.split(" ")
    for count in range(min(len(words) - 1, max(p.count(" ") for p in phrases) + 1), 0, -1):
        if " ".join(words[:count]) in phrases:
            return " ".join(words[:count])
    return None


def test_a_phrase_is_found_from_the_first_words_alone():
    generator = random.Random(3)
    phrases = list(furniture._phrases())
    bits = ["", " ", "  ", "\n", "\t", ".", "!", ":", " .", "Foo", "bar", "the", "\u00a0"]
    for _ in range(3000):
        phrase = generator.choice(phrases).replace(" ", generator.choice([" ", "  ", "\n"]))
        tail = "".join(generator.choice(bits) + " " for _ in range(generator.randint(0, 6)))
        text = generator.choice(bits) + phrase.upper() * generator.randint(0, 1) + phrase + tail
        assert furniture._matched_phrase(text) == _phrase_of_whole_paragraph(text), repr(text)
