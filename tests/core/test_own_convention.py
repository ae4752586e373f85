"""A secretariat adds a convention of its own from a profile file: its own category names, its own observer rules
and a 90-day entry into force, read back from the list of participants, the workbook, the badges and the report."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ccm_secretariat.documents.reading import participants_pdf, participants_workbook
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.exports.badges import DEFAULT_LAYOUT, LAYOUTS, badges_pdf
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.reference.profiles import CONVENTIONS_DIR, shipped_profiles
from ccm_secretariat.report.builder import build_report
from ccm_secretariat.report.pdf import report_pdf
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.core.pdf_text import pdf_text

# Its own keys, headings and badge bands; a seventh category: observers admitted under a rule of its own.
NAMES = {
    "contracting": ("party", "Contracting Parties", "CONTRACTING PARTY"),
    "signing": ("signatory", "Signatories", "SIGNATORY"),
    "bound_later": ("ratified_not_in_force", "States bound from a later date", "BOUND LATER"),
    "other_state": ("not_signatory", "Other States", "OTHER STATE"),
    "partner": ("organisation", "Partners admitted under rule 7", "PARTNER"),
    "guest": ("organisation", "Guests admitted under rule 8", "GUEST"),
    "friend": ("organisation", "Friends of the Assembly under rule 9", "FRIEND OF THE ASSEMBLY"),
}
RULES = {"partner": "7", "guest": "8", "friend": "9"}


def profile_text() -> str:
    parts = [
        'short_name = "XYZ"\nfull_name = "Test Convention on Widgets"\ncited_as = "the Widget Convention"\n'
        'meeting_names = ["Assembly of Contracting Parties"]\n\n'
        '[entry_into_force]\ncounting = "days_after"\nn = 90\ngeneral = 2019-01-01\nsource = "Article 9"\n\n'
        '[withdrawal]\ncounting = "months_after"\nn = 12\nsource = "Article 10"\n'
    ]
    for key, (status, heading, badge) in NAMES.items():
        rule = RULES.get(key, "")
        extra = f'rule = "{rule}"\nrule_wording = "as rule {rule} of its rules provides"\n' if rule else ""
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
    organisations = {o.name: o.id for o in services.reference.organisations()}
    services.reference.set_organisation_rule(organisations["European Union"], "XYZ", "9")  # its rule at XYZ's
    for org, family, rule in (("ICRC", "Meyer", "8"), ("UNODA", "Tanaka", None), ("European Union", "Weber", None)):
        d = reg.add_organisation_delegation(m.id, org, rule)  # the ICRC under rule 8 at this Assembly
        reg.add_participant(d.id, ParticipantInput(family, "Lea", "Ms.", "Officer"))
    categories = {d.name: d.category for d in reg.delegations(m.id)}
    # Chile deposited on 1 August 2020: in force on the 90th day, 30 October, a day after the Assembly opens.
    assert categories == {
        "Peru": "contracting",
        "Ghana": "signing",
        "Chile": "bound_later",
        "Norway": "other_state",
        "United Nations Office for Disarmament Affairs": "partner",  # an organisation the rules name: the first
        "International Committee of the Red Cross": "guest",
        "European Union": "friend",
    }
    assert list(categories.values()) == list(NAMES)  # in the profile's order
    headings = [h for _, h, _ in NAMES.values()]

    run_to_end(participants_pdf(services, m.id, tmp_path / "list.pdf"))
    listed = pdf_text(tmp_path / "list.pdf")
    assert all(h in listed for h in headings)
    assert (
        "Contracting Parties PERU Ms. Ana Quispe" in listed and "Guests admitted under rule 8 INTERNATIONAL" in listed
    )
    assert "Friends of the Assembly under rule 9 EUROPEAN UNION Ms. Lea Weber" in listed

    run_to_end(participants_workbook(services, m.id, tmp_path / "w.xlsx"))
    book = load_workbook(tmp_path / "w.xlsx")
    assert {h[:31] for h in headings} <= set(book.sheetnames)
    assert [r[0] for r in book["Guests admitted under rule 8"].iter_rows(min_row=2, values_only=True)] == [
        "International Committee of the Red Cross (ICRC)"
    ]
    friends = book["Friends of the Assembly under r"]  # its sheet, cut to Excel's 31 characters
    assert [r[0] for r in friends.iter_rows(min_row=2, values_only=True)] == ["European Union"]
    listed_rows = [r for r in book.worksheets[0].iter_rows(min_row=2, values_only=True) if r and r[0]]
    assert any("European Union" in r and "Friends of the Assembly under rule 9" in r for r in listed_rows)

    run_to_end(badges_pdf(services.badges.run(m.id), LAYOUTS[DEFAULT_LAYOUT], tmp_path / "b.pdf"))
    badges = " ".join(p.extract_text() for p in PdfReader(tmp_path / "b.pdf").pages)
    for _, _, band in NAMES.values():
        assert band in badges, band

    run_to_end(report_pdf(build_report(services, m.id), tmp_path / "r.pdf"))
    reported = pdf_text(tmp_path / "r.pdf")
    assert "Contracting Parties (Peru) took part in the Assembly." in reported
    assert (
        "Guests admitted under rule 8 (International Committee of the Red Cross (ICRC)) took part in the "
        "Assembly, as rule 8 of its rules provides." in reported
    )
    assert (
        "Friends of the Assembly under rule 9 (European Union) took part in the Assembly, as rule 9 of its rules "
        "provides." in reported
    )
    for heading in headings:
        assert f"{heading} (" in reported, heading
    assert "Cluster" not in reported + listed and "CCM" not in reported + listed


def test_an_own_profile_may_not_take_a_shipped_conventions_name(own_convention):
    (own_convention / "xyz.toml").write_text(
        (CONVENTIONS_DIR / "att.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    shipped_profiles.cache_clear()
    with pytest.raises(ValidationError, match="xyz.toml: short_name “ATT” is a shipped convention's"):
        shipped_profiles()
