"""The columns of the Documents and History pages. Documents: the title takes the stretch, the other columns
fit their content; on a small screen (1366×768 at 125 %: 1093 × 614 for the window) the title keeps its share,
the symbol, date, languages and agenda item read whole, and only the series and the type elide (whole in their
tooltips). History: the number and the dates read whole, the kind fits its content, and what the record says
takes the rest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.tables import cut_header

SYMBOL, TITLE, SERIES, DATE, LANGUAGES, ITEM, TYPE = range(7)


def _open(window, qtbot, size, key=Qt.Key_5):
    window.resize(*size)
    qtbot.keyClick(window, key, Qt.AltModifier)  # Alt+5: Documents
    QApplication.processEvents()
    return window.pages.currentWidget().table


def _whole(table, column) -> bool:
    """As wide as Qt says its cells need (the delegate elides below that)."""
    return table.columnWidth(column) >= table.sizeHintForColumn(column)


def test_on_a_small_screen_the_title_keeps_its_share_and_the_symbols_read_whole(window, qtbot):
    table = _open(window, qtbot, (1093, 614))
    room = table.viewport().width()
    assert table.columnWidth(TITLE) >= int(0.28 * room)  # was about a tenth of it: "Provisional Ag…"
    assert [c for c in (SYMBOL, DATE, LANGUAGES, ITEM) if not _whole(table, c)] == []
    assert "CCM/CONF/2020/CRP.1" in [table.model().index(r, SYMBOL).data() for r in range(table.model().rowCount())]
    header = table.horizontalHeader()
    assert [c for c in range(header.count()) if cut_header(header, c)] == []
    assert sum(table.columnWidth(c) for c in range(header.count())) <= room  # no sideways scrolling


@pytest.mark.parametrize("size", [(1366, 768), (1900, 1000)])
def test_with_room_every_column_but_the_title_fits_its_content_and_the_title_takes_the_rest(window, qtbot, size):
    table = _open(window, qtbot, size)
    others = (SYMBOL, SERIES, DATE, LANGUAGES, ITEM, TYPE)
    assert [c for c in others if not _whole(table, c)] == []
    for column in others:  # as wide as their content, not wider: the room left is the title's
        wanted = max(60, table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))
        assert table.columnWidth(column) == min(wanted, int(table.viewport().width() * 0.45)), column
    assert table.columnWidth(TITLE) > max(table.columnWidth(c) for c in others)


@pytest.mark.parametrize("size", [(1093, 614), (1366, 768)])
def test_the_historys_dates_read_whole_and_what_it_says_takes_the_rest(window, qtbot, size):
    table = _open(window, qtbot, size, Qt.Key_0)  # Alt+0: History
    assert window.pages.currentWidget() is window.events
    number, kind, when, what = range(4)
    assert [c for c in (number, when) if not _whole(table, c)] == []  # "16 November 2020 – 20 Nov…" before
    assert table.columnWidth(what) >= int(0.35 * table.viewport().width())
    if size[0] >= 1366:
        assert _whole(table, kind)
    header = table.horizontalHeader()
    assert sum(table.columnWidth(c) for c in range(header.count())) <= table.viewport().width()


@pytest.mark.parametrize("size", [(1093, 614), (1366, 768)])
def test_the_officers_names_read_whole_and_their_description_keeps_room(window, qtbot, size):
    window.resize(*size)
    qtbot.keyClick(window, Qt.Key_3, Qt.AltModifier)  # Alt+3: Meeting
    QApplication.processEvents()
    table = window.meeting_page.officer_table
    role, officer, description = range(3)
    assert _whole(table, officer)  # "Ms. Sheila N. Mweemba"
    assert table.columnWidth(description) >= int(0.3 * table.viewport().width())  # was "Descrip…", 80 pixels
    assert sum(table.columnWidth(c) for c in (role, officer, description)) <= table.viewport().width()


def test_the_agenda_titles_keep_room_beside_long_sub_items_and_the_plenaries_days_read_whole(window, qtbot, demo):
    meeting = demo.meetings.list()[0]
    demo.agenda.add_item(meeting.id, "General exchange of views", sub_items=["Universalization", "Victim assistance"])
    window.refresh_current()
    window.resize(1093, 614)
    qtbot.keyClick(window, Qt.Key_4, Qt.AltModifier)  # Alt+4: Agenda and programme of work
    QApplication.processEvents()
    page = window.agenda
    items, plenaries = page.item_table, page.plenary_table
    assert items.columnWidth(1) >= int(0.4 * items.viewport().width())  # "General exchange of v…" before
    assert [c for c in (0, 1, 2) if not _whole(plenaries, c)] == []  # No., "Wednesday 25 November 2020", time
