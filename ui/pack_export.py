"""File → Export pack…: every document of the meeting at once into a folder (ccm_secretariat/documents/pack.py;
the folder asked in ui/dialogs/pack_folder_dialog.py), behind the one progress bar of the task runner (Cancel stops
the workers and leaves the folder as it was), then a summary of what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from ccm_secretariat.documents.pack import write_pack
from ui.dialogs.pack_folder_dialog import PackFolderDialog, proposed_folder
from ui.errors import show_error


def export_pack(window, folder: str | None = None) -> None:
    if window.meeting is None:
        QMessageBox.information(window, "Export pack", "Create or open a meeting first.")
        return
    if folder is None:
        proposed = proposed_folder(window.settings.last_folder, window.meeting.symbol_prefix)
        chosen, accepted = PackFolderDialog.ask(window, proposed)
        if not accepted or chosen is None:
            return
        folder = str(chosen)
    meeting_id, services = window.meeting.id, window.services

    def make():
        return write_pack(services, meeting_id, folder)

    def done(last):
        window.last_export = last
        window.settings.last_folder = folder  # the next export opens here
        window.say(last.message.splitlines()[0])
        warnings = list(dict.fromkeys(last.warnings))
        details = last.message + (
            f"\n\n{len(warnings)} names cannot be shown in full (see the log)." if warnings else ""
        )
        if window.tasks.synchronous:
            return
        if (
            QMessageBox.question(window, "Export pack", f"{details}\n\nOpen the folder now?")
            == QMessageBox.StandardButton.Yes
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    window.tasks.run(
        f"Writing the document pack to {Path(folder).name}", make, done, lambda e: show_error(window, "Export", e)
    )
