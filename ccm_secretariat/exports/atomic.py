"""Atomic file writing: work on a temporary file beside the target and rename it into place only at the end,
so a failed or cancelled export never leaves a half-written file in place of a good one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ccm_secretariat.errors import DomainError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`, otherwise it is removed.

    A generator closed early (a cancelled export) raises GeneratorExit inside the block: the temporary file
    is removed and the target left as it was."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DomainError(f"The folder {folder} does not exist.", "out")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise DomainError(f"Cannot write in {folder}: {exc.strerror}.", "out") from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except PermissionError as exc:
        raise DomainError(f"Cannot replace {target}: it is open in another program or read-only.", "out") from exc
    finally:
        if temporary.exists():
            temporary.unlink()
