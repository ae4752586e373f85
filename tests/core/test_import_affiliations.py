"""Issue 19: an Indico-style file (Affiliation and Country, no Delegation column) puts every organisation's staff
in their organisation's delegation, a ministry, mission or embassy with its State, the country only when the
affiliation says nothing; an unknown organisation is asked about, never put with a State; the list counts them."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_secretariat.documents.reading import participants_pdf
from ccm_secretariat.domain.enums import Rule
from ccm_secretariat.exports.fonts import FontSet
from ccm_secretariat.exports.participants_pdf import ListOptions
from ccm_secretariat.imports.plan import Choices, DecidedBy, Finding, NewOrganisation, Outcome
from ccm_secretariat.progress import run_to_end
from tests.core.pdf_text import pdf_text
from tests.core.test_imports import load, meeting  # noqa: F401 (the fixture)

# First Name, Last Name, Email, Affiliation, Country: as Indico exports its registrants.
ROWS = [
    ("Ida", "Watch", "HRW", "Human Rights Watch", "United States"),
    ("Ian", "Cross", "ICRC", "ICRC", "Switzerland"),
    ("Iris", "Cross", "ICRC2", "International Committee of the Red Cross", "Switzerland"),
    ("Carl", "Coalition", "CMC", "Cluster Munition Coalition", "Switzerland"),
    ("Gina", "Centre", "GICHD", "GICHD", "Switzerland"),
    ("Uma", "Service", "UNMAS", "United Nations Mine Action Service", "Switzerland"),
    ("Eva", "Union", "EU", "European Union", "Belgium"),
    ("Hugo", "Inclusion", "HI", "Humanity & Inclusion", "France"),
    ("Hana", "Handicap", "HI2", "Handicap International", "France"),
    ("Carmen", "Mission", "CL", "Permanent Mission of Chile to the United Nations Office at Geneva", "Switzerland"),
    ("Pedro", "Ministry", "PE", "Ministry of Foreign Affairs of Peru", "Switzerland"),
    ("Maria", "Embassy", "MX", "Embassy of Mexico", "Belgium"),
    ("Ola", "Nordmann", "NO", "", "Norway"),
    ("Anna", "Defence", "AT", "Ministry of Defence", "Austria"),
    ("Lena", "Survivor", "LSN", "Landmine Survivors Network", "Belgium"),
    ("Leo", "Survivor", "LSN2", "Landmine Survivors Network", "Belgium"),
]


def write(path) -> None:
    lines = ["First Name,Last Name,Email,Affiliation,Country"]
    lines += [f'{g},{f},{e.lower()}@example.org,"{a}",{c}' for g, f, e, a, c in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_organisations_staff_land_in_their_organisations_delegation(services, meeting, tmp_path):  # noqa: F811
    path = tmp_path / "indico.csv"
    write(path)
    incoming, plan = load(services, path, meeting.id)
    rows = {r.family + r.given: r for r in plan.rows}
    expected = {
        "WatchIda": "Human Rights Watch",
        "CrossIan": "International Committee of the Red Cross",
        "CrossIris": "International Committee of the Red Cross",
        "CoalitionCarl": "Cluster Munition Coalition",
        "CentreGina": "Geneva International Centre for Humanitarian Demining",
        "ServiceUma": "United Nations Mine Action Service",
        "UnionEva": "European Union",
        "InclusionHugo": "Handicap International (Humanity & Inclusion)",
        "HandicapHana": "Handicap International (Humanity & Inclusion)",
        "MissionCarmen": "Chile",
        "MinistryPedro": "Peru",
        "EmbassyMaria": "Mexico",
        "NordmannOla": "Norway",
        "DefenceAnna": "Austria",
    }
    for key, name in expected.items():
        assert rows[key].destination is not None and rows[key].destination.name == name, key
        assert rows[key].outcome == Outcome.ADD
    # How each was decided, for the preview: the affiliation first, the country when it says nothing.
    assert rows["WatchIda"].decided_by == DecidedBy.AFFILIATION and rows["WatchIda"].affiliation == "Human Rights Watch"
    assert rows["MinistryPedro"].decided_by == DecidedBy.AFFILIATION
    assert rows["NordmannOla"].decided_by == rows["DefenceAnna"].decided_by == DecidedBy.COUNTRY
    # An organisation the application does not know is asked about, never put with Belgium.
    unknown = [r for r in plan.rows if r.finding == Finding.UNRESOLVED]
    assert [r.family + r.given for r in unknown] == ["SurvivorLena", "SurvivorLeo"]
    assert all(r.outcome == Outcome.REFUSE and r.destination is None for r in unknown)
    assert "“Landmine Survivors Network” reads as an organisation" in unknown[0].message
    assert "put the row with its country (Belgium)" in unknown[0].message
    assert unknown[0].country is not None and unknown[0].country.name == "Belgium"

    # The secretary adds it as a new rule 1(3) organisation; everything lands.
    lsn = NewOrganisation("Landmine Survivors Network", "", Rule.RULE_1_3)
    choices = Choices(targets={r.line: lsn for r in unknown})
    result = services.imports.run(meeting.id, incoming, choices)
    assert result.summary == f"added {len(ROWS)}, updated 0, skipped 0, refused 0"
    got = {d.name: (d.category, d.participant_count) for d in services.registration.delegations(meeting.id)}
    assert got["Human Rights Watch"] == ("rule_1_3", 1)
    assert got["International Committee of the Red Cross"] == ("rule_1_2", 2)
    assert got["Landmine Survivors Network"] == ("rule_1_3", 2)
    assert "Switzerland" not in got and "United States" not in got and "France" not in got and "Belgium" not in got
    # The list's statistics count the organisations: 8 of them, with 11 participants; 5 States with 5.
    out = tmp_path / "list.pdf"
    run_to_end(participants_pdf(services, meeting.id, out, ListOptions(fonts=FontSet("sans", fallbacks=()))))
    text = pdf_text(out)
    assert "Total, organisations 8 11" in text and "Total, States 5 5" in text


def test_put_with_the_country_when_the_secretary_says_so(services, meeting, tmp_path):  # noqa: F811
    path = tmp_path / "indico.csv"
    write(path)
    incoming, plan = load(services, path, meeting.id)
    unknown = [r for r in plan.rows if r.finding == Finding.UNRESOLVED]
    plan = services.imports.preview(meeting.id, incoming, Choices(targets={r.line: r.country for r in unknown}))
    assert plan.complete
    assert {r.destination.name for r in plan.rows if r.line in {u.line for u in unknown}} == {"Belgium"}


@pytest.mark.parametrize(
    ("cells", "month_first", "ask", "expected"),
    [
        (
            ["2 Aug 2026", "2026-08-03", "46238"],
            None,
            "",
            [dt.date(2026, 8, 2), dt.date(2026, 8, 3), dt.date(2026, 8, 4)],
        ),
        (["02/08/2026", "25/08/2026"], None, "", [dt.date(2026, 8, 2), dt.date(2026, 8, 25)]),  # the file says
        (["08/02/2026", "08/25/2026"], None, "", [dt.date(2026, 8, 2), dt.date(2026, 8, 25)]),
        (["02/08/2026", "03/08/2026"], None, "02/08/2026", [dt.date(2026, 8, 2), dt.date(2026, 8, 3)]),
        (["02/08/2026", "03/08/2026"], True, "", [dt.date(2026, 2, 8), dt.date(2026, 3, 8)]),  # answered
    ],
)
def test_dates_in_a_file_as_typed(services, meeting, tmp_path, cells, month_first, ask, expected):  # noqa: F811
    """Read as the dialogs read them: textual, ISO, Excel day numbers, d/m or m/d as the file shows or says."""
    path = tmp_path / "dates.csv"
    lines = ["First Name,Last Name,Country,Registration date"]
    lines += [f"A{i},B{i},Norway,{cell}" for i, cell in enumerate(cells)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _incoming, plan = load(services, path, meeting.id, Choices(month_first=month_first))
    assert plan.ask_date_order == ask  # asked once, for the whole file, only when no date of it says
    assert [r.values["registration_date"] for r in plan.rows] == expected


def test_a_file_with_no_role_gets_heads_and_protocol_order(services, meeting, tmp_path):  # noqa: F811
    from ccm_secretariat.domain.enums import Role

    path = tmp_path / "roles.csv"
    path.write_text(
        "Title,First Name,Last Name,Position,Country\n"
        "Mr.,Tom,Attache,Attaché,Chile\n"
        "Ms.,Ana,Second,Second Secretary,Chile\n"
        "Mr.,Luis,First,First Secretary,Chile\n"
        "H.E. Ms.,Eva,Excellency,Legal Adviser,Chile\n"
        "Ms.,Ines,Counsellor,Counsellor,Chile\n"
        "Mr.,Pablo,Deputy,Deputy Permanent Representative,Peru\n"
        "Mr.,Juan,Minister,Minister of Foreign Affairs,Peru\n"
        "Ms.,Kari,Expert,Expert,Norway\n",
        encoding="utf-8",
    )
    incoming, _plan = load(services, path, meeting.id)
    result = services.imports.run(meeting.id, incoming)
    rows = {d.name: d for d in services.registration.delegations(meeting.id)}
    chile = services.registration.participants(rows["Chile"].id)
    assert [p.family_name for p in chile] == ["Excellency", "Counsellor", "First", "Second", "Attache"]
    assert [p.role for p in chile][:2] == [Role.HEAD, Role.REPRESENTATIVE]
    peru = services.registration.participants(rows["Peru"].id)
    assert [(p.family_name, p.role) for p in peru] == [("Minister", Role.HEAD), ("Deputy", Role.REPRESENTATIVE)]
    # Nobody in Norway's delegation says they head it: the summary names it.
    assert result.headless == ("Norway",)
    assert result.note == "No head of delegation in 1 delegation: Norway."


def test_an_unknown_affiliation_with_no_organisation_word_is_asked_about_too(services, meeting, tmp_path):  # noqa: F811
    """A word list of organisations always misses one: only a government body goes with the country unasked."""
    path = tmp_path / "indico.csv"
    lines = ["First Name,Last Name,Email,Affiliation,Country"]
    lines += ["Zawadi,Juma,z@example.org,Friends of the Earth Zanzibar,Tanzania"]
    lines += ["Amani,Said,a@example.org,Ministry of Defence,Tanzania"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _incoming, plan = load(services, path, meeting.id)
    friends, ministry = plan.rows
    assert friends.finding == Finding.UNRESOLVED and friends.destination is None
    assert "“Friends of the Earth Zanzibar” reads as an organisation" in friends.message
    assert ministry.destination is not None and ministry.decided_by == DecidedBy.COUNTRY
    assert ministry.destination.name == "United Republic of Tanzania"
