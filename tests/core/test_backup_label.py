"""How File → Restore from backup names a backup: the day as the UN writes it, and a plural only when it is one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ccm_secretariat.storage.backups import BackupInfo


def info(participants: int) -> BackupInfo:
    taken = dt.datetime(2026, 12, 6, 7, 41)
    return BackupInfo(Path("x.sqlite3"), taken, "before-import", 1, ("Second Review Conference",), participants)


def test_a_backup_is_named_by_its_day_reason_meetings_and_participants():
    assert info(1).label == "6 December 2026, 07:41 — before import — Second Review Conference; 1 participant"
    assert info(0).label.endswith("; 0 participants") and info(1_234).label.endswith("; 1,234 participants")
    assert "(s)" not in info(2).label
