"""A delegation's or a participant's history as a workbook: when, who, what, the action, the details."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ccm_secretariat.exports.sheets import Sheet, write_sheets
from ccm_secretariat.progress import Progress
from ccm_secretariat.services.history import HistoryEntry


def history_workbook(title: str, entries: Sequence[HistoryEntry], out: str | Path) -> Iterator[Progress]:
    rows = ([e.at, e.by, e.what, e.action, e.details] for e in entries)
    sheet = Sheet(title[:31], ("When", "Who", "What", "Action", "Details"), (18, 16, 28, 16, 90), rows)
    return write_sheets([sheet], out, len(entries), private=True)  # it names people and their old details
