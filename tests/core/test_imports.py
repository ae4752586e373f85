"""Registrations in: realistic files built by the tests, checked by what lands in the database."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import openpyxl
import pytest
import sqlalchemy as sa

from ccm_secretariat.domain.enums import Role, Rule
from ccm_secretariat.errors import DomainError, DuplicateError, ValidationError
from ccm_secretariat.imports.columns import Field
from ccm_secretariat.imports.plan import Choices, Finding, NewOrganisation, Outcome
from ccm_secretariat.orm import Participant, State
from ccm_secretariat.services.meetings import MeetingInput
from ccm_secretariat.services.registration import ParticipantInput
from tests.core.registration_files import indico_export


@pytest.fixture
def meeting(services):
    return services.meetings.create(
        MeetingInput(
            "Thirteenth Meeting of States Parties to the Convention on Cluster Munitions",
            "13MSP",
            "CCM/MSP/2025",
            dt.date(2025, 9, 15),
            dt.date(2025, 9, 17),
            "Palais des Nations",
            "Geneva",
            treaty="CCM",
        )
    )


def states(services) -> list[tuple[str, str]]:
    with services.db.session() as s:
        return [tuple(r) for r in s.execute(sa.select(State.iso3, State.name).order_by(State.sort_key))]


STAMPS = {"version", "changed_by", "changed_at"}  # every change counts the version up, an undo too


def snapshot(services) -> tuple:
    """Everything an import may touch (its data, not the stamps that count changes), to show that a refused
    one changed nothing and that undo puts back exactly what was there."""
    tables = []
    with services.db.session() as s:
        for t in ("participant", "delegation", "organisation", "import_mapping"):
            result = s.execute(sa.text(f"SELECT * FROM {t} ORDER BY id"))
            keep = [i for i, name in enumerate(result.keys()) if name not in STAMPS]
            tables.append([tuple(row[i] for i in keep) for row in result])
    return tuple(tables)


def load(services, path, meeting_id, choices=None):
    sheet = services.imports.read(path)
    mapping, _ = services.imports.mapping_for(sheet.headers)
    incoming = services.imports.incoming(sheet, mapping)
    return incoming, services.imports.preview(meeting_id, incoming, choices)


def test_an_indico_export_lands_row_by_row_and_category_by_category(services, meeting, tmp_path):
    path = tmp_path / "registrants.csv"
    expected = indico_export(path, states(services))
    incoming, plan = load(services, path, meeting.id)
    counts = plan.counts()
    assert (counts[Outcome.ADD], counts[Outcome.SKIP], counts[Outcome.REFUSE]) == (
        expected.added,
        expected.skipped,
        expected.refused,
    )
    by_line = {r.line: r for r in plan.rows}
    assert [by_line[n].finding for n in expected.possible_duplicate_lines] == [Finding.POSSIBLE_DUPLICATE] * 2
    assert by_line[expected.unresolved_lines[0]].finding == Finding.UNRESOLVED
    assert "“Freedonia”" in by_line[expected.unresolved_lines[0]].message
    assert "column “Country” (I)" in by_line[expected.unresolved_lines[0]].message

    with pytest.raises(ValidationError, match="3 row"):  # refused rows stop the whole import
        services.imports.run(meeting.id, incoming)
    assert services.registration.delegations(meeting.id) == []

    result = services.imports.run(meeting.id, incoming, partial=True)
    assert result.summary == f"added {expected.added}, updated 0, skipped {expected.skipped}, refused 3"
    rows = services.registration.delegations(meeting.id)
    assert len(rows) == 120
    assert {r.name: r.participant_count for r in rows} == dict(expected.by_delegation)
    # The category follows from the treaty status on 15 September 2025, never from the file.
    got = {r.name: r.category for r in rows}
    assert got["Czechia"] == "state_party" and got["Côte d'Ivoire"] == "state_party"
    assert got["Bolivia (Plurinational State of)"] == "state_party"
    assert got["Republic of Korea"] == "observer_state"
    assert got["Türkiye"] == "observer_state"
    assert got["Angola"] == "signatory"
    assert got["International Committee of the Red Cross"] == "rule_1_2"
    assert got["Mines Advisory Group"] == "rule_1_3"
    by_category = Counter(r.category for r in rows)
    assert sum(by_category.values()) == 120
    austria = next(r for r in rows if r.name == "Austria")
    people = {p.full_name: p for p in services.registration.participants(austria.id)}
    assert people["Hans Müller"].function == "Ambassador"
    assert '=HYPERLINK("x") Åsen & <Berg>' in people
    with services.db.session() as s:
        dates = s.scalars(sa.select(Participant.registration_date).where(Participant.delegation_id == austria.id))
        assert all(isinstance(d, dt.date) for d in dates)


def test_namesakes_are_added_when_the_secretary_says_they_are_different_people(services, meeting, tmp_path):
    path = tmp_path / "registrants.csv"
    expected = indico_export(path, states(services))
    choices = Choices(duplicates={n: Outcome.ADD for n in expected.possible_duplicate_lines})
    incoming, plan = load(services, path, meeting.id, choices)
    services.imports.run(meeting.id, incoming, choices, partial=True)
    bangladesh = next(r for r in services.registration.delegations(meeting.id) if r.name == "Bangladesh")
    alams = [p for p in services.registration.participants(bangladesh.id) if p.family_name == "Alam"]
    assert sorted(p.function for p in alams) == ["Deputy Secretary", "Director", "Joint Secretary"]


def test_a_french_csv_in_windows_1252(services, meeting, tmp_path):
    path = tmp_path / "inscriptions.csv"
    text = (
        "Civilité;Prénom;Nom;Courriel;Fonction;Pays;Sexe\r\n"
        "M.;Jérôme;Lefèvre;jerome.lefevre@example.fr;Conseiller juridique;France;M\r\n"
        "Mme;Zoë;Müller;zoe@example.ch;Première secrétaire;Suisse;F\r\n"
        "Mme;Inès;Côté;ines@example.ci;Ambassadrice;Côte d’Ivoire;\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    sheet = services.imports.read(path)
    assert sheet.encoding == "Windows-1252"
    mapping, remembered = services.imports.mapping_for(sheet.headers)
    assert not remembered
    assert {sheet.headers[i]: f for i, f in mapping.items()} == {
        "Civilité": Field.SALUTATION,
        "Prénom": Field.GIVEN_NAMES,
        "Nom": Field.FAMILY_NAME,
        "Courriel": Field.EMAIL,
        "Fonction": Field.FUNCTION,
        "Pays": Field.COUNTRY,
        "Sexe": Field.GENDER,
    }
    result = services.imports.run(meeting.id, services.imports.incoming(sheet, mapping))
    assert result.summary == "added 3, updated 0, skipped 0, refused 0"
    services.imports.remember_mapping(sheet.headers, mapping)
    assert services.imports.mapping_for(sheet.headers) == (mapping, True)
    rows = {r.name: r for r in services.registration.delegations(meeting.id)}
    assert set(rows) == {"France", "Switzerland", "Côte d'Ivoire"}
    (zoe,) = services.registration.participants(rows["Switzerland"].id)
    assert (zoe.salutation, zoe.given_names, zoe.family_name, zoe.function, zoe.gender.value) == (
        "Mrs.",
        "Zoë",
        "Müller",
        "Première secrétaire",
        "female",
    )


def test_full_names_are_split_and_the_split_can_be_corrected(services, meeting, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(
        "Name,Country,Role\nMÜLLER Hans,Germany,Head of delegation\nLudwig van Beethoven,Germany,\n"
        "Md Jahangir Alam,Bangladesh,\nAhmed bin Salem,Oman,\n",
        encoding="utf-8",
    )
    incoming, plan = load(services, path, meeting.id)
    assert [(r.given, r.family) for r in plan.rows] == [
        ("Hans", "MÜLLER"),
        ("Ludwig", "van Beethoven"),
        ("Md Jahangir", "Alam"),
        ("Ahmed", "bin Salem"),
    ]
    assert all(r.name_split for r in plan.rows)
    choices = Choices(names={5: ("Ahmed bin", "Salem")})
    services.imports.run(meeting.id, incoming, choices)
    oman = next(r for r in services.registration.delegations(meeting.id) if r.name == "Oman")
    assert [(p.given_names, p.family_name) for p in services.registration.participants(oman.id)] == [
        ("Ahmed bin", "Salem")
    ]
    germany = next(r for r in services.registration.delegations(meeting.id) if r.name == "Germany")
    assert [p.role for p in services.registration.participants(germany.id)] == [Role.HEAD, Role.REPRESENTATIVE]


def test_duplicates_against_the_database_skip_update_or_add(services, meeting, tmp_path):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Germany")
    hans = reg.add_participant(d.id, ParticipantInput("Müller", "Hans", function="Counsellor", role=Role.HEAD))
    path = tmp_path / "again.csv"
    path.write_text(
        "First Name,Last Name,Country,Email,Phone,Position\nhans,MULLER,DEU,hans@example.de,+49 30 1234,\n",
        encoding="utf-8",
    )
    before = snapshot(services)
    incoming, plan = load(services, path, meeting.id)
    (row,) = plan.rows
    assert (row.finding, row.outcome, row.existing_id) == (Finding.DUPLICATE, Outcome.SKIP, hans.id)
    assert services.imports.run(meeting.id, incoming).summary == "added 0, updated 0, skipped 1, refused 0"
    assert snapshot(services) == before

    update = Choices(on_duplicate=Outcome.UPDATE)
    result = services.imports.run(meeting.id, incoming, update)
    assert result.summary == "added 0, updated 1, skipped 0, refused 0"
    now = reg.participant(hans.id)
    assert (now.email, now.phone, now.function, now.role) == ("hans@example.de", "+49 30 1234", "Counsellor", Role.HEAD)
    services.imports.undo(result)
    assert snapshot(services) == before

    add = Choices(on_duplicate=Outcome.ADD)
    result = services.imports.run(meeting.id, incoming, add)
    assert len(reg.participants(d.id)) == 2
    services.imports.undo(result)
    assert snapshot(services) == before


def test_a_second_head_and_an_e_mail_taken_elsewhere_are_refused(services, meeting, tmp_path):
    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "France")
    reg.add_participant(d.id, ParticipantInput("Dubois", "Anne", role=Role.HEAD, email="anne@example.fr"))
    path = tmp_path / "heads.csv"
    path.write_text(
        "First Name,Last Name,Country,Role,Email\nJean,Martin,France,Head of delegation,\n"
        "Paul,Durand,Belgium,,anne@example.fr\nLéa,Roux,France,Chief cook,\n",
        encoding="utf-8",
    )
    _incoming, plan = load(services, path, meeting.id)
    messages = [r.message for r in plan.rows]
    assert plan.counts()[Outcome.REFUSE] == 2 and plan.counts()[Outcome.SKIP] == 1
    assert "row 2, column “Role” (D): France has a head of delegation already (Anne Dubois)" in messages[0]
    assert "anne@example.fr is also that of Anne Dubois" in messages[1]
    assert "row 4, column “Role” (D): “Chief cook” is not a role" in messages[2]


def test_hand_matching_and_a_new_organisation(services, meeting, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text(
        "First Name,Last Name,Delegation\nAna,Lopez,Freedonia\nBo,Li,Survivor Corps\nCy,Ng,Survivor Corps\n",
        encoding="utf-8",
    )
    before = snapshot(services)
    incoming, plan = load(services, path, meeting.id)
    assert [r.finding for r in plan.rows] == [Finding.UNRESOLVED] * 3
    spain = next(t for t in services.imports.targets() if t.name == "Spain")
    hi = NewOrganisation("Survivor Corps", "SC", Rule.RULE_1_3)
    choices = Choices(targets={2: spain, 3: hi, 4: hi})
    result = services.imports.run(meeting.id, incoming, choices)
    assert result.summary == "added 3, updated 0, skipped 0, refused 0"
    rows = {r.name: r for r in services.registration.delegations(meeting.id)}
    assert rows["Survivor Corps"].category == "rule_1_3"
    assert rows["Survivor Corps"].participant_count == 2 and rows["Spain"].participant_count == 1
    services.imports.undo(result)
    assert snapshot(services) == before  # the organisation made by the import went with it


def test_undo_is_refused_when_later_work_would_be_lost(services, meeting, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("First Name,Last Name,Country\nAna,Lopez,Spain\n", encoding="utf-8")
    incoming, _ = load(services, path, meeting.id)
    result = services.imports.run(meeting.id, incoming)
    spain = services.registration.delegations(meeting.id)[0]
    services.registration.add_participant(spain.id, ParticipantInput("Garcia", "Luis"))
    before = snapshot(services)
    with pytest.raises(DomainError, match="added since"):
        services.imports.undo(result)
    assert snapshot(services) == before


def test_a_namesake_can_be_added_by_hand_when_the_secretary_says_so(services, meeting):
    from ccm_secretariat.domain.participants import SameNameError

    reg = services.registration
    d = reg.add_state_delegation(meeting.id, "Bangladesh")
    first = reg.add_participant(d.id, ParticipantInput("Alam", "Md Jahangir", function="Joint Secretary"))
    with pytest.raises(SameNameError) as info:
        reg.add_participant(d.id, ParticipantInput("ALAM", "Md Jahangir", function="Director"))
    assert info.value.existing_id == first.id
    reg.add_participant(d.id, ParticipantInput("ALAM", "Md Jahangir", function="Director"), same_name_ok=True)
    reg.add_participant(d.id, ParticipantInput("Rahman", "Ziaur", role=Role.HEAD))
    with pytest.raises(DuplicateError, match="head of delegation already"):  # a namesake obeys the other rules
        reg.add_participant(d.id, ParticipantInput("Alam", "Md Jahangir", role=Role.HEAD), same_name_ok=True)
    assert len(reg.participants(d.id)) == 3


def test_carry_over_from_an_earlier_meeting(demo, demo_meeting):
    reg = demo.registration
    swiss = next(r for r in reg.delegations(demo_meeting.id) if r.name == "Switzerland")
    reg.add_participant(
        swiss.id, ParticipantInput("Keller", "Anna", role=Role.HEAD, consent_to_publish=True, function="Ambassador")
    )
    reg.add_participant(swiss.id, ParticipantInput("Rossi", "Marco", role=Role.ADVISER))
    new = demo.meetings.create(
        MeetingInput(
            "Tenth Meeting of States Parties",
            "10MSP",
            "CCM/MSP/2022",
            dt.date(2022, 8, 30),
            dt.date(2022, 9, 1),
            "",
            "Geneva",
            treaty="CCM",
        )
    )
    incoming = demo.imports.carry_over(demo_meeting.id, new.id)
    assert len(incoming) == 2
    result = demo.imports.run(new.id, incoming)
    assert result.summary == "added 2, updated 0, skipped 0, refused 0"
    (d,) = reg.delegations(new.id)
    people = reg.participants(d.id)
    assert [(p.family_name, p.role, p.consent_to_publish, p.function) for p in people] == [
        ("Keller", Role.HEAD, True, "Ambassador"),
        ("Rossi", Role.ADVISER, False, ""),
    ]
    again = demo.imports.run(new.id, demo.imports.carry_over(demo_meeting.id, new.id))
    assert again.summary == "added 0, updated 0, skipped 2, refused 0"


def test_the_report_reads_back(services, meeting, tmp_path):
    from ccm_secretariat.exports.import_report import import_report
    from ccm_secretariat.progress import run_to_end

    path = tmp_path / "r.csv"
    path.write_text("First Name,Last Name,Country\nAna,Lopez,Spain\nBo,=cmd|calc,Freedonia\n", encoding="utf-8")
    incoming, plan = load(services, path, meeting.id)
    result = services.imports.run(meeting.id, incoming, partial=True)
    run_to_end(import_report(list(result.rows), True, str(path), tmp_path / "report.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "report.xlsx")["Import"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ["Row", "Result", "Found", "Name", "Delegation", "Why", "Notes"]
    assert values[1][:5] == [2, "added", "new", "Ana Lopez", "Spain"]
    assert values[2][:4] == [3, "refused", "unresolved", "Bo =cmd|calc"]
    assert ws.cell(3, 4).data_type == "s"


def test_a_cancelled_import_writes_nothing(services, meeting, tmp_path):
    path = tmp_path / "some.csv"
    path.write_text(
        "First Name,Last Name,Delegation\n"
        + "".join(f"P{i},Q{i},Spain\n" for i in range(30))
        + "Bo,Li,Survivor Corps\n",
        encoding="utf-8",
    )
    incoming, plan = load(services, path, meeting.id)
    choices = Choices(targets={32: NewOrganisation("Survivor Corps")})
    before = snapshot(services)
    job = services.imports.commit(meeting.id, incoming, choices)
    assert [next(job).message, next(job).message] == ["Backing up the database", "Checking the rows"]
    assert next(job).message == "Adding participants"  # written inside the transaction, not yet committed
    job.close()  # Cancel
    assert snapshot(services) == before
    result = services.imports.run(meeting.id, incoming, choices)
    assert result.summary == "added 31, updated 0, skipped 0, refused 0"
