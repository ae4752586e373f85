"""The first start: a new meeting, a database to open, or the demo conference."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

NEW, OPEN, DEMO = "new", "open", "demo"


class StartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to the Secretariat Desk")
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<h3>What would you like to do?</h3>"
            "<p>The desk keeps its data in one database file. You can start a new meeting, open a "
            "database a colleague gave you, or look around the demo conference first.</p>"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for key, text in (
            (NEW, "Start a &new meeting…"),
            (OPEN, "&Open a database…"),
            (DEMO, "Open the &demo conference (CCM Second Review Conference, 2020)"),
        ):
            button = QPushButton(text)  # (Alt+N, Alt+O, Alt+D: one letter each)
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _checked=False, key=key: self._choose(key))
            layout.addWidget(button)
        self.setMinimumWidth(480)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()

    @classmethod
    def ask(cls, parent=None):
        dialog = cls(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.choice, accepted
