"""Atomic file writing: work on a temporary file beside the target and rename it into place only at the end,
so a failed or cancelled export never leaves a half-written file in place of a good one."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ccm_secretariat.errors import DomainError
from ccm_secretariat.storage import pending


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would, for a moment, for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


def _checked_target(target: str | Path) -> Path:
    """The file to write, resolved through a symbolic link; refused when it cannot be a file written here."""
    if not str(target).strip():
        raise DomainError("give the name of the file to write.", "out")
    path = Path(os.path.realpath(target))  # over a symbolic link: write to the file it points to
    if path.is_dir():
        raise DomainError(f"{path} is a folder: give the name of a file in it.", "out")
    if path.exists() and not path.is_file():
        raise DomainError(f"{path} is not a regular file (a device or a pipe); choose another name.", "out")
    if path.exists() and not os.access(path, os.W_OK):
        raise DomainError(f"{path} is read-only; choose another name, or make it writable.", "out")
    if not path.parent.is_dir():
        raise DomainError(f"The folder {path.parent} does not exist.", "out")
    return path


def _put_in_place(temporary: Path, target: Path, private: bool) -> None:
    # A document for distribution gets the mode of any saved file; one with every contact detail stays 0600.
    os.chmod(temporary, 0o600 if private else 0o666 & ~_umask())
    if target.exists() and target.stat().st_nlink > 1:
        shutil.copyfile(temporary, target)  # a hard link: write through it, so every name sees the new file
    else:
        os.replace(temporary, target)


def _why_not_written(exc: OSError, target: Path) -> DomainError | None:
    """What to tell the user when the file could not be put in place (other failures pass as they are)."""
    if isinstance(exc, PermissionError):
        return DomainError(f"Cannot replace {target}: it is open in another program or read-only.", "out")
    if exc.errno == errno.ENOSPC:
        return DomainError(
            f"The disk is full: {target.name} was not written (the old file, if any, is as it "
            "was). Free some space and try again.",
            "out",
        )
    return None


@contextlib.contextmanager
def atomic_path(target: str | Path, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`, otherwise it is removed.
    The temporary file is readable by the user alone while it is written; `private` keeps the result so.

    A generator closed early (a cancelled export) raises GeneratorExit inside the block: the temporary file
    is removed and the target left as it was."""
    target = _checked_target(target)
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise DomainError(f"Cannot write in {folder}: {exc.strerror}.", "out") from exc
    os.close(handle)
    temporary = Path(name)
    pending.remember(temporary)
    try:
        yield temporary
        _put_in_place(temporary, target, private)
    except OSError as exc:
        told = _why_not_written(exc, target)
        if told is None:
            raise
        raise told from exc
    finally:
        if temporary.exists():
            temporary.unlink()
        pending.forget(temporary)
