"""The preview of an import: what each incoming row would become (added, an update of someone registered,
skipped, refused) and why, before anything is written.

`build_plan` is a pure function of the incoming rows, what the meeting holds (a `MeetingContext` read once) and
the secretary's choices (hand matches, corrected names, duplicate decisions), so the preview and the commit
compute the same plan, and a choice made in the preview is simply a new plan. What a plan is made of lives in
`plan_model` (and is importable from here); reading a row's values in `row_values`.
"""

from __future__ import annotations

import copy
from typing import Any

from ccm_secretariat.domain.dates import ambiguous, numeric_order
from ccm_secretariat.domain.enums import Role
from ccm_secretariat.domain.participants import Member, MemberIndex, SameNameError, key_of
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.imports import values as read
from ccm_secretariat.imports.columns import Field
from ccm_secretariat.imports.plan_model import (
    Choices,
    DecidedBy,
    Destination,
    Finding,
    Incoming,
    MeetingContext,
    NewOrganisation,
    Outcome,
    Plan,
    PlanRow,
    category_of,
    destination_key,
    from_sheet,
)
from ccm_secretariat.imports.resolve import organisation_like
from ccm_secretariat.imports.row_values import FIELD_OF_VALUE, check_category, given_values, row_values, where
from ccm_secretariat.storage.paused_gc import paused_gc

__all__ = [
    "Choices",
    "DecidedBy",
    "Destination",
    "Finding",
    "Incoming",
    "MeetingContext",
    "NewOrganisation",
    "Outcome",
    "Plan",
    "PlanRow",
    "build_plan",
    "category_of",
    "destination_key",
    "from_sheet",
]


def build_plan(incoming: list[Incoming], ctx: MeetingContext, choices: Choices | None = None) -> Plan:
    choices = choices or Choices()
    index = MemberIndex(
        dict(ctx.members.delegation_names),
        dict(ctx.members.by_email),
        {k: list(v) for k, v in ctx.members.by_name.items()},
        dict(ctx.members.heads),
    )
    new_keys: dict[tuple[Any, ...], int] = {}  # delegations the import would create: key -> a pseudo id below zero
    dates = [row.fields.get(Field.REGISTRATION_DATE, "") for row in incoming]
    ask = ""
    month_first = choices.month_first
    if month_first is None:
        order = numeric_order(dates)
        month_first = order == "month first"
        ask = next((d.strip() for d in dates if ambiguous(d)), "") if order is None else ""
    with paused_gc():
        rows = [_plan_row(row, ctx, choices, index, new_keys, month_first) for row in incoming]
    if not any(Field.ROLE in row.fields or row.target is not None for row in incoming):
        _protocol_order(rows, ctx)
    return Plan(rows, ctx, copy.deepcopy(choices), ask)


def _protocol_order(rows: list[PlanRow], ctx: MeetingContext) -> None:
    """A file with no role: in each delegation the head is the most senior person whose function or salutation
    says so (head of delegation, minister, ambassador or permanent representative, an Excellency), unless the
    delegation has one already; the others follow by rank, then in the file's order."""
    groups: dict[tuple[str, int | str], list[PlanRow]] = {}
    for r in rows:
        if r.outcome == Outcome.ADD and r.values is not None:
            r.order = read.protocol_rank(r.values["function"], r.values["salutation"])
            groups.setdefault(destination_key(r.destination), []).append(r)
    for key, members in groups.items():
        existing = ctx.delegations.get(key)
        if existing is not None and existing in ctx.members.heads:
            continue
        best = min(members, key=lambda r: (r.order, r.line))
        if best.order < read.HEAD_RANKS and best.values is not None:
            best.values["role"] = Role.HEAD
            best.order = -1


def _plan_row(
    row: Incoming,
    ctx: MeetingContext,
    choices: Choices,
    index: MemberIndex,
    new_keys: dict[tuple[Any, ...], int],
    month_first: bool,
) -> PlanRow:
    given, family, split = _name(row, choices)
    text = row.fields.get(Field.DELEGATION, "") or row.fields.get(Field.COUNTRY, "")
    plan = PlanRow(row.line, given, family, text, None, Finding.NEW, Outcome.ADD, name_split=split)
    plan.affiliation = row.fields.get(Field.AFFILIATION, "").strip()
    if _screened_out(row, plan):
        return plan
    destination = _destination(row, ctx, choices, plan)
    if destination is None:
        return plan
    plan.destination = destination
    key = destination_key(destination)
    delegation_id = ctx.delegations.get(key) or new_keys.setdefault(key, -1 - len(new_keys))
    index.delegation_names.setdefault(delegation_id, getattr(destination, "name", ""))
    # The values, checked by the same rules as a single edit.
    try:
        values = row_values(row, given, family, month_first)
    except ValidationError as exc:
        return _refuse(plan, Finding.ERROR, exc.message)
    plan.values = values
    check_category(row, destination, ctx, plan)
    return _against_duplicates(row, plan, choices, index, delegation_id, values)


