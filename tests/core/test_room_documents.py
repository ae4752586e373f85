"""Badges, nameplates and the seating plan, read back: text with pypdf, QR codes decoded from the rendered
pages (PDFium, zxing-cpp), the order of the seats, and the choices a secretary makes."""

from __future__ import annotations

import datetime as dt
import math

import pypdfium2 as pdfium
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ccm_secretariat.cli import main
from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
from ccm_secretariat.domain.enums import Role
from ccm_secretariat.domain.participants import ParticipantInput
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.fitting import LEADING, fit
from ccm_secretariat.exports.fonts import FontSet
from ccm_secretariat.exports.nameplates import plate_text
from ccm_secretariat.progress import run_to_end
from tests.backends import location
from tests.core.meetings import fourteenth_msp
from tests.core.pdf_text import pdf_text

LONG_FAMILY = "Wolfeschlegelsteinhausenbergerdorff-Vandenberghe de la Santísima Trinidad"


@pytest.fixture
def room(services):
    m = fourteenth_msp(services)
    reg = services.registration
    people = {
        "Costa Rica": [("Solís", "Ana", "H.E. Ms.")],
        "Côte d'Ivoire": [("Kouassi", "Yao", "Mr."), (LONG_FAMILY, "María José", "Dr.")],
        "Croatia": [("Horvat", "Ivana", "Ms.")],
        "United Kingdom of Great Britain and Northern Ireland": [("Smith", "John", "Mr.")],
        "Lebanon": [("الخطيب", "محمد", "Mr.")],
        "Russian Federation": [("Иванов", "Сергей", "Mr.")],
        "China": [("Wang", "Lei", "Mr.")],
    }
    for state, members in people.items():
        d = reg.add_state_delegation(m.id, state)
        for family, given_names, salutation in members:
            reg.add_participant(
                d.id,
                ParticipantInput(
                    family, given_names, salutation, role=Role.HEAD if family == members[0][0] else Role.REPRESENTATIVE
                ),
            )
    icrc = reg.add_organisation_delegation(m.id, "ICRC")
    reg.add_participant(icrc.id, ParticipantInput("Dubois", "Claire", "Ms."))
    return m


def decoded(path, page: int) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[page].render(scale=200 / 72).to_pil()
    finally:
        pdf.close()
    return sorted(r.text for r in zxingcpp.read_barcodes(image))


