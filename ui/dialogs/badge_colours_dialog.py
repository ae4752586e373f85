"""The colour of each category's band on this meeting's badges (and its seats on the plan): every category of
the meeting's convention, named as its profile names it."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QPushButton, QWidget

from ccm_secretariat.reference.profiles import CategoryProfile
from ui import colours
from ui.dialogs.form import FormDialog


class BadgeColoursDialog(FormDialog):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__("Badge colours", parent)
        self.services, self.meeting_id = services, meeting_id
        self.categories = services.meetings.get(meeting_id).profile.categories
        chosen = services.badges.colours(meeting_id)
        defaults = services.badges.default_colours(meeting_id)  # the meeting's convention's
        self.colours: dict[str, str] = {}
        self.swatches: dict[str, QPushButton] = {}  # by category key
        for category in self.categories:
            swatch = QPushButton()
            swatch.setMinimumWidth(120)
            swatch.setToolTip(category.view)
            swatch.clicked.connect(lambda _c=False, c=category: self.choose(c))
            default = QPushButton("Default")
            default.setAccessibleName(f"{category.view}: default colour")
            default.clicked.connect(lambda _c=False, c=category: self.set_colour(c, defaults[c.key]))
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(swatch)
            layout.addWidget(default)
            layout.addStretch()
            self.swatches[category.key] = swatch
            self.add_field(category.key, category.short, row)
            self.set_colour(category, chosen[category.key])

    def set_colour(self, category: CategoryProfile, colour: str) -> None:
        self.colours[category.key] = colour.upper()
        swatch = self.swatches[category.key]
        swatch.setText(colour.upper())
        swatch.setAccessibleName(f"{category.view}: badge colour {colour.upper()}")
        swatch.setStyleSheet(f"background: {colour}; color: {colours.readable_on(colour)};")

    def choose(self, category: CategoryProfile) -> None:
        chosen = QColorDialog.getColor(QColor(self.colours[category.key]), self, category.view)
        if chosen.isValid():
            self.set_colour(category, chosen.name())

    def submit(self):
        self.services.badges.set_colours(self.meeting_id, dict(self.colours))
        return self.colours

    @classmethod
    def ask(cls, parent, services, meeting_id: int):
        dialog = cls(services, meeting_id, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
