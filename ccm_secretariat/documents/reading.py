"""Each document's data, read once into a plain value before anything is drawn: the registry's kinds read with
these (or MeetingData, or the report's builder), and their writers only draw what they are given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccm_secretariat.documents.options import BadgeOptions, NameplateOptions, NoOptions, ParticipantsOptions
from ccm_secretariat.domain.enums import DocumentType
from ccm_secretariat.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from ccm_secretariat.domain.badges import BadgeRun
    from ccm_secretariat.domain.seating import Seated
    from ccm_secretariat.exports.badges import BadgeLayout
    from ccm_secretariat.exports.participants_pdf import ListOptions
    from ccm_secretariat.exports.seating_pdf import SeatingDocument
    from ccm_secretariat.progress import Progress
    from ccm_secretariat.services import Services
    from ccm_secretariat.services.documents import DocumentRow
    from ccm_secretariat.services.roster import Roster


@dataclass(frozen=True)
class ParticipantsData:
    """The list of participants and the registration workbook: the roster, the register of documents, and the
    list's symbol and original language as the register gives them (None when it has no such document)."""

    roster: Roster
    documents: list[DocumentRow]
    registered_symbol: str | None
    registered_languages: str | None = None  # its entry's languages ("EN", "FR"): the masthead's "Original"

    @classmethod
    def read(cls, services: Services, meeting_id: int, options: ParticipantsOptions) -> ParticipantsData:
        documents = services.documents.list(meeting_id)
        entry = _registered_list(documents, options.provisional)
        return cls(
            services.roster.roster(meeting_id),
            documents,
            entry.symbol if entry else None,
            entry.languages if entry else None,
        )


def _registered_list(documents: list[DocumentRow], provisional: bool) -> DocumentRow | None:
    """The list's entry in the meeting's register of documents (of the type "Provisional list of participants",
    CCM/CONF/2020/MISC.1, for the provisional one), whatever its title's words or language; None when the
    register has no such document."""
    wanted = DocumentType.PROVISIONAL_PARTICIPANTS if provisional else DocumentType.PARTICIPANTS
    found = [d for d in documents if d.doc_type is wanted]
    return found[0] if found else None


def document_language(services: Services, meeting_id: int, chosen: str | None) -> str:
    """The language chosen for a document, else the meeting's (its settings' `language`), checked."""
    from ccm_secretariat.language import forms

    return forms(chosen or services.meetings.get(meeting_id).settings.language).code


@dataclass(frozen=True)
class BadgeData:
    """The badges chosen and the layout they are printed on."""

    run: BadgeRun
    layout: BadgeLayout

    @classmethod
    def read(cls, services: Services, meeting_id: int, options: BadgeOptions) -> BadgeData:
        from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS
        from ccm_secretariat.services.badges import BadgeChoice

        layout = LAYOUTS.get(options.layout or DEFAULT_LAYOUT)
        if layout is None:
            raise ValidationError(
                f"no badge layout is called “{options.layout}”; the layouts are {', '.join(LAYOUTS)}.", "layout"
            )
        o = options
        language = document_language(services, meeting_id, o.language)
        run = services.badges.run(
            meeting_id, BadgeChoice(o.category, o.delegation_ids, o.participant_ids, o.only_new, o.revoke_old)
        )
        if language != "en":
            from ccm_secretariat.exports.localise import localised_badges

            meeting, delegations = services.meetings.get(meeting_id), services.registration.delegations(meeting_id)
            run = localised_badges(run, meeting, delegations, language)
        return cls(run, layout)


@dataclass(frozen=True)
class NameplateData:
    plates: Sequence[Seated]
    practice: bool
    language: str = "en"

    @classmethod
    def read(cls, services: Services, meeting_id: int, options: NameplateOptions) -> NameplateData:
        language = document_language(services, meeting_id, options.language)
        plates = services.seating.nameplates(meeting_id, options.category, options.delegation_ids)
        if language != "en":
            from ccm_secretariat.exports.localise import localised_plates

            delegations = services.registration.delegations(meeting_id)
            seat_order = services.seating.plan(meeting_id) is not None
            plates = localised_plates(plates, delegations, language, seat_order)
        return cls(plates, services.meetings.get(meeting_id).practice, language)


def read_seating(services: Services, meeting_id: int, _options: NoOptions) -> SeatingDocument:
    from ccm_secretariat.exports.masthead import place_and_dates
    from ccm_secretariat.exports.seating_pdf import SeatingDocument

    meeting = services.meetings.get(meeting_id)
    return SeatingDocument(
        meeting.title,
        place_and_dates(meeting),
        services.seating.layout(meeting_id),
        services.badges.colours(meeting_id),
        {c.key: c.view for c in meeting.profile.categories},
    )


def participants_pdf(
    services: Services, meeting_id: int, out: str | Path, options: ListOptions | None = None
) -> Iterator[Progress]:
    """The list of participants read and drawn in one call (scripts, tests, benchmarks; the registry's kind
    reads with ParticipantsData): the writer itself only draws (exports/participants_pdf.py, `list_pdf`)."""
    from ccm_secretariat.exports.participants_pdf import ListOptions, list_pdf

    yield from list_pdf(services.roster.roster(meeting_id), out, options or ListOptions())


def participants_workbook(
    services: Services, meeting_id: int, out: str | Path, internal: bool = False, language: str | None = None
) -> Iterator[Progress]:
    """The registration workbook read and written in one call (scripts, tests, benchmarks)."""
    from ccm_secretariat.exports.workbook import registration_workbook

    roster, documents = services.roster.roster(meeting_id), services.documents.list(meeting_id)
    yield from registration_workbook(roster, documents, out, internal, language)
