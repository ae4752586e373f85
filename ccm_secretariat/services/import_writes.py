"""An import in the session: what the meeting holds, read once for the plan (`meeting_context`), and the writes
of a commit (the organisations and delegations it creates, the participants it adds in batches through Core, the
values it overwrites, kept for undo). Used by `services.imports` inside its one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ccm_secretariat.domain.enums import OrganisationKind, Role, Rule
from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.domain.participants import MemberIndex
from ccm_secretariat.errors import NotFoundError, ValidationError
from ccm_secretariat.imports.plan import Destination, MeetingContext, NewOrganisation, Outcome, Plan, destination_key
from ccm_secretariat.imports.resolve import Resolver
from ccm_secretariat.imports.values import category_words
from ccm_secretariat.orm import Delegation, Meeting, Organisation, OrganisationRule, Participant, State, StateAlias
from ccm_secretariat.orm.base import table_of
from ccm_secretariat.orm.stamps import log_bulk
from ccm_secretariat.services.base import get_or_fail
from ccm_secretariat.services.registration import derived_state_categories, meeting_first_day
from ccm_secretariat.services.registration_rows import meeting_convention
from ccm_secretariat.storage.paused_gc import paused_gc

RESTORED = (
    "salutation",
    "function",
    "affiliation",
    "email",
    "email_key",
    "phone",
    "role",
    "gender",
    "consent_to_publish",
    "registration_date",
)


def headless_delegations(s: Session, delegation_ids: set[int]) -> tuple[str, ...]:
    """The names of these delegations that have no head of delegation, in the documents' order."""
    if not delegation_ids:
        return ()
    heads = sa.select(Participant.delegation_id).where(Participant.role == Role.HEAD)
    query = (
        sa.select(Delegation.name)
        .where(Delegation.id.in_(sorted(delegation_ids)), Delegation.id.not_in(heads))
        .order_by(Delegation.sort_key)
    )
    return tuple(s.scalars(query))


def reference_resolver(s: Session) -> Resolver:
    return Resolver(
        s.execute(sa.select(State.id, State.iso3, State.name)).all(),
        s.execute(sa.select(StateAlias.state_id, StateAlias.alias)).all(),
        s.execute(sa.select(Organisation.id, Organisation.name, Organisation.acronym)).all(),
    )


def meeting_context(s: Session, meeting_id: int) -> MeetingContext:
    with paused_gc():
        return _read_context(s, meeting_id)


def _read_context(s: Session, meeting_id: int) -> MeetingContext:
    meeting = get_or_fail(s, Meeting, meeting_id, "Meeting")
    first_day = meeting_first_day(s, meeting_id)
    delegations: dict[tuple[str, int | str], int] = {}
    members = MemberIndex()
    for did, sid, oid, name in s.execute(
        sa.select(Delegation.id, Delegation.state_id, Delegation.organisation_id, Delegation.name).where(
            Delegation.meeting_id == meeting_id
        )
    ):
        delegations[("state", sid) if sid is not None else ("organisation", cast(int, oid))] = did
        members.delegation_names[did] = name
    positions: dict[int, int] = {}
    query = (
        sa.select(
            Participant.id,
            Participant.delegation_id,
            Participant.given_names,
            Participant.family_name,
            Participant.function,
            Participant.email,
            Participant.role,
            Participant.position,
        )
        .join(Delegation)
        .where(Delegation.meeting_id == meeting_id)
    )
    for pid, did, given, family, function, email, role, position in s.execute(query):
        members.add(pid, did, dict(given_names=given, family_name=family, function=function, email=email, role=role))
        if position > positions.get(did, 0):
            positions[did] = position
    convention = meeting_convention(s, meeting)
    own = dict(
        s.execute(
            sa.select(OrganisationRule.organisation_id, OrganisationRule.category).where(
                OrganisationRule.treaty_id == meeting.treaty_id
            )
        ).all()
    )
    organisations = {
        oid: own.get(oid) or convention.organisation_category(rule).key
        for oid, rule in s.execute(sa.select(Organisation.id, Organisation.default_rule))
    }
    return MeetingContext(
        meeting_id,
        first_day,
        reference_resolver(s),
        delegations,
        derived_state_categories(s, meeting),
        organisations,
        members,
        positions,
        convention,
        category_words(convention),
    )


