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
