"""The colour of each category's band on this meeting's badges (and its seats on the plan)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QPushButton, QWidget

from ccm_secretariat.domain.enums import Category
from ui import colours
from ui.dialogs.form import FormDialog


class BadgeColoursDialog(FormDialog):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__("Badge colours", parent)
        self.services, self.meeting_id = services, meeting_id
        self.colours = dict(services.badges.colours(meeting_id))
        defaults = services.badges.default_colours(meeting_id)  # the meeting's convention's
        self.swatches: dict[Category, QPushButton] = {}
        for category in Category:
            if category is Category.RATIFIED_NOT_IN_FORCE:
                continue
            swatch = QPushButton()
            swatch.setMinimumWidth(120)
            swatch.clicked.connect(lambda _c=False, c=category: self.choose(c))
            default = QPushButton("Default")
            default.setAccessibleName(f"{category.label}: default colour")
            default.clicked.connect(lambda _c=False, c=category: self.set_colour(c, defaults[c]))
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(swatch)
            layout.addWidget(default)
            layout.addStretch()
            self.swatches[category] = swatch
            self.add_field(category.value, category.label, row)
            self.set_colour(category, self.colours[category])

    def set_colour(self, category: Category, colour: str) -> None:
        self.colours[category] = colour.upper()
        text = colours.readable_on(colour)
        self.swatches[category].setText(colour.upper())
        self.swatches[category].setAccessibleName(f"{category.label}: badge colour {colour.upper()}")
        self.swatches[category].setStyleSheet(f"background: {colour}; color: {text};")

    def choose(self, category: Category) -> None:
        chosen = QColorDialog.getColor(QColor(self.colours[category]), self, category.label)
        if chosen.isValid():
            self.set_colour(category, chosen.name())

    def submit(self):
        self.services.badges.set_colours(
            self.meeting_id, {c: v for c, v in self.colours.items() if c != Category.RATIFIED_NOT_IN_FORCE}
        )
        return self.colours

    @classmethod
    def ask(cls, parent, services, meeting_id: int):
        dialog = cls(services, meeting_id, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
