"""Conventions other than the CCM: their status lists brought in with `states import --treaty`, `treaties`
listing them, and a meeting of another convention computing its categories by that convention's rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from ccm_secretariat.cli import main as cli
from ccm_secretariat.domain.enums import Instrument
from ccm_secretariat.errors import NotFoundError

HEADER = ["state", "signature_date", "instrument", "deposit_date", "withdrawal_effective_date"]
ATT_ROWS = [["Japan", "2013-06-03", "ratification", "2014-05-09", ""], ["China", "", "accession", "2020-07-06", ""]]


def att_file(tmp_path: Path, suffix: str = ".tsv") -> Path:
    path = tmp_path / f"att{suffix}"
    if suffix == ".xlsx":
        book = openpyxl.Workbook()
        for row in [HEADER, *ATT_ROWS]:
            book.active.append(row)
        book.save(path)
    else:
        sep = "," if suffix == ".csv" else "\t"
        path.write_text("\n".join(sep.join(r) for r in [HEADER, *ATT_ROWS]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".xlsx"])
def test_states_import_brings_in_another_conventions_list(tmp_path, capsys, suffix):
    db = str(tmp_path / "c.sqlite3")
    assert cli(["--db", db, "states", "import", "--treaty", "ATT", str(att_file(tmp_path, suffix))]) == 0
    assert "2 added, 0 changed" in capsys.readouterr().out
    assert cli(["--db", db, "treaties"]) == 0
    out = capsys.readouterr().out
    att = out[out.index("ATT: Arms Trade Treaty") :].split("\n")
    assert att[1] == "  meetings: Conference of States Parties"
    assert (
        att[2] == "  entry into force: the 90th day after the deposit; in force generally from 2014-12-24 (Article 22)"
    )
    assert att[3] == "  withdrawal: the 90th day after the notification (Article 24 (2))"
    assert att[5] == "  status of 2 States in this database"
    assert "BWC: Convention on the Prohibition of the Development" in out
    assert "  entry into force: on the deposit; in force generally from 1975-03-26 (Article XIV)" in out
    assert "status of 0 States in this database (states import --treaty TPNW)" in out
    ccm = out[out.index("CCM: Convention on Cluster Munitions") :].split("\n")
    assert ccm[2].startswith("  entry into force: the first day of month 6 after the deposit")
    assert int(ccm[5].split()[2]) > 100  # the shipped CCM list is untouched


def test_entry_into_force_follows_the_conventions_own_rule(services, tmp_path):
    services.reference.import_status(att_file(tmp_path, ".xlsx"), "ATT")
    rows = {s.name: s for s in services.reference.states("ATT")}
    assert rows["China"].entry_into_force == dt.date(2020, 10, 4)  # the 90th day after 6 July 2020
    assert rows["Japan"].entry_into_force == dt.date(2014, 12, 24)  # deposited before the general entry into force
    assert rows["Japan"].signature == dt.date(2013, 6, 3)
    ccm = {s.name: s for s in services.reference.states("CCM")}
    assert ccm["Japan"].entry_into_force == dt.date(2010, 8, 1) and ccm["China"].deposit is None


def test_a_status_set_by_hand_follows_the_conventions_rule(services):
    bolivia = services.reference.find_state("Bolivia")
    row = services.reference.set_status(
        bolivia.id, signature=None, instrument=Instrument.ACCESSION, deposit=dt.date(2020, 2, 29), treaty="BWC"
    )
    assert row.entry_into_force == dt.date(2020, 2, 29)  # on deposit
    row = services.reference.set_status(
        bolivia.id, signature=None, instrument=Instrument.ACCESSION, deposit=dt.date(2019, 8, 31), treaty="CCW"
    )
    assert row.entry_into_force == dt.date(2020, 2, 29)  # six months, to the shorter month's last day


def test_an_unknown_convention_is_refused_by_name(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    assert cli(["--db", db, "states", "import", "--treaty", "XYZ", str(att_file(tmp_path))]) == 1
    assert "no treaty is called “XYZ”" in capsys.readouterr().err
    with pytest.raises(NotFoundError):
        from ccm_secretariat.reference.profiles import profile

        profile("XYZ")


def att_meeting(services, first_day: dt.date, prefix: str):
    from ccm_secretariat.services.meetings import MeetingInput
    from ccm_secretariat.services.registration import ParticipantInput

    m = services.meetings.create(
        MeetingInput(
            "Sixth Conference of States Parties to the Arms Trade Treaty",
            "CSP6",
            prefix,
            first_day,
            first_day + dt.timedelta(days=4),
            "",
            "Geneva",
            treaty="ATT",
            body_name="Conference",
        )
    )
    for name, family in (("China", "Li"), ("Japan", "Sato")):
        d = services.registration.add_state_delegation(m.id, name)
        services.registration.add_participant(d.id, ParticipantInput(family, "Wei", "Mr.", "Counsellor"))
    return m


def test_an_att_meeting_counts_entry_into_force_on_the_90th_day_and_names_only_the_att(services, tmp_path):
    """The held-out check: China's accession of 6 July 2020 is in force on 4 October 2020, not on the 3rd."""
    from ccm_secretariat.documents.reading import participants_pdf
    from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions  # noqa: F401
    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.report.builder import build_report
    from ccm_secretariat.report.docx import report_docx
    from ccm_secretariat.report.pdf import report_pdf
    from tests.core.pdf_text import pdf_text

    services.reference.import_status(att_file(tmp_path), "ATT")
    on_3 = att_meeting(services, dt.date(2020, 10, 3), "ATT/CSP6/2020")
    on_4 = att_meeting(services, dt.date(2020, 10, 4), "ATT/CSP6/2020/B")
    assert on_3.treaty == "ATT" and on_3.profile.full_name == "Arms Trade Treaty"
    cats = {d.name: d.category for d in services.registration.delegations(on_3.id)}
    assert cats == {"China": "ratified_not_in_force", "Japan": "state_party"}
    cats = {d.name: d.category for d in services.registration.delegations(on_4.id)}
    assert cats == {"China": "state_party", "Japan": "state_party"}

    run_to_end(participants_pdf(services, on_3.id, tmp_path / "list.pdf"))
    listed = pdf_text(tmp_path / "list.pdf")
    assert "States that have ratified or acceded but for which the Treaty is not yet in force" in listed
    assert "Arms Trade Treaty" in listed
    report = build_report(services, on_3.id)
    run_to_end(report_pdf(report, tmp_path / "report.pdf"))
    run_to_end(report_docx(report, tmp_path / "report.docx"))
    reported = pdf_text(tmp_path / "report.pdf")
    assert "The following States Parties to the Treaty participated in the work of the Conference: Japan." in reported
    assert (
        "The following States that have ratified or acceded to the Treaty, but for which it has not yet entered into "
        "force, participated in the work of the Conference as observers: China." in reported
    )
    assert "Arms Trade Treaty" in reported
    from docx import Document

    word = "\n".join(p.text for p in Document(tmp_path / "report.docx").paragraphs)
    assert "participated in the work of the Conference: Japan." in word
    for text in (listed, reported, word):
        assert "CCM" not in text and "Cluster" not in text and "the Convention" not in text


