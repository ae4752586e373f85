"""The list of participants (PDF) and the workbook, read back, with a meeting of hostile names."""

import datetime as dt

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ccm_secretariat.documents.reading import participants_pdf, participants_workbook
from ccm_secretariat.domain.enums import Attendance, CredentialsKind, Gender, Role
from ccm_secretariat.exports.fonts import FontSet
from ccm_secretariat.exports.participants_pdf import ListOptions
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.core.pdf_text import pdf_text

LONG = "Abcdefghij Klmnopqrst " * 9 + "Uv"  # 200 characters


@pytest.fixture
def hostile(services):
    m = services.meetings.create(
        MeetingInput(
            "Fourteenth Meeting of States Parties to the Convention on Cluster Munitions",
            "14MSP",
            "CCM/MSP/2026",
            dt.date(2026, 9, 14),
            dt.date(2026, 9, 17),
            "Palais des Nations",
            "Geneva",
            body_name="Meeting",
            treaty="CCM",
        )
    )
    reg = services.registration
    lebanon = reg.add_state_delegation(m.id, "Lebanon")
    reg.add_participant(
        lebanon.id,
        ParticipantInput(
            "Khoury",
            "Salim",
            "H.E. Mr.",
            "Ambassador & Permanent Representative <Geneva>",
            role=Role.HEAD,
            gender=Gender.MALE,
            email="s.khoury@example.org",
            consent_to_publish=True,
            attendance={1: Attendance.IN_PERSON},
        ),
    )
    reg.add_participant(
        lebanon.id,
        ParticipantInput(
            "الخطيب", "محمد", "Mr.", "مستشار", role=Role.ADVISER, gender=Gender.MALE, attendance={1: Attendance.ONLINE}
        ),
    )
    reg.add_participant(
        lebanon.id,
        ParticipantInput(
            '=HYPERLINK("http://evil")', "+1 @me", "Ms.", "-cmd|calc", gender=Gender.FEMALE, email="hidden@example.org"
        ),
    )
    japan = reg.add_state_delegation(m.id, "Japan")
    reg.add_participant(japan.id, ParticipantInput("佐藤", "健", "Mr.", "First Secretary", role=Role.HEAD))
    reg.add_participant(japan.id, ParticipantInput(LONG, "Łukasz", "Dr.", "Москва Nguyễn Ελλάδα 😀"))
    reg.set_credentials([lebanon.id], True, CredentialsKind.ORIGINAL, dt.date(2026, 9, 1))
    reg.add_organisation_delegation(m.id, "ICRC")
    return m


def test_list_of_participants_reads_back(services, hostile, tmp_path):
    out = tmp_path / "list.pdf"
    last = run_to_end(
        participants_pdf(
            services,
            hostile.id,
            out,
            ListOptions(date=dt.date(2026, 9, 10), capitalise_family_names=True, fonts=FontSet("sans", fallbacks=())),
        )
    )
    assert last.path == out and out.exists()
    text = pdf_text(out)
    assert "CCM/MSP/2026/INF.1" in text and "Distr.: General" in text and "10 September 2026" in text
    assert "List of participants" in text and "Geneva, 14\u201317 September 2026" in text  # an en dash
    # The ICRC is registered with no member and not marked present: neither counted nor printed, and the
    # opening paragraph counts as the statistics do.
    assert "Participation statistics" in text and "Total participation 2 5" in text
    assert "It lists 5 participants from 2 delegations." in text
    assert "INTERNATIONAL COMMITTEE OF THE RED CROSS" not in text
    # Categories in order, the empty ones left out; delegations in capitals; the head first.
    listed = text.split("Total participation 2 5", 1)[1]  # the list after the statistics
    assert listed.index("States Parties") < listed.index("JAPAN")
    assert "under rule 1 (2)" not in listed  # its only delegation took no part: no heading either
    assert "observer States" not in listed
    assert "Signatory States" not in text.split("Participation statistics")[1]
    assert text.index("JAPAN") < text.index("LEBANON")
    lebanon = text.split("LEBANON", 1)[1]
    assert lebanon.index("Head of delegation") < lebanon.index("H.E. Mr. Salim KHOURY") < lebanon.index("Adviser")
    # Markup characters print literally; contact details only with consent.
    assert "Ambassador & Permanent Representative <Geneva>" in text
    assert "s.khoury@example.org" in text and "hidden@example.org" not in text
    assert '=HYPERLINK("HTTP://EVIL")' in text  # capitalised family name, printed as text
    assert "Москва Nguyễn Ελλάδα" in text
    assert "ŁUKASZ" not in text and "Łukasz ABCDEFGHIJ" in text  # a 200-character name wraps, nothing lost
    assert text.count("ABCDEFGHIJ KLMNOPQRST") == 9
    # No font here covers Japanese: the list says so instead of printing boxes silently.
    assert any("佐藤" in w and "no font" in w for w in last.warnings)
    assert not any("Łukasz" in w for w in last.warnings)


def test_arabic_is_shaped_and_right_to_left(services, hostile, tmp_path):
    out = tmp_path / "list.pdf"
    run_to_end(participants_pdf(services, hostile.id, out, ListOptions(fonts=FontSet("sans", fallbacks=()))))
    text = pdf_text(out)
    # Shaped Arabic is drawn as presentation forms in visual order: the family name stands left of the given name.
    assert "Mr." in text and "(no participants notified)" not in text  # the ICRC took no part: left out
    arabic = [w for w in text.split() if any("\u0600" <= c <= "\u06ff" or "\ufe70" <= c <= "\ufeff" for c in w)]
    assert len(arabic) >= 2


