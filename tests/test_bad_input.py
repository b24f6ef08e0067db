"""Bad input: one clear line naming the file, exit 2, the other files still checked."""

from __future__ import annotations

import pytest

GOOD = "---\npublished: 2024-12-01\n---\nThe offensive began Wednesday.\n"


def _assert_clean_error(result, path, words):
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert str(path) in lines[0]
    assert words in lines[0]
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 owners said 40 people came.".encode("latin-1"), "invalid UTF-8"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"   \n\n  \n", "empty file"),
        ("bad-date.md", b"---\npublished: next tuesday\n---\nText.\n", "'published' is not a date"),
        ("bad-yaml.md", b"---\npublished: [2024\n---\nText.\n", "front matter is not valid YAML"),
    ],
)
def test_bad_file_is_one_line_and_exit_2(cli, write, name, content, words):
    path = write(name, content)
    for command in ("extract", "check"):
        _assert_clean_error(cli(command, path), path, words)


def test_missing_file_and_directory(cli, tmp_path):
    missing = tmp_path / "nope.md"
    _assert_clean_error(cli("check", missing), missing, "no such file")
    _assert_clean_error(cli("check", tmp_path), tmp_path, "is a directory")


def test_fifty_megabyte_file_is_refused_without_reading(cli, tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: the size check must come before reading
    _assert_clean_error(cli("check", huge), huge, "over the 16.0 MB limit")


def test_other_files_are_still_checked(cli, write):
    good = write("good.md", GOOD)
    bad = write("bad.txt", b"\xff\xfe\xfa")
    result = cli("extract", bad, good, "--format", "json")
    assert result.code == 2
    assert str(bad) in result.err
    (document,) = result.json()["documents"]
    assert document["path"] == str(good)
    assert document["claims"][0]["value"]["start"] == "2024-11-27"


def test_bom_is_tolerated(cli, write):
    path = write("bom.md", "\ufeff" + GOOD)
    result = cli("extract", path, "--format", "json")
    assert result.code == 0
    (claim,) = result.json()["documents"][0]["claims"]
    assert (claim["line"], claim["column"]) == (4, 21)


def test_bad_published_option_is_usage_error(cli, write):
    path = write("a.txt", "He spoke Sunday.")
    result = cli("extract", path, "--published", "someday")
    assert result.code == 2
    assert "--published" in result.err and "Traceback" not in result.err


def test_unknown_command_is_usage_error(cli):
    assert cli("frobnicate").code == 2
