"""A one-line label that ends in "…" when its text is wider than its room, and then shows the whole text in its
tooltip (the mapping dialog's examples from the file)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", whole: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never pushes its neighbours
        self.set_full_text(text, whole)

    def set_full_text(self, text: str, whole: str = "") -> None:
        """`text` is drawn (cut with "…" when it must be); `whole` (else `text`) is the tooltip of a cut text."""
        self._full, self._whole = text, whole or text
        self.setAccessibleName(self._whole)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_cut(self) -> bool:
        return self.text() != self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(0, self.contentsRect().width() - 2 * self.margin())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        self.setText(shown)
        self.setToolTip(self._whole if shown != self._full else "")
