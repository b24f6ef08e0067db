"""`extract` leaves out what the configuration excludes, as `check` does."""

from __future__ import annotations

DRAFT = "---\npublished: 2024-12-01\n---\nThe offensive began Wednesday.\n"


def _paths(result) -> list[str]:
    return [document["path"] for document in result.json()["documents"]]


def test_extract_honours_configured_excludes(cli, write, tmp_path, monkeypatch):
    write("pyproject.toml", '[tool.claimcheck]\nexclude = ["archive/"]\n')
    write("drafts/today.md", DRAFT)
    write("drafts/archive/old.md", DRAFT)
    monkeypatch.chdir(tmp_path)
    assert _paths(cli("extract", "drafts", "--format", "json")) == ["drafts/today.md"]
    isolated = cli("extract", "drafts", "--format", "json", "--isolated")
    assert _paths(isolated) == ["drafts/archive/old.md", "drafts/today.md"]
