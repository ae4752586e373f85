"""The registration desk: delegations by category with counts always in view, the selected delegation's
members in protocol order, and search as you type across the whole meeting."""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.enums import Category, Rule
from ccm_secretariat.domain.prose import counted
from ccm_secretariat.errors import ConflictError, NotFoundError
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ccm_secretariat.services.overview import Figure
from ccm_secretariat.services.registration import DelegationRow
from ccm_secretariat.services.roster import DirectoryRow
from ui import colours
from ui.dialogs.attendance_dialog import AttendanceDialog
from ui.dialogs.category_dialog import CategoryDialog
from ui.dialogs.credentials_dialog import CredentialsDialog
from ui.dialogs.delegation_dialog import DelegationDialog
from ui.dialogs.participant_dialog import ParticipantDialog
from ui.dialogs.presence_dialog import PresenceDialog
from ui.flow_layout import FlowLayout
from ui.pages.common import select_row
from ui.pages.delegation_list import DelegationList
from ui.pages.member_list import MemberList
from ui.pages.registration_filter import RegistrationFilter
from ui.pages.registration_rows import SHORT, differences
from ui.panels.participant_panel import ParticipantPanel
from ui.undo import UndoRecorder


class RegistrationPage(QWidget):
    status = Signal(str)

    def __init__(self, services: Services, editor: UndoRecorder, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.editor = editor
        self.meeting: MeetingRow | None = None
        self.filter = RegistrationFilter([], {})  # what is listed, decided without Qt
        self.last_search_ms = 0.0
        self.read_only = False
        self.writing_shortcuts: list[QShortcut] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, functions, delegations and e-mails (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_search)
        # Ctrl+F is the window's Edit → Find (one binding: a second one here made both do nothing).
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.category = QComboBox()
        self.category.addItem("All categories", None)
        for c in Category:
            self.category.addItem(c.label, c)
        self.category.currentIndexChanged.connect(self.apply_search)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setObjectName("categoryCounts")
        self.counts.setWordWrap(True)  # on a narrow window the counts take two lines, never cut off
        # A figure chosen on the overview: only what it counts is listed, until "Show all".
        self.focus: Figure | None = None
        self.focus_label = QLabel()
        self.focus_label.setObjectName("focusLabel")
        self.show_all = QPushButton("Show all")
        self.show_all.clicked.connect(self.clear_focus)
        self.focus_bar = QWidget()
        focus_layout = QHBoxLayout(self.focus_bar)
        focus_layout.setContentsMargins(0, 0, 0, 0)
        focus_layout.addWidget(self.focus_label, 1)
        focus_layout.addWidget(self.show_all)
        background, text = colours.BANNER  # its own text colour: white on light yellow was unreadable when dark
        self.focus_bar.setStyleSheet(f"#focusLabel {{ background: {background}; color: {text}; padding: 3px 6px; }}")
        self.focus_bar.hide()

        self.delegations = DelegationList()
        self.delegation_model = self.delegations.model_
        self.delegations.selectionModel().selectionChanged.connect(self.show_members)
        self.delegations.doubleClicked.connect(lambda _i: None if self.read_only else self.change_category())
        self.member_table = MemberList()  # (the same people stay selected when read again)
        self.member_model = self.member_table.model_
        self.member_table.doubleClicked.connect(lambda _i: None if self.read_only else self.edit_participant())
        # The selected person's whole record, edited in place (ui/panels/participant_panel.py).
        self.panel = ParticipantPanel(services, editor, self._after_panel_save)
        self.panel.status.connect(self.status)
        self.panel.edit_button.clicked.connect(self.edit_participant)
        self.member_table.selectionModel().selectionChanged.connect(self._show_person)
        for view in (self.delegations, self.member_table):
            view.selectionModel().selectionChanged.connect(self._explain_buttons)
        self.members_title = QLabel()
        self.members_title.setObjectName("membersTitle")

        self.buttons: dict[str, QPushButton] = {}
        left_buttons = FlowLayout()  # (wraps onto a second line in a narrow window)
        for key, text, slot in (
            ("add_delegation", "Register de&legation…", self.add_delegation),  # (Alt+R: the Room menu)
            ("category", "Ca&tegory…", self.change_category),
            ("credentials", "Cre&dentials…", self.set_credentials),
            ("presence", "&Present…", self.set_presence),
            ("history", "Histor&y…", self.show_history),
            ("remove_delegation", "Remo&ve", self.remove_delegation),
        ):
            left_buttons.addWidget(self._button(key, text, slot))
        left_buttons.addStretch()
        right_buttons = FlowLayout()
        for key, text, slot in (
            ("add_participant", "&Add participant…", self.add_participant),
            ("edit_participant", "Ed&it…", self.edit_participant),
            ("attendance", "Atte&ndance…", self.set_attendance),
            ("remove_participant", "Re&move", self.remove_participant),
            ("erase_participant", "Erase for &good…", self.erase_participant),
        ):
            right_buttons.addWidget(self._button(key, text, slot))
        right_buttons.addStretch()
        # Keys that act on the table that has the keyboard (each bound to its own table: the same key bound twice
        # in one window does nothing at all).
        table: QTableView
        for table, keys in (
            (
                self.member_table,
                (
                    (QKeySequence.StandardKey.Delete, self.remove_participant),
                    (QKeySequence(Qt.Key.Key_Insert), self.add_participant),
                    (QKeySequence(Qt.Key.Key_F2), self.edit_participant),
                    (QKeySequence(Qt.Key.Key_Return), self.edit_participant),
                    (QKeySequence(Qt.Key.Key_Enter), self.edit_participant),
                ),
            ),
            (
                self.delegations,
                (
                    (QKeySequence.StandardKey.Delete, self.remove_delegation),
                    (QKeySequence(Qt.Key.Key_Insert), self.add_delegation),
                    (QKeySequence(Qt.Key.Key_F2), self.change_category),
                    (QKeySequence(Qt.Key.Key_Return), self.to_members),
                    (QKeySequence(Qt.Key.Key_Enter), self.to_members),
                ),
            ),
        ):
            for sequence, slot in keys:
                shortcut = QShortcut(sequence, table, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)
                if slot != self.to_members:
                    self.writing_shortcuts.append(shortcut)  # a reader's desk turns them off

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(left_buttons)
        left_layout.addWidget(self.delegations)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(right_buttons)
        right_layout.addWidget(self.members_title)
        self.person_splitter = QSplitter()
        self.person_splitter.addWidget(self.member_table)
        self.person_splitter.addWidget(self.panel)
        self.person_splitter.setSizes([470, 420])
        right_layout.addWidget(self.person_splitter, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([470, 880])

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.category, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.focus_bar)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.search, self.category)
        self.setTabOrder(self.category, self.delegations)
        self.setTabOrder(self.delegations, self.member_table)

    def to_members(self) -> None:
        """Enter on a delegation: the keyboard goes to its members."""
        self.member_table.setFocus()
        if self.member_model.rowCount() and not self.member_table.selectionModel().hasSelection():
            select_row(self.member_table, 0)

    def _button(self, key: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons[key] = button
        return button

    # Loading -----------------------------------------------------------------------------------------
    @property
    def delegation_rows(self) -> list[DelegationRow]:
        return self.filter.delegations

    @property
    def members(self) -> dict[int, list[DirectoryRow]]:
        return self.filter.members

    def set_meeting(self, meeting) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        members: dict[int, list[DirectoryRow]] = {}
        if self.meeting is not None:
            for row in self.services.roster.directory(self.meeting.id):
                members.setdefault(row.delegation_id, []).append(row)
        rows = self.services.registration.delegations(self.meeting.id) if self.meeting is not None else []
        self._listed(rows, members)
        self._explain_buttons()

    def reload_delegation(self, *delegation_ids: int) -> None:
        """After an edit of some delegations' members: re-read those delegations only (quick at 100,000)."""
        meeting = self.meeting
        if meeting is None:
            return
        members = dict(self.members)
        for delegation_id in delegation_ids:
            members[delegation_id] = self.services.roster.directory(meeting.id, delegation_id)
        # (the panel follows the list: the row as saved, or nobody once it is gone)
        self._listed(self.services.registration.delegations(meeting.id), members)

    def _listed(self, rows: list[DelegationRow], members: dict[int, list[DirectoryRow]]) -> None:
        self.filter = RegistrationFilter(rows, members)
        parts = [
            f"<b>{SHORT[c]}</b> {n} ({counted(p, 'person', 'people')})"
            for c, (n, p) in self.filter.counts().items()
            if n or c not in (Category.RATIFIED_NOT_IN_FORCE,)
        ]
        self.counts.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts))
        self.apply_search()

    # Search and selection ----------------------------------------------------------------------------
    def apply_search(self, *_args) -> None:
        """List what the search, the category and the figure chosen leave (RegistrationFilter decides)."""
        started = time.perf_counter()
        listing = self.filter.apply(self.search.text(), self.category.currentData(), self.focus)
        if listing.people is not None:
            self.member_table.show_rows(listing.people, across=True)
            self.members_title.setText(listing.title)
        self.delegations.set_rows(listing.delegations, keep=self.selected_delegation())
        if listing.people is None:
            self.member_table.show_delegation_column(False)
            self.show_members()
        self.last_search_ms = (time.perf_counter() - started) * 1000

    def selected_delegation(self) -> DelegationRow | None:
        rows = self.selected_delegations()
        return rows[0] if rows else None

    def selected_delegations(self) -> list[DelegationRow]:
        return self.delegations.selected()

    def selected_members(self) -> list[DirectoryRow]:
        return self.member_table.selected()

    def show_figure(self, figure: Figure) -> None:
        """List exactly what an overview figure counts: its delegations, or its participants."""
        self.focus = figure
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.category.blockSignals(True)
        self.category.setCurrentIndex(0)
        self.category.blockSignals(False)
        unit = "participant" if figure.counts_people else "delegation"
        self.focus_label.setText(f"Showing {counted(figure.count, unit)}: {figure.label}")
        self.focus_bar.show()
        self.delegations.clearSelection()
        self.apply_search()

    def clear_focus(self) -> None:
        self.focus = None
        self.focus_bar.hide()
        self.apply_search()

    def show_members(self, *_args) -> None:
        if self.search.text().strip() or (self.focus is not None and self.focus.counts_people):
            return
        d = self.selected_delegation()
        if d is None:
            self.member_table.show_rows([], across=False)
            self.members_title.setText("Select a delegation to see its members.")
            return
        self.member_table.show_rows(self.filter.members_of(d.id), across=False)
        present = (
            f", present at part {', '.join(str(n) for n in d.present_parts)}"
            if d.present_parts
            else ""
            if d.participant_count
            else ", not marked present"
        )
        self.members_title.setText(
            f"<b>{escape(d.name_with_acronym)}</b> — {d.category.singular}, "
            f"{counted(d.participant_count, 'member')}{present}"
        )

    def _explain_buttons(self, *_args) -> None:
        """A button that cannot act is disabled, and its tooltip says why (rather than a message after a click)."""
        d, chosen = self.selected_delegation(), self.selected_members()
        for key, able, why, what in (
            ("add_participant", d is not None, "Select a delegation first", f"Add a member to {d.name if d else ''}"),
            ("erase_participant", len(chosen) == 1, "Select the one participant to erase", "Erase this person"),
        ):
            if key in self.buttons:
                self.buttons[key].setEnabled(able)
                self.buttons[key].setToolTip(what if able else why)

    def _show_person(self, *_args) -> None:
        chosen = self.selected_members()
        if len(chosen) != 1:
            self.panel.show_person(None)
            return
        delegation = next((d for d in self.delegation_rows if d.id == chosen[0].delegation_id), None)
        self.panel.show_person(chosen[0].id, delegation.notes if delegation else "")

    def _after_panel_save(self, delegation_id: int) -> None:
        """A field saved (or undone) in the panel: the members again, the same person still selected."""
        person = self.panel.person
        self._reselect(delegation_id, person.id if person is not None else None)

    def _reselect(self, delegation_id: int, *person_ids: int | None) -> None:
        """The delegation's members read again, these people selected (and shown) when listed."""
        self.reload_delegation(delegation_id)
        self.select_people({i for i in person_ids if i is not None})

    def _reload_selecting(self, delegation_ids: set[int], person_ids: list[int]) -> None:
        self.reload_delegation(*delegation_ids)
        self.select_people(set(person_ids))

    def select_people(self, ids: set[int]) -> None:
        """Select exactly the listed members among `ids` (the first one current), and show the one selected."""
        if not self.member_table.select_people(ids):  # no selectionChanged: shown here (once, not twice)
            self._show_person()
        self._explain_buttons()

    def select_delegation(self, name: str) -> None:
        self.delegations.select_where(lambda d: d.name == name)

    # Edits -------------------------------------------------------------------------------------------
    def _need_meeting(self) -> bool:
        if self.meeting is None:
            QMessageBox.information(self, "No meeting", "Create or open a meeting first.")
            return False
        return True

    def add_delegation(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        if not self._need_meeting():
            return
        reg = self.services.registration
        meeting_id = meeting.id
        registered = {d.name for d in self.delegation_rows}

        def save(kind: str, ident: int, name: str, rule: Rule | None):
            def add():
                return (
                    reg.add_state_delegation(meeting_id, ident, name or None)
                    if kind == "state"
                    else reg.add_organisation_delegation(meeting_id, ident, rule)
                )

            return self.editor.perform_addition("Register a delegation", add, reg.remove_delegation, reg.restore)

        row, accepted = DelegationDialog.ask(
            self, self.services.reference.states(), self.services.reference.organisations(), registered, save
        )
        if accepted:
            self.select_delegation(row.name)
            self.member_table.setFocus()  # its members next: Insert adds the first
            self.status.emit(f"Registered {row.name} ({row.category.label}).")

    def remove_delegation(self) -> None:
        d = self.selected_delegation()
        if d is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove delegation",
            f"Remove the delegation of {d.name} and its {counted(d.participant_count, 'member')}?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reg = self.services.registration
        # The removal returns a snapshot; undo puts back exactly that (same ids, credentials, attendance, order).
        self.editor.perform(f"Remove {d.name}", lambda: reg.remove_delegation(d.id), reg.restore)

    def change_category(self) -> None:
        d = self.selected_delegation()
        if d is None:
            return
        reg = self.services.registration
        before = (d.category if d.is_overridden else None, d.override_reason)
        seen = self.editor.seen(("delegation", d.id), d.version)  # saves, undo and redo on the version last seen

        def save(category, reason):
            return self.editor.perform_versioned(
                f"Category of {d.name}",
                lambda values, version: reg.set_category(d.id, values[0], values[1], expected_version=version),
                (category, reason),
                before,
                seen,
            )

        CategoryDialog.ask(self, d, save)

    def set_credentials(self) -> None:
        meeting = self.meeting
        chosen = self.selected_delegations()
        if meeting is None or not chosen:
            return
        reg = self.services.registration
        ids = [d.id for d in chosen]

        def save(received, kind, date):
            return self.editor.perform_on_versions(
                f"Credentials of {chosen[0].name if len(chosen) == 1 else counted(len(chosen), 'delegation')}",
                "delegation",
                {d.id: d.version for d in chosen},  # all or none, on the versions shown; undo puts back each one's
                lambda versions: reg.change_credentials(ids, received, kind, date, expected_versions=versions),
                reg.restore_credentials,
                lambda: {r.id: r.version for r in reg.delegations(meeting.id, ids=ids)},
            )

        CredentialsDialog.ask(self, len(chosen), save)

    def set_presence(self) -> None:
        """Mark the selected delegations present at a part (the report names who took part)."""
        chosen = self.selected_delegations()
        if not chosen or self.meeting is None:
            return
        reg = self.services.registration
        ids = [d.id for d in chosen]

        def save(part, present):
            before = [d.id for d in chosen if part in d.present_parts]
            after = [i for i in ids if i not in before]

            def undo(_):
                reg.set_presence(after, part, False) if present else reg.set_presence(before, part, True)

            return self.editor.perform(
                f"{'Present' if present else 'Not present'}: {counted(len(ids), 'delegation')}",
                lambda: reg.set_presence(ids, part, present),
                undo,
            )

        PresenceDialog.ask(self, len(ids), self.meeting.parts, save)

    def add_participant(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        d = self.selected_delegation()
        if d is None:
            QMessageBox.information(self, "Add participant", "Select the delegation first.")
            return
        reg = self.services.registration
        added: dict[str, int] = {}

        def add(data, same_name_ok):
            row = reg.add_participant(d.id, data, same_name_ok)
            added["id"] = row.id
            return row

        def save(data, same_name_ok=False):
            return self.editor.perform_addition(
                f"Add {data.family_name} to {d.name}",
                lambda: add(data, same_name_ok),
                reg.remove_participant,
                reg.restore,
                after=lambda: self._reselect(d.id, added.get("id")),  # the one added is shown (until undone)
            )

        row, accepted = ParticipantDialog.ask(self, d.name, meeting.parts, save)
        if accepted:
            self.status.emit(f"Added {row.display_name} to the delegation of {d.name}.")

    def edit_participant(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        chosen = self.selected_members()
        if not chosen:
            return
        reg = self.services.registration
        current = reg.participant(chosen[0].id)
        # The participant as this desk last saw them: every save, undo and redo is made on that version, so a
        # change made meanwhile at another desk is never overwritten unknowingly.
        seen = {"row": current, "replaced": current}
        versions = self.editor.seen(("participant", current.id), current.version)  # see UndoRecorder.seen

        def update(data, same_name_ok):
            chain = versions["chain"]
            try:
                row = reg.update_participant(current.id, data, same_name_ok, expected_version=chain["version"])
            except ConflictError as exc:
                # Someone else changed the person: say what; OK again applies this change over it.
                exc.message += differences(seen["row"], exc.current)
                seen["row"] = exc.current
                versions["chain"] = self.editor.restart(versions["key"], exc.current.version)
                self.reload_delegation(current.delegation_id)
                raise
            except NotFoundError:  # removed at another desk meanwhile: the list follows; Cancel closes
                self.reload_delegation(current.delegation_id)
                raise
            seen["row"] = row
            chain["version"] = row.version
            return row

        def do(data, same_name_ok):
            replaced = seen["row"]
            row = update(data, same_name_ok)
            seen["replaced"] = replaced  # what undo puts back: the values this save replaced
            return row

        def save(data, same_name_ok=False):
            return self.editor.perform(
                f"Edit {current.family_name}",
                lambda: do(data, same_name_ok),
                lambda _r: update(seen["replaced"].as_input(), True),
                after=lambda: self._reselect(current.delegation_id, current.id),
            )

        ParticipantDialog.ask(self, chosen[0].delegation, meeting.parts, save, current)

    def remove_participant(self) -> None:
        chosen = self.selected_members()
        if not chosen:
            return
        names = ", ".join(p.display_name for p in chosen[:3]) + (" …" if len(chosen) > 3 else "")
        if QMessageBox.question(self, "Remove participants", f"Remove {names}?") != QMessageBox.StandardButton.Yes:
            return
        reg = self.services.registration
        ids = [p.id for p in chosen]
        touched = {p.delegation_id for p in chosen}
        self.editor.perform(
            f"Remove {counted(len(chosen), 'participant')}",
            lambda: reg.remove_participants(ids),
            reg.restore,
            after=lambda: self._reload_selecting(touched, ids),  # undo shows the people brought back
        )

    def erase_participant(self) -> None:
        """Erase a person's data for good, at their request: no undo; the backups that still hold them are named."""
        chosen = self.selected_members()
        if len(chosen) != 1:
            QMessageBox.information(self, "Erase for good", "Select the one participant to erase.")
            return
        person = chosen[0]
        if (
            QMessageBox.question(
                self,
                "Erase for good",
                f"Erase {person.display_name} from this database for good? This cannot be undone.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        erasure = self.services.registration.erase_participant(person.id)
        self.editor.stack.clear()  # older steps may name the erased person; they must not bring them back
        self.reload_delegation(person.delegation_id)
        text = f"Erased {person.display_name}." + (f"\n\n{erasure.remains}" if erasure.remains else "")
        if erasure.backups:
            text += (
                "\n\nThese backups still hold the person; delete them if the erasure must reach them too:\n"
                + "\n".join(str(p) for p in erasure.backups[:20])
            )
        QMessageBox.information(self, "Erase for good", text)

    def set_attendance(self) -> None:
        meeting = self.meeting
        chosen = self.selected_members()
        if meeting is None or not chosen:
            return
        reg = self.services.registration
        ids = [p.id for p in chosen]
        shown = {p.id: reg.participant(p.id) for p in chosen}
        touched = {p.delegation_id for p in chosen}

        def save(part, mode):
            before = {pid: dict(row.attendance).get(part) for pid, row in shown.items()}
            return self.editor.perform_on_versions(
                f"Attendance of {counted(len(chosen), 'participant')}",
                "participant",
                {pid: row.version for pid, row in shown.items()},  # never over another desk's change
                lambda versions: (before, reg.set_attendance(ids, part, mode, expected_versions=versions)),
                lambda previous, versions: reg.restore_attendance(previous, part, versions),
                lambda: {pid: reg.participant(pid).version for pid in ids},
                after=lambda: self.reload_delegation(*touched),
            )

        AttendanceDialog.ask(self, len(chosen), meeting.parts, save)

    def set_read_only(self) -> None:
        """A reader's account: Insert, Delete, F2, Enter and double-clicks open no editor; the panel takes no typing."""
        self.read_only = True
        for shortcut in self.writing_shortcuts:
            shortcut.setEnabled(False)
        self.panel.set_read_only()

    def show_history(self) -> None:
        """Who changed the delegation and its members, and when (several desks share the database)."""
        d = self.selected_delegation()
        if d is None:
            return
        from ui.dialogs.history_dialog import HistoryDialog

        HistoryDialog(d.name, self.services.history.delegation(d.id), self).exec()
