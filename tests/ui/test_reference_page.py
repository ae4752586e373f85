"""Issue 21: the reference data on a small screen. At 125 % on 1366×768 (1093 × 614 for the window) the States'
dates kept no year ("3 Dec …"): the States and the organisations now sit one above the other there, side by side
only on a wide screen, and every column takes what its content needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def show_reference(window, width: int, height: int):
    window.resize(width, height)
    window.pages.setCurrentWidget(window.reference)
    QApplication.processEvents()
    return window.reference


def test_on_a_small_laptop_the_dates_and_names_read_whole(window, qtbot):
    page = show_reference(window, 1093, 614)
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Vertical, timeout=2000)
    table = page.state_table
    QApplication.processEvents()
    narrow = [
        table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in (2, 4, 5)  # Signature, Deposit, In force: their years were cut
        if table.columnWidth(c) < table.sizeHintForColumn(c)
    ]
    assert narrow == []
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    room = table.columnWidth(0) - 8
    cut = [n for n in names if table.fontMetrics().horizontalAdvance(n) > room]
    assert len(cut) <= len(names) // 20, cut  # only the longest few names elide (whole in their tooltip)
    organisations = page.org_table
    assert organisations.columnWidth(2) >= organisations.sizeHintForColumn(2)  # the kind of organisation


def test_on_a_wide_screen_they_sit_side_by_side(window, qtbot):
    from ui.pages.reference import ReferencePage

    page = ReferencePage(window.services, window.editor)
    qtbot.addWidget(page)
    page.set_meeting(window.meeting)
    page.resize(1700, 800)
    page.show()
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Horizontal, timeout=2000)
    page.resize(1000, 800)
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Vertical, timeout=2000)


def test_a_status_list_is_imported_off_the_main_thread_and_the_page_says_what_changed(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ccm_secretariat.reference.files import REFERENCE_DIR

    page = window.reference
    window.pages.setCurrentWidget(page)
    shipped = REFERENCE_DIR / "ccm_status.tsv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shipped), ""))
    said = []
    page.status.connect(said.append)
    page.state_buttons["Import a status list…"].click()  # the window's task runner (synchronous in the tests)
    assert said and said[-1].startswith(f"Imported {shipped}: 0 added, 0 changed,")