def test_an_organisations_rule_is_per_convention(services, tmp_path):
    from ccm_secretariat.errors import ValidationError
    from ccm_secretariat.services.meetings import MeetingInput

    att = att_meeting(services, dt.date(2020, 10, 3), "ATT/CSP6/2020")
    ccm = services.meetings.create(
        MeetingInput(
            "Meeting", "M", "CCM/MSP/2020", dt.date(2020, 11, 25), dt.date(2020, 11, 27), "", "Geneva", treaty="CCM"
        )
    )
    icrc = next(o for o in services.reference.organisations() if o.acronym == "ICRC")
    services.reference.set_organisation_rule(icrc.id, "ATT", "invited")
    at_att = services.registration.add_organisation_delegation(att.id, "ICRC")
    at_ccm = services.registration.add_organisation_delegation(ccm.id, "ICRC")
    assert at_att.category == "rule_1_3" and not at_att.is_overridden
    assert at_ccm.category == "rule_1_2"
    assert (
        att_profile_heading(services, att.id, at_att)
        == "Non-governmental and other organisations participating as observers"
    )
    services.reference.set_organisation_rule(icrc.id, "ATT", None)
    assert services.registration.delegation(at_att.id).category == "rule_1_2"
    with pytest.raises(ValidationError, match="the ATT admits organisations under “named”, “invited”, not “1\\(3\\)”"):
        services.reference.set_organisation_rule(icrc.id, "ATT", "1(3)")


