"""Where the shipped resources are, and the checks reference tables need (the reader is imports.tables)."""

from __future__ import annotations

import datetime as dt

from ccm_secretariat.application import resources_dir
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.imports.tables import Row, read_table

__all__ = ["RESOURCES", "REFERENCE_DIR", "Row", "read_table", "parse_date", "require_columns"]

RESOURCES = resources_dir()
REFERENCE_DIR = RESOURCES / "reference"


EARLIEST, LATEST = dt.date(1945, 1, 1), dt.date(2200, 12, 31)  # the UN era; later dates are typing slips


def parse_date(text: str, row: Row, column: str) -> dt.date | None:
    """The whole cell as a date (2008-12-03); "2008-12-03garbage" or 9999-12-31 is refused with its line."""
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"line {row.line}: “{text[:40]}” is not a date; write it as YYYY-MM-DD.", column
        ) from None
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(f"line {row.line}: {text} is not a plausible date for a treaty action.", column)
    return day


def require_columns(rows: list[Row], columns: tuple[str, ...], file_name: str) -> None:
    if not rows:
        raise ValidationError(f"{file_name} has no data rows.", "file")
    missing = [c for c in columns if c not in rows[0].values]
    if missing:
        raise ValidationError(f"{file_name} lacks the column(s) {', '.join(missing)}.", "file")