def test_badges_carry_names_delegations_bands_and_readable_qr_codes(services, room, tmp_path):
    out = tmp_path / "badges.pdf"
    last = run_to_end(DOCUMENTS["badges"].job(services, room.id, "pdf", out))
    people = services.roster.directory(room.id)
    assert len(PdfReader(out).pages) == math.ceil(len(people) / 8) == 2
    assert last.warnings == ()  # Arabic and Cyrillic are drawn, not boxes
    text = pdf_text(out)
    for p in people:
        assert services.badges.code(p.id) in text
    for expected in (
        "SOLÍS",
        "H.E. Ms. Ana",
        "ИВАНОВ",
        "Сергей",
        "Côte d'Ivoire",
        "STATE PARTY",
        "OBSERVER STATE",
        "OBSERVER ORGANISATION",
        "International Committee of the Red Cross (ICRC)",
        "14MSP · 7–9 September 2026",
    ):
        assert expected in text
    on_pages = decoded(out, 0) + decoded(out, 1)
    assert on_pages == sorted(services.badges.code(p.id) for p in people)

    # Printed once: only the new ones are left to print; a reprint says so.
    with pytest.raises(ValidationError, match="not printed yet"):
        run_to_end(
            DOCUMENTS["badges"].job(services, room.id, "pdf", tmp_path / "again.pdf", ExportOptions(only_new=True))
        )
    late = services.registration.add_participant(
        services.registration.delegations(room.id, "state_party")[0].id, ParticipantInput("Late", "Lou")
    )
    last = run_to_end(
        DOCUMENTS["badges"].job(services, room.id, "pdf", tmp_path / "new.pdf", ExportOptions(only_new=True))
    )
    assert last.message == "1 badge on 1 sheet" and decoded(tmp_path / "new.pdf", 0) == [services.badges.code(late.id)]
    last = run_to_end(
        DOCUMENTS["badges"].job(
            services, room.id, "pdf", tmp_path / "cat.pdf", ExportOptions(category="observer_state", layout="a6")
        )
    )
    assert last.message == "2 badges on 1 sheet; 2 of them reprinted"  # China and the Russian Federation
    observers = pdf_text(tmp_path / "cat.pdf")
    assert "WANG" in observers and "ИВАНОВ" in observers and "SOLÍS" not in observers
    with pytest.raises(ValidationError, match="layouts are 90x55, a6"):
        run_to_end(
            DOCUMENTS["badges"].job(services, room.id, "pdf", tmp_path / "x.pdf", ExportOptions(layout="postcard"))
        )


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.characters(categories=("L", "Zs", "Pd", "Po")), min_size=1, max_size=160),
    st.floats(min_value=40, max_value=800),
    st.floats(min_value=10, max_value=300),
)
def test_fitted_text_never_overflows_its_box(text, width, height):
    fonts = FONTS
    fitted = fit(fonts, text, width, height, 40, "bold", max_lines=3)
    assert len(fitted.lines) <= 3 and " ".join(fitted.lines) == " ".join(text.split())
    assert all(fonts.width(line, fitted.size, "bold") <= width + 1e-6 for line in fitted.lines)
    assert fitted.size * LEADING * len(fitted.lines) <= height + 1e-6


FONTS = FontSet("sans")


def test_nameplates_break_long_names_sensibly_and_read_from_both_sides(services, room, tmp_path):
    assert plate_text(FONTS, "United Kingdom of Great Britain and Northern Ireland").lines == (
        "UNITED KINGDOM OF GREAT BRITAIN",
        "AND NORTHERN IRELAND",
    )
    assert plate_text(FONTS, "Côte d'Ivoire").lines == ("CÔTE D'IVOIRE",)
    assert plate_text(FONTS, "Bolivia (Plurinational State of)").lines == ("BOLIVIA", "(PLURINATIONAL STATE OF)")
    assert plate_text(FONTS, "Chile").size > plate_text(FONTS, "North Macedonia").size > 50
    out = tmp_path / "plates.pdf"
    run_to_end(DOCUMENTS["nameplates"].job(services, room.id, "pdf", out))
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    assert len(pages) == 8  # every delegation that takes part
    assert all(page.count(page.split(" ")[0]) >= 2 for page in pages)  # the name on both halves
    assert "ICRC" in " ".join(pages)  # an organisation with a long name goes by its acronym
    assert PdfReader(out).pages[0].mediabox.width > PdfReader(out).pages[0].mediabox.height


