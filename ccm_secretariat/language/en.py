"""English: the words and forms of the documents as the desk has always written them (UN editorial style)."""

from __future__ import annotations

from ccm_secretariat.domain.prose import number_in_words, ordinal_in_words
from ccm_secretariat.language.forms import EN_DASH, Forms

PHRASES = {
    # The list of participants
    "list_title": "List of participants",
    "list_title_provisional": "Provisional list of participants",
    "note_basis": "This list of participants in the {meeting} has been prepared on the basis of the notifications "
    "of the composition of delegations received by the secretariat as at {date}. It lists {participants} from "
    "{delegations}.",
    "note_basis_provisional": "This provisional list of participants in the {meeting} has been prepared on the "
    "basis of the notifications of the composition of delegations received by the secretariat as at {date}. It "
    "lists {participants} from {delegations}.",
    "note_contact": "Contact details are given only for participants who agreed to their publication.",
    "note_provisional": "Corrections and additions should be sent to the secretariat; a final list will be issued.",
    "statistics": "Participation statistics",
    "Delegations": "Delegations",
    "Participants": "Participants",
    "States": "States",
    "Organisations": "Organisations",
    "total_states": "Total, States",
    "total_organisations": "Total, organisations",
    "total": "Total participation",
    "check_ins": "Checked in at the door, by day",
    "continued": "(continued)",
    "no_participants": "(no participants notified)",
    "participant": "participant",
    "participants": "participants",
    "delegation": "delegation",
    "delegations": "delegations",
    "page": "page",
    "pages": "pages",
    # Category headings of the list
    # The agenda, the programme of work and the list of documents
    "agenda": "Agenda",
    "provisional_agenda": "Provisional agenda",
    "no_agenda_item": "[No agenda item has been entered yet.]",
    "plenary": "{ordinal} plenary meeting",
    "closed": "closed",
    "format:in_person": "in person",
    "format:virtual": "virtual",
    "format:hybrid": "hybrid",
    "side_event": "Side event: {title}",
    "organised_by": ", organised by {organiser}",
    "Time": "Time",
    "Meeting": "Meeting",
    "Agenda items": "Agenda items",
    "no_plenary": "[No plenary meeting has been entered yet.]",
    "programme_title": "Provisional programme of work",
    "series:MAIN": "Documents for general distribution",
    "series:L": "Limited distribution",
    "series:WP": "Working papers",
    "series:CRP": "Conference room papers",
    "series:INF": "Information documents",
    "series:MISC": "Miscellaneous documents",
    "Symbol": "Symbol",
    "Title": "Title",
    "Languages": "Languages",
    "no_document": "[No document has been entered in the register yet.]",
    "documents_title": "List of documents",
    # The masthead
    "distribution": "Distr.: {distribution}",
    "General": "General",
    "Limited": "Limited",
    "original": "Original: {language}",
    "place_and_dates": "{city}, {dates}",
    # The workbook's printed pages and properties
    "INTERNAL": "INTERNAL",
    "PRACTICE COPY": "PRACTICE COPY",
    "registration_subject": "Registration: {meeting}",
    "page_footer": "Page &P of &N",
    "locale": "en-GB",
    # Badges and nameplates (their PDF titles)
    "badges_title": "Badges — {meeting}",
    "nameplates_title": "Nameplates",
    # The seating plan
    "seating_title": "Seating plan: {meeting}",
    "seating_pdf_title": "Seating plan — {meeting}",
    "seating_note": "{place_and_dates}. Seats in English alphabetical order by category, "
    "starting from {first} ({how} on {date}).",
    "drawn_by_desk": "drawn by the desk",
    "drawn_by_lot": "drawn by lot",
    "PODIUM": "PODIUM",
    "practice_banner": "PRACTICE COPY: fictitious participants; not an official document",
}

FORMS = Forms(
    code="en",
    english_name="English",
    months=tuple("January February March April May June July August September October November December".split()),
    weekdays=tuple("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()),
    date_pattern="{day} {month} {year}",
    day_month="{day} {month}",
    range_same_month="{first}" + EN_DASH + "{last} {month} {year}",
    range_joiner=EN_DASH,
    conjunction="and",
    words=lambda n, feminine: number_in_words(n),
    ordinal_words=lambda n, feminine: ordinal_in_words(n),
    serial_comma=True,
    phrases=PHRASES,
)
