"""Issue 21: the mapping dialog's examples from the file are never cut without a sign: a long one ends in "…"
and shows whole in its tooltip; given the room, it shows whole."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from ccm_secretariat.imports.columns import Field
from ccm_secretariat.imports.tables import Sheet
from ui.dialogs.import_mapping_dialog import MappingDialog

LONG = (
    "Permanent Mission of the Plurinational State of Bolivia to the United Nations Office at Geneva",
    "Ministry of Foreign Affairs and International Cooperation of the Lao People's Democratic Republic",
    "Geneva International Centre for Humanitarian Demining",
)


def test_a_long_example_ends_in_an_ellipsis_and_shows_whole_in_its_tooltip(qtbot):
    sheet = Sheet(
        "indico.csv", ["Affiliation", "Email"], [(n + 2, (a, f"p{n}@example.org")) for n, a in enumerate(LONG)]
    )
    dialog = MappingDialog(sheet, {0: Field.AFFILIATION, 1: Field.EMAIL}, remembered=False)
    qtbot.addWidget(dialog)
    dialog.resize(900, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    affiliation, email = dialog.examples
    assert affiliation.is_cut() and affiliation.text().endswith("…")
    assert affiliation.full_text().startswith(affiliation.text()[:-1])
    assert affiliation.toolTip() == "\n".join(LONG)  # each example whole, one a line
    assert affiliation.fontMetrics().horizontalAdvance(affiliation.text()) <= affiliation.contentsRect().width()
    assert not email.is_cut() and email.toolTip() == ""
    QApplication.sendEvent(
        affiliation, QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(5, 5), affiliation.mapToGlobal(QPoint(5, 5)))
    )
    assert QToolTip.text() == "\n".join(LONG)

    dialog.resize(4000, 400)  # room for all of it: nothing cut, no tooltip
    qtbot.waitUntil(lambda: not affiliation.is_cut(), timeout=2000)
    assert affiliation.text() == " · ".join(LONG) and affiliation.toolTip() == ""
