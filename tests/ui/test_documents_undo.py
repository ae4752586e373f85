"""The document register's removal and addition undone by the service (restore: the same entry under the same id
and version), so that an earlier edit's undo still finds the entry; the page holds no undo state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

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
