"""What the registration page does to the selected delegations: register, remove, change the category, record
credentials and presence. Each is one service call pushed as one undoable command (ui/undo.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ccm_secretariat.domain.prose import counted
from ui.dialogs.category_dialog import CategoryDialog
from ui.dialogs.credentials_dialog import CredentialsDialog
from ui.dialogs.delegation_dialog import DelegationDialog
from ui.dialogs.presence_dialog import PresenceDialog
from ui.pages.registration_view import as_widget

if TYPE_CHECKING:
    from ui.pages.registration_view import RegistrationView


class DelegationActions:
    def __init__(self, page: RegistrationView):
        self.page = page

    def add_delegation(self) -> None:
        page = self.page
        meeting = page.meeting
        if meeting is None:
            return
        reg = page.services.registration
        meeting_id = meeting.id
        registered = {d.name for d in page.delegation_rows}

        def save(kind: str, ident: int, name: str, category: str | None):
            def add():
                return (
                    reg.add_state_delegation(meeting_id, ident, name or None)
                    if kind == "state"
                    else reg.add_organisation_delegation(meeting_id, ident, category)
                )

            return page.editor.perform_addition("Register a delegation", add, reg.remove_delegation, reg.restore)

        row, accepted = DelegationDialog.ask(
            page,
            page.services.reference.states(),
            page.services.reference.organisations(),
            registered,
            save,
            meeting.profile,
        )
        if accepted:
            page.select_delegation(row.name)
            page.member_table.setFocus()  # its members next: Insert adds the first
            page.status.emit(f"Registered {row.name} ({meeting.profile.category(row.category).view}).")

    def remove_delegation(self) -> None:
        page = self.page
        d = page.selected_delegation()
        if d is None:
            return
        answer = QMessageBox.question(
            as_widget(page),
            "Remove delegation",
            f"Remove the delegation of {d.name} and its {counted(d.participant_count, 'member')}?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reg = page.services.registration
        # The removal returns a snapshot; undo puts back exactly that (same ids, credentials, attendance, order).
        page.editor.perform(f"Remove {d.name}", lambda: reg.remove_delegation(d.id), reg.restore, long=True)

    def change_category(self) -> None:
        page = self.page
        d, meeting = page.selected_delegation(), page.meeting
        if d is None or meeting is None:
            return
        reg = page.services.registration
        before = (d.category if d.is_overridden else None, d.override_reason)
        seen = page.editor.seen(("delegation", d.id), d.version)  # saves, undo and redo on the version last seen

        def save(category, reason):
            return page.editor.perform_versioned(
                f"Change the category of {d.name}",
                lambda values, version: reg.set_category(d.id, values[0], values[1], expected_version=version),
                (category, reason),
                before,
                seen,
            )

        CategoryDialog.ask(page, d, save, meeting.profile)

    def set_credentials(self) -> None:
        page = self.page
        meeting = page.meeting
        chosen = page.selected_delegations()
        if meeting is None or not chosen:
            return
        reg = page.services.registration
        ids = [d.id for d in chosen]

        def save(received, kind, date):
            return page.editor.perform_on_versions(
                f"Credentials of {chosen[0].name if len(chosen) == 1 else counted(len(chosen), 'delegation')}",
                "delegation",
                {d.id: d.version for d in chosen},  # all or none, on the versions shown; undo puts back each one's
                lambda versions: reg.change_credentials(ids, received, kind, date, expected_versions=versions),
                reg.restore_credentials,
                lambda: {r.id: r.version for r in reg.delegations(meeting.id, ids=ids)},
            )

        CredentialsDialog.ask(page, len(chosen), save)

    def set_presence(self) -> None:
        """Mark the selected delegations present at a part (the report names who took part)."""
        page = self.page
        chosen = page.selected_delegations()
        if not chosen or page.meeting is None:
            return
        reg = page.services.registration
        ids = [d.id for d in chosen]
        meeting_id = page.meeting.id

        def save(part, present):
            return page.editor.perform_on_versions(
                f"{'Present' if present else 'Not present'}: {counted(len(ids), 'delegation')}",
                "delegation",
                {d.id: d.version for d in chosen},  # all or none, on the versions shown; undo puts back each one's
                lambda versions: reg.change_presence(ids, part, present, expected_versions=versions),
                lambda before, versions: reg.restore_presence(before, part, versions),
                lambda: {r.id: r.version for r in reg.delegations(meeting_id, ids=ids)},
            )

        PresenceDialog.ask(page, len(ids), page.meeting.parts, save)