def att_profile_heading(services, meeting_id, delegation):
    return services.meetings.get(meeting_id).profile.category(delegation.category).list


def test_an_att_meetings_workbook_badges_and_registration_headings_follow_its_profile(services, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from ccm_secretariat.documents.reading import participants_workbook
    from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS, badges_pdf
    from ccm_secretariat.progress import run_to_end
    from ccm_secretariat.services.registration import ParticipantInput

    services.reference.import_status(att_file(tmp_path), "ATT")
    m = att_meeting(services, dt.date(2020, 10, 3), "ATT/CSP6/2020")
    icrc = services.registration.add_organisation_delegation(m.id, "ICRC")
    services.registration.add_participant(icrc.id, ParticipantInput("Dupont", "Anne", "Ms.", "Legal adviser"))
    run_to_end(participants_workbook(services, m.id, tmp_path / "w.xlsx"))
    book = load_workbook(tmp_path / "w.xlsx")
    assert "States Parties" in book.sheetnames and "International organisations" in book.sheetnames
    assert not any("Rule 1" in name for name in book.sheetnames)
    categories = {row[0] for row in book["Delegations"].iter_rows(min_row=2, values_only=True)}
    assert "International organisations attending as observers" in categories
    assert "States that have ratified or acceded but for which the Treaty is not yet in force" in categories

    run = services.badges.run(m.id)
    assert run.colours == services.badges.default_colours(m.id)
    run_to_end(badges_pdf(run, LAYOUTS[DEFAULT_LAYOUT], tmp_path / "b.pdf"))
    text = " ".join(PdfReader(tmp_path / "b.pdf").pages[0].extract_text().split())
    assert "STATE PARTY (NOT YET IN FORCE)" in text and "OBSERVER ORGANISATION" in text


def test_the_overview_names_an_att_meetings_categories_as_the_att_does(services, tmp_path):
    services.reference.import_status(att_file(tmp_path), "ATT")
    m = att_meeting(services, dt.date(2020, 10, 3), "ATT/CSP6/2020")
    services.registration.add_organisation_delegation(m.id, "ICRC")
    o = services.overview.overview(m.id)
    assert [o.short_names[c] for c in o.categories] == [
        "States Parties",
        "Ratified, not in force",
        "International organisations",
    ]
    labels = {f.label for f in o.all_figures()}
    assert "International organisations attending as observers: delegations" in labels
    assert not any("rule 1" in label.lower() for label in labels)


def test_the_held_out_check_on_the_command_line(tmp_path, capsys):
    """A fresh database, the ATT's list imported, meetings on 3 and 4 October 2020, registrations imported; the
    delegations, the list of participants and the report all in the ATT's words."""
    from tests.core.pdf_text import pdf_text

    db = str(tmp_path / "att.sqlite3")
    assert cli(["--db", db, "states", "import", "--treaty", "ATT", str(att_file(tmp_path))]) == 0
    registrants = tmp_path / "registrants.csv"
    registrants.write_text("First Name,Last Name,Delegation\nWei,Li,China\nKen,Sato,Japan\n", encoding="utf-8")
    for day, prefix in (("03", "ATT/CSP6/2020"), ("04", "ATT/CSP6/2020/B")):
        create = ["meeting", "create", "--treaty", "ATT", "--title", "Sixth Conference of States Parties"]
        create += ["--short-title", f"CSP6-{day}", "--prefix", prefix, "--first-day", f"2020-10-{day}"]
        assert cli(["--db", db, *create, "--last-day", "2020-10-08", "--body", "Conference"]) == 0
        imported = ["import", "registrations", str(registrants), "--meeting", prefix]
        assert cli(["--db", db, *imported]) == 0, capsys.readouterr().err
        capsys.readouterr()
        assert cli(["--db", db, "delegations", "--meeting", prefix]) == 0
        out = capsys.readouterr().out
        if day == "03":
            assert "\nStates Parties (1)\n" in out and "Japan" in out.split("States Parties (1)")[1].split("\n\n")[0]
            rnif = "States that have ratified or acceded but for which the Treaty is not yet in force (1)"
            assert rnif in out and "China" in out.split(rnif)[1]
        else:
            assert "\nStates Parties (2)\n" in out and "not yet in force" not in out
    listed, reported = tmp_path / "list.pdf", tmp_path / "report.pdf"
    export = ["export", "participants", "--format", "pdf", "--meeting", "ATT/CSP6/2020", "--out", str(listed)]
    assert cli(["--db", db, *export]) == 0
    export = ["export", "report", "--format", "pdf", "--meeting", "ATT/CSP6/2020", "--out", str(reported)]
    assert cli(["--db", db, *export]) == 0
    listed_text, reported_text = pdf_text(listed), pdf_text(reported)
    assert (
        "Arms Trade Treaty" in reported_text and "Sixth Conference of States Parties (Arms Trade Treaty)" in listed_text
    )
    assert "participated in the work of the Conference: Japan." in reported_text
    assert "States that have ratified or acceded but for which the Treaty is not yet in force CHINA" in listed_text
    for text in (listed_text, reported_text):
        assert "CCM" not in text and "Cluster" not in text


@pytest.mark.parametrize(
    ("treaty", "deposit", "in_force"),
    [
        ("APMBC", dt.date(2020, 2, 29), dt.date(2020, 8, 1)),  # the first day of the sixth month after deposit
        ("BWC", dt.date(2020, 3, 10), dt.date(2020, 3, 10)),  # on deposit
        ("CCW", dt.date(2019, 8, 31), dt.date(2020, 2, 29)),  # six months, to the shorter month's last day
        ("TPNW", dt.date(2021, 3, 1), dt.date(2021, 5, 30)),  # the 90th day
    ],
)
def test_each_conventions_meeting_counts_entry_into_force_by_its_own_rule(
    services, tmp_path, treaty, deposit, in_force
):
    from ccm_secretariat.services.meetings import MeetingInput

    path = tmp_path / "status.tsv"
    path.write_text(
        f"state\tsignature_date\tinstrument\tdeposit_date\nTuvalu\t\taccession\t{deposit}\n", encoding="utf-8"
    )
    services.reference.import_status(path, treaty)
    found = {}
    for label, day in (("before", in_force - dt.timedelta(days=1)), ("on", in_force)):
        m = services.meetings.create(
            MeetingInput(
                "Meeting", label, f"{treaty}/MSP/{day.year}/{label[0].upper()}", day, day, "", "Geneva", treaty=treaty
            )
        )
        found[label] = services.registration.add_state_delegation(m.id, "Tuvalu").category
    before = "observer_state" if deposit == in_force else "ratified_not_in_force"
    assert found == {"before": before, "on": "state_party"}


def test_a_convention_without_french_headings_is_refused_in_french_never_written_in_the_ccms(services, tmp_path):
    """The CCM's French headings are the CCM profile's (in.fr); the ATT profile gives none, so an ATT list in
    French is refused, naming the profile and what to add, and no file is left; in English it is written."""
    from ccm_secretariat.documents.registry import DOCUMENTS, ExportOptions
    from ccm_secretariat.errors import DomainError
    from ccm_secretariat.progress import run_to_end

    meeting = att_meeting(services, dt.date(2020, 10, 4), "ATT/CSP6/2020")
    for fmt in ("pdf", "xlsx"):
        out = tmp_path / f"list-fr.{fmt}"
        with pytest.raises(DomainError) as refused:
            run_to_end(DOCUMENTS["participants"].job(services, meeting.id, fmt, out, ExportOptions(language="fr")))
        assert "att.toml" in refused.value.message and "in.fr.list" in refused.value.message.replace("sheet", "list")
        assert not out.exists()
    english = tmp_path / "list-en.pdf"
    run_to_end(DOCUMENTS["participants"].job(services, meeting.id, "pdf", english, ExportOptions(language="en")))
    assert english.exists()


def test_a_meeting_and_a_status_list_always_name_their_convention(services, tmp_path):
    """No convention is taken for granted below the place where it is chosen: a meeting made without one, or a
    status list imported without one, is refused with the conventions the desk knows."""
    from ccm_secretariat.errors import ValidationError
    from ccm_secretariat.services.meetings import MeetingInput

    with pytest.raises(ValidationError, match="the meeting is of \\(one of APMBC, ATT, BWC, CCM"):
        services.meetings.create(MeetingInput("M", "M", "X/M/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 2)))
    assert services.meetings.list() == []
    with pytest.raises(ValidationError, match="status list this is \\(one of APMBC, ATT, BWC, CCM"):
        services.reference.import_status(att_file(tmp_path), "")
    assert all(s.deposit is None for s in services.reference.states("ATT"))
