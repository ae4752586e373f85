"""The overview page: each figure as the data hold it, and a click that lists exactly what it counts."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from tests.core.test_overview import TODAY, known_meeting
from ui.main_window import MainWindow
from ui.settings import DeskSettings


def open_window(qtbot, services, tmp_path):
    m, d, p = known_meeting(services)
    window = MainWindow(
        services, DeskSettings(QSettings(str(tmp_path / "d.ini"), QSettings.IniFormat)), synchronous=True
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.overview.day = TODAY
    window.reload_meetings(prefer=m.id)
    window.show()
    return window, m, d, p


def click(chart, row: int, segment: int) -> None:
    rect = chart.segment_rect(row, segment)
    assert rect.width() > 0, "segment not drawn"
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_the_overview_shows_the_figures_and_a_click_lists_what_each_counts(qtbot, services, tmp_path):
    window, m, d, p = open_window(qtbot, services, tmp_path)
    page, reg = window.overview, window.registration
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.data is not None)
    # The figures on the page, as the meeting holds them.
    assert [r.label for r in page.delegations.rows] == [
        "States Parties",
        "Signatory States",
        "Rule 1(2) organisations",
    ]
    assert [r.segments[0].count for r in page.delegations.rows] == [2, 1, 1]
    assert [r.note for r in page.delegations.rows] == ["previous: 1", "previous: 0", "previous: 0"]
    assert [r.segments[0].count for r in page.participants.rows] == [4, 1, 1]
    assert "(previous: Thirteenth Meeting)" in page.participation_box.title()
    assert [[s.count for s in r.segments] for r in page.credentials.rows] == [[1, 0, 1], [0, 1, 0], [0, 0, 1]]
    assert page.missing.text() == "1 State Party still without credentials: list them"
    assert [[s.count for s in r.segments] for r in page.gender.rows] == [[2, 1, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]]
    assert page.registrations.points[-1][1] == 5 and "1 with no date" in page.registered.text()
    assert [r.segments[0].count for r in page.today.rows] == [1, 0, 0]
    assert (page.printed.text(), page.not_printed.text()) == ("Badges printed: 2", "Not printed yet: 4")

    # The women of the States Parties: exactly those two people, with their delegation.
    page.grab()  # drawn once, so that the segments have their places
    click(page.gender, 0, 0)
    assert window.pages.currentWidget() is reg
    assert {r.id for r in reg.member_model.rows} == {p["ana"], p["eva"]}
    assert [r.id for r in reg.delegation_model.rows] == [d["chile"]]
    assert reg.focus_label.text() == "Showing 2 participants: States Parties: women"
    # Search keeps working inside what the figure counts; "Show all" lists everyone again.
    reg.search.setText("Soto")
    assert [r.id for r in reg.member_model.rows] == [p["eva"]]
    reg.search.clear()
    reg.show_all.click()
    assert reg.focus is None and len(reg.delegation_model.rows) == 4

    # The States Parties without credentials: the delegations, not the people.
    window.pages.setCurrentWidget(page)
    page.missing.click()
    assert [r.id for r in reg.delegation_model.rows] == [d["costa_rica"]]
    window.pages.setCurrentWidget(page)
    page.grab()
    click(page.credentials, 1, 1)  # the signatory's note verbale counts as a copy
    assert [r.id for r in reg.delegation_model.rows] == [d["indonesia"]]
    window.pages.setCurrentWidget(page)
    page.not_printed.click()
    assert {r.id for r in reg.member_model.rows} == {p["eva"], p["luis"], p["kim"], p["ari"]}
    window.pages.setCurrentWidget(page)
    page.grab()
    click(page.today, 0, 0)
    assert {r.id for r in reg.member_model.rows} == {p["eva"]}


def test_the_overview_follows_a_change(qtbot, services, tmp_path):
    from ccm_secretariat.domain.participants import ParticipantInput

    window, m, d, p = open_window(qtbot, services, tmp_path)
    page = window.overview
    services.registration.add_participant(d["icrc"], ParticipantInput("Meier", "Jon"))
    window.pages.setCurrentWidget(window.registration)
    window.pages.setCurrentWidget(page)  # shown again: read again
    assert [r.segments[0].count for r in page.participants.rows] == [4, 1, 2]


def test_the_bars_are_reached_with_the_keyboard(qtbot, services, tmp_path):
    window, m, d, p = open_window(qtbot, services, tmp_path)
    page, reg = window.overview, window.registration
    page.grab()
    page.credentials.setFocus()
    # From the States Parties' originals to their "not received" (an empty segment is passed over), then on to
    # the signatory's copy and back.
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):
        QTest.keyClick(page.credentials, key)
    QTest.keyClick(page.credentials, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is reg
    assert [r.id for r in reg.delegation_model.rows] == [d["costa_rica"]]


def test_a_meeting_with_no_delegations_does_not_claim_every_credential(qtbot, services, tmp_path):
    import datetime as dt

    from ccm_secretariat.services.meetings import MeetingInput

    empty = services.meetings.create(
        MeetingInput(
            "An empty meeting", "EMPTY", "CCM/MSP/2030", dt.date(2030, 9, 2), dt.date(2030, 9, 4), "", "", treaty="CCM"
        )
    )
    window = MainWindow(services, DeskSettings(QSettings(str(tmp_path / "e.ini"), QSettings.IniFormat)), True)
    qtbot.addWidget(window)
    window.reload_meetings(prefer=empty.id)
    window.show()
    page = window.overview
    qtbot.waitUntil(lambda: page.data is not None and page.data.meeting_id == empty.id)
    assert page.missing.text() == "No State Party is registered yet."
    assert not page.missing.isEnabled()
