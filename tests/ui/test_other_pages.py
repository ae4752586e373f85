"""Agenda, documents, meeting, exports: the other pages driven through their widgets."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.backends import ON_POSTGRES, sqlite_only
from tests.ui.conftest import type_text, when_dialog
from ui.dialogs.agenda_item_dialog import AgendaItemDialog
from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.plenary_dialog import PlenaryDialog
from ui.dialogs.side_event_dialog import SideEventDialog


def test_reorder_the_agenda(window):
    page = window.agenda
    window.pages.setCurrentWidget(page)
    for title in ("Opening of the Conference", "Election of the President"):
        when_dialog(AgendaItemDialog, lambda d, t=title: (type_text(d.title_edit, t), d.accept()))
        page.item_buttons["Add item…"].click()
    assert [(i.number, i.title) for i in page.items.rows] == [
        (14, "Consideration and adoption of the final document"),
        (15, "Opening of the Conference"),
        (16, "Election of the President"),
    ]
    page.item_table.selectRow(2)
    page.item_buttons["Move up"].click()
    page.item_buttons["Move up"].click()
    assert [i.title for i in page.items.rows] == [
        "Election of the President",
        "Consideration and adoption of the final document",
        "Opening of the Conference",
    ]
    assert [i.number for i in page.items.rows] == [1, 2, 3]
    window.undo_action.trigger()
    assert [i.title for i in page.items.rows] == [
        "Consideration and adoption of the final document",
        "Election of the President",
        "Opening of the Conference",
    ]


def test_sub_items_a_closed_hybrid_meeting_and_a_side_event_typed_in_and_undone(window, answer_yes):
    from PySide6.QtCore import Qt, QTime
    from PySide6.QtTest import QTest

    from ccm_secretariat.domain.enums import MeetingFormat

    page, agenda, meeting_id = window.agenda, window.services.agenda, window.meeting.id
    window.pages.setCurrentWidget(page)

    def item(dialog):
        type_text(dialog.title_edit, "Review of the operation and status of the Convention")
        for line in ("Universalization", "Stockpile destruction & retention", "", "Clearance"):
            type_text(dialog.sub_items, line)
            QTest.keyClick(dialog.sub_items, Qt.Key_Return)  # a new line, not OK
        assert dialog.isVisible()
        dialog.accept()

    when_dialog(AgendaItemDialog, item)
    page.item_buttons["Add item…"].click()
    added = page.items.rows[-1]
    assert added.lettered == (
        ("(a)", "Universalization"),
        ("(b)", "Stockpile destruction & retention"),
        ("(c)", "Clearance"),
    )
    assert page.items.data(page.items.index(len(page.items.rows) - 1, 2)).startswith("(a) Universalization; (b)")

    def plenary(dialog):
        dialog.number.setValue(10)
        dialog.items.clear()
        type_text(dialog.items, f"{added.number}")
        dialog.closed.setChecked(True)
        dialog.format.setCurrentIndex(dialog.format.findData(MeetingFormat.HYBRID))
        dialog.accept()

    when_dialog(PlenaryDialog, plenary)
    page.plenary_buttons["Add plenary meeting…"].click()
    tenth = next(p for p in agenda.plenaries(meeting_id) if p.number == 10)
    assert (tenth.closed, tenth.format, tenth.agenda_item_numbers) == (True, MeetingFormat.HYBRID, (added.number,))

    def event(dialog):
        type_text(dialog.title_edit, "Clearance in practice")
        dialog.start.setTime(QTime(13, 15))
        dialog.end.setTime(QTime(14, 30))
        type_text(dialog.organiser, "GICHD")
        dialog.accept()

    when_dialog(SideEventDialog, event)
    page.event_buttons["Add side event…"].click()
    assert [(e.title, e.organiser, e.start_time.hour) for e in page.events.rows] == [
        ("Clearance in practice", "GICHD", 13)
    ]

    # Removing the item takes it off the tenth meeting; undo puts back the item, its letters and the meeting's
    # reference; undoing the side event takes it away, redo brings it back under its own id.
    page.item_table.selectRow(len(page.items.rows) - 1)
    page.item_buttons["Remove"].click()
    assert added.id not in [i.id for i in agenda.items(meeting_id)]
    assert next(p for p in agenda.plenaries(meeting_id) if p.number == 10).agenda_item_numbers == ()
    window.undo_action.trigger()
    assert agenda.items(meeting_id)[-1] == added
    assert next(p for p in agenda.plenaries(meeting_id) if p.number == 10) == tenth
    event_id = page.events.rows[0].id
    window.undo_action.trigger()
    assert page.events.rows == []
    window.redo_action.trigger()
    assert [e.id for e in page.events.rows] == [event_id]


def test_a_bad_symbol_is_refused_with_its_reason(window):
    page = window.documents
    window.pages.setCurrentWidget(page)
    seen = {}

    def fill(dialog: DocumentDialog):
        dialog.symbol.clear()
        type_text(dialog.symbol, "CCM/CONF/2020/WP3")
        type_text(dialog.title_edit, "Working paper")
        seen["bad"] = (dialog.problem.text(), dialog.buttons.button(QDialogButtonBox.Ok).isEnabled())
        dialog.accept()
        seen["still_open"] = dialog.isVisible()
        dialog.symbol.clear()
        type_text(dialog.symbol, "CCM/CONF/2020/WP.1")
        seen["duplicate"] = dialog.problem.text()
        dialog.symbol.clear()
        type_text(dialog.symbol, "CCM/CONF/2020/WP.4/Rev.1")
        seen["kind"] = dialog.kind.text()
        dialog.accept()

    when_dialog(DocumentDialog, fill)
    page.buttons["Add document…"].click()
    assert "“WP3”" in seen["bad"][0] and seen["bad"][1] is False and seen["still_open"]
    assert "in the register already" in seen["duplicate"]
    assert seen["kind"] == "Working paper (WP.), revision"
    symbols = [d.symbol for d in page.model.rows]
    assert len(symbols) == 31 and symbols.index("CCM/CONF/2020/WP.4/Rev.1") == symbols.index("CCM/CONF/2020/WP.3") + 1


def test_meeting_page_saves_at_once_and_refuses_a_bad_prefix(window, demo, demo_meeting):
    page = window.meeting_page
    window.pages.setCurrentWidget(page)
    page.edits["city"].setText("Lausanne")
    page.edits["city"].editingFinished.emit()
    assert demo.meetings.get(demo_meeting.id).city == "Lausanne"
    page.edits["symbol_prefix"].setText("not a prefix")
    page.edits["symbol_prefix"].editingFinished.emit()
    assert "Symbol prefix" in page.problem.text()
    assert demo.meetings.get(demo_meeting.id).symbol_prefix == "CCM/CONF/2020"


def test_exports_from_the_menu(window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from ui.dialogs.document_language_dialog import DocumentLanguageDialog

    when_dialog(DocumentLanguageDialog, lambda dialog: dialog.accept())  # the meeting's language, as offered
    window.export("participants", "xlsx", str(tmp_path / "w.xlsx"))
    assert load_workbook(tmp_path / "w.xlsx")["Delegations"].max_row == 89
    when_dialog(DocumentLanguageDialog, lambda dialog: dialog.accept())  # the report asks its language too
    window.export("report", "docx", str(tmp_path / "r.docx"))
    assert (tmp_path / "r.docx").stat().st_size > 10_000
    assert "Wrote" in window.statusBar().currentMessage()
    # The menu lists every document of the registry, in each of its formats; each writes through it.
    from ui.main_window import EXPORTS

    labels = [label for label, _fmt, _what in EXPORTS]
    for expected in (
        "Provisional agenda (PDF)…",
        "Provisional programme of work (Word)…",
        "List of documents (PDF)…",
        "Report on credentials (Word)…",
    ):
        assert expected in labels
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "E&xport")
    assert [a.text().replace("&", "") for a in menu.actions()] == labels + [
        "",
        "Provisional programme of work, A4 landscape (PDF)…",
        "Provisional programme of work, A4 landscape (Word)…",
    ]
    when_dialog(DocumentLanguageDialog, lambda dialog: dialog.accept())
    window.export("agenda", "pdf", str(tmp_path / "a.pdf"))
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")

    # The landscape programme, chosen in the menu: its pages lie on their side.
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "wide.pdf"), "*.pdf"))
    next(a for a in menu.actions() if a.text().endswith("A4 landscape (PDF)…")).trigger()
    box = PdfReader(tmp_path / "wide.pdf").pages[0].mediabox
    assert box.width > box.height


def test_decisions_edited_in_place(window, demo, demo_meeting, qtbot):
    page = window.decisions
    window.pages.setCurrentWidget(page)
    page.table.selectRow(0)
    page.text.setPlainText("The Conference thanked Switzerland.")
    page.save_text()
    assert demo.agenda.decisions(demo_meeting.id)[0].text == "The Conference thanked Switzerland."
    window.undo_action.trigger()
    assert demo.agenda.decisions(demo_meeting.id)[0].text.startswith("The Conference thanked Switzerland for its")


def test_a_decision_s_italics_are_typed_between_asterisks_and_shown_as_printed(window, demo, demo_meeting, qtbot):
    page = window.decisions
    window.pages.setCurrentWidget(page)
    row = next(i for i, d in enumerate(page.model.rows) if "*inter alia*" in d.text)
    index = page.model.index(row, 2)
    assert "*" not in page.model.data(index)  # the list shows the words, not the markup
    page.table.selectRow(row)
    assert "<i>inter alia</i>" in page.printed.text()
    page.text.setFocus()
    page.text.moveCursor(page.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.text, " See *mutatis mutandis*.")
    assert "<i>mutatis mutandis</i>" in page.printed.text() and "*" not in page.printed.text()


@sqlite_only  # restoring a file's backup; a server's database is restored with the server's own tools
def test_restore_from_backup_in_the_window(qtbot, demo, demo_meeting, tmp_path, answer_yes):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ccm_secretariat.services import open_services
    from tests.ui.conftest import when_dialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.main_window import MainWindow
    from ui.settings import DeskSettings

    settings = DeskSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.IniFormat))
    window = MainWindow(demo, settings, synchronous=True, open_database=open_services)
    qtbot.addWidget(window)
    window.show()
    window.back_up()
    swiss = next(d for d in demo.registration.delegations(demo_meeting.id) if d.name == "Switzerland")
    demo.registration.remove_delegation(swiss.id)
    seen = {}

    def choose(dialog: RestoreDialog):
        seen["labels"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.list.setCurrentRow(0)
        dialog.accept()

    when_dialog(RestoreDialog, choose)
    window.restore_backup()
    assert "manual" in seen["labels"][0] and "Second Review Conference" in seen["labels"][0]
    replacement = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    qtbot.addWidget(replacement)
    names = {d.name for d in replacement.services.registration.delegations(demo_meeting.id)}
    assert "Switzerland" in names
    replacement.services.close()


def test_delete_a_meeting_help_and_status_messages(window, demo, demo_meeting, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ccm_secretariat.services.registration import ParticipantInput
    from ccm_secretariat.storage import backups

    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.setdefault("about", text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a: shown.setdefault(title, text))
    window.show_about()
    assert "Secretariat Desk" in shown["about"] and demo.db.display_name in shown["about"]
    assert "DejaVu" in shown["about"]
    from ui.dialogs.shortcuts_dialog import ShortcutsDialog

    def read_keys(dialog):
        table = dialog.table
        shown["Keyboard shortcuts"] = {table.item(r, 0).text() for r in range(table.rowCount())}
        dialog.accept()

    when_dialog(ShortcutsDialog, read_keys)
    window.show_shortcuts()
    assert {"Ctrl+Z / Ctrl+Shift+Z", "F2"} <= shown["Keyboard shortcuts"]
    # Undo and redo say what they did.
    page = window.registration
    peru = next(d for d in page.delegation_rows if d.name == "Peru")
    window.editor.perform(
        "Add Quispe to Peru",
        lambda: demo.registration.add_participant(peru.id, ParticipantInput("Quispe", "Luis")),
        lambda row: demo.registration.remove_participant(row.id),
    )
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == "Undone: Add Quispe to Peru"
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == "Redone: Add Quispe to Peru"
    page.select_delegation("Peru")
    assert "<b>Peru</b> (States Parties) — 1 member" in page.members_title.text()
    assert "<b>States Parties</b> 60 (1 person)" in page.counts.text()
    # Deleting the meeting asks, backs the database up first, and leaves no undo step naming it.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    before = len(backups.list_backups(demo.db.sqlite_path)) if not ON_POSTGRES else 0
    window.delete_meeting()
    assert demo.meetings.list() == [] and window.undo_stack.count() == 0
    if ON_POSTGRES:  # a server's database is backed up by the server's own regime, and the question says so
        assert "the server's own backups" in asked[0]
    else:
        assert "backed up first" in asked[0]
        assert len(backups.list_backups(demo.db.sqlite_path)) == before + 1


def test_the_list_s_options_are_asked_and_remembered_per_meeting(window, demo_meeting, tmp_path):
    import datetime as dt

    from PySide6.QtCore import QDate

    from tests.core.test_meeting_documents import pdf_text
    from tests.ui.conftest import when_dialog
    from ui.dialogs.list_options_dialog import ListOptionsDialog

    seen = {}

    def fill(dialog: ListOptionsDialog):
        dialog.date.setDate(QDate(2020, 11, 20))
        dialog.provisional.setChecked(True)
        dialog.symbol.setText("CCM/CONF/2020/MISC.1")
        dialog.accept()

    when_dialog(ListOptionsDialog, fill)
    window.export("participants", "pdf", str(tmp_path / "l.pdf"))
    text = pdf_text(tmp_path / "l.pdf")
    assert "CCM/CONF/2020/MISC.1" in text and "Provisional list of participants" in text
    assert "20 November 2020" in text

    def look(dialog: ListOptionsDialog):
        seen["remembered"] = (dialog.date.date().toPython(), dialog.provisional.isChecked(), dialog.symbol.text())
        dialog.discard()

    when_dialog(ListOptionsDialog, look)
    window.export("participants", "pdf", str(tmp_path / "again.pdf"))
    assert seen["remembered"] == (dt.date(2020, 11, 20), True, "CCM/CONF/2020/MISC.1")
    assert not (tmp_path / "again.pdf").exists()  # cancelled: nothing written


def test_a_document_entry_changed_at_another_desk_is_not_overwritten_unknowingly(window, demo, demo_meeting):
    from ccm_secretariat.services import open_services
    from ccm_secretariat.services.documents import DocumentInput
    from tests.backends import location

    page = window.documents
    window.pages.setCurrentWidget(page)
    page.table.selectRow(0)
    first = page.model.rows[0]
    seen = {}

    def edit(dialog: DocumentDialog):
        other = open_services(location(demo))
        other.documents.update(
            first.id,
            DocumentInput(
                first.symbol,
                "Changed at the other desk",
                first.issue_date,
                first.languages,
                first.agenda_item_number,
                first.submitted_by,
                first.distribution,
            ),
        )
        other.close()
        dialog.title_edit.setText("Changed here")
        dialog.accept()
        seen["message"], seen["open"] = dialog.problem.text(), dialog.isVisible()
        seen["between"] = demo.documents.get(first.id).title
        dialog.accept()  # knowingly, over the other desk's change

    when_dialog(DocumentDialog, edit)
    page.edit()
    assert seen["open"] and "was changed by" in seen["message"] and " at " in seen["message"]
    assert seen["between"] == "Changed at the other desk"
    assert demo.documents.get(first.id).title == "Changed here"
    window.undo_action.trigger()  # undo puts back what this desk's save replaced... on the version it saw
    assert demo.documents.get(first.id).title == first.title


def test_two_edits_of_one_record_undo_in_turn_and_a_stale_plenary_is_refused(window, demo, demo_meeting):
    """Undo follows the desk's own versions: the second edit's undo leaves the version the first edit's undo is
    made on. Another desk's change in between is never overwritten unknowingly."""
    from ccm_secretariat.services import open_services
    from tests.backends import location

    page, agenda = window.agenda, demo.agenda
    window.pages.setCurrentWidget(page)
    page.item_table.selectRow(0)
    original = page.items.rows[0]
    for title in ("Opening of the Second Review Conference", "Opening"):
        page.item_table.selectRow(0)
        when_dialog(AgendaItemDialog, lambda d, t=title: (d.title_edit.clear(), type_text(d.title_edit, t), d.accept()))
        page.item_buttons["Edit…"].click()
    assert agenda.items(demo_meeting.id)[0].title == "Opening"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert agenda.items(demo_meeting.id)[0].title == original.title
    window.redo_action.trigger()
    assert agenda.items(demo_meeting.id)[0].title == "Opening of the Second Review Conference"

    # The meeting page: two fields in turn, both undone.
    meeting_page = window.meeting_page
    window.pages.setCurrentWidget(meeting_page)
    for name, value in (("city", "Lausanne"), ("venue", "Beaulieu")):
        meeting_page.edits[name].setText(value)
        meeting_page.edits[name].editingFinished.emit()
    window.undo_action.trigger()
    window.undo_action.trigger()
    now = demo.meetings.get(demo_meeting.id)
    assert (now.city, now.venue) == (demo_meeting.city, demo_meeting.venue)

    # A plenary meeting changed at another desk while this one's dialog is open: refused and said.
    window.pages.setCurrentWidget(page)
    page.plenary_table.selectRow(0)
    first = page.plenaries.rows[0]
    seen = {}

    def edit(dialog: PlenaryDialog):
        other = open_services(location(demo))
        other.agenda.set_plenary(
            demo_meeting.id,
            first.number,
            first.date,
            first.start_time,
            first.end_time,
            first.agenda_item_numbers,
            True,
            plenary_id=first.id,
            expected_version=first.version,
        )
        other.close()
        dialog.number.setValue(first.number + 100)
        dialog.accept()
        seen["message"], seen["open"] = dialog.problem.text(), dialog.isVisible()
        dialog.discard()

    when_dialog(PlenaryDialog, edit)
    page.plenary_buttons["Edit…"].click()
    assert seen["open"] and "was changed by" in seen["message"] and "Nothing was saved" in seen["message"]
    numbers = [p.number for p in agenda.plenaries(demo_meeting.id)]
    assert first.number in numbers and first.number + 100 not in numbers
    assert agenda.plenaries(demo_meeting.id)[0].closed


