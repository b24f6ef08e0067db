"""Word drafts: paragraphs in reading order, one a line, so a "line" is a paragraph number."""

from __future__ import annotations

import copy

import pytest

from claimcheck.documents import read_document

docx = pytest.importorskip("docx")


def _save(document, path):
    document.save(str(path))
    return path


@pytest.fixture
def story(tmp_path):
    """A draft: title, lede, an empty paragraph, a table, a paragraph with a soft break."""
    document = docx.Document()
    document.add_heading("Offensive in the north", level=1)  # paragraph 1
    document.add_paragraph("The offensive began Wednesday, officials said.")  # 2
    document.add_paragraph("")  # 3
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Aleppo"  # 4
    table.cell(0, 1).text = "More than 400 people were killed."  # 5
    closing = document.add_paragraph("Fighting continued ")  # 6
    closing.add_run().add_break()
    closing.add_run("on Thursday.")
    return _save(document, tmp_path / "story.docx")


def test_lines_are_paragraph_numbers_and_columns_characters(story):
    document = read_document(str(story))
    assert document.format == "docx"
    assert document.line_text(1) == "Offensive in the north"
    assert document.line_text(3) == ""
    assert document.line_text(5) == "More than 400 people were killed."
    # the soft line break is a space, so paragraph 6 stays one line
    assert document.line_text(6) == "Fighting continued  on Thursday."
    assert [p.block for p in document.paragraphs][:2] == ["h1", "paragraph"]


def test_claims_in_a_docx_report_paragraph_and_character(cli, story):
    result = cli("extract", story, "--published", "2024-12-01", "--format", "json")
    assert result.code == 0, result.err
    claims = result.json()["documents"][0]["claims"]
    found = [(c["kind"], c["text"], c["line"], c["column"]) for c in claims]
    assert ("temporal", 2, 21) in {(kind, line, column) for kind, _, line, column in found}
    assert any(kind == "numeric" and line == 5 and column == 1 for kind, _, line, column in found)
    thursday = [f for f in found if f[0] == "temporal" and "Thursday" in f[1]]
    assert [(line, column) for _, _, line, column in thursday] == [(6, 24)]


def test_tracked_insertions_are_read_and_deletions_are_not(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("The toll rose to ")
    run = paragraph.add_run("400")
    # wrap the run in <w:ins> as Word does with track changes on, and add a deleted run
    from docx.oxml.ns import qn

    insertion = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "Desk"})
    run._r.addprevious(insertion)
    insertion.append(run._r)
    deletion = paragraph._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "Desk"})
    deleted_run = copy.deepcopy(insertion[0])
    for text in deleted_run.iter(qn("w:t")):
        text.tag = qn("w:delText")
        text.text = "300"
    deletion.append(deleted_run)
    insertion.addnext(deletion)
    paragraph.add_run(" people.")
    path = _save(document, tmp_path / "tracked.docx")
    assert read_document(str(path)).line_text(1) == "The toll rose to 400 people."


def test_a_damaged_docx_is_one_input_error(cli, write):
    path = write("broken.docx", b"PK\x03\x04 this is not a zip archive")
    result = cli("check", path)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "broken.docx" in result.err and "docx" in result.err


def test_an_empty_docx_is_an_input_error(cli, tmp_path):
    path = _save(docx.Document(), tmp_path / "empty.docx")
    result = cli("check", path)
    assert result.code == 2 and "no prose" in result.err


def test_folders_pick_up_docx_drafts(cli, story, marker_rules, tmp_path):
    document = docx.Document()
    document.add_paragraph("First paragraph.")
    document.add_paragraph("The desk wrote WARNME here.")
    _save(document, tmp_path / "desk.docx")
    result = cli("check", tmp_path, "--rules", marker_rules, "--format", "json")
    marked = [f for f in result.json()["findings"] if f["rule"] == "MARK01"]
    assert [(f["path"].rsplit("/", 1)[-1], f["line"], f["column"]) for f in marked] == [
        ("desk.docx", 2, 16)
    ]
