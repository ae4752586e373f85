"""Open every window of the desk the way a person does (the start-up dialog, every menu action, every button of
every page with a row selected, File → Import through its preview, File → Restore from backup) and look at each one
while it is open: `walk(window, look)` calls
`look(widget, where)` for each page of the main window and for every dialog as it shows. Dialogs are closed
again without saving; nothing is removed or erased."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from tests.ui.test_import_dialog import CSV
from ui.dialogs.restore_dialog import RestoreDialog
from ui.dialogs.start_dialog import StartDialog

# Actions and buttons that destroy, quit or switch the database: never pressed by the walk.
SKIPPED = ("quit", "remove", "erase", "delete", "open database", "practice", "show all", "undo", "redo")
# (Restore from backup is walked: its dialog is closed without choosing, so nothing is restored.)

Look = Callable[[QWidget, str], None]


def _skipped(text: str) -> bool:
    return any(word in text.replace("&", "").lower() for word in SKIPPED)


def walk(window, look: Look, monkeypatch, tmp_path) -> list[str]:
    """Every dialog's title, in the order they opened."""
    seen: list[str] = []
    csv = tmp_path / "inscriptions.csv"
    csv.write_text(CSV, encoding="utf-8")

    def shown(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen.append(dialog.windowTitle())
        look(dialog, f"dialog {type(dialog).__name__} “{dialog.windowTitle()}”")
        if type(dialog).__name__ == "MappingDialog":
            dialog.accept()  # on to the preview
        else:
            QDialog.done(dialog, 0)  # closed without the question about what was typed
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", shown)
    for name in ("question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    StartDialog.ask()  # the first start, before any window (as ui/app.py opens it)
    opened = {"file": str(csv)}  # File → Import reads the CSV; a page's button that asks for a file gets none
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (opened["file"], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")  # (Browse… in Export pack)

    for action in window.menuBar().actions():
        for item in action.menu().actions():
            targets = item.menu().actions() if item.menu() is not None else [item]
            for target in targets:
                if target.isSeparator() or _skipped(target.text()) or item.menu() is window.recent_menu:
                    continue
                target.trigger()
                _look_at_windows(window, look, seen)
    if "Restore from backup" not in seen:  # a server database has no backups of the desk's own: the dialog empty
        RestoreDialog.ask(window, [])
    opened["file"] = ""
    for n in range(window.pages.count()):
        window.pages.setCurrentIndex(n)
        page = window.pages.widget(n)
        QApplication.processEvents()
        look(window, f"main window, page “{window.pages.tabText(n)}”")
        for button in page.findChildren(QPushButton):
            _select_first_rows(page)
            if button.isVisibleTo(page) and button.isEnabled() and not _skipped(button.text()):
                button.click()
                _look_at_windows(window, look, seen)
    return seen


def _select_first_rows(page: QWidget) -> None:
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() and not view.selectionModel().hasSelection():
            for row in range(model.rowCount()):
                if model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable:
                    view.setCurrentIndex(model.index(row, 0))
                    break


def _look_at_windows(window, look: Look, seen: list[str]) -> None:
    """Windows opened without exec (the print preview): looked at, then closed."""
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and isinstance(widget, QDialog):
            seen.append(widget.windowTitle())
            look(widget, f"window {type(widget).__name__} “{widget.windowTitle()}”")
            widget.close()
