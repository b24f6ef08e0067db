"""Property-based tests over the extractors and the CLI: for any text, and for real drafts
cut and spliced, claimcheck raises nothing, keeps every offset inside the file, gives each
claim the exact text of its span, puts findings on lines that exist, and says the same
thing twice."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimcheck.documents import read_document
from claimcheck.documents.positions import LineIndex
from claimcheck.errors import InputError
from claimcheck.guard import TimeLimitExceeded, time_limit
from claimcheck.pipeline import extract_claims
from tests.reliability.harness import (
    HANG_GUARD_SECONDS,
    assert_claims_consistent,
    assert_clean,
    assert_findings_on_existing_lines,
    run_in_process,
)
from tests.reliability.strategies import examples, front_matter, mutated_real_draft, news_text

PUBLISHED = st.sampled_from((None, date(2024, 12, 1), date(2024, 2, 29)))
_names = itertools.count()


def _extract(name: str, data: bytes, published: date | None):
    """Read and extract as the CLI does; None for a file claimcheck refuses."""
    try:
        with time_limit(HANG_GUARD_SECONDS, name):
            document = read_document(name, published=published, data=data)
            return document, extract_claims(document)
    except InputError:
        return None
    except TimeLimitExceeded as error:
        raise AssertionError(f"hang guard: {error}") from None


@examples(in_ci=40)
@given(
    front=front_matter(),
    body=news_text(),
    suffix=st.sampled_from((".txt", ".md")),
    published=PUBLISHED,
)
@example(front="", body="Miller said “no", suffix=".txt", published=None)
@example(front="---\r---\r", body="\r\r\u202e1,000\r", suffix=".md", published=None)
def test_claims_stand_where_they_say_in_text_and_markdown(front, body, suffix, published):
    read = _extract(f"draft{suffix}", (front + body).encode("utf-8"), published)
    if read is None:
        return
    document, claims = read
    lines = LineIndex(document.source)
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(document.source), claim
        # prose coordinates: Markdown and text share offsets with the file
        assert claim.text == document.text[claim.start : claim.end]
        if suffix == ".txt":
            assert claim.text == document.source[claim.start : claim.end]
        assert claim.text.strip(), "an empty claim"
        assert (claim.line, claim.column) == lines.position(claim.start)
        assert (claim.end_line, claim.end_column) == lines.position(claim.end)
        assert claim.to_json()["kind"] in ("temporal", "numeric", "attribution")


@examples(in_ci=25)
@given(body=news_text(), published=PUBLISHED)
def test_claims_in_html_map_back_into_the_file(body, published):
    source = f"<html><body><article><p>{body}</p><p>{body[::-1]}</p></article></body></html>"
    read = _extract("page.html", source.encode("utf-8"), published)
    if read is None:
        return
    document, claims = read
    lines = LineIndex(source)
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(source), claim
        assert (claim.line, claim.column) == lines.position(claim.start)


def _check_cli(tmp: object, name: str, text: str) -> None:
    """Extract and check one file through the CLI; every promise of the contract holds."""
    path = tmp / f"{next(_names)}-{name}"
    path.write_bytes(text.encode("utf-8"))
    source = text
    extracted = run_in_process("extract", path, "--format", "json")
    assert_clean(extracted, [path])
    again = run_in_process("extract", path, "--format", "json")
    assert (again.code, again.out, again.err) == (extracted.code, extracted.out, extracted.err)
    if extracted.code == 2:
        assert extracted.err.count("\n") == 1  # refused: exactly one line, naming the file
        return
    assert_claims_consistent(extracted.json(), {str(path): source})
    checked = run_in_process("check", path, "--format", "json")
    assert_clean(checked, [path])
    assert checked.code in (0, 1), checked.err
    assert_findings_on_existing_lines(checked.json(), {str(path): source})
    summary = checked.json()["summary"]
    assert summary["findings"] == len(checked.json()["findings"])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("properties")


@examples(in_ci=15)
@given(front=front_matter(), body=news_text(), suffix=st.sampled_from((".txt", ".md", ".html")))
def test_cli_on_random_drafts(scratch, front, body, suffix):
    _check_cli(scratch, f"draft{suffix}", front + body)


@examples(in_ci=15)
@given(text=mutated_real_draft(), suffix=st.sampled_from((".txt", ".md")))
def test_cli_on_mutated_real_drafts(scratch, text, suffix):
    _check_cli(scratch, f"mutated{suffix}", text)


def test_a_tab_inside_a_figure_keeps_offsets(tmp_path):
    path = tmp_path / "tab.txt"
    path.write_text("Officials: 0\tdias.\n", encoding="utf-8")
    run = run_in_process("extract", path, "--format", "json", "--published", "2024-12-01")
    assert_clean(run, [path])
    assert run.code == 0
    assert_claims_consistent(run.json(), {str(path): path.read_text(encoding="utf-8")})


def test_a_glued_currency_range_gives_claims_with_spans(tmp_path):
    path = tmp_path / "range.txt"
    path.write_text(
        "Rebels seized Aleppo from$1.5bn-3.5 forces loyal to Assad.\n", encoding="utf-8"
    )
    run = run_in_process("extract", path, "--format", "json", "--published", "2024-12-01")
    assert_clean(run, [path])
    assert_claims_consistent(run.json(), {str(path): path.read_text(encoding="utf-8")})