def _refuse(plan: PlanRow, finding: Finding, message: str) -> PlanRow:
    plan.finding, plan.outcome, plan.message = finding, Outcome.REFUSE, message
    return plan


def _name(row: Incoming, choices: Choices) -> tuple[str, str, bool]:
    """(given names, family name, whether they were split from a single name column)."""
    if row.line in choices.names:
        given, family = choices.names[row.line]
        return given, family, False
    if Field.FULL_NAME in row.fields:
        given, family = read.split_name(row.fields.get(Field.FULL_NAME, ""))
        return given, family, True
    return row.fields.get(Field.GIVEN_NAMES, ""), row.fields.get(Field.FAMILY_NAME, ""), False


def _screened_out(row: Incoming, plan: PlanRow) -> bool:
    """A row refused or skipped before its delegation is looked for: problems found while reading it, a withdrawn
    or rejected registration, no name."""
    state = row.fields.get(Field.REGISTRATION_STATE, "")
    if row.problems:
        _refuse(plan, Finding.ERROR, f"row {row.line}: " + "; ".join(row.problems))
    elif read.skipped_state(state):
        plan.finding, plan.outcome = Finding.SKIPPED, Outcome.SKIP
        plan.message = f"the registration is {(state or '').lower()}."
    elif not plan.family.strip():
        column = Field.FULL_NAME if Field.FULL_NAME in row.fields else Field.FAMILY_NAME
        empty = not any(v.strip() for v in row.fields.values())
        _refuse(
            plan, Finding.ERROR, f"row {row.line} is empty." if empty else f"{where(row, column)}: no name is given."
        )
    else:
        return False
    return True


def _destination(row: Incoming, ctx: MeetingContext, choices: Choices, plan: PlanRow) -> Destination | None:
    """The delegation the row goes to (matched by hand, carried over, or decided from the file), or None with the
    row refused."""
    destination = choices.targets.get(row.line)
    plan.decided_by = DecidedBy.HAND if destination is not None else DecidedBy.CARRIED_OVER
    destination = destination or row.target
    if destination is None:
        return _decide(row, ctx, plan)
    if isinstance(destination, NewOrganisation):
        try:
            destination.checked()
        except ValidationError as exc:
            message = f"{where(row, Field.DELEGATION)}: the new organisation's name {exc.message}"
            _refuse(plan, Finding.ERROR, message)
            return None
    return destination


def _against_duplicates(
    row: Incoming,
    plan: PlanRow,
    choices: Choices,
    index: MemberIndex,
    delegation_id: int,
    values: dict[str, Any],
) -> PlanRow:
    """Duplicates, against the meeting and against the rows above, and what the secretary decided for them."""
    person = key_of(values)
    same_mail = index.same_email(values["email"])
    namesakes = index.same_name(delegation_id, values, key=person)
    duplicate: Member | None = same_mail or (namesakes[0] if namesakes else None)
    if duplicate is None:
        return _add(plan, index, delegation_id, values, person, same_name_ok=False, row=row)
    _describe_duplicate(plan, index, duplicate, values, by_email=same_mail is not None)
    decision = choices.duplicates.get(row.line, choices.on_duplicate)
    if decision == Outcome.ADD and same_mail is not None:
        plan.outcome = Outcome.REFUSE
        plan.message += " One e-mail address cannot belong to two participants."
        return plan
    if decision == Outcome.ADD:
        return _add(plan, index, delegation_id, values, person, same_name_ok=True, row=row, keep_finding=True)
    if decision == Outcome.UPDATE:
        return _update(row, plan, index, duplicate, delegation_id, values)
    plan.outcome = Outcome.SKIP
    return plan


def _differences(duplicate: Member, values: dict[str, Any]) -> list[str]:
    """What tells a namesake apart: another function or e-mail (a blank on either side tells nothing)."""
    pairs = (("function", duplicate.function, values["function"]), ("e-mail", duplicate.email, values["email"]))
    return [name for name, a, b in pairs if a and b and a.casefold() != b.casefold()]


