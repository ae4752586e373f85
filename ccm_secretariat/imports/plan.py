"""The preview of an import: what each incoming row would become (added, an update of someone registered,
skipped, refused) and why, before anything is written.

`build_plan` is a pure function of the incoming rows, what the meeting holds (a `MeetingContext` read once) and
the secretary's choices (hand matches, corrected names, duplicate decisions), so the preview and the commit
compute the same plan, and a choice made in the preview is simply a new plan.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ccm_secretariat.domain.dates import ambiguous, numeric_order
from ccm_secretariat.domain.enums import Category, Role, Rule
from ccm_secretariat.domain.fields import clean
from ccm_secretariat.domain.names import match_key
from ccm_secretariat.domain.participants import Member, MemberIndex, SameNameError, key_of, validate_fields
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.errors import DuplicateError, ValidationError
from ccm_secretariat.imports import values as read
from ccm_secretariat.imports.columns import Field, Mapping
from ccm_secretariat.imports.resolve import Resolver, Target, organisation_like
from ccm_secretariat.imports.tables import Sheet, column_letter
from ccm_secretariat.storage.paused_gc import paused_gc


class Outcome(str, Enum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    REFUSE = "refuse"


class DecidedBy(str, Enum):
    """How a row's delegation was decided, shown in the preview."""

    DELEGATION = "delegation column"
    AFFILIATION = "affiliation"
    COUNTRY = "country"
    HAND = "by hand"
    CARRIED_OVER = "carried over"