def test_the_seating_plan_and_the_nameplates_follow_the_draw(services, room, tmp_path):
    with pytest.raises(ValidationError, match="no State has been drawn"):
        run_to_end(DOCUMENTS["seating"].job(services, room.id, "pdf", tmp_path / "s.pdf"))
    services.seating.draw(
        room.id,
        "Côte d'Ivoire",
        rows=3,
        seats_per_row=4,
        blocks=2,
        seats={"state_party": 2},
        today=dt.date(2026, 8, 31),
    )
    run_to_end(DOCUMENTS["seating"].job(services, room.id, "pdf", tmp_path / "s.pdf"))
    text = pdf_text(tmp_path / "s.pdf")
    assert "starting from Côte d'Ivoire (drawn by lot on 31 August 2026)" in text and "PODIUM" in text
    assert "States Parties (5)" in text and "(2)" in text
    run_to_end(DOCUMENTS["nameplates"].job(services, room.id, "pdf", tmp_path / "p.pdf"))
    firsts = [" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "p.pdf").pages]
    # States Parties from Côte d'Ivoire round to Costa Rica, then the observer States from the draw (Russian
    # Federation, then round to China), then the organisations.
    order = [
        "CÔTE D'IVOIRE",
        "CROATIA",
        "LEBANON",
        "UNITED KINGDOM",
        "COSTA RICA",
        "RUSSIAN FEDERATION",
        "CHINA",
        "ICRC",
    ]
    assert [next(i for i, page in enumerate(firsts) if name in page) for name in order] == list(range(8))


def test_the_meeting_room_from_the_command_line(services, room, tmp_path, capsys):
    db = location(services)
    assert (
        main(
            [
                "--db",
                db,
                "seating",
                "draw",
                "--state",
                "Croatia",
                "--rows",
                "4",
                "--seats",
                "6",
                "--per-delegation",
                "state_party=2",
            ]
        )
        == 0
    )
    assert "Seating starts from Croatia (drawn by lot" in capsys.readouterr().out
    assert main(["--db", db, "export", "seating", "--out", str(tmp_path / "s.pdf")]) == 0
    assert (
        main(["--db", db, "export", "nameplates", "--out", str(tmp_path / "n.pdf"), "--category", "observer_state"])
        == 0
    )
    assert len(PdfReader(tmp_path / "n.pdf").pages) == 2  # China and the Russian Federation
    assert (
        main(
            [
                "--db",
                db,
                "export",
                "badges",
                "--out",
                str(tmp_path / "b.pdf"),
                "--delegation",
                "Lebanon",
                "--delegation",
                "CHN",
            ]
        )
        == 0
    )
    assert "2 badges on 1 sheet" in capsys.readouterr().out
    assert (
        main(
            ["--db", db, "export", "badges", "--out", str(tmp_path / "b.pdf"), "--only-new", "--delegation", "Lebanon"]
        )
        == 1
    )
    assert "not printed yet" in capsys.readouterr().err
    lebanese = next(p for p in services.roster.directory(room.id) if p.delegation == "Lebanon")
    code = services.badges.code(lebanese.id)
    assert main(["--db", db, "checkin", code, "--day", "2026-09-07"]) == 0
    assert "Checked in: " in capsys.readouterr().out
    assert main(["--db", db, "checkin", code, "--day", "2026-09-07"]) == 1
    assert "was checked in for 7 September 2026 (recorded on " in capsys.readouterr().out
    assert main(["--db", db, "checkin", "12345", "--day", "2026-09-07"]) == 1
    assert "not a badge code" in capsys.readouterr().out


def test_attendance_by_day_in_the_workbook_and_the_list(services, room, tmp_path):
    from openpyxl import load_workbook

    people = services.roster.directory(room.id)
    for p in people[:3]:
        services.check_in.check_in(room.id, p.id, dt.date(2026, 9, 7))
    services.check_in.check_in(room.id, people[-1].id, dt.date(2026, 9, 8))  # the ICRC's
    run_to_end(DOCUMENTS["participants"].job(services, room.id, "xlsx", tmp_path / "w.xlsx"))
    sheet = load_workbook(tmp_path / "w.xlsx")["Attendance by day"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Day" and rows[0][-1] == "Total" and rows[0][1] == "States Parties"
    assert [(r[0].date(), r[-1]) for r in rows[1:]] == [(dt.date(2026, 9, 7), 3), (dt.date(2026, 9, 8), 1)]
    assert rows[2][rows[0].index("Organisations attending under rule 1(2)")] == 1
    run_to_end(DOCUMENTS["participants"].job(services, room.id, "pdf", tmp_path / "l.pdf"))
    text = pdf_text(tmp_path / "l.pdf")
    assert "Checked in at the door, by day" in text
    assert "Monday 7 September 2026 3 0 3" in text and "Tuesday 8 September 2026 0 1 1" in text
