"""Wrong encodings are never read silently (issue 20, point 5): the rule of imports/encoding.py, each case read
back from what lands in the database, or refused naming the row, with nothing written."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ccm_secretariat.cli import main as cli
from ccm_secretariat.errors import ValidationError
from ccm_secretariat.imports.encoding import decode
from ccm_secretariat.orm import Participant
from tests.backends import location
from tests.core.meetings import fourteenth_msp

HEADER = "First Name,Last Name,Email,Country\n"
WESTERN = HEADER + (
    "María,Jørgensen,maria@example.org,Denmark\n"
    "François,Müßig,f@example.org,France\n"
    "Inès,Côté,ines@example.org,Côte d’Ivoire\n"
    "Zoë,Ó Súilleabháin,zoe@example.org,Ireland\n"
)
CHINESE = HEADER + "伟,王,wang@example.org,China\n秀英,李,li@example.org,China\n"
JAPANESE = HEADER + "太郎,田中,tanaka@example.org,Japan\n花子,山田,yamada@example.org,Japan\n"
RUSSIAN = HEADER + "Сергей,Иванов,ivanov@example.org,Russian Federation\n"


def test_the_rule_reads_what_it_can_tell_and_refuses_the_rest():
    assert decode(WESTERN.encode("utf-8"), "f.csv") == (WESTERN, "UTF-8")
    assert decode(WESTERN.encode("cp1252"), "f.csv") == (WESTERN, "Windows-1252")
    french = HEADER + "Jean,Dupont,j@example.org,Mission permanente à Genève\n"
    assert decode(french.encode("cp1252"), "f.csv")[1] == "Windows-1252"
    for text, codec in (
        (CHINESE, "gbk"),
        (JAPANESE, "shift_jis"),
        (RUSSIAN, "cp1251"),
        (HEADER + "大明,王,w@example.org,China\n", "big5"),
    ):
        with pytest.raises(ValidationError, match=r"f\.csv is not UTF-8, and read as Windows-1252 its row 2"):
            decode(text.encode(codec), "f.csv")
    stray = WESTERN.encode("utf-8").replace("Inès".encode(), b"In\xe8s")  # one Windows-1252 byte in UTF-8
    with pytest.raises(ValidationError, match=r"f\.csv is UTF-8 text except at row 4 \(byte \d+\)"):
        decode(stray, "f.csv")
    assert decode(CHINESE.encode("gbk"), "f.csv", "gbk") == (CHINESE, "gbk")  # named: read as named
    with pytest.raises(ValidationError, match="is not shift_jis text: row 2"):
        decode(CHINESE.encode("gbk"), "f.csv", "shift_jis")
    with pytest.raises(ValidationError, match="not an encoding"):
        decode(b"x", "f.csv", "klingon")


@pytest.mark.parametrize("codec", ["gbk", "shift_jis", "utf-8 with one stray byte"])
def test_an_import_in_another_encoding_is_refused_and_writes_nothing(services, tmp_path, capsys, codec):
    fourteenth_msp(services)
    path = tmp_path / "registrations.csv"
    if codec == "gbk":
        path.write_bytes((CHINESE + "Ana,Pérez,ana@example.org,Chile\n").encode("gbk"))
    elif codec == "shift_jis":
        path.write_bytes(JAPANESE.encode("shift_jis"))
    else:
        path.write_bytes(WESTERN.encode("utf-8").replace("Jørgensen".encode(), b"J\xf8rgensen"))
    code = cli(["--db", location(services), "import", "registrations", str(path), "--meeting", "14MSP"])
    err = capsys.readouterr().err
    assert code == 1 and "Nothing was read" in err and "CSV UTF-8" in err, err
    with services.db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Participant)) == 0


def test_a_named_encoding_imports_the_names_right_and_says_so(services, tmp_path, capsys):
    fourteenth_msp(services)
    path = tmp_path / "registrations.csv"
    path.write_bytes(CHINESE.encode("gbk"))
    args = ["--db", location(services), "import", "registrations", str(path), "--meeting", "14MSP"]
    assert cli([*args, "--encoding", "gbk"]) == 0
    captured = capsys.readouterr()
    assert f"Read {path} as gbk text." in captured.err and "added 2" in captured.out
    path.write_bytes(WESTERN.encode("cp1252"))
    assert cli(args) == 0
    assert f"Read {path} as Windows-1252 text." in capsys.readouterr().err
    with services.db.session() as s:
        names = set(s.scalars(sa.select(Participant.family_name)))
    assert {"王", "李", "Jørgensen", "Müßig", "Côté", "Ó Súilleabháin"} <= names
