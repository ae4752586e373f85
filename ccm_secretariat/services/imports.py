"""Bringing registrations in: read a file, map its columns, preview what would happen, then commit the whole
import in one transaction (or nothing), and undo it exactly. Carry-over from an earlier meeting goes through the
same preview and commit.

The commit reads the meeting again inside its own write transaction and plans again with the same choices, so
what is written obeys the same rules as the single-row path (shared `MemberIndex` and `validate_participant`),
whatever happened between the preview and the commit. Rows go in with Core `executemany` in batches.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa

from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.domain.prose import counted
from ccm_secretariat.errors import DomainError, ValidationError
from ccm_secretariat.imports import columns
from ccm_secretariat.imports.columns import Field, Mapping
from ccm_secretariat.imports.plan import (
    Choices,
    Incoming,
    MeetingContext,
    Outcome,
    Plan,
    PlanRow,
    build_plan,
    destination_key,
)
from ccm_secretariat.imports.resolve import Target
from ccm_secretariat.imports.tables import Sheet, read_sheet
from ccm_secretariat.orm import Delegation, ImportMapping, Meeting, Organisation, Participant
from ccm_secretariat.progress import Progress, run_for
from ccm_secretariat.services.base import Service, get_or_fail
from ccm_secretariat.services.import_writes import (
    apply_updates,
    create_delegations,
    create_organisations,
    headless_delegations,
    insert_participants,
    meeting_context,
    reference_resolver,
)
from ccm_secretariat.storage.paused_gc import paused_gc

log = logging.getLogger(__name__)

BATCH = 5000


@dataclass(frozen=True)
class ImportResult:
    """What an import did, and what undoing it needs: the rows it added, the delegations and organisations it
    created, and the values it overwrote."""

    meeting_id: int
    rows: tuple[PlanRow, ...]
    added_ids: tuple[int, ...]
    created_delegations: tuple[int, ...]
    created_organisations: tuple[int, ...]
    previous: tuple[tuple[int, dict[str, Any]], ...]
    headless: tuple[str, ...] = ()  # the delegations it added to that still have no head of delegation

    @property
    def note(self) -> str:
        """What the secretary should look at after the import."""
        if not self.headless:
            return ""
        n = len(self.headless)
        return f"No head of delegation in {n} delegation{'s' if n != 1 else ''}: {', '.join(self.headless)}."

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def summary(self) -> str:
        return (
            f"added {self.count(Outcome.ADD)}, updated {self.count(Outcome.UPDATE)}, "
            f"skipped {self.count(Outcome.SKIP)}, refused {self.count(Outcome.REFUSE)}"
        )


class ImportService(Service):
    # Reading and mapping ------------------------------------------------------------------------------
    @staticmethod
    def read(path: str | Path, encoding: str | None = None) -> Sheet:
        """A file's table; a text file in `encoding` when given, else by the rule of imports/encoding.py."""
        return read_sheet(path, encoding=encoding)

    def mapping_for(self, headers: list[str]) -> tuple[Mapping, bool]:
        """The mapping used last time for a file with these headers, or the one the header names suggest;
        and whether it was remembered."""
        with self._read() as s:
            stored = s.scalar(
                sa.select(ImportMapping.mapping).where(ImportMapping.signature == columns.signature(headers))
            )
        if stored:
            return columns.from_json(headers, stored), True
        return columns.detect(headers), False

    def remember_mapping(self, headers: list[str], mapping: Mapping) -> None:
        columns.check(headers, mapping)
        key, text = columns.signature(headers), columns.to_json(headers, mapping)
        with self._write() as s:
            row = s.scalar(sa.select(ImportMapping).where(ImportMapping.signature == key))
            if row is None:
                s.add(ImportMapping(signature=key, mapping=text, used_at=dt.datetime.now()))
            else:
                row.mapping, row.used_at = text, dt.datetime.now()

    def remember_mapping_after(self, summary: str, headers: list[str], mapping: Mapping) -> str | None:
        """Remember the mapping once an import is saved; None when done, else a message saying exactly what was
        saved (the import: `summary`) and what was not (the mapping), for a connection lost in between."""
        try:
            self.remember_mapping(headers, mapping)
        except DomainError as exc:
            log.warning("Import saved; its column mapping not remembered: %s", exc.message)
            return (
                f"The import was saved ({summary}); only the column mapping was not remembered for the next file "
                f"with these headers: {exc.message.replace('that change was not saved', 'it was not saved')}"
            )
        return None

    @staticmethod
    def incoming(sheet: Sheet, mapping: Mapping) -> list[Incoming]:
        from ccm_secretariat.imports.plan import from_sheet

        columns.check(sheet.headers, mapping)
        if not sheet.rows:
            raise ValidationError(f"{sheet.name} has a header row but no registrations under it.", "file")
        with paused_gc():
            return from_sheet(sheet, mapping)

    # Preview ------------------------------------------------------------------------------------------
    def context(self, meeting_id: int) -> MeetingContext:
        with self._read() as s:
            return meeting_context(s, meeting_id)

    def preview(
        self,
        meeting_id: int,
        incoming: list[Incoming],
        choices: Choices | None = None,
        context: MeetingContext | None = None,
    ) -> Plan:
        """What committing would do; `context` (from `context()`) spares re-reading the meeting between two
        previews of the same import."""
        return build_plan(incoming, context or self.context(meeting_id), choices)

    def targets(self) -> list[Target]:
        """Every State and organisation a row can be matched to by hand, States first."""
        with self._read() as s:
            resolver = reference_resolver(s)
        return sorted(resolver.states(), key=lambda t: un_sort_key(t.name)) + sorted(
            resolver.organisations(), key=lambda t: un_sort_key(t.name)
        )

    # Commit -------------------------------------------------------------------------------------------
    def commit(
        self,
        meeting_id: int,
        incoming: list[Incoming],
        choices: Choices | None = None,
        partial: bool = False,
        previewed: Plan | None = None,
    ) -> Iterator[Progress]:
        """Write the import in one transaction, yielding progress; the last item, once it is committed, has the
        ImportResult as its result.

        The meeting is read again inside the transaction; the `previewed` plan is written only if it was made
        with the same choices against exactly what the meeting holds now, otherwise the rows are planned
        again. Refused rows stop the whole import unless `partial`; a closed generator (cancel) writes nothing."""
        total = max(1, len(incoming))
        yield Progress(0, total, "Backing up the database")
        self._db.backup("before-import")
        yield Progress(0, total, "Checking the rows")
        with self._write() as s:
            ctx = meeting_context(s, meeting_id)
            if (
                previewed is not None
                and previewed.context == ctx
                and previewed.choices == (choices or Choices())
                and len(previewed.rows) == len(incoming)
            ):
                plan = previewed
            else:
                plan = build_plan(incoming, ctx, choices)
            if not plan.complete and not partial:
                refused = [r for r in plan.rows if r.outcome == Outcome.REFUSE]
                raise ValidationError(
                    f"{counted(len(refused), 'row')} cannot be imported, so nothing was written; the "
                    f"first: {refused[0].message}",
                    "rows",
                )
            organisations = create_organisations(s, plan.new_organisations(), ctx)
            delegations, created = create_delegations(s, ctx, plan, organisations)
            added: list[int] = []
            adds = sorted((r for r in plan.rows if r.outcome == Outcome.ADD), key=lambda r: r.order)  # protocol order
            positions = dict(ctx.positions)
            for start in range(0, len(adds), BATCH):
                with paused_gc():  # not across the yield: the collector stays paused for this batch only
                    batch = []
                    for r in adds[start : start + BATCH]:
                        delegation_id = delegations[destination_key(r.destination)]
                        positions[delegation_id] = positions.get(delegation_id, 0) + 1
                        batch.append(
                            dict(
                                r.values or {},
                                delegation_id=delegation_id,
                                meeting_id=meeting_id,
                                position=positions[delegation_id],
                            )
                        )
                    added += insert_participants(s, batch)
                yield Progress(len(added), total, "Adding participants")
            previous = apply_updates(s, [r for r in plan.rows if r.outcome == Outcome.UPDATE])
            headless = headless_delegations(s, {delegations[destination_key(r.destination)] for r in adds})
            yield Progress(total, total, "Saving")
        log.info(
            "Import into meeting %d: %d row(s), %d participant(s) added, %d updated, %d delegation(s) registered",
            meeting_id,
            len(plan.rows),
            len(added),
            len(previous),
            len(created),
        )
        result = ImportResult(
            meeting_id,
            tuple(plan.rows),
            tuple(added),
            tuple(created),
            tuple(organisations.values()),
            tuple(previous),
            headless,
        )
        yield Progress(total, total, result.summary, result=result)

    def run(
        self,
        meeting_id: int,
        incoming: list[Incoming],
        choices: Choices | None = None,
        partial: bool = False,
        previewed: Plan | None = None,
    ) -> ImportResult:
        return run_for(self.commit(meeting_id, incoming, choices, partial, previewed), ImportResult)

    def undo(self, result: ImportResult) -> None:
        """Take an import back in one transaction: its participants, the delegations and organisations it made,
        and the values it overwrote. Refused, with nothing changed, when something added since would be lost."""
        added = set(result.added_ids)
        with self._write() as s:
            if result.created_delegations:
                members = s.scalars(
                    sa.select(Participant.id).where(Participant.delegation_id.in_(result.created_delegations))
                )
                later = sum(1 for pid in members if pid not in added)
                if later:
                    raise DomainError(
                        f"{counted(later, 'participant')} {'was' if later == 1 else 'were'} added since to delegations "
                        "the import registered; remove them first, or keep the import."
                    )
            ids = list(added)
            for start in range(0, len(ids), 900):
                s.execute(sa.delete(Participant).where(Participant.id.in_(ids[start : start + 900])))
            for pid, values in result.previous:
                s.execute(
                    sa.update(Participant)
                    .where(Participant.id == pid)
                    .values(**values, version=Participant.version + 1)
                )  # an undo is a change other desks must see
            if result.created_delegations:
                s.execute(sa.delete(Delegation).where(Delegation.id.in_(result.created_delegations)))
            if result.created_organisations:
                used = set(
                    s.scalars(
                        sa.select(Delegation.organisation_id).where(
                            Delegation.organisation_id.in_(result.created_organisations)
                        )
                    )
                )
                unused = [o for o in result.created_organisations if o not in used]
                if unused:
                    s.execute(sa.delete(Organisation).where(Organisation.id.in_(unused)))

    # Carry-over ---------------------------------------------------------------------------------------
    def carry_over(self, from_meeting: int, to_meeting: int) -> list[Incoming]:
        """The delegations and members of an earlier meeting, as rows for the preview of `to_meeting`."""
        if from_meeting == to_meeting:
            raise ValidationError("choose another meeting to carry over from.", "meeting")
        with self._read() as s:
            get_or_fail(s, Meeting, from_meeting, "Meeting")
            get_or_fail(s, Meeting, to_meeting, "Meeting")
            query = (
                sa.select(Participant, Delegation.state_id, Delegation.organisation_id, Delegation.name)
                .join(Delegation)
                .where(Delegation.meeting_id == from_meeting)
                .order_by(Delegation.sort_key, Participant.position, Participant.id)
            )
            rows: list[Any] = []
            for p, state_id, organisation_id, name in s.execute(query):
                target = (
                    Target("state", state_id, name)
                    if state_id is not None
                    else Target("organisation", cast(int, organisation_id), name)
                )
                rows.append(
                    Incoming(
                        len(rows) + 1,
                        {
                            Field.SALUTATION: p.salutation,
                            Field.GIVEN_NAMES: p.given_names,
                            Field.FAMILY_NAME: p.family_name,
                            Field.FUNCTION: p.function,
                            Field.AFFILIATION: p.affiliation,
                            Field.EMAIL: p.email,
                            Field.PHONE: p.phone,
                            Field.ROLE: p.role.label,
                            Field.GENDER: p.gender.value if p.gender.value != "unspecified" else "",
                            Field.CONSENT: "yes" if p.consent_to_publish else "no",
                        },
                        (),
                        target,
                    )
                )
        return rows
