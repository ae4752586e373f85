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
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.enums import Category
from ccm_secretariat.domain.prose import counted
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ccm_secretariat.services.overview import Figure
from ccm_secretariat.services.registration import DelegationRow
from ccm_secretariat.services.roster import DirectoryRow
from ui import colours
from ui.flow_layout import FlowLayout
from ui.pages.common import select_row
from ui.pages.delegation_actions import DelegationActions
from ui.pages.delegation_list import DelegationList
from ui.pages.member_actions import MemberActions
from ui.pages.member_list import MemberList
from ui.pages.registration_filter import RegistrationFilter
from ui.pages.registration_rows import SHORT
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
        self.delegation_actions = DelegationActions(self)
        self.member_actions = MemberActions(self)
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
        self.no_status = QLabel(wordWrap=True)  # a convention whose treaty status the desk does not hold yet
        self.no_status.setStyleSheet(colours.style("error"))
        self.no_status.hide()
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
        layout.addWidget(self.no_status)
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
        if meeting is None or self.meeting is None or meeting.id != self.meeting.id:
            self.panel.show_person(None)  # nobody of another meeting stays open for editing
        self.meeting = meeting
        if meeting is not None:  # the headings of the meeting's convention
            self.delegation_model.headings = {c.key: c.view for c in meeting.profile.categories}
        self._say_if_no_status(meeting)
        self.reload()

    def _say_if_no_status(self, meeting) -> None:
        """Without a treaty status list every State counts as an observer: said where States are registered."""
        known = meeting is None or any(s.deposit or s.signature for s in self.services.reference.states(meeting.treaty))
        self.no_status.setVisible(not known)
        if not known:
            self.no_status.setText(
                f"No treaty status is recorded for the {meeting.treaty}: every State is listed as an observer until "
                f"its status list is imported (command line: states import --treaty {meeting.treaty} FILE)."
            )

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
            f"<b>{SHORT[Category(c)]}</b> {n} ({counted(p, 'person', 'people')})"
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
        self._sync_panel()
        self.last_search_ms = (time.perf_counter() - started) * 1000

    def _sync_panel(self) -> None:
        """The panel shows the one person selected in the list, or nobody: a search or another delegation that
        no longer lists the person shown closes the record, so nothing is typed into someone not on screen."""
        shown, chosen = self.panel.person, self.selected_members()
        if shown is not None and (len(chosen) != 1 or chosen[0].id != shown.id):
            self._show_person()

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
            self._sync_panel()
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
            f"<b>{escape(d.name_with_acronym)}</b> — {Category(d.category).singular}, "
            f"{counted(d.participant_count, 'member')}{present}"
        )
        self._sync_panel()

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

    # Edits (ui/pages/delegation_actions.py, ui/pages/member_actions.py) ------------------------------------
    def add_delegation(self) -> None:
        """Register a delegation (Insert on the delegations)."""
        self.delegation_actions.add_delegation()

    def remove_delegation(self) -> None:
        """Remove the selected delegation (Delete); undo brings it back."""
        self.delegation_actions.remove_delegation()

    def change_category(self) -> None:
        """Attend in another category, with the reason (F2 on a delegation)."""
        self.delegation_actions.change_category()

    def set_credentials(self) -> None:
        """Credentials of the selected delegations."""
        self.delegation_actions.set_credentials()

    def set_presence(self) -> None:
        """Mark the selected delegations present at a part."""
        self.delegation_actions.set_presence()

    def add_participant(self) -> None:
        """Add a member to the selected delegation (Insert on the members)."""
        self.member_actions.add_participant()

    def edit_participant(self) -> None:
        """Edit the selected member (Enter or F2)."""
        self.member_actions.edit_participant()

    def remove_participant(self) -> None:
        """Remove the selected members (Delete); undo brings them back."""
        self.member_actions.remove_participant()

    def erase_participant(self) -> None:
        """Erase a person for good, at their request."""
        self.member_actions.erase_participant()

    def set_attendance(self) -> None:
        """Attendance of the selected members at a part."""
        self.member_actions.set_attendance()

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
