"""Issue 19: File → Export pack… opens on a folder named after the meeting inside the folder of the last export
(not the home folder), makes that folder when it does not exist, and says so next to the field when it cannot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import type_text, when_dialog
from ui.dialogs.pack_folder_dialog import PackFolderDialog, proposed_folder


def export_pack(window) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in menu.actions() if a.text() == "E&xport pack…").trigger()


def test_the_pack_opens_in_the_last_export_folder_and_makes_its_own_folder_there(window, tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    window.settings.last_folder = str(exports)
    seen = []

    def accept_with_enter(dialog: PackFolderDialog):
        seen.append(dialog.folder.text())
        assert dialog.focusWidget() is dialog.folder  # the keyboard starts in the field
        QTest.keyClick(dialog.folder, Qt.Key_Return)

    when_dialog(PackFolderDialog, accept_with_enter)
    export_pack(window)
    made = exports / f"{window.meeting.symbol_prefix.replace('/', '-')} documents"
    assert seen == [str(made)]
    assert made.is_dir() and any(p.suffix == ".pdf" for p in made.iterdir())  # made, then written into
    assert window.settings.last_folder == str(made)

    when_dialog(PackFolderDialog, accept_with_enter)  # the next pack: the same folder again, not one inside it
    export_pack(window)
    assert seen[-1] == str(made) and not (made / made.name).exists()


def test_a_folder_that_cannot_be_made_is_said_next_to_the_field_and_nothing_is_written(window, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    seen = {}

    def type_inside_a_file(dialog: PackFolderDialog):
        QTest.keyClick(dialog.folder, Qt.Key_A, Qt.ControlModifier)
        type_text(dialog.folder, str(blocker / "pack"))
        QTest.keyClick(dialog.folder, Qt.Key_Return)
        seen["open"], seen["problem"] = dialog.isVisible(), dialog.problem.text()
        QTest.keyClick(dialog.folder, Qt.Key_A, Qt.ControlModifier)
        type_text(dialog.folder, str(blocker))
        seen["file"] = dialog.problem.text()
        dialog.discard()

    when_dialog(PackFolderDialog, type_inside_a_file)
    export_pack(window)
    assert seen["open"] and "cannot be created" in seen["problem"] and str(blocker / "pack") in seen["problem"]
    assert seen["file"] == f"{blocker} is a file, not a folder."
    assert getattr(window, "last_export", None) is None  # nothing written


def test_browse_starts_where_the_typed_folder_would_be_and_a_gone_last_folder_falls_back_home(
    window, tmp_path, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda parent, title, start: asked.append(start) or str(tmp_path)
    )
    dialog = PackFolderDialog(tmp_path / "not yet" / "CCM documents", window)
    dialog.browse_button.click()
    assert asked == [str(tmp_path)] and dialog.folder.text() == str(tmp_path)
    dialog.discard()
    assert proposed_folder(str(tmp_path / "gone"), "CCM/CONF/2020") == Path.home() / "CCM-CONF-2020 documents"
