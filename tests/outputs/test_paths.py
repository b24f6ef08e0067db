"""Which files are checked: files, folders, globs, gitignore-style excludes, stable order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.paths import ExcludePatterns, FileSelection, expand_paths


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafts repository: desks, an archive, assets that are not drafts, a hidden folder."""
    files = [
        "drafts/world/syria.md",
        "drafts/world/ukraine.markdown",
        "drafts/local/council.txt",
        "drafts/local/budget.html",
        "drafts/local/zoning.htm",
        "drafts/local/interview.docx",
        "drafts/archive/2019/old.md",
        "drafts/notes.draft.md",
        "drafts/photo.jpg",
        "drafts/style.css",
        "drafts/.hidden/secret.md",
        "drafts/.editor-backup.md",
        "README.md",
    ]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some copy.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_recursion_finds_drafts_in_sorted_order(newsroom):
    assert expand_paths(["drafts"]) == [
        os.path.join("drafts", *parts)
        for parts in [
            ("archive", "2019", "old.md"),
            ("local", "budget.html"),
            ("local", "council.txt"),
            ("local", "interview.docx"),
            ("local", "zoning.htm"),
            ("notes.draft.md",),
            ("world", "syria.md"),
            ("world", "ukraine.markdown"),
        ]
    ]


def test_arguments_keep_their_order_and_each_file_comes_once(newsroom):
    files = expand_paths(["drafts/world/syria.md", "README.md", "drafts/world", "./README.md"])
    assert files == [
        "drafts/world/syria.md",
        "README.md",
        os.path.join("drafts", "world", "ukraine.markdown"),
    ]


def test_a_named_file_is_read_whatever_its_suffix(newsroom):
    assert expand_paths(["drafts/style.css"]) == ["drafts/style.css"]


def test_globs_are_expanded_sorted_and_recursive(newsroom):
    assert expand_paths(["drafts/**/*.md"]) == [
        os.path.join("drafts", "archive", "2019", "old.md"),
        os.path.join("drafts", "notes.draft.md"),
        os.path.join("drafts", "world", "syria.md"),
    ]
    assert expand_paths(["drafts/local/*.ht*"]) == [
        os.path.join("drafts", "local", "budget.html"),
        os.path.join("drafts", "local", "zoning.htm"),
    ]


def test_a_glob_matching_nothing_is_kept_so_reading_names_it(newsroom):
    assert expand_paths(["drafts/*.rst"]) == ["drafts/*.rst"]


def test_gitignore_style_excludes(newsroom):
    exclude = ["archive/", "*.draft.md", "drafts/local/*.htm*", "!drafts/local/zoning.htm"]
    assert expand_paths(["drafts"], exclude=exclude) == [
        os.path.join("drafts", "local", "council.txt"),
        os.path.join("drafts", "local", "interview.docx"),
        os.path.join("drafts", "local", "zoning.htm"),
        os.path.join("drafts", "world", "syria.md"),
        os.path.join("drafts", "world", "ukraine.markdown"),
    ]


def test_excludes_apply_to_named_files_too(newsroom):
    # pre-commit and CI pass files one by one; the configured excludes must still hold
    assert expand_paths(["drafts/archive/2019/old.md", "README.md"], exclude=["archive/"]) == [
        "README.md"
    ]


def test_excludes_are_relative_to_the_root(newsroom, tmp_path):
    selection = FileSelection(excludes=(ExcludePatterns(("/world/",), newsroom / "drafts"),))
    files = selection.expand(["drafts"])
    assert os.path.join("drafts", "world", "syria.md") not in files
    assert os.path.join("drafts", "local", "council.txt") in files


def test_cli_reads_folders_and_reports_a_folder_without_drafts(cli, newsroom):
    (newsroom / "empty").mkdir()
    result = cli("extract", "drafts/world", "empty", "--format", "json")
    paths = [document["path"] for document in result.json()["documents"]]
    assert paths == [
        os.path.join("drafts", "world", name) for name in ("syria.md", "ukraine.markdown")
    ]
    assert result.code == 2
    assert result.err.count("\n") == 1 and "empty" in result.err and "no drafts" in result.err


def test_cli_exclude_that_leaves_nothing_is_a_usage_error(cli, newsroom):
    result = cli("check", "drafts/world", "--exclude", "world/")
    assert result.code == 2
    assert "no files to check" in result.err


def test_configured_excludes_are_relative_to_the_configuration_file(cli, newsroom, monkeypatch):
    (newsroom / "claimcheck.toml").write_text(
        'exclude = ["drafts/archive/", "*.draft.md"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(newsroom / "drafts")  # the configuration is found upwards from here
    result = cli("extract", ".", "--format", "json")  # extract reads the excludes too
    assert os.path.join("archive", "2019", "old.md") not in {
        d["path"] for d in result.json()["documents"]
    }
    checked = cli("check", ".", "--format", "json", "--exclude", "local/")
    assert checked.code in (0, 1), checked.err
    assert checked.json()["summary"]["files"] == 2  # world/syria.md and world/ukraine.markdown


def test_an_exclude_that_is_not_a_list_of_strings_is_a_usage_error(cli, newsroom):
    (newsroom / "claimcheck.toml").write_text("exclude = [1]\n", encoding="utf-8")
    result = cli("check", "drafts")
    assert result.code == 2 and "exclude" in result.err
