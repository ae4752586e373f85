"""The document register's removal and addition undone by the service (restore: the same entry under the same id
and version), so that an earlier edit's undo still finds the entry; the page holds no undo state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import when_dialog
from ui.dialogs.document_dialog import DocumentDialog


def test_edit_remove_then_undo_both_puts_the_entry_back_as_it_was(window, answer_yes):
    page, docs = window.documents, window.services.documents
    window.pages.setCurrentWidget(page)
    page.table.selectRow(0)
    first = page.model.rows[0]

    def retitle(dialog: DocumentDialog):
        dialog.title_edit.selectAll()
        QTest.keyClicks(dialog.title_edit, "Retitled here")
        dialog.accept()

    when_dialog(DocumentDialog, retitle)
    page.edit()
    assert docs.get(first.id).title == "Retitled here"
    page.table.selectRow(next(i for i, r in enumerate(page.model.rows) if r.id == first.id))
    page.remove()
    assert all(r.id != first.id for r in docs.list(window.meeting.id))
    window.undo_action.trigger()  # the removal: the same entry, same id
    assert docs.get(first.id).title == "Retitled here"
    window.undo_action.trigger()  # the edit before it still finds the entry
    back = docs.get(first.id)
    assert back.title == first.title and back.as_input() == first.as_input()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert all(r.id != first.id for r in docs.list(window.meeting.id))


def test_an_added_entry_undone_and_redone_keeps_its_id(window):
    page, docs = window.documents, window.services.documents
    window.pages.setCurrentWidget(page)

    def fill(dialog: DocumentDialog):
        dialog.symbol.setText(f"{window.meeting.symbol_prefix}/INF.99")
        dialog.title_edit.setText("A test entry")
        dialog.accept()

    when_dialog(DocumentDialog, fill)
    page.add()
    added = next(r for r in docs.list(window.meeting.id) if r.title == "A test entry")
    window.undo_action.trigger()
    assert all(r.id != added.id for r in docs.list(window.meeting.id))
    window.redo_action.trigger()
    assert docs.get(added.id).title == "A test entry"
    QTest.keyClick(page.table, Qt.Key_Home)  # the page still answers the keyboard


def test_a_new_documents_number_typed_first_follows_the_meetings_prefix(window, qtbot):
    """Add document opens with the meeting's prefix in the symbol field and the keyboard after it: the number a
    secretary types first follows it (it replaced the whole prefix: "17" alone)."""
    from tests.ui.conftest import type_text
    from tests.ui.test_keyboard import press

    page = window.documents
    qtbot.keyClick(window, Qt.Key_5, Qt.AltModifier)
    seen = {}

    def number(dialog: DocumentDialog):
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.symbol)
        QApplication.processEvents()
        type_text(dialog.focusWidget(), "17")
        seen["symbol"] = dialog.symbol.text()
        dialog.discard()

    when_dialog(DocumentDialog, number)
    press(qtbot, page.buttons["Add document…"], Qt.Key_Space)
    assert seen == {"symbol": "CCM/CONF/2020/17"}


def test_escape_asks_after_only_a_language_was_unticked(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_keyboard import press

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    page = window.documents
    qtbot.keyClick(window, Qt.Key_5, Qt.AltModifier)
    seen = {}

    def untick(dialog: DocumentDialog):
        dialog.languages["RU"].setFocus()
        QTest.keyClick(dialog.languages["RU"], Qt.Key_Space)
        QTest.keyClick(dialog.focusWidget(), Qt.Key_Escape)
        seen["still open"] = dialog.isVisible()
        dialog.discard()

    when_dialog(DocumentDialog, untick)
    press(qtbot, page.buttons["Add document…"], Qt.Key_Space)
    assert seen == {"still open": True} and asked == ["Discard what you typed?"]
