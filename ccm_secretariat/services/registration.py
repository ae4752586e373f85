"""Registration: delegations by category, their members in protocol order, credentials and attendance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.domain.enums import Attendance
from ccm_secretariat.domain.names import match_key, un_sort_key
from ccm_secretariat.domain.participants import Member, MemberIndex, validate_participant
from ccm_secretariat.domain.participants import ParticipantInput as ParticipantInput
from ccm_secretariat.errors import ConflictError, DuplicateError, NotFoundError, ValidationError
from ccm_secretariat.orm import (
    AttendanceRecord,
    Delegation,
    DelegationPresence,
    Meeting,
    MeetingPart,
    Organisation,
    OrganisationRule,
    Participant,
    State,
)
from ccm_secretariat.orm.stamps import ChangeLog, log_bulk
from ccm_secretariat.reference.loader import state_lookup
from ccm_secretariat.reference.profiles import ConventionProfile, key_of
from ccm_secretariat.services import snapshots
from ccm_secretariat.services.base import check_version, clean, get_or_fail, next_position
from ccm_secretariat.services.registration_marks import RegistrationMarks
from ccm_secretariat.services.registration_rows import (
    CredentialsState as CredentialsState,
)
from ccm_secretariat.services.registration_rows import (
    DelegationRow as DelegationRow,
)
from ccm_secretariat.services.registration_rows import (
    ParticipantRow as ParticipantRow,
)
from ccm_secretariat.services.registration_rows import (
    all_delegations as all_delegations,
)
from ccm_secretariat.services.registration_rows import (
    changed_meanwhile as changed_meanwhile,
)
from ccm_secretariat.services.registration_rows import (
    derived_state_categories as derived_state_categories,
)
from ccm_secretariat.services.registration_rows import (
    locked_delegation as locked_delegation,
)
from ccm_secretariat.services.registration_rows import (
    meeting_convention,
)
from ccm_secretariat.services.registration_rows import (
    meeting_first_day as meeting_first_day,
)
from ccm_secretariat.services.snapshots import Snapshot
from ccm_secretariat.storage import backups
from ccm_secretariat.storage.erasure import Erasure, scrub


class RegistrationService(RegistrationMarks):
    """Delegations and their members; credentials, presence and attendance come from RegistrationMarks."""

    # Delegations -------------------------------------------------------------------------------------
    def delegations(
        self, meeting_id: int, category: str | None = None, ids: Iterable[int] | None = None
    ) -> list[DelegationRow]:
        """Delegations in the order of the list of participants: by category, then English order of name.
        `ids` limits the rows read to those delegations (registering one costs the same in any meeting)."""
        with self._read() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            ids = None if ids is None else list(ids)
            where = [Delegation.meeting_id == meeting_id] + ([Delegation.id.in_(ids)] if ids is not None else [])
            state_ids = (
                None
                if ids is None
                else [i for i in s.scalars(sa.select(Delegation.state_id).where(*where)) if i is not None]
            )
            derived = derived_state_categories(s, meeting, state_ids)
            convention = meeting_convention(s, meeting)
            counts = dict(
                s.execute(
                    sa.select(Participant.delegation_id, sa.func.count())
                    .join(Delegation)
                    .where(*where)
                    .group_by(Participant.delegation_id)
                ).all()
            )
            query = (
                sa.select(
                    Delegation, State.iso3, Organisation.acronym, Organisation.default_rule, OrganisationRule.category
                )
                .outerjoin(State, Delegation.state_id == State.id)
                .outerjoin(Organisation, Delegation.organisation_id == Organisation.id)
                .outerjoin(  # the organisation's category at this convention's meetings, where it has one
                    OrganisationRule,
                    (OrganisationRule.organisation_id == Delegation.organisation_id)
                    & (OrganisationRule.treaty_id == meeting.treaty_id),
                )
                .where(*where)
            )
            present: dict[int, list[int]] = {}
            for did, number in s.execute(
                sa.select(DelegationPresence.delegation_id, MeetingPart.number)
                .join(MeetingPart, DelegationPresence.part_id == MeetingPart.id)
                .join(Delegation, DelegationPresence.delegation_id == Delegation.id)
                .where(*where)
            ):
                present.setdefault(did, []).append(number)
            rows = [
                self._row(
                    d,
                    iso3,
                    acronym,
                    self._base_category(convention, d, derived, here, rule),
                    convention.keys,
                    counts.get(d.id, 0),
                    tuple(sorted(present.get(d.id, ()))),
                )
                for d, iso3, acronym, rule, here in s.execute(query)
            ]
        if category is not None:
            rows = [r for r in rows if r.category == category]
        return sorted(rows, key=lambda r: (convention.rank(r.category), r.sort_key))

    @staticmethod
    def _base_category(
        convention: ConventionProfile, d: Delegation, derived: dict[int, str], here: str | None, rule: str | None
    ) -> str:
        """The category the treaty status gives a State, or an organisation's rule at this convention (one its
        profile no longer has: as its default rule gives)."""
        if d.state_id is not None:
            return derived.get(d.state_id, convention.for_status("not_signatory").key)
        return here if here in convention.keys else convention.organisation_category(rule or "").key

    @staticmethod
    def _row(
        d: Delegation,
        iso3: str | None,
        acronym: str | None,
        base: str,
        keys: tuple[str, ...],
        count: int,
        present: tuple[int, ...] = (),
    ) -> DelegationRow:
        """A delegation set by hand in a category its convention's profile no longer has (a secretariat's own
        profile edited) is listed in the category its status gives, never left out of the documents."""
        return DelegationRow(
            id=d.id,
            meeting_id=d.meeting_id,
            name=d.name,
            sort_key=d.sort_key,
            category=d.category_override if d.category_override in keys else base,
            derived_category=base,
            override_reason=d.override_reason,
            state_id=d.state_id,
            iso3=iso3 or "",
            organisation_id=d.organisation_id,
            acronym=acronym or "",
            credentials_received=d.credentials_received,
            credentials_kind=d.credentials_kind,
            credentials_date=d.credentials_date,
            participant_count=count,
            notes=d.notes,
            present_parts=present,
            version=d.version,
            changed_by=d.changed_by,
            changed_at=d.changed_at,
        )

    def delegation(self, delegation_id: int) -> DelegationRow:
        with self._read() as s:
            d = get_or_fail(s, Delegation, delegation_id, "Delegation")
            meeting_id = d.meeting_id
        for row in self.delegations(meeting_id, ids=[delegation_id]):
            return row
        raise NotFoundError(f"Delegation {delegation_id} no longer exists.")

    def category_counts(self, meeting_id: int) -> dict[str, tuple[int, int]]:
        """Per category of the meeting's convention, in its order: (delegations, participants)."""
        with self._read() as s:
            convention = meeting_convention(s, get_or_fail(s, Meeting, meeting_id, "Meeting"))
        result = {c: (0, 0) for c in convention.keys}
        for row in self.delegations(meeting_id):
            d, p = result[row.category]
            result[row.category] = (d + 1, p + row.participant_count)
        return result

    def add_state_delegation(self, meeting_id: int, state: str | int, name: str | None = None) -> DelegationRow:
        """Register State `state` (a name, alias or id); `name` is the name as this meeting writes it."""
        with self._write() as s:
            get_or_fail(s, Meeting, meeting_id, "Meeting")
            state_obj = self._find_state(s, state)
            if s.scalar(
                sa.select(Delegation.id).where(Delegation.meeting_id == meeting_id, Delegation.state_id == state_obj.id)
            ):
                raise DuplicateError(f"{state_obj.name} is registered at this meeting already.", "state")
            shown = clean(name, "name", max_length=300) or state_obj.name
            delegation = Delegation(
                meeting_id=meeting_id, state_id=state_obj.id, name=shown, sort_key=un_sort_key(shown)
            )
            s.add(delegation)
            s.flush()
            new_id = delegation.id
        return self.delegation(new_id)

    def add_organisation_delegation(
        self, meeting_id: int, organisation: str | int, category: str | None = None
    ) -> DelegationRow:
        """Register an organisation (by name, acronym or id); `category` (one of the meeting's convention's
        organisation categories, by its key or its rule) overrides the organisation's own at this meeting."""
        with self._write() as s:
            meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
            convention = meeting_convention(s, meeting)
            chosen = convention.organisation_category("", key_of(category)) if category is not None else None
            org = self._find_organisation(s, organisation)
            if s.scalar(
                sa.select(Delegation.id).where(
                    Delegation.meeting_id == meeting_id, Delegation.organisation_id == org.id
                )
            ):
                raise DuplicateError(f"{org.name} is registered at this meeting already.", "organisation")
            delegation = Delegation(
                meeting_id=meeting_id, organisation_id=org.id, name=org.name, sort_key=un_sort_key(org.name)
            )
            own = s.get(OrganisationRule, (org.id, meeting.treaty_id))
            base = own.category if own is not None else convention.organisation_category(org.default_rule).key
            if chosen is not None and chosen.key != base:
                delegation.category_override = chosen.key
                delegation.override_reason = f"Attends as “{chosen.view}” at this meeting."
            s.add(delegation)
            s.flush()
            new_id = delegation.id
        return self.delegation(new_id)

    @staticmethod
    def _find_state(s: Session, state: str | int) -> State:
        if isinstance(state, int):
            return get_or_fail(s, State, state, "State")
        state_id = state_lookup(s).get(match_key(state))
        if state_id is None:
            raise ValidationError(
                f"“{state}” is not a State the application knows; pick one from the list "
                "(the UN short name, e.g. “Bolivia (Plurinational State of)”).",
                "state",
            )
        return get_or_fail(s, State, state_id, "State")

    @staticmethod
    def _find_organisation(s: Session, organisation: str | int) -> Organisation:
        if isinstance(organisation, int):
            return get_or_fail(s, Organisation, organisation, "Organisation")
        key = match_key(organisation)
        for org in s.scalars(sa.select(Organisation)):
            if key in (match_key(org.name), match_key(org.acronym) if org.acronym else None):
                return org
        raise ValidationError(
            f"“{organisation}” is not in the list of organisations; add it under Reference data first.", "organisation"
        )

    def rename_delegation(self, delegation_id: int, name: str) -> DelegationRow:
        shown = clean(name, "name", required=True)
        with self._write() as s:
            d = get_or_fail(s, Delegation, delegation_id, "Delegation")
            d.name, d.sort_key = shown, un_sort_key(shown)
        return self.delegation(delegation_id)

    def set_notes(self, delegation_id: int, notes: str) -> None:
        with self._write() as s:
            get_or_fail(s, Delegation, delegation_id, "Delegation").notes = clean(
                notes, "notes", max_length=5000, multiline=True
            )

    def set_category(
        self, delegation_id: int, category: str | None, reason: str = "", expected_version: int | None = None
    ) -> DelegationRow:
        """Override the derived category (a key of the meeting's convention, with a reason), or return to it with
        `category=None`; refused with a ConflictError when another desk has changed the delegation since
        `expected_version`, and with a CategoryError for a category the convention does not have."""
        row = self.delegation(delegation_id)
        with self._read() as s:
            convention = meeting_convention(s, get_or_fail(s, Meeting, row.meeting_id, "Meeting"))
        chosen = convention.category(category) if category is not None else None
        reason = clean(reason, "reason", max_length=500)
        if chosen is not None and chosen.key != row.derived_category:
            if chosen.is_state != row.is_state:
                kind = "a State" if row.is_state else "an organisation"
                raise ValidationError(f"{row.name} is {kind}; “{chosen.view}” does not apply to it.", "category")
            if not reason:
                raise ValidationError(
                    "say why the category differs from the one the treaty status gives "
                    f"({convention.category(row.derived_category).view}).",
                    "reason",
                )
            category = chosen.key
        else:
            category, reason = None, ""
        with self._write() as s:
            d = get_or_fail(s, Delegation, delegation_id, "Delegation")
            check_version(d, expected_version, d.name)
            d.category_override, d.override_reason = category, reason
        return self.delegation(delegation_id)

    def remove_delegation(self, delegation_id: int) -> Snapshot:
        """Remove a delegation and its members; returns what `restore` needs to put them back exactly."""
        with self._write() as s:
            snapshot = snapshots.take(s, delegation_ids=[delegation_id])
            snapshots.remove(s, snapshot)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Undo a removal: the same rows with the same ids, credentials, notes, attendance and positions."""
        with self._write() as s:
            snapshots.restore(s, snapshot)

    # Participants ------------------------------------------------------------------------------------
    def participants(self, delegation_id: int) -> list[ParticipantRow]:
        """Members of one delegation in protocol order: head first, then by role, then as registered."""
        with self._read() as s:
            get_or_fail(s, Delegation, delegation_id, "Delegation")
            people = list(s.scalars(sa.select(Participant).where(Participant.delegation_id == delegation_id)))
            attendance = self._attendance(s, [p.id for p in people])
        rows = [self._participant_row(p, attendance.get(p.id, ())) for p in people]
        return sorted(rows, key=lambda r: (r.role.rank, r.position, r.id))

    def participant(self, participant_id: int) -> ParticipantRow:
        with self._read() as s:
            p = get_or_fail(s, Participant, participant_id, "Participant")
            return self._participant_row(p, self._attendance(s, [p.id]).get(p.id, ()))

    @staticmethod
    def _attendance(s: Session, ids: list[int]) -> dict[int, tuple[tuple[int, Attendance], ...]]:
        result: dict[int, list[Any]] = {}
        for chunk_start in range(0, len(ids), 900):
            chunk = ids[chunk_start : chunk_start + 900]
            query = (
                sa.select(AttendanceRecord.participant_id, MeetingPart.number, AttendanceRecord.mode)
                .join(MeetingPart, AttendanceRecord.part_id == MeetingPart.id)
                .where(AttendanceRecord.participant_id.in_(chunk))
            )
            for pid, number, mode in s.execute(query):
                result.setdefault(pid, []).append((number, mode))
        return {k: tuple(sorted(v)) for k, v in result.items()}

    @staticmethod
    def _participant_row(p: Participant, attendance: Iterable[Any]) -> ParticipantRow:
        return ParticipantRow(
            p.id,
            p.delegation_id,
            p.position,
            p.salutation,
            p.given_names,
            p.family_name,
            p.function,
            p.affiliation,
            p.role,
            p.email,
            p.phone,
            p.gender,
            p.consent_to_publish,
            tuple(attendance),
            p.version,
            p.changed_by,
            p.changed_at,
            p.registration_date,
        )

    @staticmethod
    def _member_index(s: Session, delegation: Delegation, email: str) -> MemberIndex:
        """The part of the meeting the uniqueness rules need for one edit: the delegation, and the e-mail."""
        index = MemberIndex(delegation_names={delegation.id: delegation.name})
        for p in s.scalars(sa.select(Participant).where(Participant.delegation_id == delegation.id)):
            index.add(
                p.id,
                p.delegation_id,
                dict(
                    given_names=p.given_names,
                    family_name=p.family_name,
                    function=p.function,
                    email=p.email,
                    role=p.role,
                ),
            )
        if email:
            holder = s.execute(
                sa.select(Participant.id, Participant.delegation_id, Delegation.name)
                .join(Delegation, Participant.delegation_id == Delegation.id)
                .where(Participant.meeting_id == delegation.meeting_id, Participant.email_key == email.lower())
            ).first()
            if holder is not None:
                index.delegation_names.setdefault(holder.delegation_id, holder.name)
                index.by_email[email.lower()] = Member(holder.id, holder.delegation_id, "", "", email)
        return index

    def add_participant(self, delegation_id: int, data: ParticipantInput, same_name_ok: bool = False) -> ParticipantRow:
        """Add a member; a namesake in the delegation raises SameNameError unless `same_name_ok` says that the
        secretary knows it is a different person."""
        values = validate_participant(data)
        with self._write() as s:
            # The delegation's row is locked (on a server; SQLite locks the whole file): two desks adding to it
            # at once take turns, so the namesake check and the next position see each other's additions.
            delegation = locked_delegation(s, delegation_id)
            self._member_index(s, delegation, values["email"]).check(delegation_id, values, None, same_name_ok)
            position = next_position(s, Participant.position, Participant.delegation_id == delegation_id)
            person = Participant(
                delegation_id=delegation_id,
                meeting_id=delegation.meeting_id,
                position=position,
                # Added by hand: registered on the day the dialog says (today unless changed), as an import's row says.
                registration_date=data.registration_date or dt.date.today(),
                **values,
            )
            s.add(person)
            s.flush()
            self._write_attendance(s, person, delegation.meeting_id, data.attendance)
            new_id = person.id
        return self.participant(new_id)

    def update_participant(
        self,
        participant_id: int,
        data: ParticipantInput,
        same_name_ok: bool = False,
        expected_version: int | None = None,
    ) -> ParticipantRow:
        """Change a participant. `expected_version` is the version the screen showed: when someone else has
        changed the person since, the edit is refused with a ConflictError that says who and when, and holds
        the participant as they are now (nothing is overwritten silently)."""
        values = validate_participant(data)
        with self._write() as s:
            person = get_or_fail(s, Participant, participant_id, "Participant")
            if expected_version is not None and person.version != expected_version:
                current = self._participant_row(person, self._attendance(s, [person.id]).get(person.id, ()))
                raise ConflictError(changed_meanwhile(current), current)
            delegation = locked_delegation(s, person.delegation_id)
            self._member_index(s, delegation, values["email"]).check(
                delegation.id, values, participant_id, same_name_ok
            )
            for k, v in values.items():
                setattr(person, k, v)
            person.registration_date = data.registration_date  # as given: undo puts back even "none"
            self._write_attendance(s, person, delegation.meeting_id, data.attendance)
        return self.participant(participant_id)

    def remove_participant(self, participant_id: int) -> Snapshot:
        return self.remove_participants([participant_id])

    def remove_participants(self, participant_ids: Iterable[int]) -> Snapshot:
        """Remove all of them or, if one is gone already, none; returns what `restore` needs."""
        with self._write() as s:
            snapshot = snapshots.take(s, participant_ids=list(participant_ids))
            snapshots.remove(s, snapshot)
        return snapshot

    def erase_participant(self, participant_id: int) -> Erasure:
        """Erase a participant for good (no undo): the row and its attendance, overwritten in the file rather
        than only unlinked, then made to go from the files where the back end allows (erasure.py). Returns the
        backups that still hold the person, for the secretary to delete, and what else still does and until
        when."""
        with self._write() as s:
            person = get_or_fail(s, Participant, participant_id, "Participant")
            sqlite = s.get_bind().dialect.name == "sqlite"
            # The change log held the person's values too: it keeps only that someone was erased, and by whom. On a
            # server the log is append-only for the writer role: a function with the owner's rights erases the
            # person and forgets their entries in one (migration 0013), so that no history is forgotten otherwise.
            if sqlite:
                s.execute(sa.text("PRAGMA secure_delete=ON"))
                s.delete(person)
                s.flush()
                s.execute(
                    sa.delete(ChangeLog).where(
                        ChangeLog.table_name == "participant", ChangeLog.row_id == participant_id
                    )
                )
                log_bulk(s, "participant", [participant_id], "erased")
            else:
                s.expunge(person)
                who = str(s.info.get("user", ""))
                s.execute(sa.text("SELECT ccm_forget_erased(:id, :who)"), {"id": participant_id, "who": who})
        # The erasure is committed: what follows only clears traces, and its failure must not look like the
        # erasure's (the window then keeps an undo that could bring the person back).
        try:
            remains = scrub(self._db)
            if sqlite:
                with self._db.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA secure_delete=OFF")
                    conn.rollback()
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            remains = f"The person was erased, but the database file could not be cleared of their traces ({reason})."
        path = self._db.sqlite_path
        return Erasure(backups.holding(path, "participant", participant_id) if path else [], remains)
