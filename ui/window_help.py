"""The main window's Help menu: the keyboard shortcuts and About."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox

from ui.window_base import WindowBase

SHORTCUTS = (
    (
        "Alt+1 … Alt+9, Alt+0",
        "The pages: Overview, Registration, Meeting, Agenda, Documents, Decisions, Reference data, Check-in, "
        "Obligations, History",
    ),
    ("Alt+8, then scan", "Check-in at the door: scan a badge (or type a name, choose it, Enter)"),
    ("Ctrl+F", "Find a participant (Escape in the search clears it)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Ctrl+N", "New meeting"),
    ("Ctrl+O", "Open a database"),
    ("Ctrl+I", "Import registrations"),
    ("Ctrl+P", "Print preview of the list of participants (the PDF as exported; Ctrl+P again prints)"),
    ("Insert", "Register a delegation, or add a participant (in the table that has the keyboard)"),
    ("Enter", "On a delegation: go to its members; on a participant: edit"),
    ("F2", "On a delegation: its category; on a participant: edit"),
    ("Delete", "Remove the selected delegation or participants (undo brings them back)"),
    ("Enter / Escape", "In a dialog: accept / cancel (after asking when something was typed)"),
    ("Alt + underlined letter", "Any button or menu"),
)


class HelpActions(WindowBase):
    """Part of MainWindow (ui/main_window.py)."""

    def show_about(self) -> None:
        from ccm_secretariat.application import APP_NAME, VERSION
        from ccm_secretariat.exports.fonts import FONT_DIR
        from ccm_secretariat.logs import log_path

        QMessageBox.about(
            self,
            f"About the {APP_NAME}",
            f"<b>{APP_NAME}</b> {VERSION}<br>For the secretariat of treaty meetings.<br>"
            "MIT licence.<br><br>"
            f"Log: {escape(str(log_path()))}<br>"
            f"Database: {escape(self.services.db.display_name)}<br><br>"
            "Fonts: DejaVu (free licence, in "
            f"{escape(str(FONT_DIR / 'LICENSE-DejaVu.txt'))}).",
        )

    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(SHORTCUTS, self).exec()
