"""The practice copy of the demo: the same conference with plainly fictitious participants, marked as practice
in its title, its symbols and every document."""

from __future__ import annotations

import docx
from openpyxl import load_workbook
from pypdf import PdfReader

from ccm_secretariat.documents.reading import participants_pdf, participants_workbook
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.report.builder import build_report
from ccm_secretariat.report.docx import report_docx
from ccm_secretariat.report.pdf import report_pdf
from ccm_secretariat.samples.demo import PRACTICE_PARTICIPANTS, existing_demo, load_demo


def test_the_practice_copy_is_marked_everywhere(demo, demo_meeting, tmp_path):
    run_to_end(load_demo(demo, practice=True))
    practice = existing_demo(demo, practice=True)
    assert practice.practice and not demo_meeting.practice
    assert practice.symbol_prefix == "PRACTICE/CCM/CONF/2020" and practice.title.startswith("Practice copy:")
    counts = demo.registration.category_counts(practice.id)
    assert sum(p for _, p in counts.values()) == PRACTICE_PARTICIPANTS
    assert sum(p for _, p in demo.registration.category_counts(demo_meeting.id).values()) == 0  # the demo is intact
    run_to_end(participants_pdf(demo, practice.id, tmp_path / "list.pdf"))
    first = PdfReader(tmp_path / "list.pdf").pages[0].extract_text()
    assert "PRACTICE COPY" in first and "PRACTICE/CCM/CONF/2020/INF.1" in first
    run_to_end(participants_workbook(demo, practice.id, tmp_path / "w.xlsx"))
    wb = load_workbook(tmp_path / "w.xlsx")
    assert wb.sheetnames[0] == "Practice" and "fictitious" in wb["Practice"]["A2"].value
    report = build_report(demo, practice.id)
    run_to_end(report_docx(report, tmp_path / "r.docx"))
    assert docx.Document(tmp_path / "r.docx").paragraphs[0].text.startswith("PRACTICE COPY")
    run_to_end(report_pdf(report, tmp_path / "r.pdf"))
    assert "PRACTICE COPY" in PdfReader(tmp_path / "r.pdf").pages[0].extract_text()


def test_a_practice_meeting_s_nameplates_carry_the_practice_banner_on_both_halves(demo, demo_meeting, tmp_path):
    from ccm_secretariat.documents.registry import DOCUMENTS

    run_to_end(load_demo(demo, practice=True))
    practice = existing_demo(demo, practice=True)
    for meeting, marked in ((practice, True), (demo_meeting, False)):
        out = tmp_path / f"plates-{meeting.id}.pdf"
        run_to_end(DOCUMENTS["nameplates"].job(demo, meeting.id, "pdf", out))
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
        assert pages
        for page in pages:  # the banner the list and the report carry, read from the floor and from the podium
            assert page.count("PRACTICE COPY: FICTITIOUS PARTICIPANTS") == (2 if marked else 0), page


def test_a_practice_meeting_s_badges_open_their_meeting_line_with_practice_copy(tmp_path):
    from ccm_secretariat.domain.badges import Badge, BadgeRun
    from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS, badges_pdf

    badge = Badge(1, "123456789", "Ms.", "Ana", "Rojas", "Peru", "state_party")
    colours = {"state_party": "#1F4E9A"}
    for practice in (True, False):
        out = tmp_path / f"badges-{practice}.pdf"
        run_to_end(
            badges_pdf(
                BadgeRun("2RC", "25–27 November 2020", colours, (badge,), practice, {"state_party": "STATE PARTY"}),
                LAYOUTS[DEFAULT_LAYOUT],
                out,
            )
        )
        text = " ".join(PdfReader(out).pages[0].extract_text().split())
        assert ("PRACTICE COPY · 2RC" in text) is practice and "ROJAS" in text
