"""Files that hold personal data while they are written: an export's temporary file beside its target, and the
spool files openpyxl writes a workbook's sheets to. A process killed half-way (a battery, a closed lid) leaves
them behind; the next start removes them. Each file being written is noted in the user's private folder with the
writing process's id; the temporary folder of every process is a private folder of its own."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from ccm_secretariat.storage.userdirs import cache_dir, data_dir, private


def _notes() -> Path:
    return private(data_dir() / "pending")


def _note(path: Path) -> Path:
    return _notes() / hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()


def remember(path: Path) -> None:
    try:
        _note(path).write_text(f"{os.getpid()}\n{path}", encoding="utf-8", errors="surrogateescape")
    except OSError:
        pass  # the note is a courtesy; the export goes on


def forget(path: Path) -> None:
    try:
        _note(path).unlink(missing_ok=True)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers() -> list[Path]:
    """Remove what killed processes left: temporary exports and private temporary folders. Returns the files."""
    removed: list[Path] = []
    for note in _notes().iterdir():
        try:
            pid_text, _, name = note.read_text(encoding="utf-8", errors="surrogateescape").partition("\n")
            if _alive(int(pid_text)):
                continue
            leftover = Path(name)
            if leftover.name.endswith(".part") and leftover.is_dir():  # a document pack's hidden folder
                removed += [p for p in leftover.rglob("*") if p.is_file()]
                shutil.rmtree(leftover, ignore_errors=True)
            elif leftover.name.endswith(".part") and leftover.exists():
                leftover.unlink()
                removed.append(leftover)
            note.unlink()
        except (OSError, ValueError):
            continue
    spool = cache_dir() / "tmp"
    if spool.is_dir():
        for folder in spool.iterdir():
            if folder.name.isdigit() and not _alive(int(folder.name)):
                removed += [p for p in folder.rglob("*") if p.is_file()]
                shutil.rmtree(folder, ignore_errors=True)
    return removed


def use_private_tempdir() -> Path:
    """Make this process's temporary files (openpyxl's spool files among them) go to a folder only the user can
    read, one per process so that the next start knows whose they were."""
    folder = private(private(cache_dir() / "tmp") / str(os.getpid()))
    tempfile.tempdir = str(folder)
    return folder


def prepare_process() -> list[Path]:
    """At start: clean up after killed processes, then keep this one's temporary files private."""
    removed = clean_leftovers()
    use_private_tempdir()
    return removed