def test_a_cancelled_export_leaves_the_previous_file(services, hostile, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "list.pdf"
    out.write_bytes(b"the good list of yesterday")
    job = participants_pdf(services, hostile.id, out)
    next(job)
    job.close()  # cancel
    assert out.read_bytes() == b"the good list of yesterday"
    assert [p.name for p in folder.iterdir()] == ["list.pdf"]


def test_workbook_reads_back(services, hostile, tmp_path):
    out = tmp_path / "participants.xlsx"
    last = run_to_end(participants_workbook(services, hostile.id, out))
    assert last.path == out
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Participants",
        "Delegations",
        "States Parties",
        "Rule 1(2) organisations",
        "Documents",
        "Statistics",
    ]
    ws = wb["Participants"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:O6"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["Japan", "Japan", "Lebanon", "Lebanon", "Lebanon"]
    assert rows[2][4] == "Khoury" and rows[2][7] == "Head of delegation" and rows[2][12] == "in person"
    formula_cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in formula_cells} == {'=HYPERLINK("http://evil")', "+1 @me", "-cmd|calc"}
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_cells)
    assert ws.column_dimensions["A"].width == 30
    delegations = list(wb["Delegations"].iter_rows(min_row=2, values_only=True))
    lebanon = next(r for r in delegations if r[1] == "Lebanon")
    assert lebanon[3] == 3 and lebanon[4] == "yes" and lebanon[5] == "original"
    assert lebanon[6] == dt.datetime(2026, 9, 1)  # a real date
    lebanon_row = 2 + delegations.index(lebanon)
    assert wb["Delegations"][f"G{lebanon_row}"].is_date  # Excel shows it as a date, not a number
    emails = {r[9] for r in rows}
    assert "s.khoury@example.org" in emails and "hidden@example.org" not in emails  # no consent, no contact
    stats = list(wb["Statistics"].iter_rows(values_only=True))
    assert stats[0][:7] == ("Category", "Delegations", "Participants", "Women", "Men", "Other", "Not stated")
    last_category = len(stats) - 1
    assert stats[-1][1] == f"=SUM(B2:B{last_category})"  # totals as formulas over the categories above
    totals = [sum(r[i] for r in stats[1:-1]) for i in range(1, len(stats[0]))]
    assert stats[-1][0] == "Total" and totals[:2] == [2, 5]  # the ICRC, registered only, did not take part
    assert totals[6:8] == [1, 1]  # part 1: one in person, one online
    assert wb["Statistics"].auto_filter.ref == f"A1:{get_column_letter(len(stats[0]))}{last_category}"
    assert wb["Statistics"].cell(len(stats), 2).font.b  # the total row in bold
    # Native Excel charts beside the table: participation by category, and gender balance, over its rows.
    import re
    import zipfile

    with zipfile.ZipFile(out) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = [z.read(n).decode() for n in charts]
    last = last_category  # the categories are rows 2 .. last, the total below them is left out
    assert len(charts) == 2
    assert "Participation by category" in xml[0] and "Gender balance" in xml[1]
    assert f"'Statistics'!$B$2:$B${last}" in xml[0] and f"'Statistics'!$C$2:$C${last}" in xml[0]
    assert f"'Statistics'!$A$2:$A${last}" in xml[0]
    assert re.search(r'<grouping val="stacked"', xml[1]) and f"'Statistics'!$G$2:$G${last}" in xml[1]


def test_the_internal_workbook_has_every_contact_and_says_so(services, hostile, tmp_path):
    out = tmp_path / "internal.xlsx"
    run_to_end(participants_workbook(services, hostile.id, out, internal=True))
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Internal" and "Do not distribute" in wb["Internal"]["A2"].value
    emails = {r[9] for r in wb["Participants"].iter_rows(min_row=2, values_only=True)}
    assert {"s.khoury@example.org", "hidden@example.org"} <= emails


def test_demo_workbook_has_the_document_register(demo, demo_meeting, tmp_path):
    run_to_end(participants_workbook(demo, demo_meeting.id, tmp_path / "demo.xlsx"))
    docs = list(load_workbook(tmp_path / "demo.xlsx")["Documents"].iter_rows(min_row=2, values_only=True))
    assert len(docs) == 30 and docs[0][0] == "CCM/CONF/2020/1" and docs[-1][0] == "CCM/CONF/2020/MISC.1"
    assert docs[16][:3] == ("CCM/CONF/2020/L.1", "Interim report of the Second Review Conference", "Limited (L.)")


WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


@pytest.mark.skipif(not __import__("os").path.exists(WQY), reason="no CJK system font installed")
def test_an_installed_cjk_font_shows_the_japanese_names(services, hostile, tmp_path):
    last = run_to_end(
        participants_pdf(services, hostile.id, tmp_path / "l.pdf", ListOptions(fonts=FontSet("sans", fallbacks=(WQY,))))
    )
    assert last.warnings == ()
    assert "佐藤" in pdf_text(tmp_path / "l.pdf")


def test_the_provisional_list_takes_its_symbol_from_the_register(demo, demo_meeting, tmp_path):
    from ccm_secretariat.cli import main
    from tests.core.test_room_documents import location

    out = tmp_path / "provisional.pdf"
    assert (
        main(["--db", location(demo), "export", "participants", "--provisional", "--format", "pdf", "--out", str(out)])
        == 0
    )
    text = pdf_text(out)
    assert "CCM/CONF/2020/MISC.1" in text and "/INF.1" not in text  # the seed's annex: the provisional list
    assert "Provisional list of participants" in text
