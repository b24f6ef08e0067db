"""Hypothesis strategies for drafts: news-like text with hostile pieces mixed in, and real
drafts (the seed, the example) cut, repeated and spliced.

Two settings profiles: ``reliability-ci`` (the default: few examples, the same ones on every
run, so CI stays fast and reproducible) and ``fuzz`` (``HYPOTHESIS_PROFILE=fuzz``: many
random examples, for a long run outside CI; see ``fuzz/README.md``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.reliability.harness import REAL_DRAFTS

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "reliability-ci",
    max_examples=int(os.environ.get("CLAIMCHECK_PROPERTY_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=_SLOW_IS_FINE,
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("CLAIMCHECK_PROPERTY_EXAMPLES", "2000")),
    deadline=None,
    suppress_health_check=_SLOW_IS_FINE,
    print_blob=True,
)
FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
PROFILE = settings.get_profile("fuzz" if FUZZING else "reliability-ci")


def examples(in_ci: int) -> settings:
    """The profile's settings, with ``in_ci`` examples in CI (a CLI run costs more than a
    grammar scan); a fuzzing run keeps its own, larger count."""
    if FUZZING or "CLAIMCHECK_PROPERTY_EXAMPLES" in os.environ:
        return PROFILE
    return settings(PROFILE, max_examples=in_ci)


# Pieces of news copy the grammars look for, and pieces that have broken parsers before.
NEWS_PIECES = (
    "State Department spokesman Matthew Miller said in a statement",
    "Turkish Foreign Minister Hakan Fidan",
    "said",
    "told reporters",
    "according to",
    "a Syrian war monitor said",
    "More than 400 people",
    "nearly a dozen",
    "about 3 billion",
    "$1.5bn",
    "12 km",
    "7.5 miles",
    "40 percent",
    "between 10 and 20",
    "1,000",
    "-3.5",
    "Sunday",
    "on Wednesday",
    "last week",
    "December 1, 2024",
    "2024-12-01",
    "Feb. 31",
    "31 February 2024",
    "10 a.m.",
    "U.S.",
    "Dec.",
    "Gen.",
    "J.",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    ",",
    ".",
    "...",
    "…",
    "?",
    "!",
    ";",
    ":",
    "—",
    "-",
    "#",
    "*",
    "`",
    "```",
    "---",
    "> ",
    "- ",
    "[link](http://example.org)",
    "<p>",
    "</p>",
    "<br>",
    "&amp;",
    "&#8220;",
    "<!--",
    "-->",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u0441",
    "\u0405yria",
    "Mil\u200bler",
    "👨‍👩‍👧",
    "🇸🇾",
    "北京",
    "قال",
    "שלום",
    "é",
    "e\u0301",
    "\t",
    "\u00a0",
    "\u2028",
    "\x0c",
)
LINE_BREAKS = ("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r")


def news_text(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Text made of news pieces, line breaks of every kind and arbitrary characters."""
    piece = st.one_of(
        st.sampled_from(NEWS_PIECES),
        st.sampled_from(LINE_BREAKS),
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=8,
        ),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )
    separators = st.sampled_from(("", " ", " ", " ", "\n"))
    return st.lists(st.tuples(piece, separators), max_size=max_pieces).map(
        lambda parts: "".join(text + gap for text, gap in parts)
    )


def front_matter() -> st.SearchStrategy[str]:
    """No front matter or a good one (most drafts, so most examples reach the extractors),
    or a broken one, with any line ending."""
    readable = st.sampled_from(
        (
            "",
            "---\npublished: 2024-12-01\n---\n",
            "---\r\npublished: 2024-12-01\r\n---\r\n",
            "---\rpublished: 2024-12-01\r---\r",
            '---\ndate: December 1, 2024\ntitle: "“Quotes” and: colons"\n---\n',
            "+++\npublished = 2024-12-01\n+++\n",
        )
    )
    broken = st.sampled_from(
        (
            "---\npublished: 2024-02-31\n---\n",
            "---\npublished: [2024\n---\n",
            "---\n- a list\n---\n",
            "---\n",
        )
    )
    return st.one_of(readable, readable, readable, broken)


@st.composite
def mutated_real_draft(draw: st.DrawFn) -> str:
    """A real draft with a few cuts, repeats and splices of hostile pieces."""
    text = draw(st.sampled_from(REAL_DRAFTS)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not text:
            break
        at = draw(st.integers(min_value=0, max_value=len(text)))
        span = draw(st.integers(min_value=0, max_value=min(200, len(text) - at)))
        kind = draw(st.sampled_from(("cut", "repeat", "splice", "line-endings", "case")))
        if kind == "cut":
            text = text[:at] + text[at + span :]
        elif kind == "repeat":
            text = (
                text[: at + span]
                + text[at : at + span] * draw(st.integers(1, 20))
                + text[at + span :]
            )
        elif kind == "splice":
            text = text[:at] + draw(news_text(max_pieces=6)) + text[at:]
        elif kind == "line-endings":
            text = text.replace("\r\n", "\n").replace("\n", draw(st.sampled_from(LINE_BREAKS)))
        else:
            text = text[:at] + text[at : at + span].swapcase() + text[at + span :]
    return text
