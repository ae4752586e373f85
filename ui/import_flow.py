"""File → Import registrations… and File → Carry over…: read the file off the main thread, map its columns,
preview with the secretary's choices, commit off the main thread, and make the whole import one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ccm_secretariat.domain.dates import parse_typed_date
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DomainError
from ccm_secretariat.exports.import_report import import_report
from ccm_secretariat.imports.plan import Choices, Incoming, Plan
from ccm_secretariat.imports.tables import Sheet
from ccm_secretariat.progress import Progress, result_of
from ccm_secretariat.services.imports import ImportResult
from ui.dialogs.import_mapping_dialog import MappingDialog
from ui.dialogs.import_preview_dialog import ImportPreviewDialog
from ui.errors import show_error

FILE_TYPES = "Registration lists (*.xlsx *.csv *.tsv *.txt);;All files (*)"


class ImportFlow:
    def __init__(self, window):
        self.window = window
        self.last_result = None

    @property
    def services(self):
        return self.window.services

    def _meeting(self):
        if self.window.meeting is None:
            QMessageBox.information(self.window, "Import", "Create or open a meeting first.")
        return self.window.meeting

    # Sources --------------------------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        if self._meeting() is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Import registrations", str(Path.home()), FILE_TYPES)
            if not path:
                return
        imports = self.services.imports

        def read():
            yield Progress(0, 1, f"Reading {Path(path).name}")
            yield Progress(1, 1, result=imports.read(path))

        self.window.tasks.run(
            "Reading the registrations",
            read,
            lambda last: self._map(result_of(last, Sheet)),
            lambda exc: show_error(self.window, "Import registrations", exc),
        )

    def _map(self, sheet: Sheet) -> None:
        imports = self.services.imports
        mapping, remembered = imports.mapping_for(sheet.headers)
        mapping, accepted = MappingDialog.ask(self.window, sheet, mapping, remembered)
        if not accepted:
            return
        try:
            incoming = imports.incoming(sheet, mapping)
        except DomainError as exc:
            show_error(self.window, "Import registrations", exc)
            return
        self._preview(
            incoming, sheet.name, lambda summary: imports.remember_mapping_after(summary, sheet.headers, mapping)
        )

    def carry_over(self, from_meeting: int | None = None) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        others = [m for m in self.services.meetings.list() if m.id != meeting.id]
        if from_meeting is None:
            if not others:
                QMessageBox.information(self.window, "Carry over", "The database holds no other meeting.")
                return
            labels = [f"{m.short_title} — {m.symbol_prefix}" for m in others]
            label, accepted = QInputDialog.getItem(
                self.window,
                "Carry over",
                f"Copy delegations and members into {meeting.short_title} from:",
                labels,
                0,
                False,
            )
            if not accepted:
                return
            from_meeting = others[labels.index(label)].id
        imports, source = self.services.imports, self.services.meetings.get(from_meeting)

        def read():  # off the main thread, as a file is read: a large meeting takes a while
            yield Progress(0, 1, f"Reading {source.short_title}")
            yield Progress(1, 1, result=imports.carry_over(source.id, meeting.id))

        self.window.tasks.run(
            "Carry over",
            read,
            lambda last: self._preview(result_of(last, list), f"{source.short_title} ({source.symbol_prefix})", None),
            lambda exc: show_error(self.window, "Carry over", exc),
        )

    # Preview and commit ------------------------------------------------------------------------------
    def _preview(self, incoming: list[Incoming], source: str, on_commit) -> None:
        imports, meeting_id = self.services.imports, self.window.meeting.id

        def plan_job():
            yield Progress(0, 1, f"Checking {len(incoming):,} rows")
            context = imports.context(meeting_id)
            yield Progress(1, 1, result=(context, imports.preview(meeting_id, incoming, None, context)))

        def show(last) -> None:
            context, plan = result_of(last, tuple)
            if plan.ask_date_order:  # asked once for the whole file, before the preview
                order = self.date_order(plan.ask_date_order)
                if order is None:  # Cancel or Escape: nothing imported, nothing decided
                    self.window.say("Import cancelled.")
                    return
                plan = imports.preview(meeting_id, incoming, order, context)
            plan, accepted = ImportPreviewDialog.ask(
                self.window,
                f"Import from {source}",
                plan,
                imports.targets(),
                lambda choices: imports.preview(meeting_id, incoming, choices, context),
                lambda p: self.save_report(p.rows, False, source),
            )
            if accepted:
                self._commit(meeting_id, incoming, plan, source, on_commit)

        self.window.tasks.run(
            "Checking the registrations", plan_job, show, lambda exc: show_error(self.window, "Import", exc)
        )

    def date_order(self, example: str) -> Choices | None:
        """How the file writes its dates, when none of them says (02/08/2026 is 2 August or 8 February); None when
        the secretary cancels (Escape is Cancel, never one of the two readings)."""
        day_first, month_first = parse_typed_date(example), parse_typed_date(example, month_first=True)
        box = QMessageBox(QMessageBox.Icon.Question, "Import: dates", "", parent=self.window)
        box.setText(f"The file writes its dates as {example}: which day is that? (Asked once for the whole file.)")
        first = box.addButton(f"&{un_date(day_first)}" if day_first else "Day first", QMessageBox.ButtonRole.YesRole)
        second = box.addButton(
            f"{un_date(month_first)}" if month_first else "Month first", QMessageBox.ButtonRole.NoRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(first)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() not in (first, second):
            return None
        return Choices(month_first=box.clickedButton() is second)

    def _commit(self, meeting_id: int, incoming: list[Incoming], plan: Plan, source: str, on_commit) -> None:
        imports, choices = self.services.imports, plan.choices

        def done(last) -> None:
            result = self.last_result = result_of(last, ImportResult)
            unsaved = on_commit(result.summary) if on_commit is not None else None
            self.window.editor.record(
                f"Import from {source}",
                lambda: imports.run(meeting_id, incoming, choices, partial=True),
                imports.undo,
                result,
            )
            said = unsaved or f"Imported from {source}: {result.summary}."  # exactly what was and was not saved
            note = f"{result.note}\n\n" if result.note else ""  # the delegations left with no head, by name
            answer = QMessageBox.question(self.window, "Import", f"{said}\n\n{note}Save a report of every row?")
            if answer == QMessageBox.StandardButton.Yes:
                self.save_report(result.rows, True, source)

        self.window.tasks.run(
            "Importing the registrations",
            lambda: imports.commit(meeting_id, incoming, choices, True, plan),
            done,
            lambda exc: show_error(self.window, "Import", exc),
        )

    def save_report(self, rows, written: bool, source: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save the report of the import", str(Path.home() / "import-report.xlsx"), "*.xlsx"
        )
        if not path:
            return
        self.window.tasks.run(
            "Writing the report",
            lambda: import_report(list(rows), written, source, path),
            lambda last: self.window.say(f"Wrote {last.path}."),
            lambda exc: show_error(self.window, "Report", exc),
        )