def _describe_duplicate(
    plan: PlanRow, index: MemberIndex, duplicate: Member, values: dict[str, Any], by_email: bool
) -> None:
    differs = _differences(duplicate, values)
    plan.finding = Finding.DUPLICATE if by_email or not differs else Finding.POSSIBLE_DUPLICATE
    if duplicate.id < 0:
        plan.same_as_line = -duplicate.id
        who = f"row {-duplicate.id} of the file"
    else:
        plan.existing_id = duplicate.id
        who = f"{duplicate.name}, already registered"
    where_ = index.delegation_names.get(duplicate.delegation_id, "")
    if by_email:
        plan.message = f"the e-mail {values['email']} is also that of {who}, in the delegation of {where_}."
    else:
        plan.message = f"the same name as {who}, in the delegation of {where_}" + (
            f", with another {' and '.join(differs)}." if differs else "."
        )


def _update(
    row: Incoming, plan: PlanRow, index: MemberIndex, duplicate: Member, delegation_id: int, values: dict[str, Any]
) -> PlanRow:
    """The secretary chose to update the registered participant: only one of the same delegation can be."""
    if plan.existing_id is None or duplicate.delegation_id != delegation_id:
        plan.message += " Only a participant of the same delegation can be updated from it."
        plan.outcome = Outcome.SKIP
        return plan
    merged = given_values(row, values)
    probe = dict(
        given_names=plan.given, family_name=plan.family, email=merged.get("email", ""), role=merged.get("role")
    )
    try:
        index.check(delegation_id, probe, exclude=duplicate.id, same_name_ok=True)
    except DuplicateError as exc:
        plan.outcome, plan.message = Outcome.REFUSE, f"row {row.line}: {exc.message}"
        return plan
    plan.values, plan.outcome = merged, Outcome.UPDATE
    return plan


def _decide(row: Incoming, ctx: MeetingContext, plan: PlanRow) -> Destination | None:
    """The delegation a row joins: the delegation column's, else the affiliation's (a known organisation, a State
    or one of its ministries, missions or embassies), else the country's. An affiliation that reads as an
    organisation the application does not know is asked about, never put with the country silently."""
    f = row.fields.get
    delegation, country = f(Field.DELEGATION, "").strip(), f(Field.COUNTRY, "").strip()
    plan.country = ctx.resolver.state(country) if country else None
    if delegation:
        plan.decided_by = DecidedBy.DELEGATION
        found = ctx.resolver.resolve(delegation)
        if found is None:
            _unresolved(row, plan, Field.DELEGATION, delegation)
        return found
    if plan.affiliation:
        found = ctx.resolver.affiliation(plan.affiliation)
        if found is not None:
            plan.decided_by = DecidedBy.AFFILIATION
            return found
        if organisation_like(plan.affiliation):
            plan.decided_by, plan.delegation_text = DecidedBy.AFFILIATION, plan.affiliation
            plan.finding, plan.outcome = Finding.UNRESOLVED, Outcome.REFUSE
            plan.message = (
                f"{where(row, Field.AFFILIATION)}: “{plan.affiliation}” reads as an organisation the "
                "application does not know: add it as a new organisation, match it by hand"
                + (f", or put the row with its country ({plan.country.name})." if plan.country else ".")
            )
            return None
    plan.decided_by = DecidedBy.COUNTRY
    if plan.country is None:
        _unresolved(row, plan, Field.COUNTRY, country)
    return plan.country


def _unresolved(row: Incoming, plan: PlanRow, column: Field, text: str) -> None:
    plan.finding, plan.outcome = Finding.UNRESOLVED, Outcome.REFUSE
    plan.message = (
        f"{where(row, column)}: “{text}” is not a State or an organisation the application knows; match it by hand."
        if text
        else f"{where(row, column)}: no delegation is given."
    )


def _add(
    plan: PlanRow,
    index: MemberIndex,
    delegation_id: int,
    values: dict[str, Any],
    key: str,
    *,
    same_name_ok: bool,
    row: Incoming,
    keep_finding: bool = False,
) -> PlanRow:
    try:
        index.check(delegation_id, values, same_name_ok=same_name_ok, key=key)
    except SameNameError:
        raise  # the caller has ruled on namesakes before
    except DuplicateError as exc:
        plan.finding, plan.outcome = Finding.ERROR, Outcome.REFUSE
        plan.message = f"{where(row, FIELD_OF_VALUE.get(exc.field or '', Field.ROLE))}: {exc.message}"
        return plan
    index.add(-plan.line, delegation_id, values, key)
    plan.outcome = Outcome.ADD
    if not keep_finding:
        plan.finding = Finding.NEW
    return plan
