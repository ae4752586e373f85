"""The meeting's own documents, read back from PDF and Word and compared with the data."""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from pypdf import PdfReader

from ccm_secretariat.cli import main
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.enums import CredentialsKind
from ccm_secretariat.progress import run_to_end
from tests.backends import location
from tests.core.docx_read import labelled
from tests.core.meetings import fourteenth_msp
from tests.core.pdf_text import pdf_text


def docx_text(path) -> str:
    """The text as a reader sees it, the numbers of Word's numbered paragraphs included ("14. …")."""
    d = docx.Document(path)
    labels = iter(labelled(path))
    texts = []
    for block in d.iter_inner_content():  # paragraphs and tables in the order a reader meets them
        if isinstance(block, docx.table.Table):
            texts += [c.text for row in block.rows for c in row.cells]
        else:
            label, text, _ = next(labels)
            texts.append(f"{label} {text}" if label else text)
    return re.sub(r"\s+", " ", " ".join(texts))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_agenda_and_the_programme_of_the_demo(demo, demo_meeting, tmp_path, fmt):
    read = pdf_text if fmt == "pdf" else docx_text
    run_to_end(DOCUMENTS["agenda"].job(demo, demo_meeting.id, fmt, tmp_path / f"a.{fmt}"))
    agenda = read(tmp_path / f"a.{fmt}")
    # The seed's register names the agenda CCM/CONF/2020/1; its one item is adopted, so "Provisional" goes.
    assert "CCM/CONF/2020/1" in agenda and "Agenda" in agenda and "Provisional agenda" not in agenda
    assert "14. Consideration and adoption of the final document" in agenda
    assert "Geneva, 25\u201327 November 2020 and 4\u20135 February 2021" in agenda
    run_to_end(DOCUMENTS["programme"].job(demo, demo_meeting.id, fmt, tmp_path / f"p.{fmt}"))
    programme = read(tmp_path / f"p.{fmt}")
    assert "CCM/CONF/2020/16" in programme and "Provisional programme of work" in programme
    days = [
        programme.index(day)
        for day in ("Wednesday 25 November 2020", "Thursday 26 November 2020", "Friday 27 November 2020")
    ]
    assert days == sorted(days)
    ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth"]
    positions = [programme.index(f"{o} plenary meeting") for o in ordinals]
    assert positions == sorted(positions) and programme.count("13:00\u201315:00") == 3
    assert programme.index("Ninth plenary meeting") < programme.index("14. Consideration and adoption")


def test_the_list_of_documents_by_series(demo, demo_meeting, tmp_path):
    run_to_end(DOCUMENTS["documents-list"].job(demo, demo_meeting.id, "pdf", tmp_path / "d.pdf"))
    text = pdf_text(tmp_path / "d.pdf")
    documents = demo.documents.list(demo_meeting.id)
    assert all(d.symbol in text for d in documents)
    assert text.index("CCM/CONF/2020/1 ") < text.index("CCM/CONF/2020/INF.1")
    series = [
        h
        for h in (
            "Documents for general distribution",
            "Limited distribution",
            "Working papers",
            "Conference room papers",
            "Information documents",
            "Miscellaneous documents",
        )
        if h in text
    ]
    assert [text.index(h) for h in series] == sorted(text.index(h) for h in series) and len(series) >= 2


def test_credentials_as_a_document_and_as_paragraphs(demo, demo_meeting, tmp_path):
    reg = demo.registration
    rows = {d.name: d for d in reg.delegations(demo_meeting.id)}
    reg.set_credentials(
        [rows["Switzerland"].id, rows["Chile"].id], True, CredentialsKind.ORIGINAL, dt.date(2020, 11, 20)
    )
    reg.set_credentials([rows["Peru"].id], True, CredentialsKind.NOTE_VERBALE, dt.date(2020, 11, 21))
    run_to_end(
        DOCUMENTS["credentials"].job(
            demo, demo_meeting.id, "docx", tmp_path / "c.docx", ExportOptions(date=dt.date(2020, 11, 27))
        )
    )
    text = docx_text(tmp_path / "c.docx")
    assert "received from 2 States: Chile and Switzerland." in text
    assert "notes verbales were received from 1 State: Peru." in text
    assert "No credentials had been received from 57 States" in text
    assert "27 November 2020" in text


