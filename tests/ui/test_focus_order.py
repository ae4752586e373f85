"""Tab follows the screen in every dialog: the chain of stops is in reading order (row by row, left to right),
and the keyboard starts in the first field. Print badges once started at its bottom field and jumped to OK;
Register delegation never reached "A State"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QRadioButton

from ccm_secretariat.reference.profiles import profile
from tests.ui.walk import walk
from ui.dialogs.delegation_dialog import DelegationDialog
from ui.dialogs.room_print_dialog import RoomPrintDialog
from ui.focus_order import in_reading_order, stops
from ui.screen_fit import focus_chain, install


def chain_of_stops(dialog):
    wanted = set(stops(dialog))
    return [w for w in focus_chain(dialog) if w in wanted]


def test_every_dialog_tabs_in_reading_order(window, monkeypatch, tmp_path):
    problems = []

    def look(widget, where):
        if widget is window:
            return
        chain = chain_of_stops(widget)
        ordered = in_reading_order(chain, widget)
        start = chain.index(ordered[0]) if ordered else 0
        if chain[start:] + chain[:start] != ordered:  # (the chain is a ring: it may start anywhere)
            problems.append(f"{where}: {[type(w).__name__ for w in chain]}")

    walk(window, look, monkeypatch, tmp_path)
    assert not problems, "\n".join(problems)


def shown(qtbot, dialog):
    install()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)


def tab(qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    return QApplication.focusWidget()


def test_print_badges_starts_at_its_first_choice_and_goes_down(qtbot):
    dialog = RoomPrintDialog(True, (), (), profile("CCM"))
    shown(qtbot, dialog)
    first = QApplication.focusWidget()
    assert isinstance(first, QRadioButton) and first.text() == "Every participant"
    assert tab(qtbot) is dialog.category  # the choice's own field, below it
    assert tab(qtbot) is dialog.layout_box
    assert tab(qtbot) is dialog.revoke_old  # Reprints
    assert tab(qtbot) is dialog.language  # the last field
    assert tab(qtbot) is dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_register_delegation_reaches_a_state_by_tab(qtbot):
    dialog = DelegationDialog([], [], set(), lambda *a: None, profile("CCM"))
    shown(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.state  # type a State's name at once
    seen = [tab(qtbot) for _ in range(4)]
    assert seen == [
        dialog.name,
        dialog.is_org,
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        dialog.is_state,
    ]
    qtbot.keyClick(dialog.is_org, Qt.Key_Space)  # the other choice: one of the two, always
    assert dialog.is_org.isChecked() and not dialog.is_state.isChecked() and dialog.organisation.isEnabled()
