"""Every name the desk stores passes the same checks, whichever path stores it, and a refused value is written
safely wherever it is reported (issue 20, points 1, 2, 11 and 16), on both back ends."""

from __future__ import annotations

import docx
import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from ccm_secretariat.cli import main as cli
from ccm_secretariat.documents.registry import DOCUMENTS
from ccm_secretariat.domain.enums import OrganisationKind, Rule
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.sheets import sheet_title
from ccm_secretariat.orm import Organisation
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.services.registration import ParticipantInput
from tests.backends import location
from tests.core.meetings import fourteenth_msp

BAD_NAMES = {
    "ESC": "Club \x1b[31m Rouge",
    "U+FFFF": "Noncharacter \uffff Society",
    "U+202E": "Reversed \u202e Network",
    "zero-width": "Hidden\u200bAlliance",
    "long": "Very Long " + "Organisation " * 30,
}


def _csv(tmp_path, rows: list[tuple[str, str, str]]):
    path = tmp_path / "registrations.csv"
    lines = ["First Name,Last Name,Email,Delegation"]
    lines += [f'{given},{family},,"{delegation}"' for given, family, delegation in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_organisations_made_by_an_import_are_cleaned_like_every_name(services, tmp_path, capsys):
    meeting = fourteenth_msp(services)
    rows = [(f"Ana{i}", f"Person{i}", name) for i, name in enumerate(BAD_NAMES.values())]
    rows.append(("Luis", "Quispe", "Friends of the Desk"))  # a good new organisation
    path = _csv(tmp_path, rows)
    args = ["--db", location(services), "import", "registrations", str(path), "--meeting", "14MSP"]
    code = cli([*args, "--new-organisations", "1(3)", "--partial"])
    captured = capsys.readouterr()
    assert code == 3 and "added 1, updated 0, skipped 0, refused 5" in captured.out, captured
    for n, character in ((2, "U+001B"), (3, "U+FFFF"), (4, "U+202E"), (5, "U+200B")):
        where = f"refused: row {n}, column “Delegation” (D): the new organisation's name contains {character}"
        assert where in captured.err
    assert "row 6, column “Delegation” (D): the new organisation's name is 399 characters long; at most 300" in (
        captured.err
    )
    assert "\x1b" not in captured.err and "\u202e" not in captured.err and "Traceback" not in captured.err
    with services.db.session() as s:
        names = set(s.scalars(sa.select(Organisation.name)))
    assert "Friends of the Desk" in names and not any(bad.strip() in names for bad in BAD_NAMES.values())
    # The documents that ended in tracebacks are written and read back.
    run_to_end(DOCUMENTS["participants"].job(services, meeting.id, "xlsx", tmp_path / "r.xlsx"))
    assert "Friends of the Desk" in {c for row in load_workbook(tmp_path / "r.xlsx").worksheets[0].values for c in row}
    run_to_end(DOCUMENTS["report"].job(services, meeting.id, "docx", tmp_path / "r.docx"))
    assert docx.Document(str(tmp_path / "r.docx")).paragraphs


def test_the_organisation_service_and_the_import_refuse_the_same_names(services):
    from ccm_secretariat.imports.plan import NewOrganisation

    for name in BAD_NAMES.values():
        with pytest.raises(ValidationError):
            services.reference.add_organisation(name, "", OrganisationKind.NGO, Rule.RULE_1_3)
        with pytest.raises(ValidationError):
            NewOrganisation(name).checked()
    assert NewOrganisation("  Friends  ", " FD ").checked() == NewOrganisation("Friends", "FD")


def test_the_report_writes_refused_values_escaped_and_the_exit_status_says_what_happened(services, tmp_path, capsys):
    fourteenth_msp(services)
    rows = [(f"Ana{i}", f"Good{i}", "Chile") for i in range(12)]
    rows.insert(3, ("Jo\x1bse", "Bad\u202eName", "Chile"))
    path = _csv(tmp_path, rows)
    report = tmp_path / "report.xlsx"
    args = ["--db", location(services), "import", "registrations", str(path), "--meeting", "14MSP"]
    code = cli([*args, "--partial", "--report", str(report)])
    captured = capsys.readouterr()
    assert code == 3 and "added 12, updated 0, skipped 0, refused 1" in captured.out, captured
    assert f"Wrote the report to {report}." in captured.err and "Traceback" not in captured.err
    cells = [row for row in load_workbook(report)["Import"].values]
    refused = next(row for row in cells if row[1] == "refused")
    assert refused[0] == 5 and "Jo\\x1bse" in refused[3] and "Bad\\u202eName" in refused[3]
    assert sum(row[1] == "added" for row in cells) == 12


def test_any_name_makes_a_valid_sheet_title(services, tmp_path, capsys):
    assert sheet_title("Group: A/B [x]?*\\") == "Group  A B  x"
    assert sheet_title("'quoted'") == "quoted" and sheet_title(":::") == "Sheet"
    assert len(sheet_title("x" * 50)) == 31 and sheet_title("Peru", {"PERU"}) == "Peru (2)"
    meeting = fourteenth_msp(services)
    odd = services.reference.add_organisation("Coalition: Geneva/Lima [2026]?", "", OrganisationKind.NGO, Rule.RULE_1_3)
    delegation = services.registration.add_organisation_delegation(meeting.id, odd.id)
    services.registration.add_participant(delegation.id, ParticipantInput("Quispe", "Luis"))
    out = tmp_path / "history.xlsx"
    args = ["--db", location(services), "history", "--meeting", "14MSP", "--delegation", odd.name, "--out", str(out)]
    assert cli(args) == 0, capsys.readouterr().err
    assert load_workbook(out).sheetnames == ["Coalition  Geneva Lima  2026"]


def test_e_mail_addresses_and_invisible_characters(services):
    meeting = fourteenth_msp(services)
    chile = services.registration.add_state_delegation(meeting.id, "Chile")
    add = services.registration.add_participant
    for email in ('=HYPERLINK("http://e.example")@x.org', "a@b", "ana@@x.org", "ana@x..org", "<a>@x.org"):
        with pytest.raises(ValidationError, match="is not an e-mail address"):
            add(chile.id, ParticipantInput("Pérez", "Ana", email=email))
    for name in ("Ana\u200bMaria", "Ana\u2060Maria", "Ana\u2062Maria"):
        with pytest.raises(ValidationError, match=r"contains U\+20"):
            add(chile.id, ParticipantInput(name, "Ana"))
    kept = add(chile.id, ParticipantInput("Pérez", "Ana", email="ana.pérez+desk@ministère.gouv.cl"))
    assert kept.email == "ana.pérez+desk@ministère.gouv.cl"
    persian = add(chile.id, ParticipantInput("می\u200cخواهم", "Ali"))  # the zero-width non-joiner stays
    assert "\u200c" in persian.family_name
