"""Which files to check: files, folders and globs, less ``.gitignore``-style excludes.

The order is deterministic: arguments in the order given, the files of a folder or a glob
sorted by path, each file once (its first mention wins). Exclude patterns are gitignore
patterns (``drafts/archive/``, ``*.draft.md``, ``!keep.md``) matched against each path
relative to ``root`` (the current folder, or where the configuration file lives); they
apply to every path, named or found, because pre-commit and CI name files one by one.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

# Suffixes a folder is searched for; a file named on the command line is read whatever
# its suffix (as plain text).
DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".docx"})
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class FileSelection:
    """How paths are expanded: the exclude patterns and the folder they are relative to."""

    exclude: Sequence[str] = ()
    root: Path = field(default_factory=Path.cwd)
    suffixes: frozenset[str] = DRAFT_SUFFIXES

    def _spec(self) -> pathspec.PathSpec:
        return pathspec.GitIgnoreSpec.from_lines(self.exclude)

    def expand(self, arguments: Iterable[str]) -> list[str]:
        """The files to check, in order; a missing path is kept so reading reports it."""
        spec = self._spec()
        files: list[str] = []
        seen: set[str] = set()

        def add(path: str) -> None:
            key = os.path.normcase(os.path.normpath(os.path.abspath(path))) if path != "-" else "-"
            if key not in seen and not self.excluded(path, spec):
                seen.add(key)
                files.append(path)

        for argument in arguments:
            if argument == "-":
                add(argument)
            elif os.path.isdir(argument):
                found = self._walk(argument, spec)
                if not found and not self.excluded(argument, spec):
                    add(argument)  # reading it says the folder holds no drafts
                for path in found:
                    add(path)
            elif not os.path.exists(argument) and _GLOB_CHARACTERS & set(argument):
                matches = sorted(glob.glob(argument, recursive=True), key=_path_order)
                if not matches:
                    add(argument)  # reading it says "no such file", naming the pattern
                for match in matches:
                    if os.path.isdir(match):
                        for path in self._walk(match, spec):
                            add(path)
                    else:
                        add(os.path.normpath(match))
            else:
                add(argument)
        return files

    def excluded(self, path: str, spec: pathspec.PathSpec | None = None) -> bool:
        """Whether a path matches the exclude patterns (relative to ``root``)."""
        if path == "-" or not self.exclude:
            return False
        spec = spec or self._spec()
        relative = _relative(path, self.root)
        if relative is None:
            return False  # outside the root: the patterns do not speak about it
        if os.path.isdir(path) and not relative.endswith("/"):
            relative += "/"
        return spec.match_file(relative)

    def _walk(self, folder: str, spec: pathspec.PathSpec) -> list[str]:
        """Draft files under ``folder``, sorted; hidden and excluded folders are not entered."""
        found: list[str] = []
        for current, folders, names in os.walk(folder):
            folders[:] = sorted(
                name
                for name in folders
                if not name.startswith(".") and not self.excluded(os.path.join(current, name), spec)
            )
            for name in names:
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in self.suffixes:
                    continue
                found.append(os.path.normpath(os.path.join(current, name)))
        return sorted(found, key=_path_order)


def _path_order(path: str) -> tuple[str, ...]:
    # Compare folder by folder so that "a/b.md" sorts before "a-b/c.md" on every system.
    return tuple(Path(path).parts)


def _relative(path: str, root: Path) -> str | None:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return None


def expand_paths(
    arguments: Sequence[str], exclude: Sequence[str] = (), root: Path | None = None
) -> list[str]:
    """The files to check for these command-line arguments (see ``FileSelection``)."""
    selection = FileSelection(exclude=tuple(exclude), root=root or Path.cwd())
    return selection.expand(arguments)
