"""Which column of a registration file holds which field: one line per column, with examples from the file and
the field it is mapped to, detected (or remembered) and corrected by the secretary."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QGridLayout, QLabel, QScrollArea, QWidget

from ccm_secretariat.errors import ValidationError
from ccm_secretariat.imports import columns
from ccm_secretariat.imports.columns import Field, Mapping
from ccm_secretariat.imports.tables import Sheet, column_letter
from ui import colours
from ui.dialogs.form import FormDialog
from ui.elided import ElidedLabel

IGNORE = "— not imported —"


class MappingDialog(FormDialog):
    def __init__(self, sheet: Sheet, mapping: Mapping, remembered: bool, parent: QWidget | None = None):
        super().__init__(f"Columns of {sheet.name}", parent)
        self.sheet = sheet
        note = (
            "Mapped as the last file with these columns was."
            if remembered
            else "Mapped from the column names; correct what is wrong."
        )
        self.form.addRow(QLabel(f"{len(sheet.rows):,} rows ({sheet.encoding or 'Excel workbook'}). {note}"))
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        for col, title in enumerate(("Column", "In the file", "Field")):
            label = QLabel(f"<b>{title}</b>")
            grid.addWidget(label, 0, col)
        self.boxes: list[QComboBox] = []
        self.examples: list[ElidedLabel] = []
        for i, header in enumerate(sheet.headers):
            samples = [cells[i] for _line, cells in sheet.rows[:40] if cells[i]][:3]
            example = ElidedLabel(" · ".join(samples), "\n".join(samples))  # cut with "…", whole in the tooltip
            example.setStyleSheet(colours.style("quiet"))
            box = QComboBox()
            box.addItem(IGNORE, None)
            for f in Field:
                box.addItem(f.label, f)
            box.setCurrentIndex(box.findData(mapping[i]) if i in mapping else 0)
            box.currentIndexChanged.connect(self.revalidate)
            box.setAccessibleName(f"Field of column {header}")
            grid.addWidget(QLabel(f"{column_letter(i)}  {header}"), i + 1, 0)
            grid.addWidget(example, i + 1, 1)
            grid.addWidget(box, i + 1, 2)
            self.boxes.append(box)
            self.examples.append(example)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(sheet.headers) + 1, 1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Columns of the file")
        scroll.setWidget(grid_holder)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(min(520, 60 + 32 * len(sheet.headers)))
        self.form.addRow(scroll)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Preview…")
        self.setMinimumWidth(900)
        if self.boxes:
            self.boxes[0].setFocus()
        self.revalidate()

    def snapshot(self) -> tuple:
        return tuple(box.currentIndex() for box in self.boxes)

    def mapping(self) -> Mapping:
        return {i: box.currentData() for i, box in enumerate(self.boxes) if box.currentData() is not None}

    def problems(self):
        try:
            columns.check(self.sheet.headers, self.mapping())
        except ValidationError as exc:
            return "mapping", exc.message[:1].upper() + exc.message[1:]
        return None

    def submit(self):
        return self.mapping()

    @classmethod
    def ask(cls, parent, sheet: Sheet, mapping: Mapping, remembered: bool) -> tuple[Mapping | None, bool]:
        dialog = cls(sheet, mapping, remembered, parent)
        accepted = dialog.exec() == FormDialog.DialogCode.Accepted
        return dialog.result_value, accepted
