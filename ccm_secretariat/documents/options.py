"""What a secretary may tell each document: one frozen dataclass of options a kind of document (registry.py), with
its defaults, and the arguments that set them on the command line. A caller that does not hold a kind's own type
(the command line, the tests) gives values by name (`ExportOptions`); the kind keeps those it declares and
refuses any other."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ccm_secretariat.language import LANGUAGES

if TYPE_CHECKING:
    from ccm_secretariat.services import Services


@dataclass(frozen=True)
class ParticipantsOptions:
    """The list of participants (PDF) and the registration workbook."""

    date: dt.date | None = None  # the list's "as at" date (default: today)
    symbol: str | None = None  # default: the register's, else the meeting's prefix + /INF.1
    provisional: bool = False
    capitals: bool | None = None  # family names in capitals (default: the meeting's setting)
    internal: bool = False  # the workbook with every contact detail
    language: str | None = None  # the document's language, "en", "fr" or "es" (default: the meeting's)


@dataclass(frozen=True)
class ReportOptions:
    """The draft report."""

    symbol: str | None = None
    date: dt.date | None = None
    part: int | None = None  # the part of the meeting the report covers
    landscape: bool = False
    language: str | None = None  # "en", "fr" or "es" (default: the meeting's)


@dataclass(frozen=True)
class MeetingDocumentOptions:
    """The agenda, the programme of work, the list of documents and the report on credentials."""

    date: dt.date | None = None
    landscape: bool = False  # A4 on its side (a long programme of work)
    language: str | None = None  # "en", "fr" or "es" (default: the meeting's)


@dataclass(frozen=True)
class NameplateOptions:
    """Which nameplates: every delegation, a category's or those chosen."""

    category: str | None = None  # a key of the meeting's convention
    delegation_ids: tuple[int, ...] = ()
    language: str | None = None  # the names' language, "en", "fr" or "es" (default: the meeting's)


@dataclass(frozen=True)
class BadgeOptions:
    """Which badges, on which layout."""

    layout: str | None = None  # a badge layout of exports/badges.py LAYOUTS (default: its DEFAULT_LAYOUT)
    category: str | None = None  # a key of the meeting's convention
    delegation_ids: tuple[int, ...] = ()
    participant_ids: tuple[int, ...] = ()
    only_new: bool = False  # badges not printed yet
    revoke_old: bool = False  # reprinted badges get new codes; the older badges no longer check in
    record_printed: bool = True  # recorded as printed once written (the pack records them once in place)
    language: str | None = None  # the band's, the delegation's and the dates' language (default: the meeting's)


@dataclass(frozen=True)
class NoOptions:
    """A document with nothing to choose (the seating plan)."""


class ExportOptions:
    """Option values by name, for whichever kind they are given to (`DocumentKind.options_from`)."""

    __slots__ = ("values",)

    def __init__(self, **values: Any) -> None:
        self.values = values

    def __repr__(self) -> str:
        return f"ExportOptions({', '.join(f'{k}={v!r}' for k, v in self.values.items())})"


def options_of(options_type: type[Any], given: object) -> Any:
    """`given` (None, values by name, or the kind's own options) as an instance of `options_type`."""
    if given is None:
        return options_type()
    if isinstance(given, options_type):
        return given
    if not isinstance(given, ExportOptions):
        raise TypeError(f"{type(given).__name__} given where {options_type.__name__} was expected")
    declared = {f.name for f in dataclasses.fields(options_type)}
    unknown = sorted(set(given.values) - declared)
    if unknown:
        raise TypeError(f"{options_type.__name__} has no option {', '.join(unknown)}")
    return options_type(**given.values)


@dataclass(frozen=True)
class Argument:
    """One option on the command line (`export KIND FLAG`): the field of the kind's options it sets."""

    field: str
    flag: str
    help: str
    action: str = "store"  # argparse's: store, store_true, append
    parse: Callable[[str], Any] | None = None  # the text to a value; a ValueError's message is the error shown
    choices: tuple[str, ...] = ()
    # After parsing, with the meeting known: the value the options take (delegations named, "yes" to True).
    resolve: Callable[[Services, int, Any], Any] | None = None

    def value(self, services: Services, meeting_id: int, parsed: Any) -> Any:
        return parsed if self.resolve is None else self.resolve(services, meeting_id, parsed)


def category_named(services: Services, meeting_id: int, text: str | None) -> str | None:
    """A category of the meeting's convention by its key or a heading (any case; spaces, hyphens and underscores
    alike), or a refusal naming the convention's categories."""
    if not text:
        return None
    return services.meetings.get(meeting_id).profile.named(text).key


def delegations_named(services: Services, meeting_id: int, given: list[str]) -> tuple[int, ...]:
    """Delegations named on the command line, by number or by name (as registered, or the State's)."""
    if not given:
        return ()
    from ccm_secretariat.domain.names import match_key
    from ccm_secretariat.errors import ValidationError

    rows = services.registration.delegations(meeting_id)
    found = []
    for text in given:
        key = match_key(text)
        row = next(
            (
                d
                for d in rows
                if str(d.id) == text.strip()
                or match_key(d.name) == key
                or (d.acronym and match_key(d.acronym) == key)
                or (d.iso3 and d.iso3.lower() == key)
            ),
            None,
        )
        if row is None:
            raise ValidationError(f"no delegation “{text}” is registered for this meeting.", "delegation")
        found.append(row.id)
    return tuple(found)


LANDSCAPE = Argument("landscape", "--landscape", "A4 on its side (a long programme of work)", "store_true")
LANGUAGE = Argument(
    "language", "--language", "the document's language (default: the meeting's)", choices=tuple(LANGUAGES)
)
CHOSEN_DELEGATIONS = (
    Argument(
        "category",
        "--category",
        "only one category: its key or heading in the meeting's convention (`delegations` lists them)",
        resolve=category_named,
    ),
    Argument(
        "delegation_ids",
        "--delegation",
        "only this delegation (its name or number); give it again for more",
        "append",
        resolve=lambda services, meeting_id, names: delegations_named(services, meeting_id, names or []),
    ),
)
PARTICIPANTS_ARGUMENTS = (
    LANGUAGE,
    Argument("provisional", "--provisional", "a provisional list", "store_true"),
    Argument(
        "capitals",
        "--capitals",
        "family names in capitals (default: the meeting's setting)",
        choices=("yes", "no"),
        resolve=lambda _services, _meeting, text: None if text is None else text == "yes",
    ),
    Argument(
        "internal",
        "--internal",
        "workbook: every participant's contact details, consent or not (not for distribution)",
        "store_true",
    ),
)
NAMEPLATE_ARGUMENTS = (*CHOSEN_DELEGATIONS, LANGUAGE)
REPORT_ARGUMENTS = (
    Argument("part", "--part", "the part of the meeting the report covers", parse=int),
    LANDSCAPE,
    LANGUAGE,
)
BADGE_ARGUMENTS = (
    *CHOSEN_DELEGATIONS,
    LANGUAGE,
    Argument("layout", "--layout", "badge layout (default 90x55; also a6)"),
    Argument("only_new", "--only-new", "only badges not printed yet", "store_true"),
    Argument("revoke_old", "--revoke-old", "reprints get new codes: the older badges no longer check in", "store_true"),
)
