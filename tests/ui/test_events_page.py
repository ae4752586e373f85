"""The meeting's history page, driven with the keyboard: a record typed in, changed, removed and undone."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ccm_secretariat.domain.events import EventKind
from tests.ui.conftest import type_text, when_dialog
from tests.ui.test_keyboard import press
from ui.dialogs.event_dialog import EventDialog


def _open(window, qtbot):
    qtbot.keyClick(window, Qt.Key_0, Qt.AltModifier)  # the tenth page: Alt+0
    assert window.pages.currentWidget() is window.events
    return window.events


def test_the_demos_history_is_listed_in_the_reports_order(window, qtbot):
    page = _open(window, qtbot)
    kinds = [e.kind for e in page.model.rows]
    assert kinds[0] is EventKind.PROVISIONS and kinds[-1] is EventKind.ADOPTED
    assert page.model.data(page.model.index(4, 1)) == "Preparatory meeting"
    assert page.model.data(page.model.index(4, 2)) == "29 June 2020"


def test_a_video_message_typed_in_then_undone(window, qtbot):
    page = _open(window, qtbot)
    before = len(page.model.rows)

    def fill(dialog: EventDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.VIDEO_MESSAGE))
        assert not dialog.widgets["venue"].isVisible() and dialog.widgets["on"].isVisible()
        dialog.kind.setFocus()
        assert dialog.focusWidget() is dialog.kind, dialog.focusWidget()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)
        assert dialog.focusWidget() is dialog.widgets["on"]  # the hidden fields take no Tab
        type_text(dialog.widgets["on"], "26 Nov 2020")
        qtbot.keyClick(dialog.widgets["on"], Qt.Key_Tab)
        assert dialog.focusWidget() is dialog.widgets["name"]
        type_text(dialog.widgets["name"], "Mr. Peter Maurer")
        qtbot.keyClick(dialog.widgets["name"], Qt.Key_Tab)
        type_text(dialog.focusWidget(), "President of the International Committee of the Red Cross")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Return)  # Enter in the capacity's field: OK
        assert not dialog.isVisible(), dialog.problem.text()

    when_dialog(EventDialog, fill)
    page.buttons["Add record…"].click()
    added = page.model.rows[-1]
    assert len(page.model.rows) == before + 1
    assert (added.kind, added.on, added.name) == (EventKind.VIDEO_MESSAGE, dt.date(2020, 11, 26), "Mr. Peter Maurer")
    assert added.circumstances == "President of the International Committee of the Red Cross"
    press(qtbot, page.table, Qt.Key_Z, Qt.ControlModifier)
    assert len(page.model.rows) == before
    press(qtbot, page.table, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert page.model.rows[-1].name == "Mr. Peter Maurer"


def test_a_required_field_left_empty_is_named_and_nothing_is_saved(window, qtbot):
    page = _open(window, qtbot)
    before = len(page.model.rows)

    def fill(dialog: EventDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.REQUESTED))
        type_text(dialog.widgets["reference"], "75/62")
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.problem.text().startswith("Operative paragraph")
        dialog.discard()

    when_dialog(EventDialog, fill)
    page.buttons["Add record…"].click()
    assert len(page.model.rows) == before


def test_removing_a_record_and_undoing_puts_it_back_in_its_place(window, qtbot, monkeypatch):
    page = _open(window, qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.selectRow(3)
    removed = page.model.rows[3]
    page.buttons["Remove"].click()
    assert removed.id not in [e.id for e in page.model.rows]
    press(qtbot, page.table, Qt.Key_Z, Qt.ControlModifier)
    back = page.model.rows[3]
    assert (back.kind, back.reference, back.outcome) == (removed.kind, removed.reference, removed.outcome)


def test_an_edit_then_a_removal_are_undone_in_turn_and_a_record_moves(window, qtbot, monkeypatch):
    """Undo walks back through a removal and the edit before it: the record comes back under its own id, so the
    edit's undo still finds it. Then a record moves up and the move is undone."""
    import dataclasses

    page = _open(window, qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    fourth = page.model.rows[3]

    def change(dialog: EventDialog):
        dialog.texts["outcome"].setText("to convene it")
        dialog.accept()

    page.table.selectRow(3)
    when_dialog(EventDialog, change)
    page.buttons["Edit…"].click()
    assert page.model.rows[3].outcome == "to convene it"
    page.table.selectRow(3)
    page.buttons["Remove"].click()
    press(qtbot, page.table, Qt.Key_Z, Qt.ControlModifier)  # the removal
    press(qtbot, page.table, Qt.Key_Z, Qt.ControlModifier)  # the edit
    assert dataclasses.replace(page.model.rows[3], version=0) == dataclasses.replace(fourth, version=0)
    page.table.selectRow(3)
    page.buttons["Move up"].click()
    assert page.model.rows[2].id == fourth.id
    press(qtbot, page.table, Qt.Key_Z, Qt.ControlModifier)
    assert page.model.rows[3].id == fourth.id


def test_a_reader_cannot_change_the_history(window, qtbot):
    window.become_read_only()
    page = _open(window, qtbot)
    assert not any(button.isEnabled() for button in page.buttons.values())
    assert not window.meeting_page.language.isEnabled()


def test_the_keys_act_on_the_selected_record(window, qtbot, monkeypatch):
    """Enter (or F2) edits the selected record and Delete removes it, as on the registration page."""
    page = _open(window, qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    select = page.model.rows[6]
    page.table.selectRow(6)
    seen = []

    def look(dialog: EventDialog):
        seen.append(dialog.kind.currentData())
        dialog.discard()

    when_dialog(EventDialog, look)
    press(qtbot, page.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [select.kind]
    page.table.selectRow(6)
    press(qtbot, page.table, Qt.Key_Delete)
    assert select.id not in [e.id for e in page.model.rows]


def _escape_after(window, qtbot, monkeypatch, change) -> tuple[bool, bool]:
    """Open the demo's first silence procedure (dates, a number, a tick and a text), do `change(dialog)` with
    the keyboard, press Escape: (whether the dialog asked, whether it closed). The question is answered No."""
    page = _open(window, qtbot)
    asked: list[str] = []

    def answer(*args, **_kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.table.selectRow(next(i for i, e in enumerate(page.model.rows) if e.kind is EventKind.SILENCE))
    closed = {}

    def act(dialog: EventDialog):
        assert dialog.kind.currentData() is EventKind.SILENCE
        change(dialog)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Escape)
        closed["closed"] = not dialog.isVisible()
        dialog.discard()

    when_dialog(EventDialog, act)
    press(qtbot, page.table, Qt.Key_Return)  # Enter: Change record…
    assert asked in ([], ["Discard what you typed?"])
    return bool(asked), closed["closed"]


def _tab_to(qtbot, dialog: EventDialog, name: str) -> None:
    dialog.kind.setFocus()
    for _ in range(len(dialog.widgets)):
        if dialog.focusWidget() is dialog.widgets[name]:
            return
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)
    raise AssertionError(f"Tab never reaches {name}")


def test_escape_after_tabbing_through_every_field_closes_without_asking(window, qtbot, monkeypatch):
    def tab_through(dialog):
        for _ in range(len(dialog.widgets) + 3):
            qtbot.keyClick(dialog.focusWidget(), Qt.Key_Tab)

    assert _escape_after(window, qtbot, monkeypatch, tab_through) == (False, True)


def test_escape_asks_after_a_change_to_any_field_and_the_dialog_stays(window, qtbot, monkeypatch):
    def tick(dialog):
        _tab_to(qtbot, dialog, "flag")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Space)  # the tick alone (its text never changes)

    def count_up(dialog):
        _tab_to(qtbot, dialog, "number")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Up)

    def type_in(name, text):
        def change(dialog):
            _tab_to(qtbot, dialog, name)
            qtbot.keyClick(dialog.focusWidget(), Qt.Key_End)
            type_text(dialog.focusWidget(), text)

        return change

    for change in (tick, count_up, type_in("venue", " (Geneva)"), type_in("agreed_end", "x")):
        assert _escape_after(window, qtbot, monkeypatch, change) == (True, False), change


def test_escape_asks_after_the_kind_changed_and_not_once_it_is_back(window, qtbot, monkeypatch):
    def other_kind(dialog):
        qtbot.keyClick(dialog.kind, Qt.Key_Down)

    def there_and_back(dialog):
        qtbot.keyClick(dialog.kind, Qt.Key_Down)
        _tab_to(qtbot, dialog, "on")  # a field of the other kind, typed in, then hidden again: not saved
        type_text(dialog.focusWidget(), "26 Nov 2020")
        qtbot.keyClick(dialog.kind, Qt.Key_Up)

    def typed_and_taken_back(dialog):
        _tab_to(qtbot, dialog, "venue")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_End)
        type_text(dialog.focusWidget(), "x")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Backspace)

    assert _escape_after(window, qtbot, monkeypatch, other_kind) == (True, False)
    assert _escape_after(window, qtbot, monkeypatch, there_and_back) == (False, True)
    assert _escape_after(window, qtbot, monkeypatch, typed_and_taken_back) == (False, True)
