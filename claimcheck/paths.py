"""Which files to check: files, folders and globs, less ``.gitignore``-style excludes.

The order is deterministic: arguments in the order given, the files of a folder or a glob
sorted by path, each file once (its first mention wins). Exclude patterns are gitignore
patterns (``drafts/archive/``, ``*.draft.md``, ``!keep.md``) matched against each path
relative to the folder they were written for (the current folder for ``--exclude``, the
configuration file's folder for its ``exclude`` key); they apply to every path, named or
found, because pre-commit and CI name files one by one.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

# Suffixes a folder is searched for; a file named on the command line is read whatever
# its suffix (as plain text).
DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".docx"})
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class ExcludePatterns:
    """Gitignore-style patterns and the folder they are relative to (where they were written:
    the current folder for ``--exclude``, the configuration file's folder for its ``exclude``)."""

    patterns: tuple[str, ...]
    root: Path

    @cached_property
    def _spec(self) -> pathspec.PathSpec:
        import pathspec  # a tenth of a second to import: only when there are patterns

        return pathspec.GitIgnoreSpec.from_lines(self.patterns)

    def match(self, path: str) -> bool:
        """Whether ``path`` is excluded; a path outside ``root`` never is."""
        relative = _relative(path, self.root)
        if relative is None or not self.patterns:
            return False
        if os.path.isdir(path) and not relative.endswith("/"):
            relative += "/"
        return self._spec.match_file(relative)


@dataclass(frozen=True)
class FileSelection:
    """How paths are expanded: the suffixes searched for and the exclude patterns."""

    excludes: tuple[ExcludePatterns, ...] = ()
    suffixes: frozenset[str] = DRAFT_SUFFIXES

    def expand(self, arguments: Iterable[str]) -> list[str]:
        """The files to check, in order; a missing path is kept so reading reports it."""
        files: list[str] = []
        seen: set[str] = set()

        def add(path: str) -> None:
            key = os.path.normcase(os.path.normpath(os.path.abspath(path))) if path != "-" else "-"
            if key not in seen and not self.excluded(path):
                seen.add(key)
                files.append(path)

        for argument in arguments:
            if argument == "-":
                add(argument)
            elif os.path.isdir(argument):
                found = self._walk(argument)
                if not found and not self.excluded(argument):
                    add(argument)  # reading it says the folder holds no drafts
                for path in found:
                    add(path)
            elif not os.path.exists(argument) and _GLOB_CHARACTERS & set(argument):
                matches = sorted(glob.glob(argument, recursive=True), key=_path_order)
                if not matches:
                    add(argument)  # reading it says "no such file", naming the pattern
                for match in matches:
                    if os.path.isdir(match):
                        for path in self._walk(match):
                            add(path)
                    else:
                        add(os.path.normpath(match))
            else:
                add(argument)
        return files

    def excluded(self, path: str) -> bool:
        """Whether a path matches any of the exclude patterns."""
        return path != "-" and any(excludes.match(path) for excludes in self.excludes)

    def _walk(self, folder: str) -> list[str]:
        """Draft files under ``folder``, sorted; hidden and excluded folders are not entered."""
        found: list[str] = []
        for current, folders, names in os.walk(folder):
            folders[:] = sorted(
                name
                for name in folders
                if not name.startswith(".") and not self.excluded(os.path.join(current, name))
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
    arguments: Sequence[str],
    exclude: Sequence[str] = (),
    root: Path | None = None,
    configured: ExcludePatterns | None = None,
) -> list[str]:
    """The files to check for these command-line arguments (see ``FileSelection``).

    ``exclude`` patterns are relative to ``root`` (default: the current folder);
    ``configured`` ones carry their own folder.
    """
    excludes = [ExcludePatterns(tuple(exclude), root or Path.cwd())]
    if configured is not None:
        excludes.append(configured)
    return FileSelection(excludes=tuple(e for e in excludes if e.patterns)).expand(arguments)