def test_file_export_pack_writes_the_meeting_documents_into_the_folder_chosen(window, demo, tmp_path):
    """The folder is typed (after Tab, over what is offered) and made when it does not exist yet (issue 19)."""
    from PySide6.QtTest import QTest

    from ccm_secretariat.documents.pack import PACK
    from ccm_secretariat.domain.participants import ParticipantInput
    from ui.dialogs.pack_folder_dialog import PackFolderDialog

    delegation = demo.registration.delegations(window.meeting.id)[0]
    demo.registration.add_participant(delegation.id, ParticipantInput("Delegate", "Alex", "Mx."))
    folder = tmp_path / "exports" / "pack"  # neither exists yet

    def type_folder(dialog: PackFolderDialog):
        QTest.keyClick(dialog.folder, Qt.Key_A, Qt.ControlModifier)
        type_text(dialog.folder, str(folder))
        QTest.keyClick(dialog.folder, Qt.Key_Return)

    when_dialog(PackFolderDialog, type_folder)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in menu.actions() if a.text() == "E&xport pack…").trigger()
    written = {p.name for p in folder.iterdir()}
    assert written == {item.file_name for item in PACK} - {"seating-plan.pdf"}  # no State drawn by lot yet
    assert window.statusBar().currentMessage().startswith(f"{len(PACK) - 1} of {len(PACK)} documents written")
    assert "seating-plan.pdf: not written" in window.last_export.message


