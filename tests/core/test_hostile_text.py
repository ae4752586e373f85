"""Arbitrary Unicode through every field and every document: each value is refused at entry with a message that
names the field, or stored and rendered literally; nothing crashes, nothing is interpreted."""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from ccm_secretariat.documents.reading import participants_pdf, participants_workbook
from ccm_secretariat.domain.prose import FSI, PDI
from ccm_secretariat.errors import DomainError, ValidationError
from ccm_secretariat.exports.participants_pdf import ListOptions
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.report.builder import build_report
from ccm_secretariat.report.docx import report_docx
from ccm_secretariat.report.pdf import report_pdf
from ccm_secretariat.services import open_services
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.backends import location

# Every code point, lone surrogates and noncharacters included, with the troublesome ones made likely.
HOSTILE = st.sampled_from(
    list(
        "\x00\t\n\r\x7f\x85\u200e\u202e\u2066\u2069\ufeff\ufffe\uffff\ud800&<>=+-@\"'مصر\u0651ا\u0644\u0644\u0647ق語😀"
    )
)
TEXT = st.text(alphabet=st.one_of(st.characters(codec=None, exclude_categories=()), HOSTILE), min_size=1, max_size=40)
FIELDS = ("family_name", "given_names", "salutation", "function", "affiliation")
refusals: dict[str, int] = {}


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(FSI, "").replace(PDI, "")).strip()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    services = open_services(folder / "hostile.sqlite3")
    meeting = services.meetings.create(
        MeetingInput(
            "Hostile Meeting",
            "HM",
            "CCM/MSP/2030",
            dt.date(2030, 9, 2),
            dt.date(2030, 9, 4),
            "",
            "Geneva",
            treaty="CCM",
        )
    )
    delegation = services.registration.add_state_delegation(meeting.id, "Chile")
    yield services, meeting, delegation, folder
    services.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=TEXT, organisation=TEXT)
def test_any_text_is_refused_with_a_message_or_printed_literally(world, field, value, organisation):
    services, meeting, delegation, folder = world
    values = dict(family_name="Base", given_names="", salutation="", function="", affiliation="")
    values[field] = value
    try:
        person = services.registration.add_participant(delegation.id, ParticipantInput(**values), same_name_ok=True)
    except ValidationError as exc:
        assert exc.field == field and exc.message
        refusals[field] = refusals.get(field, 0) + 1
        person = None
    try:
        org = services.reference.add_organisation(organisation, "", "ngo", "1(3)")
        registered = services.registration.add_organisation_delegation(meeting.id, org.id)
        services.registration.set_presence([registered.id], 1, True)  # it took part, so the report names it
    except DomainError as exc:
        assert exc.message
        org = None
    # Every document of the meeting is written without an error.
    run_to_end(participants_workbook(services, meeting.id, folder / "w.xlsx", internal=True))
    run_to_end(participants_pdf(services, meeting.id, folder / "l.pdf", ListOptions()))
    report = build_report(services, meeting.id)
    run_to_end(report_docx(report, folder / "r.docx"))
    run_to_end(report_pdf(report, folder / "r.pdf"))
    assert PdfReader(folder / "l.pdf").pages and PdfReader(folder / "r.pdf").pages
    if person is not None:  # stored as typed (trimmed), and in the workbook cell for cell
        stored = getattr(services.registration.participant(person.id), field)
        assert stored == value.strip()
        column = {"salutation": 2, "given_names": 3, "family_name": 4, "function": 5, "affiliation": 6}[field]
        cells = [
            row[column] or ""
            for row in load_workbook(folder / "w.xlsx")["Participants"].iter_rows(min_row=2, values_only=True)
        ]
        assert stored in cells
    if org is not None:  # the organisation's name reads back from the Word report, as one isolated run
        text = plain("\n".join(p.text for p in docx.Document(folder / "r.docx").paragraphs))
        assert plain(org.name) in text


REFUSED = [
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\ud800",
    "\x7f",
    "\x85",
    "\x00",
    "a\nb",
    "a\tb",
    "x\u202ey",
    "x\u2066y",
    "\u2028",
    "x\u200by",  # a zero-width space: two names that look alike, a search that misses
]
LITERAL = [
    '=HYPERLINK("http://x")',
    "+1 @me",
    "<b>&amp;</b>",
    "مصر",
    "محمد عبد الله",
    "😀",
    "O'Brien",
    "Zoë \u200e",
    "語",
]


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_refuses_what_breaks_documents_and_keeps_the_rest(world, field):
    services, _meeting, delegation, _folder = world
    for value in REFUSED:
        values = dict(family_name="Base", given_names="", salutation="", function="", affiliation="")
        values[field] = f"A{value}B"
        with pytest.raises(ValidationError) as info:
            services.registration.add_participant(delegation.id, ParticipantInput(**values), same_name_ok=True)
        assert info.value.field == field and "cannot be printed" in info.value.message
    for value in LITERAL:
        values = dict(family_name="Base", given_names="", salutation="", function="", affiliation="")
        values[field] = value if field != "salutation" else value[:30]
        person = services.registration.add_participant(delegation.id, ParticipantInput(**values), same_name_ok=True)
        assert getattr(person, field) == values[field].strip()


def test_a_value_that_is_not_text_on_the_command_line_is_a_message(world, capsys):
    from ccm_secretariat.cli import main

    services, *_ = world
    assert main(["--db", location(services), "delegations", "--meeting", "\udcff"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ccm-secretariat: ") and "\\udcff" in err and "Traceback" not in err
