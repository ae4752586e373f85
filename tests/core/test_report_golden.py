"""The report and the meeting's own documents, read back from the files the export writes (PDF and Word), against
golden text captured before the report builder was split into chapters and its sentences moved into a Wording:
the demo conference and a made-up Meeting of States Parties that takes the branches the demo does not (a Meeting,
an abbreviated short title, two parts, one Vice-President, a Secretary, mixed formats, side events, credentials).

`CCM_WRITE_GOLDEN=1` writes the files again (only when a change of text is meant); otherwise they are compared."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import docx
import pytest

from ccm_secretariat.domain.enums import CredentialsKind, DocumentType, MeetingFormat, OfficerRole
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.report import meeting_documents
from ccm_secretariat.report.builder import ReportOptions, build_report
from ccm_secretariat.report.docx import report_docx
from ccm_secretariat.report.pdf import report_pdf
from ccm_secretariat.services.documents import DocumentInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.core.docx_read import labelled
from tests.core.meetings import fourteenth_msp
from tests.core.pdf_text import pdf_text

GOLDEN = Path(__file__).parent / "golden"
DOCS = {
    "agenda": meeting_documents.build_agenda,
    "programme": meeting_documents.build_programme,
    "documents-list": meeting_documents.build_documents_list,
    "credentials": meeting_documents.build_credentials,
}


def word_text(path: Path) -> str:
    """Every paragraph with the number Word shows, every table row, the running header: one line each."""
    d = docx.Document(path)
    lines = [f"{label} {text}".strip() for label, text, _style in labelled(path)]
    for table in d.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    for section in d.sections:
        for part in (section.header, section.even_page_header, section.first_page_header):
            lines += [p.text for p in part.paragraphs if p.text]
    return "\n".join(lines) + "\n"


def texts(services, meeting_id: int, folder: Path, part: int | None = None) -> dict[str, str]:
    """The text of each document as the export writes it (the registry's builders and renderers, called here
    directly so that the test does not depend on the registry's options)."""
    data = meeting_documents.MeetingData.read(services, meeting_id)
    reports = {"report": build_report(services, meeting_id, ReportOptions(part=part))}
    reports |= {name: build(data) for name, build in DOCS.items()}
    out = {}
    for name, report in reports.items():
        run_to_end(report_pdf(report, folder / f"{name}.pdf"))
        run_to_end(report_docx(report, folder / f"{name}.docx"))
        out[f"{name}.pdf.txt"] = pdf_text(folder / f"{name}.pdf") + "\n"
        out[f"{name}.docx.txt"] = word_text(folder / f"{name}.docx")
    return out


def compare(found: dict[str, str], folder: str) -> None:
    where = GOLDEN / folder
    if os.environ.get("CCM_WRITE_GOLDEN") == "1":
        where.mkdir(parents=True, exist_ok=True)
        for name, text in found.items():
            (where / name).write_text(text, encoding="utf-8")
    for name, text in found.items():
        assert text == (where / name).read_text(encoding="utf-8"), f"{folder}/{name}"


def a_made_up_meeting(services) -> int:
    m = fourteenth_msp(services)
    meetings, agenda, reg = services.meetings, services.agenda, services.registration
    meetings.set_part(m.id, 1, dt.date(2026, 9, 7), dt.date(2026, 9, 9), MeetingFormat.IN_PERSON)
    meetings.set_part(m.id, 2, dt.date(2026, 11, 30), dt.date(2026, 12, 2), MeetingFormat.HYBRID)
    meetings.add_officer(m.id, "President", salutation="H.E. Mr.", name="Aurelio Duarte", kind=OfficerRole.PRESIDENT)
    meetings.add_officer(m.id, "Vice-President", state="Philippines", kind=OfficerRole.VICE_PRESIDENT)
    meetings.add_officer(
        m.id,
        "Secretary-General of the Meeting",
        salutation="Mr.",
        name="Tomas Berg",
        kind=OfficerRole.SECRETARY_GENERAL,
    )
    meetings.add_officer(
        m.id,
        "Secretary of the Meeting",
        salutation="Ms.",
        name="Ines Lutz",
        description="Officer",
        kind=OfficerRole.SECRETARY,
    )
    meetings.add_officer(m.id, "Director of the Implementation Support Unit", salutation="Dr.", name="Ada Kerr")
    for title in ("Opening of the Meeting", "Adoption of the agenda", "Consideration of reports"):
        agenda.add_item(m.id, title, sub_items=("Article 3", "Article 4") if "reports" in title else ())
    agenda.set_plenary(m.id, 1, dt.date(2026, 11, 30), dt.time(10), dt.time(13), (1, 2))
    agenda.set_plenary(
        m.id, 2, dt.date(2026, 11, 30), dt.time(15), dt.time(18), (3,), closed=True, format=MeetingFormat.VIRTUAL
    )
    agenda.set_side_event(m.id, dt.date(2026, 12, 1), dt.time(13, 15), dt.time(14, 45), "Clearance", "UNDP", "XXIV")
    for symbol, title, day, kind in (
        ("CCM/MSP/2026/1", "Provisional agenda", dt.date(2026, 8, 1), DocumentType.AGENDA),
        ("CCM/MSP/2026/2", "Provisional programme of work", None, DocumentType.PROGRAMME),
        ("CCM/MSP/2026/L.1", "Draft final report", dt.date(2026, 12, 2), DocumentType.REPORT),
        ("CCM/MSP/2026/WP.1", "A working paper", None, DocumentType.OTHER),
        ("CCM/MSP/2026/INF.2", "List of documents", None, DocumentType.DOCUMENTS_LIST),
    ):
        services.documents.add(m.id, DocumentInput(symbol, title, day, "EN FR", doc_type=kind))
    chile = reg.add_state_delegation(m.id, "Chile")
    reg.add_state_delegation(m.id, "Netherlands")
    reg.add_organisation_delegation(m.id, "International Committee of the Red Cross")
    reg.add_participant(chile.id, ParticipantInput("Rojas", "Ana"))
    reg.set_presence([d.id for d in reg.delegations(m.id)], 2, True)
    reg.set_credentials([chile.id], True, CredentialsKind.ORIGINAL, dt.date(2026, 11, 20))
    agenda.add_decision(m.id, "The Meeting *inter alia* decided:\n(a) To meet again;\n(b) To report.")
    return m.id


def test_the_demos_documents_read_as_they_did(demo, demo_meeting, tmp_path):
    compare(texts(demo, demo_meeting.id, tmp_path), "demo")


@pytest.mark.parametrize("part", [None, 1])
def test_a_made_up_meetings_documents_read_as_they_did(services, tmp_path, part):
    meeting_id = a_made_up_meeting(services)
    compare(texts(services, meeting_id, tmp_path, part), f"msp-part-{part or 'last'}")