def test_the_meeting_s_document_language_is_chosen_on_its_page(window, demo, demo_meeting, qtbot, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    page = window.meeting_page
    window.pages.setCurrentWidget(page)
    assert page.language.currentText() == "English"
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key.Key_Down)  # French
    assert demo.meetings.get(demo_meeting.id).settings.language == "fr"
    from ccm_secretariat.documents.registry import ExportOptions

    window.export("participants", "pdf", str(tmp_path / "liste.pdf"), ExportOptions())  # the meeting's language
    assert "Liste des participants" in PdfReader(tmp_path / "liste.pdf").pages[0].extract_text()
    window.undo_action.trigger()
    assert demo.meetings.get(demo_meeting.id).settings.language == "en"
    assert page.language.currentText() == "English"


def test_the_meetings_title_in_the_documents_language_is_typed_on_its_page(window, demo, demo_meeting, qtbot, tmp_path):
    """French documents print the title the secretary gives in French (found trying the desk: the English title
    was printed in a French masthead)."""
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    from ccm_secretariat.documents.registry import ExportOptions
    from tests.ui.conftest import type_text

    page = window.meeting_page
    window.pages.setCurrentWidget(page)
    assert not page.local_title.isEnabled()  # English: the title as recorded
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key.Key_Down)  # French
    assert page.local_title.isEnabled()
    french = "Deuxième Conférence d'examen des États parties à la Convention sur les armes à sous-munitions"
    type_text(page.local_title, french)
    qtbot.keyClick(page.local_title, Qt.Key.Key_Tab)
    assert demo.meetings.get(demo_meeting.id).settings.titles == {"fr": french}
    window.export("agenda", "pdf", str(tmp_path / "ordre.pdf"), ExportOptions())
    text = " ".join(PdfReader(tmp_path / "ordre.pdf").pages[0].extract_text().split())
    assert "Deuxième Conférence d'examen" in text
    window.undo_action.trigger()
    assert demo.meetings.get(demo_meeting.id).settings.titles == {}
