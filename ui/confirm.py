"""Questions the desk asks before it does something that cannot be taken back."""

from __future__ import annotations

from pathlib import Path


def confirm_empty_file(parent, location: str) -> bool:
    """An empty file (0 bytes) becomes a database only if the secretary says so: it may be a file chosen by
    mistake, or one whose content was lost."""
    from PySide6.QtWidgets import QMessageBox

    path = Path(location) if "://" not in location else None
    if path is None or not path.is_file() or path.stat().st_size:
        return True
    return (
        QMessageBox.question(
            parent,
            "Empty file",
            f"{path} is empty (0 bytes). Make it a new database?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        == QMessageBox.StandardButton.Yes
    )


def discard_confirmed(dialog, question: str) -> bool:
    """Escape or Cancel in a dialog where something was typed or chosen: Yes only if the secretary says so (No is
    the default, so that nothing is lost by a slip)."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        dialog,
        dialog.windowTitle(),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
