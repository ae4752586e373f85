"""Opening the desk as the secretary does (not the tests' synchronous window): the window shows its frame at once
and the registration page fills off the main thread; what is typed or changed meanwhile is not lost."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ccm_secretariat.domain.participants import ParticipantInput
from tests.ui.conftest import type_text
from ui.main_window import MainWindow
from ui.settings import DeskSettings


def opened(qtbot, services, tmp_path) -> MainWindow:
    window = MainWindow(services, DeskSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.IniFormat)))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


def test_the_window_shows_its_frame_first_and_the_registration_page_fills_after_it(qtbot, demo, tmp_path):
    window = opened(qtbot, demo, tmp_path)
    page = window.registration
    # The window is built without having read the meeting's people: the page says it is reading.
    assert page.reading.pending
    assert page.delegation_model.rowCount() == 0
    assert page.members_title.text() == "Reading the delegations and their members…"
    assert not page.buttons["add_participant"].isEnabled()  # no delegation to add to yet
    window.show()
    qtbot.waitExposed(window)  # the first frame is on screen
    qtbot.waitUntil(lambda: not page.reading.pending, timeout=30_000)
    meeting = demo.meetings.list()[0]
    assert [d.name for d in page.delegation_rows] == [d.name for d in demo.registration.delegations(meeting.id)]
    assert len(page.delegation_rows) == 88
    assert "States Parties" in page.counts.text()
    assert page.members_title.text() == "Select a delegation to see its members."


def test_a_search_typed_while_the_page_reads_applies_when_the_people_arrive(qtbot, demo, tmp_path):
    meeting = demo.meetings.list()[0]
    chile = next(d for d in demo.registration.delegations(meeting.id) if d.name == "Chile")
    demo.registration.add_participant(chile.id, ParticipantInput("Quintanilla", "Zoë", "Ms."))
    window = opened(qtbot, demo, tmp_path)
    window.show()
    page = window.registration
    window.pages.setCurrentWidget(page)
    type_text(page.search, "quintan")
    qtbot.waitUntil(lambda: not page.reading.pending, timeout=30_000)
    assert [p.display_name for p in page.member_model.rows] == ["Ms. Zoë Quintanilla"]


def test_an_edit_made_while_the_page_reads_is_not_overwritten_by_the_older_reading(qtbot, demo, tmp_path, monkeypatch):
    window = opened(qtbot, demo, tmp_path)
    page = window.registration
    qtbot.waitUntil(lambda: not page.reading.pending, timeout=30_000)
    meeting = demo.meetings.list()[0]
    chile = next(d for d in demo.registration.delegations(meeting.id) if d.name == "Chile")
    # A reading that found the meeting as it was before the edit below, and arrives after it.
    before, read = page._read(meeting.id), page._read
    readings: list[int] = []
    monkeypatch.setattr(page, "_read", lambda m: before if not readings.append(m) and len(readings) == 1 else read(m))
    page.reload()
    assert page.reading.pending
    demo.registration.add_participant(chile.id, ParticipantInput("Lagos", "Ana", "Ms."))
    page.reload_delegation(chile.id)  # what the page does after an edit of Chile's members
    qtbot.waitUntil(lambda: not page.reading.pending, timeout=30_000)
    assert [p.family_name for p in page.members[chile.id]] == ["Lagos"]
    assert next(d for d in page.delegation_rows if d.id == chile.id).participant_count == 1
