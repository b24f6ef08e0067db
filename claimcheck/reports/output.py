"""``--output FILE``: write a report so that a reader never sees half of it.

CI uploads the SARIF file as soon as the step ends and editors' tools watch report files:
the text goes to a temporary file in the same folder, is flushed to disk, and replaces
the target in one rename (atomic on POSIX and Windows alike).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from claimcheck.errors import UsageError


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output {path}: folder {folder} does not exist")
    if target.is_dir():
        raise UsageError(f"--output {path}: is a directory")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # mkstemp creates 0600; a report replacing a file keeps that file's permissions
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
