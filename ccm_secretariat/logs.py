"""The application's log: a rotating file in the user's log folder (1 MB, three old files kept). It records what
a helper needs to know after the fact (migrations, backups, imports, exports, a font that fell back), with
counts and file names only: never a participant's name, e-mail or other personal data."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from ccm_secretariat.application import APP_ID, VERSION

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_ID, appauthor=False) / "desk.log"


def install(level: int = logging.INFO) -> Path | None:
    """Send the application's log records (logger `ccm_secretariat` and `ui`) to the rotating file; once per
    process. Returns the file, or None when its folder cannot be written (the application works on)."""
    path = log_path()
    for name in ("ccm_secretariat", "ui"):
        logger = logging.getLogger(name)
        if any(getattr(h, "_ccm_desk", False) for h in logger.handlers):
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        os.chmod(path, 0o600)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._ccm_desk = True  # type: ignore[attr-defined]
    for name in ("ccm_secretariat", "ui"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
    logging.getLogger("ccm_secretariat").info("Secretariat Desk %s started (process %d)", VERSION, os.getpid())
    return path