def create_organisations(s: Session, new: list[NewOrganisation], ctx: MeetingContext) -> dict[tuple[Any, ...], int]:
    """The new organisations in the reference data; one given a category its default rule does not give at the
    meeting's convention attends in it there (its rule at that convention)."""
    if not new:
        return {}
    taken = {un_sort_key(n) for n in s.scalars(sa.select(Organisation.name))}
    checked = [o.checked() for o in new]  # the checks of every stored name, on this path too
    for org in checked:
        if un_sort_key(org.name) in taken:
            raise ValidationError(
                f"“{org.name}” is in the list of organisations already; match the rows to it.", "organisation"
            )
    rows = [
        dict(
            name=o.name,
            acronym=o.acronym,
            sort_key=un_sort_key(o.name),
            kind=OrganisationKind.INTERNATIONAL if o.rule == Rule.RULE_1_2 else OrganisationKind.NGO,
            default_rule=o.rule,
        )
        for o in checked
    ]
    ids = s.scalars(sa.insert(Organisation).returning(Organisation.id, sort_by_parameter_order=True), rows).all()
    meeting = s.get(Meeting, ctx.meeting_id)
    assert meeting is not None
    for o, oid in zip(checked, ids):
        chosen = ctx.convention.organisation_category(o.rule, o.category)
        if o.category and chosen.key != ctx.convention.organisation_category(o.rule).key:
            s.add(OrganisationRule(organisation_id=oid, treaty_id=meeting.treaty_id, category=chosen.key))
    return {destination_key(o): oid for o, oid in zip(new, ids)}


def create_delegations(
    s: Session, ctx: MeetingContext, plan: Plan, organisations: dict[tuple[Any, ...], int]
) -> tuple[dict[tuple[Any, ...], int], list[int]]:
    """The delegation of every destination, registering those the meeting does not have yet."""
    found = dict(ctx.delegations)
    missing: dict[tuple[Any, ...], Destination] = {}
    for r in plan.rows:
        if r.outcome in (Outcome.ADD, Outcome.UPDATE):
            key = destination_key(r.destination)
            if key not in found and r.destination is not None:
                missing.setdefault(key, r.destination)
    if not missing:
        return found, []
    rows = []
    for key, destination in missing.items():
        if isinstance(destination, NewOrganisation):
            state_id, organisation_id = None, organisations[key]
        elif destination.kind == "state":
            state_id, organisation_id = destination.id, None
        else:
            state_id, organisation_id = None, destination.id
        rows.append(
            dict(
                meeting_id=ctx.meeting_id,
                state_id=state_id,
                organisation_id=organisation_id,
                name=destination.name,
                sort_key=un_sort_key(destination.name),
                override_reason="",
                notes="",
                credentials_received=False,
            )
        )
    ids = s.scalars(sa.insert(Delegation).returning(Delegation.id, sort_by_parameter_order=True), rows).all()
    found.update(zip(missing, ids))
    return found, list(ids)


def insert_participants(s: Session, batch: list[dict[str, Any]]) -> list[int]:
    if not batch:
        return []
    table = table_of(Participant)  # Core, not the ORM's bulk path: a third of the time
    ids = s.execute(sa.insert(table).returning(table.c.id), batch).scalars().all()  # undo needs the set, not the order
    batch.clear()
    log_bulk(s, "participant", ids, "imported")
    return list(ids)


def apply_updates(s: Session, rows: list[Any]) -> list[tuple[int, dict[str, Any]]]:
    """Apply the updates; return each participant's values as they were."""
    previous = []
    for r in rows:
        current = s.execute(
            sa.select(*(getattr(Participant, c) for c in RESTORED)).where(Participant.id == r.existing_id)
        ).first()
        if current is None:
            raise NotFoundError(f"row {r.line}: the participant to update no longer exists; nothing was written.")
        previous.append((r.existing_id, dict(zip(RESTORED, current))))
        # A bulk UPDATE passes the ORM's version counter by: count it up here, so a screen showing the person
        # before the import cannot overwrite what the import brought.
        s.execute(
            sa.update(Participant)
            .where(Participant.id == r.existing_id)
            .values(
                **r.values,
                version=Participant.version + 1,
                changed_by=s.info.get("user", "")[:100],
                changed_at=dt.datetime.now().replace(microsecond=0),
            )
        )
        log_bulk(s, "participant", [r.existing_id], "changed by an import")
    return previous
