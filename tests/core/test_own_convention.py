"""A secretariat adds a convention of its own from a profile file: its own category names, its own observer rules
and a 90-day entry into force, read back from the list of participants, the workbook, the badges and the report."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ccm_secretariat.documents.reading import participants_pdf, participants_workbook
from ccm_secretariat.domain.enums import Category
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS, badges_pdf
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.reference.profiles import CONVENTIONS_DIR, shipped_profiles
from ccm_secretariat.report.builder import build_report
from ccm_secretariat.report.pdf import report_pdf
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.core.pdf_text import pdf_text

NAMES = {
    "state_party": ("Contracting Parties", "CONTRACTING PARTY"),
    "signatory": ("Signatories", "SIGNATORY"),
    "ratified_not_in_force": ("States bound from a later date", "BOUND LATER"),
    "observer_state": ("Other States", "OTHER STATE"),
    "rule_1_2": ("Partners admitted under rule 7", "PARTNER"),
    "rule_1_3": ("Guests admitted under rule 8", "GUEST"),
}


def profile_text() -> str:
    parts = [
        'short_name = "XYZ"\nfull_name = "Test Convention on Widgets"\ncited_as = "the Widget Convention"\n'
        'meeting_names = ["Assembly of Contracting Parties"]\n\n'
        '[entry_into_force]\ncounting = "days_after"\nn = 90\ngeneral = 2019-01-01\nsource = "Article 9"\n\n'
        '[withdrawal]\ncounting = "months_after"\nn = 12\nsource = "Article 10"\n'
    ]
    statuses = ["party", "signatory", "ratified_not_in_force", "not_signatory", "organisation", "organisation"]
    for (key, (heading, badge)), status in zip(NAMES.items(), statuses):
        rule = "7" if key == "rule_1_2" else "8"
        extra = (
            f'rule = "{rule}"\nrule_wording = "under rule {rule} of its rules"\n' if status == "organisation" else ""
        )
        parts.append(
            f'\n[[categories]]\nkey = "{key}"\nstatus = "{status}"\n{extra}view = "{heading}"\nshort = "{heading}"\n'
            f'sheet = "{heading[:31]}"\nlist = "{heading}"\nbadge = "{badge}"\ncolour = "#334455"\n'
            f'report = "{heading} ({{names}}) took part in the {{body}}{", {rule_wording}" if extra else ""}."\n'
        )
    return "".join(parts)


@pytest.fixture
def own_convention(tmp_path, monkeypatch):
    folder = tmp_path / "conventions"
    folder.mkdir()
    (folder / "xyz.toml").write_text(profile_text(), encoding="utf-8")
    monkeypatch.setenv("CCM_SECRETARIAT_CONVENTIONS", str(folder))
    shipped_profiles.cache_clear()
    yield folder
    shipped_profiles.cache_clear()


def test_a_convention_added_from_a_profile_file_is_read_back_from_every_document(services, own_convention, tmp_path):
    assert "XYZ" in shipped_profiles() and "CCM" in shipped_profiles()
    status = tmp_path / "xyz.tsv"
    status.write_text(
        "state\tsignature_date\tinstrument\tdeposit_date\n"
        "Peru\t2018-05-02\tratification\t2019-03-01\nChile\t\taccession\t2020-08-01\nGhana\t2019-02-02\t\t\n",
        encoding="utf-8",
    )
    services.reference.import_status(status, "XYZ")
    m = services.meetings.create(
        MeetingInput(
            "First Assembly",
            "1AS",
            "XYZ/AS/2020",
            dt.date(2020, 10, 29),
            dt.date(2020, 10, 30),
            "",
            "Geneva",
            treaty="XYZ",
            body_name="Assembly",
        )
    )
    reg = services.registration
    people = {"Peru": "Quispe", "Chile": "Rojas", "Ghana": "Mensah", "Norway": "Berg"}
    for state, family in people.items():
        d = reg.add_state_delegation(m.id, state)
        reg.add_participant(d.id, ParticipantInput(family, "Ana", "Ms.", "Delegate"))
    icrc = next(o for o in services.reference.organisations() if o.acronym == "ICRC")
    services.reference.set_organisation_rule(icrc.id, "XYZ", "8")
    for org, family in (("ICRC", "Meyer"), ("UNODA", "Tanaka")):
        d = reg.add_organisation_delegation(m.id, org)
        reg.add_participant(d.id, ParticipantInput(family, "Lea", "Ms.", "Officer"))
    categories = {d.name: d.category for d in reg.delegations(m.id)}
    # Chile deposited on 1 August 2020: in force on the 90th day, 30 October, a day after the Assembly opens.
    assert categories["Peru"] is Category.STATE_PARTY and categories["Chile"] is Category.RATIFIED_NOT_IN_FORCE
    assert categories["Ghana"] is Category.SIGNATORY and categories["Norway"] is Category.OBSERVER_STATE
    assert categories["International Committee of the Red Cross"] is Category.RULE_1_3
    headings = [h for h, _ in NAMES.values()]

    run_to_end(participants_pdf(services, m.id, tmp_path / "list.pdf"))
    listed = pdf_text(tmp_path / "list.pdf")
    assert all(h in listed for h in headings)
    assert (
        "Contracting Parties PERU Ms. Ana Quispe" in listed and "Guests admitted under rule 8 INTERNATIONAL" in listed
    )

    run_to_end(participants_workbook(services, m.id, tmp_path / "w.xlsx"))
    book = load_workbook(tmp_path / "w.xlsx")
    assert set(headings) <= set(book.sheetnames)
    assert [r[0] for r in book["Guests admitted under rule 8"].iter_rows(min_row=2, values_only=True)] == [
        "International Committee of the Red Cross (ICRC)"
    ]

    run_to_end(badges_pdf(services.badges.run(m.id), LAYOUTS[DEFAULT_LAYOUT], tmp_path / "b.pdf"))
    badges = " ".join(p.extract_text() for p in PdfReader(tmp_path / "b.pdf").pages)
    for word in ("CONTRACTING PARTY", "BOUND LATER", "SIGNATORY", "OTHER STATE", "PARTNER", "GUEST"):
        assert word in badges, word

    run_to_end(report_pdf(build_report(services, m.id), tmp_path / "r.pdf"))
    reported = pdf_text(tmp_path / "r.pdf")
    assert "Contracting Parties (Peru) took part in the Assembly." in reported
    assert (
        "Guests admitted under rule 8 (International Committee of the Red Cross (ICRC)) took part in the "
        "Assembly, under rule 8 of its rules." in reported
    )
    assert "Cluster" not in reported + listed and "CCM" not in reported + listed


def test_an_own_profile_may_not_take_a_shipped_conventions_name(own_convention):
    (own_convention / "xyz.toml").write_text(
        (CONVENTIONS_DIR / "att.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    shipped_profiles.cache_clear()
    with pytest.raises(ValidationError, match="xyz.toml: short_name “ATT” is a shipped convention's"):
        shipped_profiles()