def test_each_document_from_the_command_line(demo, demo_meeting, tmp_path, capsys):
    db = location(demo)
    for name in ("agenda", "programme", "documents-list", "credentials"):
        for fmt in ("pdf", "docx"):
            out = tmp_path / f"{name}.{fmt}"
            assert main(["--db", db, "export", name, "--format", fmt, "--out", str(out)]) == 0
            assert out.stat().st_size > 1000
    assert (
        main(
            [
                "--db",
                db,
                "export",
                "participants",
                "--format",
                "pdf",
                "--out",
                str(tmp_path / "l.pdf"),
                "--as-at",
                "2020-11-20",
                "--provisional",
                "--symbol",
                "CCM/CONF/2020/MISC.1",
            ]
        )
        == 0
    )
    text = pdf_text(tmp_path / "l.pdf")
    assert "CCM/CONF/2020/MISC.1" in text and "Provisional list of participants" in text
    assert "20 November 2020" in text


def unembedded_fonts(path) -> set[str]:
    found = set()
    for page in PdfReader(path).pages:
        for ref in page.get("/Resources", {}).get("/Font", {}).values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                found.add(str(font.get("/BaseFont")))
    return found


def test_every_font_a_pdf_names_is_embedded(demo, demo_meeting, tmp_path):
    for name in ("participants", "report", "agenda", "programme", "documents-list", "credentials"):
        run_to_end(DOCUMENTS[name].job(demo, demo_meeting.id, "pdf", tmp_path / f"{name}.pdf"))
        assert unembedded_fonts(tmp_path / f"{name}.pdf") == set(), name


