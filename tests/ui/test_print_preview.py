"""Print preview (Ctrl+P): the very PDF the export writes, drawn page by page, only the pages in view; printing
sends those pages to the printer."""

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from ccm_secretariat.samples.synth import fictitious_members
from tests.core.pdf_text import pdf_text
from ui.print_preview import PreviewDialog


def _ctrl_p(window, qtbot):
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "preview_dialog", None) is not None, timeout=20_000)
    return window.preview_dialog


def test_ctrl_p_previews_the_exported_list_and_prints_its_pages(window, qtbot, tmp_path):
    meeting = window.meeting
    fictitious_members(window.services, meeting.id, 400)
    window.settings.remember_list_options(
        window.services.db.display_name,
        meeting.id,
        {"date": "2020-11-20", "provisional": True, "symbol": f"{meeting.symbol_prefix}/MISC.1", "capitals": True},
    )

    dialog = _ctrl_p(window, qtbot)
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible()
    previewed = dialog.pages.path
    text = pdf_text(previewed)
    # The remembered options of the list: provisional, its symbol and its date; the export's masthead and notes.
    assert f"{meeting.symbol_prefix}/MISC.1" in text
    assert "20 November 2020" in text
    assert "provisional" in text.lower()  # the masthead says so

    # The same pages as File → Export writes with the same options.
    exported = tmp_path / "list.pdf"
    window.export("participants", "pdf", str(exported), options=window_options(meeting))
    assert len(pypdf.PdfReader(exported).pages) == len(dialog.pages) > 5
    assert pdf_text(exported) == text

    # Only what is in view has been drawn; a drawn page is a page (white with black text), not a blank.
    qtbot.waitUntil(lambda: dialog.model.drawn != [])
    assert max(dialog.model.drawn) < 4
    image = dialog.model.pixmap(0).toImage()
    assert image.pixelColor(2, 2) == QColor("white")
    dark = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height() // 3, 3)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 200

    dialog.go_to(len(dialog.pages) - 1)
    qtbot.waitUntil(lambda: len(dialog.pages) - 1 in dialog.model.drawn)
    assert dialog.position.text() == f"Page {len(dialog.pages)} of {len(dialog.pages)}"

    # Printing (to a PDF printer here): pages 2 to 4 of the preview.
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFromTo(2, 4)
    assert dialog.print_document(printer)
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == 3

    dialog.close()
    qtbot.waitUntil(lambda: not Path(previewed).exists())


def window_options(meeting):
    import datetime as dt

    from ccm_secretariat.documents.registry import ExportOptions

    return ExportOptions(
        date=dt.date(2020, 11, 20), provisional=True, symbol=f"{meeting.symbol_prefix}/MISC.1", capitals=True
    )


@pytest.mark.parametrize("what", ["agenda", "programme", "report"])
def test_every_pdf_document_has_a_preview(window, qtbot, what):
    window.preview(what)
    dialog = window.preview_dialog
    assert dialog.pages.path.exists() and len(dialog.pages) >= 1
    qtbot.waitUntil(lambda: dialog.model.drawn != [])
    dialog.close()
