"""The main window with other desks: a reader's account (every writing control disabled, exports still
possible) and other desks' changes shown without losing the place."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QToolBar

from ui.window_base import WindowBase

WRITES = "writes"  # an action's property: it changes the database (a reader's desk disables it)


class ReaderAndOtherDesks(WindowBase):
    """Part of MainWindow (ui/main_window.py): it uses the window's services, pages, menus and watcher."""

    def become_read_only(self) -> None:
        """A reader's account: a visible banner, every editing control disabled, exports still possible."""
        banner = QLabel(f"  Read only: the database user {self.services.db.user} may read and export, not change. ")
        banner.setObjectName("readOnlyBanner")
        banner.setStyleSheet("background: #B00020; color: white; font-weight: bold; padding: 3px;")
        toolbar = self.findChild(QToolBar, "meetingToolbar")
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addWidget(banner)
        for action in self.findChildren(QAction):
            if action.property(WRITES):  # flagged when made (see _action), never found by its label
                action.setEnabled(False)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_stack.setActive(False)
        for page in (
            self.registration,
            self.meeting_page,
            self.agenda,
            self.documents,
            self.decisions,
            self.reference,
            self.check_in,
            self.events,
        ):
            for button in page.findChildren(QPushButton):
                if button is not self.registration.buttons.get("history"):
                    button.setEnabled(False)
        self.decisions.text.setReadOnly(True)
        for field in (
            *self.meeting_page.edits.values(),
            *self.meeting_page.checks.values(),
            self.meeting_page.language,
            self.meeting_page.local_title,
        ):
            field.setEnabled(False)  # the meeting's details and settings are written at once
        self.check_in.field.setEnabled(False)
        self.registration.set_read_only()
        self.obligations.buttons["Report received…"].setEnabled(False)  # its export stays
        self.setWindowTitle(self.windowTitle() + " — read only")

    def check_for_changes(self) -> None:
        changed = self.watcher.changed_elsewhere()
        self.not_live.setVisible(not self.watcher.live)  # says when other desks' changes are not heard
        while self.services.db.warnings:  # an automatic backup that could not be made: said, the work went on
            self.say(self.services.db.warnings.pop(0))
        if changed:
            self.refresh_from_elsewhere()

    def refresh_from_elsewhere(self) -> None:
        """Show another desk's changes without losing the place: the search typed, the selection, the scroll."""
        page = self.pages.currentWidget()
        views = [(view, view.verticalScrollBar().value()) for view in page.findChildren(QAbstractItemView)]
        members = {p.id for p in self.registration.selected_members()} if page is self.registration else set()
        if self.meeting is not None and not any(m.id == self.meeting.id for m in self.services.meetings.list()):
            self.reload_meetings()  # the meeting was deleted at another desk
        else:
            self.refresh_current()
        if members:
            table = self.registration.member_table
            rows = self.registration.member_model.rows
            for i, row in enumerate(rows):
                if row.id in members:
                    table.selectionModel().select(
                        self.registration.member_model.index(i, 0),
                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                    )
        for view, value in views:
            view.verticalScrollBar().setValue(value)
        self.say("Updated with another desk's changes.")
