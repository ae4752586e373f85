import datetime as dt

import pytest
from openpyxl import Workbook

from ccm_secretariat.domain.enums import UNMembership
from ccm_secretariat.errors import DuplicateError, ValidationError

SEP = "\t"


def test_the_states_and_their_un_short_names(services):
    states = services.reference.states("CCM")
    assert len(states) == 197
    counts = {m: sum(1 for s in states if s.membership is m) for m in UNMembership}
    assert counts == {UNMembership.MEMBER: 193, UNMembership.OBSERVER: 2, UNMembership.OTHER: 2}
    names = {s.name for s in states}
    for name in [
        "Bolivia (Plurinational State of)",
        "Côte d'Ivoire",
        "Lao People's Democratic Republic",
        "United Kingdom of Great Britain and Northern Ireland",
        "Türkiye",
        "Holy See",
        "State of Palestine",
        "Cook Islands",
        "Niue",
        "Republic of Moldova",
        "United Republic of Tanzania",
    ]:
        assert name in names
    order = [s.name for s in states]
    assert order.index("Costa Rica") < order.index("Côte d'Ivoire") < order.index("Croatia")
    assert len({s.iso3 for s in states}) == 197


def test_former_names_find_the_state(services):
    assert services.reference.find_state("Czech Republic").name == "Czechia"
    assert services.reference.find_state("Turkey").name == "Türkiye"
    assert services.reference.find_state("cote d'ivoire").iso3 == "CIV"
    with pytest.raises(ValidationError, match="Atlantis"):
        services.reference.find_state("Atlantis")


def test_shipped_ccm_status(services):
    by_name = {s.name: s for s in services.reference.states("CCM")}
    assert by_name["Maldives"].entry_into_force == dt.date(2020, 3, 1)
    assert by_name["Lithuania"].withdrawal_effective == dt.date(2025, 3, 6)
    assert by_name["Lithuania"].status_on(dt.date(2026, 1, 1)) == "not_signatory"
    assert by_name["Angola"].status_on(dt.date(2020, 11, 25)) == "signatory"
    assert not by_name["Mexico"].verified


def _write(path, rows, sep=SEP):
    path.write_text("\n".join(sep.join(r) for r in rows) + "\n", encoding="utf-8")
    return path


HEADER = ["state", "signature_date", "instrument", "deposit_date", "withdrawal_effective_date", "verified"]


def test_import_a_newer_tsv_status_list(services, tmp_path):
    path = _write(
        tmp_path / "status.tsv",
        [
            HEADER,
            ["Angola", "2008-12-03", "ratification", "2026-01-15", "", "yes"],
            ["Kenya", "2008-12-03", "", "", "", "yes"],
        ],
    )
    counts = services.reference.import_status(path, "CCM")
    assert counts == {"added": 0, "changed": 1, "unchanged": 1}
    angola = next(s for s in services.reference.states("CCM") if s.name == "Angola")
    assert angola.entry_into_force == dt.date(2026, 7, 1)


def test_import_csv_and_xlsx(services, tmp_path):
    path = _write(tmp_path / "status.csv", [HEADER, ["Tuvalu", "", "accession", "2026-02-02", "", "yes"]], ",")
    assert services.reference.import_status(path, "CCM")["added"] == 1
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["Palau", dt.datetime(2008, 12, 3), "ratification", dt.datetime(2016, 4, 19), None, "yes"])
    ws.append(["Samoa", "2008-12-03", "ratification", dt.date(2010, 4, 28), None, "yes"])
    wb.save(tmp_path / "status.xlsx")
    assert services.reference.import_status(tmp_path / "status.xlsx", "CCM") == {
        "added": 0,
        "changed": 0,
        "unchanged": 2,
    }


@pytest.mark.parametrize(
    "row, message",
    [
        (["Atlantis", "", "accession", "2026-02-02", "", "yes"], "line 3: “Atlantis” is not a State"),
        (["Tuvalu", "", "accession", "2 Feb 2026", "", "yes"], "line 3: “2 Feb 2026” is not a date"),
        (["Tuvalu", "", "signature", "2026-02-02", "", "yes"], "“signature” is not an instrument"),
        (["Tuvalu", "", "accession", "", "", "yes"], "needs both an instrument"),
        (["Angola", "2008-12-03", "ratification", "2026-01-15", "", "yes"], "appears twice"),
    ],
)
def test_a_bad_row_is_named_and_nothing_changes(services, tmp_path, row, message):
    before = services.reference.states("CCM")
    path = _write(
        tmp_path / "bad.tsv", [HEADER, ["Angola", "2008-12-03", "ratification", "2026-01-15", "", "yes"], row]
    )
    with pytest.raises(ValidationError) as info:
        services.reference.import_status(path, "CCM")
    assert message in str(info.value)
    assert services.reference.states("CCM") == before


def test_missing_columns_and_damaged_workbook(services, tmp_path):
    with pytest.raises(ValidationError, match="lacks the column"):
        services.reference.import_status(_write(tmp_path / "s.tsv", [["country", "date"], ["Angola", "x"]]), "CCM")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValidationError, match="cannot be read as an Excel workbook"):
        services.reference.import_status(tmp_path / "broken.xlsx", "CCM")
    with pytest.raises(ValidationError, match="give a .tsv, .csv or .xlsx"):
        services.reference.import_status(_write(tmp_path / "s.pdf", [["x"]]), "CCM")


def test_organisations(services):
    orgs = {o.name: o for o in services.reference.organisations()}
    assert orgs["Mines Advisory Group"].name_with_acronym == "Mines Advisory Group (MAG)"
    assert orgs["European Union"].name_with_acronym == "European Union"
    with pytest.raises(DuplicateError):
        services.reference.add_organisation("mines advisory group", "", "ngo", "1(3)")


def test_an_unknown_treaty_is_a_clear_error_everywhere(services):
    """It was an AttributeError in set_status (mypy found it): each way in now names the treaty."""
    import datetime as dt

    import pytest

    from ccm_secretariat.errors import NotFoundError

    chile = services.reference.find_state("Chile")
    for call in (
        lambda: services.reference.set_status(
            chile.id, signature=dt.date(2008, 12, 3), instrument=None, deposit=None, treaty="XYZ"
        ),
        lambda: services.reference.states("XYZ"),
        lambda: services.reference.treaty("XYZ"),
    ):
        with pytest.raises(NotFoundError, match="no treaty is called “XYZ”"):
            call()
