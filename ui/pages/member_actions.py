"""What the registration page does to the selected members: add, edit, remove, erase for good, attendance.
Each is one service call pushed as one undoable command (ui/undo.py), on the versions the desk last saw."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ccm_secretariat.domain.prose import counted
from ccm_secretariat.errors import ConflictError, NotFoundError
from ui.dialogs.attendance_dialog import AttendanceDialog
from ui.dialogs.participant_dialog import ParticipantDialog
from ui.pages.registration_rows import differences
from ui.pages.registration_view import as_widget

if TYPE_CHECKING:
    from ui.pages.registration_view import RegistrationView


class MemberActions:
    def __init__(self, page: RegistrationView):
        self.page = page

    def add_participant(self) -> None:
        page = self.page
        meeting = page.meeting
        if meeting is None:
            return
        d = page.selected_delegation()
        if d is None:
            QMessageBox.information(as_widget(page), "Add participant", "Select the delegation first.")
            return
        reg = page.services.registration
        added: dict[str, int] = {}

        def add(data, same_name_ok):
            row = reg.add_participant(d.id, data, same_name_ok)
            added["id"] = row.id
            return row

        def save(data, same_name_ok=False):
            return page.editor.perform_addition(
                f"Add {data.family_name} to {d.name}",
                lambda: add(data, same_name_ok),
                reg.remove_participant,
                reg.restore,
                after=lambda: page._reselect(d.id, added.get("id")),  # the one added is shown (until undone)
            )

        row, accepted = ParticipantDialog.ask(page, d.name, meeting.parts, save)
        if accepted:
            page.status.emit(f"Added {row.display_name} to the delegation of {d.name}.")

    def edit_participant(self) -> None:
        page = self.page
        meeting = page.meeting
        if meeting is None:
            return
        chosen = page.selected_members()
        if not chosen:
            return
        reg = page.services.registration
        current = reg.participant(chosen[0].id)
        # The participant as this desk last saw them: every save, undo and redo is made on that version, so a
        # change made meanwhile at another desk is never overwritten unknowingly.
        seen = {"row": current, "replaced": current}
        versions = page.editor.seen(("participant", current.id), current.version)  # see UndoRecorder.seen

        def update(data, same_name_ok):
            chain = versions["chain"]
            try:
                row = reg.update_participant(current.id, data, same_name_ok, expected_version=chain["version"])
            except ConflictError as exc:
                # Someone else changed the person: say what; OK again applies this change over it.
                exc.message += differences(seen["row"], exc.current)
                seen["row"] = exc.current
                versions["chain"] = page.editor.restart(versions["key"], exc.current.version)
                page.reload_delegation(current.delegation_id)
                raise
            except NotFoundError:  # removed at another desk meanwhile: the list follows; Cancel closes
                page.reload_delegation(current.delegation_id)
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
            return page.editor.perform(
                f"Edit {current.family_name}",
                lambda: do(data, same_name_ok),
                lambda _r: update(seen["replaced"].as_input(), True),
                after=lambda: page._reselect(current.delegation_id, current.id),
            )

        ParticipantDialog.ask(page, chosen[0].delegation, meeting.parts, save, current)

    def remove_participant(self) -> None:
        page = self.page
        chosen = page.selected_members()
        if not chosen:
            return
        names = ", ".join(p.display_name for p in chosen[:3]) + (" …" if len(chosen) > 3 else "")
        if (
            QMessageBox.question(as_widget(page), "Remove participants", f"Remove {names}?")
            != QMessageBox.StandardButton.Yes
        ):
            return
        reg = page.services.registration
        ids = [p.id for p in chosen]
        touched = {p.delegation_id for p in chosen}
        page.editor.perform(
            f"Remove {counted(len(chosen), 'participant')}",
            lambda: reg.remove_participants(ids),
            reg.restore,
            after=lambda: page._reload_selecting(touched, ids),  # undo shows the people brought back
            long=True,
        )

    def erase_participant(self) -> None:
        """Erase a person's data for good, at their request: no undo; the backups that still hold them are named."""
        page = self.page
        chosen = page.selected_members()
        if len(chosen) != 1:
            QMessageBox.information(as_widget(page), "Erase for good", "Select the one participant to erase.")
            return
        person = chosen[0]
        if (
            QMessageBox.question(
                as_widget(page),
                "Erase for good",
                f"Erase {person.display_name} from this database for good? This cannot be undone.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        erasure = page.services.registration.erase_participant(person.id)
        page.editor.stack.clear()  # older steps may name the erased person; they must not bring them back
        page.reload_delegation(person.delegation_id)
        text = f"Erased {person.display_name}." + (f"\n\n{erasure.remains}" if erasure.remains else "")
        if erasure.backups:
            text += (
                "\n\nThese backups still hold the person; delete them if the erasure must reach them too:\n"
                + "\n".join(str(p) for p in erasure.backups[:20])
            )
        QMessageBox.information(as_widget(page), "Erase for good", text)

    def set_attendance(self) -> None:
        page = self.page
        meeting = page.meeting
        chosen = page.selected_members()
        if meeting is None or not chosen:
            return
        reg = page.services.registration
        ids = [p.id for p in chosen]
        shown = {p.id: reg.participant(p.id) for p in chosen}
        touched = {p.delegation_id for p in chosen}

        def save(part, mode):
            before = {pid: dict(row.attendance).get(part) for pid, row in shown.items()}
            return page.editor.perform_on_versions(
                f"Attendance of {counted(len(chosen), 'participant')}",
                "participant",
                {pid: row.version for pid, row in shown.items()},  # never over another desk's change
                lambda versions: (before, reg.set_attendance(ids, part, mode, expected_versions=versions)),
                lambda previous, versions: reg.restore_attendance(previous, part, versions),
                lambda: {pid: reg.participant(pid).version for pid in ids},
                after=lambda: page.reload_delegation(*touched),
            )

        AttendanceDialog.ask(page, len(chosen), meeting.parts, save)