def test_an_abbreviated_short_title_is_introduced_before_it_is_used(services):
    from ccm_secretariat.report.builder import build_report
    from ccm_secretariat.services.meetings import MeetingInput

    m = services.meetings.create(
        MeetingInput(
            "Fourteenth Meeting of States Parties to the Convention on Cluster Munitions",
            "14MSP",
            "CCM/MSP/2026",
            dt.date(2026, 9, 7),
            dt.date(2026, 9, 9),
            "",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )
    text = " ".join(p.text for p in build_report(services, m.id).paragraphs())
    first = text.index("14MSP")
    assert text[:first].endswith("Fourteenth Meeting of States Parties to the Convention on Cluster Munitions (“")
    assert text.count("(“14MSP”)") == 1


def test_the_word_report_uses_word_s_own_headings_and_properties(demo, demo_meeting, tmp_path):
    run_to_end(DOCUMENTS["report"].job(demo, demo_meeting.id, "docx", tmp_path / "r.docx"))
    d = docx.Document(tmp_path / "r.docx")
    headings = [f"{label} {text}" for label, text, style in labelled(tmp_path / "r.docx") if style == "Heading 1"]
    assert headings[:3] == [
        "I. Introduction",
        "II. Organization of the Second Review Conference",
        "III. Work of the Second Review Conference",
    ]
    assert d.core_properties.author == "Secretariat" and "CCM/CONF/2020/" in d.core_properties.title


def test_the_list_ends_with_its_closing_rule_and_prints_no_lone_role_headings(demo, demo_meeting, tmp_path):
    from ccm_secretariat.services.registration import ParticipantInput

    reg = demo.registration
    peru = next(d for d in reg.delegations(demo_meeting.id) if d.name == "Peru")
    reg.add_participant(peru.id, ParticipantInput("Quispe", "Luis"))
    run_to_end(DOCUMENTS["participants"].job(demo, demo_meeting.id, "pdf", tmp_path / "l.pdf"))
    text = pdf_text(tmp_path / "l.pdf")
    assert "Quispe" in text and "Representative" not in text  # one plain representative: no heading over him
    last = PdfReader(tmp_path / "l.pdf").pages[-1].get_contents().get_data()
    assert b" l" in last and b"S" in last  # the closing rule: a line drawn after the last entry


def test_the_report_names_who_took_part_not_who_registered(services):
    from ccm_secretariat.report.builder import build_report
    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput

    m = services.meetings.create(
        MeetingInput(
            "Meeting",
            "The Meeting",
            "CCM/MSP/2026",
            dt.date(2026, 9, 7),
            dt.date(2026, 9, 9),
            "",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )
    reg = services.registration
    chile = reg.add_state_delegation(m.id, "Chile")
    peru = reg.add_state_delegation(m.id, "Peru")
    spain = reg.add_state_delegation(m.id, "Spain")
    reg.add_participant(chile.id, ParticipantInput("Rojas", "Ana"))  # a member named: took part
    reg.set_presence([spain.id], 1, True)  # marked present without members: took part
    text = " ".join(p.text for p in build_report(services, m.id).paragraphs())
    assert "Chile and Spain" in text and "Peru" not in text  # Peru only registered
    assert [d.took_part for d in reg.delegations(m.id)] == [True, False, True]
    reg.set_presence([spain.id], 1, False)
    assert not reg.delegation(spain.id).took_part
    assert reg.delegation(peru.id).present_parts == ()


def test_no_entry_is_carried_alone_under_continued(services, tmp_path):
    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput

    m = services.meetings.create(
        MeetingInput(
            "Meeting",
            "The Meeting",
            "CCM/MSP/2026",
            dt.date(2026, 9, 7),
            dt.date(2026, 9, 9),
            "",
            "Geneva",
            treaty="CCM",
        )
    )
    peru = services.registration.add_state_delegation(m.id, "Peru")
    alone = []
    for n in range(1, 75):
        services.registration.add_participant(peru.id, ParticipantInput(f"Member{n:02d}", "Ana", function="Counsellor"))
        if n < 30:
            continue
        run_to_end(DOCUMENTS["participants"].job(services, m.id, "pdf", tmp_path / "l.pdf"))
        text = pdf_text(tmp_path / "l.pdf")
        for segment in text.split("PERU (continued)")[1:]:
            if segment.count("Member") < 2:
                alone.append(n)
    assert alone == []


def test_the_report_states_the_credentials_once_they_are_recorded(demo, demo_meeting):
    from ccm_secretariat.report.builder import build_report

    before = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    assert not any("credentials" in t for t in before)  # none recorded: the seed's report, word for word
    rows = {d.name: d for d in demo.registration.delegations(demo_meeting.id)}
    demo.registration.set_credentials([rows["Chile"].id], True, CredentialsKind.ORIGINAL, dt.date(2020, 11, 20))
    after = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    assert any(
        t.startswith(
            "Formal credentials, in accordance with the rules of procedure, were received from 1 State: Chile."
        )
        for t in after
    )


def test_a_long_programme_can_be_printed_on_its_side(demo, demo_meeting, tmp_path):
    landscape = ExportOptions(landscape=True)
    run_to_end(DOCUMENTS["programme"].job(demo, demo_meeting.id, "pdf", tmp_path / "p.pdf", landscape))
    box = PdfReader(tmp_path / "p.pdf").pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "Ninth plenary meeting" in pdf_text(tmp_path / "p.pdf")
    run_to_end(DOCUMENTS["programme"].job(demo, demo_meeting.id, "docx", tmp_path / "p.docx", landscape))
    section = docx.Document(tmp_path / "p.docx").sections[0]
    assert section.page_width > section.page_height
    assert (
        main(
            [
                "--db",
                location(demo),
                "export",
                "programme",
                "--format",
                "pdf",
                "--landscape",
                "--out",
                str(tmp_path / "cli.pdf"),
            ]
        )
        == 0
    )


def _hybrid_meeting(services):
    """A 14MSP-like meeting: three items, (a) to (c) under one, a closed meeting, a virtual one, side events."""
    from ccm_secretariat.domain.enums import AgendaStatus, MeetingFormat

    m = fourteenth_msp(services)
    a = services.agenda
    a.add_item(m.id, "Opening of the Meeting")
    a.add_item(
        m.id,
        "Review of the status and operation of the Convention",
        sub_items=["Universalization", "Stockpile destruction and retention", "Clearance & risk education <CRE>"],
        status=AgendaStatus.PROVISIONAL,
    )
    a.add_item(m.id, "Consideration of the final report")
    a.set_plenary(m.id, 1, dt.date(2026, 9, 7), dt.time(10), dt.time(13), (1, 2))
    a.set_plenary(m.id, 2, dt.date(2026, 9, 7), dt.time(15), dt.time(18), (2,), format=MeetingFormat.HYBRID)
    a.set_plenary(m.id, 3, dt.date(2026, 9, 8), dt.time(10), dt.time(13), (3,), closed=True)
    a.set_side_event(
        m.id,
        dt.date(2026, 9, 7),
        dt.time(13, 15),
        dt.time(14, 45),
        "Victim assistance in practice",
        organiser="ICRC",
        room="Room XXIII",
    )
    a.set_side_event(m.id, dt.date(2026, 9, 8), dt.time(8, 30), dt.time(9, 45), "Breakfast briefing")
    return m


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_sub_items_are_lettered_and_the_programme_marks_closed_meetings_formats_and_side_events(
    services, tmp_path, fmt
):
    m = _hybrid_meeting(services)
    read = pdf_text if fmt == "pdf" else docx_text
    run_to_end(DOCUMENTS["agenda"].job(services, m.id, fmt, tmp_path / f"a.{fmt}"))
    agenda = read(tmp_path / f"a.{fmt}")
    assert "Provisional agenda" in agenda
    order = [
        "1. Opening of the Meeting",
        "2. Review of the status and operation of the Convention",
        "(a) Universalization",
        "(b) Stockpile destruction and retention",
        "(c) Clearance & risk education <CRE>",
        "3. Consideration of the final report",
    ]
    assert [agenda.index(x) for x in order] == sorted(agenda.index(x) for x in order)

    run_to_end(DOCUMENTS["programme"].job(services, m.id, fmt, tmp_path / f"p.{fmt}"))
    programme = read(tmp_path / f"p.{fmt}")
    # The second meeting is hybrid, the others in person: the format varies, so each meeting gives its own.
    order = [
        "Monday 7 September 2026",
        "10:00\u201313:00 First plenary meeting (in person)",
        "13:15\u201314:45 Side event: Victim assistance in practice, organised by ICRC (Room XXIII)",
        "15:00\u201318:00 Second plenary meeting (hybrid)",
        "Tuesday 8 September 2026",
        "08:30\u201309:45 Side event: Breakfast briefing",
        "10:00\u201313:00 Third plenary meeting (closed, in person)",
        "3. Consideration of the final report",
    ]
    assert [programme.index(x) for x in order] == sorted(programme.index(x) for x in order)


def test_a_uniform_in_person_programme_gives_no_format(services, tmp_path):
    from ccm_secretariat.domain.enums import MeetingFormat

    m = _hybrid_meeting(services)
    a = services.agenda
    a.set_plenary(m.id, 2, dt.date(2026, 9, 7), dt.time(15), dt.time(18), (2,), format=MeetingFormat.IN_PERSON)
    run_to_end(DOCUMENTS["programme"].job(services, m.id, "pdf", tmp_path / "p.pdf"))
    text = pdf_text(tmp_path / "p.pdf")
    assert "10:00–13:00 First plenary meeting 1. Opening of the Meeting" in text  # no format after its name
    assert "in person" not in text and "Third plenary meeting (closed)" in text
