"""The preview of an import: every row with what would become of it, filters by what was found, and for the
selected row the secretary's choices (match the delegation by hand or add a new organisation, decide on a
duplicate, correct a split name). Each choice plans the import again; nothing is written until Import."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.prose import counted
from ccm_secretariat.imports.plan import Choices, Finding, NewOrganisation, Outcome, Plan, PlanRow
from ccm_secretariat.imports.resolve import Target
from ccm_secretariat.reference.profiles import ConventionProfile
from ui import colours
from ui.confirm import discard_confirmed
from ui.models.table import Column, RowTableModel
from ui.pages.common import make_table, selected_row

RESULT_TEXT = {Outcome.ADD: "add", Outcome.UPDATE: "update", Outcome.SKIP: "skip", Outcome.REFUSE: "refused"}
DECISION_TEXT = {
    Outcome.SKIP: "Skip this row",
    Outcome.UPDATE: "Update the registered person",
    Outcome.ADD: "Add as a different person",
}
FILTERS = (
    ("All rows", None),
    ("To add", {Finding.NEW}),
    ("Duplicates", {Finding.DUPLICATE, Finding.POSSIBLE_DUPLICATE}),
    ("Unresolved", {Finding.UNRESOLVED}),
    ("Errors", {Finding.ERROR}),
    ("Skipped", {Finding.SKIPPED}),
)
COLUMNS = [
    Column("Row", lambda r: r.line, align_right=True),
    Column("Result", lambda r: RESULT_TEXT[r.outcome]),
    Column("Found", lambda r: r.finding.value),
    Column("Given names", lambda r: r.given),
    Column("Family name", lambda r: r.family),
    Column("Affiliation", lambda r: r.affiliation, tooltip=lambda r: r.affiliation),
    Column("Delegation", lambda r: r.delegation, tooltip=lambda r: r.delegation),
    Column("Decided by", lambda r: r.decided_by.value if r.decided_by else ""),
    Column(
        "Why",
        lambda r: " ".join(filter(None, [r.message, *r.notes])),
        tooltip=lambda r: "\n".join(filter(None, [r.message, *r.notes])),
    ),
]
FOUND_WORDS = {
    Finding.DUPLICATE: ("duplicate", "duplicates"),
    Finding.POSSIBLE_DUPLICATE: ("possible duplicate", "possible duplicates"),
    Finding.UNRESOLVED: ("unresolved delegation", "unresolved delegations"),
    Finding.ERROR: ("error", "errors"),
}


class PlanModel(RowTableModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.rows[index.row()].outcome == Outcome.REFUSE
        ):
            return QColor(colours.colour("error"))  # (for a light or a dark palette)
        return super().data(index, role)


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        title: str,
        plan: Plan,
        targets: list[Target],
        replan: Callable[[Choices], Plan],
        save_report: Callable[[Plan], None] | None = None,
        parent: QWidget | None = None,
        profile: ConventionProfile | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.plan = plan
        self.profile = profile  # the meeting's convention: the categories a new organisation is offered
        self.choices = plan.choices or Choices()
        self._chosen_at_start = self._chosen()
        self._replan = replan
        self._save_report = save_report
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        for label, _ in FILTERS:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(self._show_rows)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self._label("&Show:", self.filter))
        top.addWidget(self.filter)
        self.model = PlanModel(COLUMNS, self)
        self.table = make_table(self.model, stretch_column=8, name="Rows of the file")
        self.table.setProperty("stretchShare", 0.22)  # the reasons keep room beside long affiliations (ui/tables.py)
        widths = ((0, 45), (1, 65), (2, 100), (3, 110), (4, 120), (5, 200), (6, 190), (7, 115))
        for column, width in widths:
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._show_row)

        # The selected row.
        self.row_box = QGroupBox("The selected row")
        form = QFormLayout(self.row_box)
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Not as wide as the longest organisation's name: the row's buttons stay in view on a small screen.
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(16)
        self.targets = targets
        for t in targets:
            self.target.addItem(t.label, t)
        self.target.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.target.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.same_text = QCheckBox("and every row that names the same delegation")
        self.same_text.setChecked(True)
        self.match_button = QPushButton("&Match")
        self.match_button.clicked.connect(self.match_selected)
        self.new_org_button = QPushButton("&New organisation…")
        self.new_org_button.clicked.connect(self.new_organisation)
        self.new_org_button.setEnabled(profile is not None)  # (a preview shown with no meeting's convention)
        match_row = QHBoxLayout()
        match_row.addWidget(self.target, 1)
        match_row.addWidget(self.match_button)
        match_row.addWidget(self.new_org_button)
        self.country_button = QPushButton("With its &country")
        self.country_button.setToolTip("Put the row with the State of its country column")
        self.country_button.clicked.connect(self.with_country)
        match_row.addWidget(self.country_button)
        form.addRow(self._label("&Delegation:", self.target), match_row)
        form.addRow("", self.same_text)
        self.decision = QComboBox()
        self.decision.activated.connect(self.decide_selected)
        form.addRow("D&uplicate:", self.decision)
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.given.setAccessibleName("Given names")
        self.family.setAccessibleName("Family name")
        self.name_button = QPushButton("&Apply the name")
        self.name_button.clicked.connect(self.rename_selected)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("Given"))
        name_row.addWidget(self.given, 1)
        name_row.addWidget(QLabel("Family"))
        name_row.addWidget(self.family, 1)
        name_row.addWidget(self.name_button)
        form.addRow(self._label("Nam&e:", self.given), name_row)  # (Alt+M: Match)
        self.why = QLabel()  # the reasons in full: the table's column elides them
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why.setAccessibleName("Why")
        form.addRow("Why:", self.why)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.report_button = self.buttons.addButton("Save &report…", QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.clicked.connect(lambda: self._save_report and self._save_report(self.plan))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_box)
        layout.addWidget(self.buttons)
        self.resize(1200, 700)
        self._refresh()
        self.table.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # Showing -------------------------------------------------------------------------------------------
    def _refresh(self, keep_line: int | None = None) -> None:
        c, f = self.plan.counts(), self.plan.findings()
        parts = [
            f"{c[Outcome.ADD]:,} to add",
            f"{c[Outcome.UPDATE]:,} to update",
            f"{c[Outcome.SKIP]:,} to skip",
            f"{c[Outcome.REFUSE]:,} refused",
        ]
        found = [f"{f[k]:,} {FOUND_WORDS[k][f[k] != 1]}" for k in FOUND_WORDS if f[k]]
        self.summary.setText("; ".join(parts) + (f" (found: {', '.join(found)})" if found else "") + ".")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        landing = c[Outcome.ADD] + c[Outcome.UPDATE]
        ok.setText(
            f"&Import {counted(landing, 'row')}" + (f", leave {c[Outcome.REFUSE]:,} out" if c[Outcome.REFUSE] else "")
        )
        ok.setEnabled(landing > 0)
        self._show_rows(keep_line=keep_line)

    def _show_rows(self, *_args, keep_line: int | None = None) -> None:
        wanted = FILTERS[self.filter.currentIndex()][1]
        rows = [r for r in self.plan.rows if wanted is None or r.finding in wanted]
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if r.line == keep_line), 0 if rows else None)
        if index is not None:
            self.table.selectRow(index)
        self._show_row()

    def selected(self) -> PlanRow | None:
        return selected_row(self.table)

    def _show_row(self, *_args) -> None:
        r = self.selected()
        self.row_box.setEnabled(r is not None)
        if r is None:
            return
        self.row_box.setTitle(f"Row {r.line}: {r.name or '(no name)'}")
        if isinstance(r.destination, Target):  # (findData compares the stored objects, not their values)
            found = (i for i in range(self.target.count()) if self.target.itemData(i) == r.destination)
            self.target.setCurrentIndex(next(found, -1))
        else:
            self.target.setCurrentIndex(-1)
            self.target.setEditText(r.delegation_text)
        self.decision.clear()
        for outcome in r.choices:
            self.decision.addItem(DECISION_TEXT[outcome], outcome)
        self.decision.setEnabled(bool(r.choices))
        if r.choices:
            self.decision.setCurrentIndex(self.decision.findData(r.outcome if r.outcome in r.choices else Outcome.SKIP))
        self.given.setText(r.given)
        self.family.setText(r.family)
        self.why.setText("\n".join(filter(None, [r.message, *r.notes])) or "—")
        self.country_button.setEnabled(r.country is not None and r.destination is None)
        if r.destination is not None:
            tip = f"The row goes to {r.delegation} already; choose another delegation to change that"
        elif r.country is None:
            tip = "The row's country column names no State"
        else:
            tip = f"Put the row with {r.country.name}, the State of its country column"
        self.country_button.setToolTip(tip)

    # Choosing ------------------------------------------------------------------------------------------
    def _chosen(self) -> tuple:
        return copy.deepcopy((self.choices.targets, self.choices.names, self.choices.duplicates))

    def reject(self) -> None:
        """Escape or Cancel: after a question when the secretary has made choices, so that none is lost by a slip."""
        if self._chosen() != self._chosen_at_start and not discard_confirmed(
            self, "Discard the choices you made in the preview?"
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (tests, and callers that have asked already)."""
        super().reject()

    def _apply(self, keep_line: int) -> None:
        self.plan = self._replan(self.choices)
        self._refresh(keep_line)

    def _lines_like(self, r: PlanRow) -> list[int]:
        if not self.same_text.isChecked() or not r.delegation_text:
            return [r.line]
        return [
            x.line
            for x in self.plan.rows
            if x.delegation_text == r.delegation_text and (x.finding == Finding.UNRESOLVED or x.line == r.line)
        ]

    def match_selected(self) -> None:
        r = self.selected()
        target = self.target.currentData() if self.target.currentIndex() >= 0 else None
        if r is None or target is None:
            return
        for line in self._lines_like(r):
            self.choices.targets[line] = target
        self._apply(r.line)

    def with_country(self) -> None:
        r = self.selected()
        if r is None or r.country is None:
            return
        for line in self._lines_like(r):
            row = next(x for x in self.plan.rows if x.line == line)
            if row.country is not None:
                self.choices.targets[line] = row.country
        self._apply(r.line)

    def new_organisation(self) -> None:
        from ui.dialogs.new_organisation_dialog import NewOrganisationDialog

        r = self.selected()
        if r is None or self.profile is None:
            return
        offered = r.affiliation or r.delegation_text or self.target.currentText()
        value, accepted = NewOrganisationDialog.ask(self, offered, self.profile)
        if accepted:
            self.add_organisation(r, value)

    def add_organisation(self, r: PlanRow, organisation: NewOrganisation) -> None:
        for line in self._lines_like(r):
            self.choices.targets[line] = organisation
        self._apply(r.line)

    def decide_selected(self, *_args) -> None:
        r = self.selected()
        if r is None or self.decision.currentData() is None:
            return
        self.choices.duplicates[r.line] = self.decision.currentData()
        self._apply(r.line)

    def rename_selected(self) -> None:
        r = self.selected()
        if r is None:
            return
        self.choices.names[r.line] = (self.given.text().strip(), self.family.text().strip())
        self._apply(r.line)

    @classmethod
    def ask(
        cls, parent, title: str, plan: Plan, targets: list[Target], replan, save_report=None, profile=None
    ) -> tuple[Plan | None, bool]:
        dialog = cls(title, replace(plan), targets, replan, save_report, parent, profile)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.plan if accepted else None), accepted
