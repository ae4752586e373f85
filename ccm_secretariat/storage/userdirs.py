"""The user's own folders for the application, readable by the user alone (0700): the database and its backups,
the private temporary folder, the list of files still being written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ccm_secretariat.application import APP_ID as APP_NAME


def private(path: Path) -> Path:
    """Create `path` as a folder only its owner can enter, or tighten it if it is ours and looser."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o700)
    return path


def data_dir() -> Path:
    from platformdirs import user_data_path

    return private(user_data_path(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return private(user_cache_path(APP_NAME, appauthor=False))


def create_private(path: Path) -> None:
    """Create (or tighten) a file only its owner can read: a database or a backup holds personal data. SQLite
    gives the -wal and -shm files beside a database the database's own mode."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)
