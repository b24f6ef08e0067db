"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

The grammars are long alternations of the lexicons (unit spellings, speech verbs, date
pieces). Python's ``re`` parses and compiles a pattern in pure Python: for the grammars
that is about a third of a short ``claimcheck check``. What compiling produces, the
regex engine's code, depends only on the pattern, its flags and the Python build. So
the first run stores it beside the package's bytecode (``__pycache__/patterns.<tag>.json``,
under ``sys.pycache_prefix`` when one is set), and later runs hand the stored code
straight to the engine.

This reaches behind ``re.compile`` to the two private steps it is made of (the parser and
code generator, then ``_sre.compile``), which have had the same signatures from Python
3.10 to 3.13. So that nothing rests on that:

- a pattern is stored only if the engine, given the stored form, builds a pattern equal
  to what ``re.compile`` built (equal patterns have the same code);
- stored code is used only under the exact build that wrote it (``sys.version``, the
  engine's version, the byte order), and only from a file whose checksum holds: the
  engine checks the code it is given, but not thoroughly enough to be handed damage;
- the file is written as Python writes bytecode: not under ``-B`` /
  ``PYTHONDONTWRITEBYTECODE``, whole or not at all;
- on another interpreter than CPython, with a file that cannot be read or written, with
  ``CLAIMCHECK_NO_PATTERN_CACHE=1``, or for a pattern not stored, ``re.compile`` it is.
"""

from __future__ import annotations

import atexit
import base64
import json
import os
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

try:  # the parser and code generator behind re.compile: re._parser/_compiler from 3.11
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _re_compiler  # type: ignore[no-redef]
    import sre_parse as _re_parser  # type: ignore[no-redef]

try:
    import _sre

    # Bump _FORMAT when the stored layout changes; the rest names the build whose code
    # is stored.
    _FORMAT = 2
    _HEADER: list[Any] | None = [
        _FORMAT,
        sys.implementation.name,
        sys.version,
        sys.byteorder,
        _sre.MAGIC,
        _sre.CODESIZE,
    ]
except (ImportError, AttributeError):  # pragma: no cover - not CPython's engine
    _HEADER = None
# A cache holding more than this many patterns keeps only those of the latest run: the
# grammars compile about 300, and patterns built from a user's data must not pile up.
MOST_ENTRIES = 2000
DISABLE_VARIABLE = "CLAIMCHECK_NO_PATTERN_CACHE"

# What the engine's constructor takes besides the pattern: the flags of the compiled
# pattern, its code (base64 of the code words), the number of groups, and the two maps
# between group names and numbers.
_Entry = tuple[int, str, int, dict[str, int], list[Any]]


class PatternCache:
    """The compiled patterns stored in one file: read on the first lookup, written once at
    exit if the run compiled a pattern the file did not hold."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[str, _Entry] | None = None
        self._compiled: dict[str, _Entry] = {}
        self._used: set[str] = set()

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the stored code where it is stored."""
        flags = int(flags)
        if self.path is None:
            return re.compile(pattern, flags)
        key = _key(pattern, flags)
        self._used.add(key)
        entry = self._entries().get(key)
        if entry is not None:
            compiled = _from_entry(pattern, entry)
            if compiled is not None:
                return compiled
        compiled = re.compile(pattern, flags)
        if sys.dont_write_bytecode:  # nothing will be written: no entry to build
            return compiled
        entry = _entry_of(pattern, flags)
        # kept only if the engine, given it, builds the very pattern re.compile built
        # (patterns compare equal on their code): a Python whose re does more than these
        # two steps stores nothing, and every run compiles as usual
        if entry is not None and _from_entry(pattern, entry) == compiled:
            self._compiled[key] = entry
        return compiled

    def save(self) -> None:
        """Write this run's new patterns into the file, beside those already there. A file
        another process wrote meanwhile is merged, not overwritten; any failure to write
        leaves the file as it was."""
        if not self._compiled or self.path is None or sys.dont_write_bytecode:
            return
        folder = self.path.parent
        if not os.access(folder if folder.is_dir() else folder.parent, os.W_OK):
            return  # a read-only install: no file to build on every run
        entries = {**self._read(), **self._compiled}
        if len(entries) > MOST_ENTRIES:
            entries = {key: entry for key, entry in entries.items() if key in self._used}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        body = json.dumps(entries, separators=(",", ":")).encode("utf-8")
        header = json.dumps([*_HEADER, zlib.crc32(body)]).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # written whole under a name of its own, then renamed: a reader sees the old
            # file or the new one, never half of one (as importlib writes bytecode)
            with open(temporary, "xb") as out:
                out.write(header + b"\n" + body)
            os.replace(temporary, self.path)
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            return
        self._stored = entries
        self._compiled = {}

    def _entries(self) -> dict[str, _Entry]:
        if self._stored is None:
            self._stored = self._read()
        return self._stored

    def _read(self) -> dict[str, _Entry]:
        assert self.path is not None  # compile and save read only a cache with a file
        try:
            header, _, body = self.path.read_bytes().partition(b"\n")
            # the engine trusts the code it is given more than it checks it (some damaged
            # code crashes it), so a file whose checksum fails is not read at all
            if json.loads(header) != [*_HEADER, zlib.crc32(body)]:
                return {}
            entries = json.loads(body)
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}


def _key(pattern: str, flags: int) -> str:
    return f"{flags}:{pattern}"


def _entry_of(pattern: str, flags: int) -> _Entry | None:
    """What ``re.compile`` hands the engine for ``pattern``, as the cache stores it (the
    same steps as ``re._compiler.compile``); None where this Python's ``re`` is not built
    that way."""
    try:
        tree = _re_parser.parse(pattern, flags)
        code = _re_compiler._code(tree, flags)
        state = tree.state
        group_index = dict(state.groupdict)
        groups = state.groups
        compiled_flags = flags | state.flags
    except (AttributeError, TypeError, re.error):
        return None
    index_group: list[Any] = [None] * groups
    for name, index in group_index.items():
        index_group[index] = name
    words = base64.b64encode(array("I", code).tobytes()).decode("ascii")
    return (compiled_flags, words, groups - 1, group_index, index_group)


def _from_entry(pattern: str, entry: Any) -> re.Pattern[str] | None:
    """The engine's pattern from a stored entry; None for an entry that is not one, or
    whose code the engine refuses."""
    try:
        flags, words, groups, group_index, index_group = entry
        code = array("I", base64.b64decode(words, validate=True)).tolist()
        return _sre.compile(pattern, flags, code, groups, group_index, tuple(index_group))
    except (RuntimeError, TypeError, ValueError, OverflowError, AttributeError):
        return None


def default_path() -> Path | None:
    """Where the cache is kept: beside the package's bytecode; None when it is switched
    off or this is not CPython (whose engine code is what is stored)."""
    if os.environ.get(DISABLE_VARIABLE, "") not in ("", "0"):
        return None
    implementation = sys.implementation
    if _HEADER is None or implementation.name != "cpython" or implementation.cache_tag is None:
        return None
    from importlib.util import cache_from_source

    # the path Python would give the bytecode of a module 'patterns' of the package,
    # which honours sys.pycache_prefix
    package = Path(__file__).resolve().parent.parent
    bytecode = Path(cache_from_source(str(package / "patterns.py")))
    return bytecode.with_suffix(".json")


_cache: PatternCache | None = None


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` for the grammars' patterns, through the cache between runs."""
    global _cache
    if _cache is None:
        _cache = PatternCache(default_path())
        atexit.register(_cache.save)
    return _cache.compile(pattern, flags)


def regex_element(pattern: str, flags: int = 0, **options: Any) -> Any:
    """A pyparsing ``Regex`` of ``pattern``, compiled through the cache. pyparsing works
    out whether a regex it compiles itself can match nothing; given a compiled one, it is
    told here."""
    import pyparsing as pp

    compiled = compile_pattern(pattern, flags)
    element = pp.Regex(compiled, **options)
    element.mayReturnEmpty = compiled.match("") is not None
    return element
