"""The export dialogs ask the document's language, driven with keys: the meeting's by default, the choice
remembered per meeting and kind, and the file written in it (read back)."""

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ccm_secretariat.samples.synth import fictitious_members
from tests.ui.conftest import when_dialog
from ui.dialogs.document_language_dialog import DocumentLanguageDialog
from ui.dialogs.list_options_dialog import ListOptionsDialog
from ui.dialogs.room_print_dialog import RoomPrintDialog


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _french_meeting(window) -> None:
    meeting = window.meeting
    window.services.meetings.update(meeting.id, settings=meeting.settings.to_dict() | {"language": "fr"})
    window.reload_meetings(prefer=meeting.id)


def test_the_agenda_asks_its_language_the_meeting_s_first_then_the_one_chosen(window, tmp_path):
    _french_meeting(window)
    seen = []

    def down_and_enter(dialog: DocumentLanguageDialog):
        focused = dialog.focusWidget()
        seen.append((focused is dialog.language, dialog.language.currentData()))
        QTest.keyClick(focused, Qt.Key.Key_Down)  # French -> Spanish
        QTest.keyClick(focused, Qt.Key.Key_Return)

    when_dialog(DocumentLanguageDialog, down_and_enter)
    window.export("agenda", "pdf", str(tmp_path / "programa.pdf"))
    assert seen == [(True, "fr")]  # the keyboard in the language box, on the meeting's language
    text = _text(tmp_path / "programa.pdf")
    assert "Original: inglés" in text and "Ginebra" in text and "Geneva" not in text

    def escape(dialog: DocumentLanguageDialog):
        seen.append((dialog.focusWidget() is dialog.language, dialog.language.currentData()))
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)

    when_dialog(DocumentLanguageDialog, escape)
    window.export("agenda", "pdf", str(tmp_path / "again.pdf"))
    assert seen[1] == (True, "es")  # remembered for this meeting's agenda
    assert not (tmp_path / "again.pdf").exists()  # cancelled: nothing written

    def enter(dialog: DocumentLanguageDialog):
        seen.append(dialog.language.currentData())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    when_dialog(DocumentLanguageDialog, enter)
    window.export("documents-list", "docx", str(tmp_path / "liste.docx"))
    assert seen[2] == "fr"  # another kind: the meeting's language until one is chosen for it


def test_the_list_s_dialog_has_the_language_last(window, tmp_path):
    seen = []

    def to_spanish(dialog: ListOptionsDialog):
        for _ in range(4):  # as at, provisional, symbol, family names, then the language
            QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        focused = dialog.focusWidget()
        seen.append((focused is dialog.language, dialog.language.currentData()))
        QTest.keyClick(focused, Qt.Key.Key_Down)
        QTest.keyClick(focused, Qt.Key.Key_Down)  # English -> French -> Spanish
        QTest.keyClick(focused, Qt.Key.Key_Return)

    when_dialog(ListOptionsDialog, to_spanish)
    window.export("participants", "pdf", str(tmp_path / "lista.pdf"))
    assert seen == [(True, "en")]  # the demo's documents are in English
    text = _text(tmp_path / "lista.pdf")
    assert "Lista de participantes" in text and "Estados partes" in text and "List of participants" not in text

    def look(dialog: ListOptionsDialog):
        seen.append(dialog.language.currentData())
        dialog.discard()

    when_dialog(ListOptionsDialog, look)
    window.export("participants", "pdf", str(tmp_path / "again.pdf"))
    assert seen[1] == "es"


def test_badges_and_nameplates_in_the_language_chosen_in_the_print_dialog(window, tmp_path):
    fictitious_members(window.services, window.meeting.id, 12)
    _french_meeting(window)
    seen = []

    def badges(dialog: RoomPrintDialog):
        seen.append(dialog.language.currentData())
        dialog.language.setFocus()
        QTest.keyClick(dialog.language, Qt.Key.Key_Up)  # French -> English
        QTest.keyClick(dialog.language, Qt.Key.Key_Return)

    when_dialog(RoomPrintDialog, badges)
    window.export("badges", "pdf", str(tmp_path / "badges.pdf"))
    assert "STATE PARTY" in _text(tmp_path / "badges.pdf")

    def plates(dialog: RoomPrintDialog):
        seen.append(dialog.language.currentData())  # the nameplates' own: the meeting's
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    when_dialog(RoomPrintDialog, plates)
    window.export("nameplates", "pdf", str(tmp_path / "plates.pdf"))
    assert seen == ["fr", "fr"]
    text = _text(tmp_path / "plates.pdf")
    assert "ALLEMAGNE" in text and "GERMANY" not in text

    def badges_again(dialog: RoomPrintDialog):
        seen.append(dialog.language.currentData())
        dialog.discard()

    when_dialog(RoomPrintDialog, badges_again)
    window.export("badges", "pdf", str(tmp_path / "none.pdf"))
    assert seen[2] == "en"  # remembered for the badges
