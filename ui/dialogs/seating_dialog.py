"""The seating plan: the State drawn by lot (typed as drawn in the room, or drawn by the desk), the room
(blocks, rows, seats per row) and the seats each delegation of a category has."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QSpinBox, QWidget

from ccm_secretariat.orm.meeting_room import MAX_SEATS_PER_DELEGATION
from ccm_secretariat.services.seating import PlanRow
from ui.dialogs.form import FormDialog

DRAW = "— the desk draws one now —"


class SeatingDialog(FormDialog):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__("Seating plan", parent)
        self.services, self.meeting_id = services, meeting_id
        plan: PlanRow | None = services.seating.plan(meeting_id)
        self.state = QComboBox()
        self.state.setEditable(True)
        self.state.addItem(DRAW)
        self.state.addItems([s.name for s in services.reference.states()])
        self.state.setCurrentText(plan.first_state if plan else DRAW)
        self.state.setToolTip("The State drawn by lot; the seating starts from it in every category")
        self.kept = QLabel(
            f"Drawn on {plan.drawn_on:%d %B %Y}" + (" by the desk" if plan.drawn_by_desk else "")
            if plan
            else "No draw yet"
        )
        self.blocks, self.rows, self.seats = QSpinBox(), QSpinBox(), QSpinBox()
        for box, top, value in (
            (self.blocks, 12, plan.room.blocks if plan else 3),
            (self.rows, 200, plan.room.rows if plan else 10),
            (self.seats, 200, plan.room.seats_per_row if plan else 12),
        ):
            box.setRange(1, top)
            box.setValue(value)
        self.per_category: dict[str, QSpinBox] = {}  # by category key, the meeting's convention's categories
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, category in enumerate(services.meetings.get(meeting_id).profile.categories):
            spin = QSpinBox()
            spin.setRange(1, MAX_SEATS_PER_DELEGATION)
            spin.setValue(plan.seats.get(category.key, 1) if plan else 1)
            spin.setAccessibleName(f"Seats a delegation: {category.view}")
            self.per_category[category.key] = spin
            label = QLabel(category.short)
            label.setToolTip(category.view)
            label.setBuddy(spin)  # read as "States Parties", not as a bare number
            grid.addWidget(label, i, 0)
            grid.addWidget(spin, i, 1)
        self.include = QCheckBox("Seat registered delegations with nobody named too")
        self.include.setChecked(bool(plan and plan.include_registered))
        self.add_field("state", "Drawn by lot", self.state)
        self.add_field("drawn", "", self.kept)
        self.add_field("blocks", "Blocks side by side", self.blocks)
        self.add_field("rows", "Rows in a block", self.rows)
        self.add_field("seats_per_row", "Seats in a row", self.seats)
        self.add_field("seats", "Seats a delegation", grid_box)
        self.add_field("include", "", self.include)
        self._initial_state = self.state.currentText()
        self.setMinimumWidth(560)

    def submit(self) -> PlanRow:
        seats = {c: spin.value() for c, spin in self.per_category.items()}
        seating = self.services.seating
        state = self.state.currentText().strip()
        room = dict(
            rows=self.rows.value(),
            seats_per_row=self.seats.value(),
            blocks=self.blocks.value(),
            include_registered=self.include.isChecked(),
            seats=seats,
        )
        if seating.plan(self.meeting_id) is not None and state == self._initial_state:
            return seating.set_room(self.meeting_id, **room)  # the draw is kept
        return seating.draw(self.meeting_id, None if state == DRAW else state, **room)

    @classmethod
    def ask(cls, parent, services, meeting_id: int) -> tuple[PlanRow | None, bool]:
        dialog = cls(services, meeting_id, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
