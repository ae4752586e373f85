"""The choice of a document's language, as the Meeting page (the meeting's default) and the export dialogs offer
it: the languages the desk writes documents in."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

DOCUMENT_LANGUAGES = (("en", "English"), ("fr", "French (français)"), ("es", "Spanish (español)"))


def language_box(chosen: str, accessible_name: str = "Language of the document") -> QComboBox:
    """A box of the document languages with `chosen` (a code) selected; its current data is the code."""
    box = QComboBox()
    for code, label in DOCUMENT_LANGUAGES:
        box.addItem(label, code)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    box.setAccessibleName(accessible_name)
    return box