class Finding(str, Enum):
    NEW = "new"
    DUPLICATE = "duplicate"  # the same e-mail, or the same name and nothing that tells them apart
    POSSIBLE_DUPLICATE = "possible duplicate"  # the same name in the same delegation, another function or e-mail
    UNRESOLVED = "unresolved"  # the delegation names no State or organisation the application knows
    ERROR = "error"
    SKIPPED = "skipped"  # a withdrawn or rejected registration


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation the secretary agreed to add to the reference data as part of the import."""

    name: str
    acronym: str = ""
    rule: Rule = Rule.RULE_1_3

    @property
    def label(self) -> str:
        return f"{self.name} (new organisation, rule {self.rule.value})"

    def checked(self) -> NewOrganisation:
        """The organisation with its name and acronym cleaned by the checks every stored name passes (trimmed,
        at most 300 and 40 characters, no control, invisible or direction-changing character); ValidationError
        otherwise, never a name cut or stored as it came."""
        return NewOrganisation(
            clean(self.name, "organisation", required=True), clean(self.acronym, "acronym", max_length=40), self.rule
        )


Destination = Target | NewOrganisation


@dataclass(frozen=True)
class Incoming:
    """One row to import: its line in the file, its fields, problems found while reading it, and (for a carry-over)
    the delegation it belongs to already."""

    line: int
    fields: dict[Field, str]
    problems: tuple[str, ...] = ()
    target: Target | None = None
    columns: dict[Field, str] = field(default_factory=dict)  # field -> "column “Pays” (C)" for messages


def from_sheet(sheet: Sheet, mapping: Mapping) -> list[Incoming]:
    """The rows of a sheet as the plan takes them: fields by name, with their columns named for messages."""
    pairs = sorted((i, Field(f)) for i, f in mapping.items())
    columns = {f: f"column “{sheet.headers[i]}” ({column_letter(i)})" for i, f in pairs}
    problems = sheet.problems
    return [
        Incoming(line, {f: cells[i] for i, f in pairs}, tuple(problems.get(line, ())), None, columns)
        for line, cells in sheet.rows
    ]


@dataclass
class Choices:
    targets: dict[int, Destination] = field(default_factory=dict)  # line -> matched by hand
    names: dict[int, tuple[str, str]] = field(default_factory=dict)  # line -> (given, family) corrected
    duplicates: dict[int, Outcome] = field(default_factory=dict)  # line -> skip, update or add
    on_duplicate: Outcome = Outcome.SKIP  # for the duplicates without a decision of their own
    month_first: bool | None = None  # how the file writes 02/08/2026; None: as its dates show, else day first


@dataclass
class MeetingContext:
    """What the plan needs to know of the meeting, read once per import."""

    meeting_id: int
    first_day: dt.date
    resolver: Resolver
    delegations: dict[tuple[str, int | str], int]  # ("state", id) -> delegation id
    state_categories: dict[int, Category]
    organisation_rules: dict[int, Rule]
    members: MemberIndex
    positions: dict[int, int]  # delegation id -> highest position


@dataclass(slots=True)
class PlanRow:
    line: int
    given: str
    family: str
    delegation_text: str
    destination: Destination | None
    finding: Finding
    outcome: Outcome
    message: str = ""
    values: dict[str, Any] | None = None
    existing_id: int | None = None  # the registered participant this row duplicates or updates
    same_as_line: int | None = None  # the earlier row of the file this one duplicates
    notes: list[str] = field(default_factory=list)
    name_split: bool = False
    affiliation: str = ""
    decided_by: str = ""  # how the delegation was found: DECIDED_BY's values
    country: Target | None = None  # the State of the country column, offered for an unknown organisation
    order: int = 0  # protocol order among the rows the import adds to one delegation (a file with no role)

    @property
    def destination_label(self) -> str:
        return self.destination.label if self.destination is not None else ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def delegation(self) -> str:
        """The delegation it goes to, or as the file writes it when it goes nowhere yet."""
        return self.destination_label or self.delegation_text

    @property
    def choices(self) -> tuple[Outcome, ...]:
        """What the secretary may decide for this row."""
        if self.finding in (Finding.DUPLICATE, Finding.POSSIBLE_DUPLICATE):
            if self.existing_id is not None:
                return (Outcome.SKIP, Outcome.UPDATE, Outcome.ADD)
            return (Outcome.SKIP, Outcome.ADD)
        return ()


@dataclass
class Plan:
    rows: list[PlanRow]
    context: MeetingContext | None = None  # what the plan was made against
    choices: Choices | None = None
    ask_date_order: str = ""  # a date such as 02/08/2026 that only the secretary can read: ask once

    def counts(self) -> Counter[str]:
        return Counter(r.outcome for r in self.rows)

    def findings(self) -> Counter[str]:
        return Counter(r.finding for r in self.rows)

    @property
    def summary(self) -> str:
        c = self.counts()
        return (
            f"added {c[Outcome.ADD]}, updated {c[Outcome.UPDATE]}, skipped {c[Outcome.SKIP]}, "
            f"refused {c[Outcome.REFUSE]}"
        )

    @property
    def complete(self) -> bool:
        """Every row lands or is skipped on purpose."""
        return not self.counts()[Outcome.REFUSE]

    def new_organisations(self) -> list[NewOrganisation]:
        seen: dict[str, NewOrganisation] = {}
        for r in self.rows:
            if isinstance(r.destination, NewOrganisation) and r.outcome in (Outcome.ADD, Outcome.UPDATE):
                seen.setdefault(match_key(r.destination.name), r.destination)
        return list(seen.values())


def destination_key(destination: Destination | None) -> tuple[str, int | str]:
    """The delegation a row goes to, as a key (a row to write always has one)."""
    if destination is None:
        raise ValueError("a row to write has no destination")
    if isinstance(destination, NewOrganisation):
        return ("new", match_key(destination.name))
    return (destination.kind, destination.id)


def category_of(destination: Destination, ctx: MeetingContext) -> Category:
    if isinstance(destination, NewOrganisation):
        return destination.rule.category
    if destination.kind == "state":
        return ctx.state_categories.get(destination.id, Category.OBSERVER_STATE)
    return ctx.organisation_rules[destination.id].category


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


def _where(row: Incoming, f: Field) -> str:
    return f"row {row.line}, {row.columns[f]}" if f in row.columns else f"row {row.line}"


_FIELD_OF_VALUE = {
    "salutation": Field.SALUTATION,
    "given_names": Field.GIVEN_NAMES,
    "family_name": Field.FAMILY_NAME,
    "function": Field.FUNCTION,
    "affiliation": Field.AFFILIATION,
    "email": Field.EMAIL,
    "phone": Field.PHONE,
    "role": Field.ROLE,
}


def _plan_row(
    row: Incoming,
    ctx: MeetingContext,
    choices: Choices,
    index: MemberIndex,
    new_keys: dict[tuple[Any, ...], int],
    month_first: bool,
) -> PlanRow:
    f = row.fields.get
    # The name.
    split = False
    if row.line in choices.names:
        given, family = choices.names[row.line]
    elif Field.FULL_NAME in row.fields:
        given, family = read.split_name(f(Field.FULL_NAME, ""))
        split = True
    else:
        given, family = f(Field.GIVEN_NAMES, ""), f(Field.FAMILY_NAME, "")
    text = f(Field.DELEGATION, "") or f(Field.COUNTRY, "")
    plan = PlanRow(row.line, given, family, text, None, Finding.NEW, Outcome.ADD, name_split=split)
    plan.affiliation = f(Field.AFFILIATION, "").strip()

    def refuse(finding: Finding, message: str) -> PlanRow:
        plan.finding, plan.outcome, plan.message = finding, Outcome.REFUSE, message
        return plan

    if row.problems:
        return refuse(Finding.ERROR, f"row {row.line}: " + "; ".join(row.problems))
    if read.skipped_state(f(Field.REGISTRATION_STATE, "")):
        plan.finding, plan.outcome = Finding.SKIPPED, Outcome.SKIP
        plan.message = f"the registration is {(f(Field.REGISTRATION_STATE) or '').lower()}."
        return plan
    if not family.strip():
        column = Field.FULL_NAME if Field.FULL_NAME in row.fields else Field.FAMILY_NAME
        if not any(v.strip() for v in row.fields.values()):
            return refuse(Finding.ERROR, f"row {row.line} is empty.")
        return refuse(Finding.ERROR, f"{_where(row, column)}: no name is given.")

    # The delegation.
    destination = choices.targets.get(row.line)
    plan.decided_by = DecidedBy.HAND if destination is not None else DecidedBy.CARRIED_OVER
    destination = destination or row.target
    if destination is None:
        destination = _decide(row, ctx, plan)
        if destination is None:
            return plan
    if isinstance(destination, NewOrganisation):
        try:
            destination.checked()
        except ValidationError as exc:
            return refuse(Finding.ERROR, f"{_where(row, Field.DELEGATION)}: the new organisation's name {exc.message}")
    plan.destination = destination
    key = destination_key(destination)
    delegation_id = ctx.delegations.get(key) or new_keys.setdefault(key, -1 - len(new_keys))
    index.delegation_names.setdefault(delegation_id, getattr(destination, "name", ""))

    # The values, checked by the same rules as a single edit.
    try:
        values = _values(row, given, family, month_first)
    except ValidationError as exc:
        return refuse(Finding.ERROR, f"{exc.message}")
    plan.values = values
    _check_category(row, destination, ctx, plan)

    # Duplicates, against the meeting and against the rows above.
    person = key_of(values)
    same_mail = index.same_email(values["email"])
    namesakes = index.same_name(delegation_id, values, key=person)
    duplicate: Member | None = same_mail or (namesakes[0] if namesakes else None)
    if duplicate is None:
        return _add(plan, index, delegation_id, values, person, same_name_ok=False, row=row)
    certain = same_mail is not None or all(
        (not a or not b or a.casefold() == b.casefold())
        for a, b in ((duplicate.function, values["function"]), (duplicate.email, values["email"]))
    )
    plan.finding = Finding.DUPLICATE if certain else Finding.POSSIBLE_DUPLICATE
    if duplicate.id < 0:
        plan.same_as_line = -duplicate.id
        who = f"row {-duplicate.id} of the file"
    else:
        plan.existing_id = duplicate.id
        who = f"{duplicate.name}, already registered"
    where = index.delegation_names.get(duplicate.delegation_id, "")
    if same_mail is not None:
        plan.message = f"the e-mail {values['email']} is also that of {who}, in the delegation of {where}."
    else:
        differs = [
            n
            for n, a, b in (
                ("function", duplicate.function, values["function"]),
                ("e-mail", duplicate.email, values["email"]),
            )
            if a and b and a.casefold() != b.casefold()
        ]
        plan.message = f"the same name as {who}, in the delegation of {where}" + (
            f", with another {' and '.join(differs)}." if differs else "."
        )
    decision = choices.duplicates.get(row.line, choices.on_duplicate)
    if decision == Outcome.ADD:
        if same_mail is not None:
            plan.outcome = Outcome.REFUSE
            plan.message += " One e-mail address cannot belong to two participants."
            return plan
        return _add(plan, index, delegation_id, values, person, same_name_ok=True, row=row, keep_finding=True)
    if decision == Outcome.UPDATE and plan.existing_id is not None and duplicate.delegation_id == delegation_id:
        merged = _given_values(row, values)
        probe = dict(given_names=given, family_name=family, email=merged.get("email", ""), role=merged.get("role"))
        try:
            index.check(delegation_id, probe, exclude=duplicate.id, same_name_ok=True)
        except DuplicateError as exc:
            plan.outcome, plan.message = Outcome.REFUSE, f"row {row.line}: {exc.message}"
            return plan
        plan.values, plan.outcome = merged, Outcome.UPDATE
        return plan
    if decision == Outcome.UPDATE:
        plan.message += " Only a participant of the same delegation can be updated from it."
    plan.outcome = Outcome.SKIP
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
                f"{_where(row, Field.AFFILIATION)}: “{plan.affiliation}” reads as an organisation the "
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
        f"{_where(row, column)}: “{text}” is not a State or an organisation the application knows; match it by hand."
        if text
        else f"{_where(row, column)}: no delegation is given."
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
        plan.message = f"{_where(row, _FIELD_OF_VALUE.get(exc.field or '', Field.ROLE))}: {exc.message}"
        return plan
    index.add(-plan.line, delegation_id, values, key)
    plan.outcome = Outcome.ADD
    if not keep_finding:
        plan.finding = Finding.NEW
    return plan


_SOURCES = {
    "salutation": Field.SALUTATION,
    "function": Field.FUNCTION,
    "affiliation": Field.AFFILIATION,
    "email": Field.EMAIL,
    "phone": Field.PHONE,
    "role": Field.ROLE,
    "gender": Field.GENDER,
    "consent_to_publish": Field.CONSENT,
    "registration_date": Field.REGISTRATION_DATE,
}


def _given_values(row: Incoming, values: dict[str, Any]) -> dict[str, Any]:
    """What an update changes: the values the file gives (a blank cell or an absent column changes nothing)."""
    given = {k: values[k] for k, source in _SOURCES.items() if row.fields.get(source, "").strip()}
    if "email" in given:
        given["email_key"] = values["email_key"]
    return given


def _values(row: Incoming, given: str, family: str, month_first: bool = False) -> dict[str, Any]:
    f = row.fields.get
    role = read.role(f(Field.ROLE, ""))
    if role is None:
        raise ValidationError(
            f"{_where(row, Field.ROLE)}: “{f(Field.ROLE)}” is not a role (head of delegation, "
            "alternate head, representative, adviser, expert).",
            "role",
        )
    consent = read.yes_no(f(Field.CONSENT, ""))
    if consent is None:
        raise ValidationError(f"{_where(row, Field.CONSENT)}: “{f(Field.CONSENT)}” is neither yes nor no.", "consent")
    try:
        registered = read.date(f(Field.REGISTRATION_DATE, ""), month_first)
    except ValueError:
        raise ValidationError(
            f"{_where(row, Field.REGISTRATION_DATE)}: “{f(Field.REGISTRATION_DATE)}” is not a "
            "date (write 2025-08-14, 14.08.2025 or 14 Aug 2025).",
            "registration_date",
        ) from None
    salutation = read.salutation(f(Field.SALUTATION, ""))
    try:
        values = validate_fields(
            family,
            given,
            salutation,
            f(Field.FUNCTION, ""),
            f(Field.AFFILIATION, ""),
            role,
            f(Field.EMAIL, ""),
            f(Field.PHONE, ""),
            read.gender(f(Field.GENDER, ""), salutation),
            consent,
        )
    except ValidationError as exc:
        column = _FIELD_OF_VALUE.get(exc.field or "")
        if column in (Field.GIVEN_NAMES, Field.FAMILY_NAME) and Field.FULL_NAME in row.fields:
            column = Field.FULL_NAME
        raise ValidationError(
            f"{_where(row, column) if column else f'row {row.line}'}: {_label(exc.field)} {exc.message}", exc.field
        ) from None
    values["registration_date"] = registered
    return values


def _label(name: str | None) -> str:
    return {
        "family_name": "the family name",
        "given_names": "the given names",
        "email": "the e-mail",
        "phone": "the telephone number",
        "function": "the function",
        "affiliation": "the affiliation",
        "salutation": "the salutation",
    }.get(name or "", "the value")


def _check_category(row: Incoming, destination: Destination, ctx: MeetingContext, plan: PlanRow) -> None:
    text = row.fields.get(Field.CATEGORY, "")
    if not text:
        return
    derived = category_of(destination, ctx)
    said = read.category(text)
    if said is None:
        plan.notes.append(
            f"{_where(row, Field.CATEGORY)}: “{text}” is not a category the application knows; the "
            f"category follows from the treaty status ({derived.label})."
        )
    elif said != derived:
        name = getattr(destination, "name", "")
        plan.notes.append(
            f"{_where(row, Field.CATEGORY)}: the file says {said.label}, but on "
            f"{un_date(ctx.first_day)} {name} is among {derived.label}; the treaty status decides."
        )
