"""The compiled-pattern cache gives exactly what re.compile gives, and never less safely."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.lexicons import alternation, load_lexicon, pattern_cache
from claimcheck.lexicons.pattern_cache import PatternCache, regex_element

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b6bff47565225a41.txt"

# Patterns of the shapes the grammars use: named groups, inline and passed flags,
# lookarounds, classes, Unicode, a trie alternation of a lexicon.
PATTERNS = [
    (r"(?P<number>\d+(?:,\d{3})*)\s+(?P<noun>people|persons)\b", 0),
    (r"(?<![\w’'-])(?:more|fewer)\s+than\b", re.IGNORECASE),
    (r"(?i:sunday|monday)(?=\s*[,.])|(?P<year>(?:19|20)\d\d)", 0),
    (r"[“\"](?P<quote>[^”\"]{1,400})[”\"]", 0),
    (r"\b(?:" + alternation(load_lexicon("past_tense_verbs")) + r")\b", re.I),
    (r"(a)?(?(1)b|c)", 0),
]
SAMPLE = (
    "More than 400 people were killed on Sunday, 2024, the ministry said. "
    "“We are worried,” she told reporters; FEWER THAN 12 persons ac"
)


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch):
    # as on a user's machine (this test run may be under PYTHONDONTWRITEBYTECODE)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _matches(pattern: re.Pattern[str]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(SAMPLE)]


def test_a_stored_pattern_is_the_pattern_re_compiles(tmp_path):
    path = tmp_path / "patterns.json"
    first = PatternCache(path)
    for pattern, flags in PATTERNS:
        assert first.compile(pattern, flags) == re.compile(pattern, flags)
    first.save()
    assert path.exists()

    second = PatternCache(path)
    for pattern, flags in PATTERNS:
        cached, fresh = second.compile(pattern, flags), re.compile(pattern, flags)
        # equal patterns have the same code, flags and text
        assert cached == fresh
        assert cached is not fresh  # built from the file, not from re's own cache
        assert (cached.groups, cached.groupindex, cached.flags) == (
            fresh.groups,
            fresh.groupindex,
            fresh.flags,
        )
        assert _matches(cached) == _matches(fresh)
    assert not second._compiled  # nothing new to write


def test_an_invalid_pattern_fails_as_re_compile_does(tmp_path):
    with pytest.raises(re.error):
        PatternCache(tmp_path / "patterns.json").compile(r"(unclosed", 0)


def _stored(path: Path) -> tuple[list, dict]:
    header, _, body = path.read_bytes().partition(b"\n")
    return json.loads(header), json.loads(body)


def test_a_damaged_file_is_not_read(tmp_path):
    path = tmp_path / "patterns.json"
    cache = PatternCache(path)
    pattern, flags = PATTERNS[0]
    cache.compile(pattern, flags)
    cache.save()
    header, body = path.read_bytes().split(b"\n", 1)
    # one code word changed: valid JSON and base64, a checksum that no longer holds
    key = next(iter(json.loads(body)))
    entries = json.loads(body)
    words = bytearray(base64.b64decode(entries[key][1]))
    words[8] ^= 0x1F
    entries[key][1] = base64.b64encode(bytes(words)).decode()
    path.write_bytes(header + b"\n" + json.dumps(entries, separators=(",", ":")).encode())
    again = PatternCache(path)
    assert again.compile(pattern, flags) == re.compile(pattern, flags)
    assert again._compiled  # recompiled, and will be written anew

    for damage in (b"", b"\x00\xff garbage", header, header + b"\n{", b"[]\n{}"):
        path.write_bytes(damage)
        reader = PatternCache(path)
        assert reader.compile(pattern, flags) == re.compile(pattern, flags)
        reader.save()
        assert _stored(path)[1]  # a readable file again


def test_another_python_build_does_not_read_the_file(tmp_path, monkeypatch):
    path = tmp_path / "patterns.json"
    cache = PatternCache(path)
    cache.compile(*PATTERNS[0])
    cache.save()
    header, entries = _stored(path)
    assert sys.version in header
    monkeypatch.setattr(pattern_cache, "_HEADER", [*pattern_cache._HEADER[:2], "3.99.0", 0])
    assert PatternCache(path)._entries() == {}


def test_nothing_is_written_where_bytecode_is_not(tmp_path, monkeypatch):
    path = tmp_path / "patterns.json"
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = PatternCache(path)
    assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    cache.save()
    assert not path.exists()


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(pattern_cache.DISABLE_VARIABLE, "1")
    assert pattern_cache.default_path() is None
    monkeypatch.setenv(pattern_cache.DISABLE_VARIABLE, "0")
    assert pattern_cache.default_path() is not None


def test_an_unwritable_place_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = PatternCache(blocker / "patterns.json")
    assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    cache.save()  # no exception, nothing written
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_read_only_folder_is_not_written(tmp_path, monkeypatch):
    path = tmp_path / "patterns.json"
    cache = PatternCache(path)
    cache.compile(*PATTERNS[0])
    monkeypatch.setattr(pattern_cache.os, "access", lambda *_: False)
    cache.save()
    assert not path.exists() and cache._compiled  # kept for a save that can write


def test_writers_merge_and_a_full_cache_keeps_the_latest_run(tmp_path, monkeypatch):
    path = tmp_path / "patterns.json"
    one, two = PatternCache(path), PatternCache(path)
    one.compile(*PATTERNS[0])
    two.compile(*PATTERNS[1])
    one.save()
    two.save()  # merges what the other process wrote meanwhile
    assert len(_stored(path)[1]) == 2

    monkeypatch.setattr(pattern_cache, "MOST_ENTRIES", 2)
    three = PatternCache(path)
    three.compile(*PATTERNS[2])
    three.save()
    assert list(_stored(path)[1]) == [pattern_cache._key(*PATTERNS[2])]


def test_a_pyparsing_element_knows_whether_it_can_match_nothing():
    assert regex_element(r"\d*").mayReturnEmpty
    assert not regex_element(r"\d+").mayReturnEmpty
    assert regex_element(r"(?P<n>\d+)", as_match=True).parse_string("42")[0].group("n") == "42"


def test_a_run_reads_what_an_earlier_run_stored(tmp_path):
    """Three runs of the command line: without the cache, writing it, reading it. The
    output is the same; the cache lives under Python's pycache prefix when one is set."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment.pop(pattern_cache.DISABLE_VARIABLE, None)
    prefix = tmp_path / "pycache"
    command = [sys.executable, "-X", f"pycache_prefix={prefix}", "-m", "claimcheck"]
    command += ["extract", str(SEED), "--format", "json", "--explain"]

    def run(**extra: str) -> str:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            env={**environment, **extra},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    uncached = run(**{pattern_cache.DISABLE_VARIABLE: "1"})
    assert not list(prefix.rglob("patterns.*.json"))
    writing = run()
    (stored,) = prefix.rglob("patterns.*.json")
    assert len(_stored(stored)[1]) > 20
    written = stored.stat().st_mtime_ns
    reading = run()
    assert uncached == writing == reading
    # every pattern came from the file: a run that compiled one would have rewritten it
    assert stored.stat().st_mtime_ns == written
