"""What a preview of an import is made of: the incoming rows, the secretary's choices, what the meeting holds,
and the plan's rows with what each would become (added, an update of someone registered, skipped, refused)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.domain.fields import clean
from ccm_secretariat.domain.names import match_key
from ccm_secretariat.domain.participants import MemberIndex
from ccm_secretariat.imports.columns import Field, Mapping
from ccm_secretariat.imports.resolve import Resolver, Target
from ccm_secretariat.imports.tables import Sheet, column_letter
from ccm_secretariat.reference.profiles import ConventionProfile


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
    rule: Rule = Rule.RULE_1_3  # the reference data's default: named by the rules of procedure (1(2)) or invited
    category: str = ""  # the category key chosen for it at this meeting's convention ("": as its rule gives)

    @property
    def label(self) -> str:
        return f"{self.name} (new organisation)"

    def checked(self) -> NewOrganisation:
        """The organisation with its name and acronym cleaned by the checks every stored name passes (trimmed,
        at most 300 and 40 characters, no control, invisible or direction-changing character); ValidationError
        otherwise, never a name cut or stored as it came."""
        return NewOrganisation(
            clean(self.name, "organisation", required=True),
            clean(self.acronym, "acronym", max_length=40),
            self.rule,
            self.category,
        )


Destination = Target | NewOrganisation


@dataclass(frozen=True, slots=True)
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
    state_categories: dict[int, str]  # a State's category on the first day (a key of the convention)
    organisation_categories: dict[int, str]  # an organisation's category at this convention's meetings
    members: MemberIndex
    positions: dict[int, int]  # delegation id -> highest position
    convention: ConventionProfile
    category_words: dict[str, str]  # what a file may write for a category (imports.values.category_words)


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


def category_of(destination: Destination, ctx: MeetingContext) -> str:
    """The category (key) a row's delegation has at the meeting."""
    if isinstance(destination, NewOrganisation):
        return ctx.convention.organisation_category(destination.rule).key
    if destination.kind == "state":
        return ctx.state_categories.get(destination.id, ctx.convention.for_status("not_signatory").key)
    return ctx.organisation_categories[destination.id]
