"""Each kind of document declares its options, and is written only with those: the command line's arguments, the
window's dialogs and variants all name options the kind declares; one it does not declare is refused. The command
line is a package of small modules, and `python -m ccm_secretariat` runs it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from ccm_secretariat.documents.options import ExportOptions, ParticipantsOptions
from ccm_secretariat.documents.registry import DOCUMENTS, export_named

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize("kind", DOCUMENTS.values(), ids=lambda k: k.name)
def test_a_kind_declares_what_its_command_line_and_variants_set(kind):
    declared = {f.name for f in dataclasses.fields(kind.options)}
    assert {a.field for a in kind.arguments} <= declared
    for variant in kind.variants:
        assert set(variant.values) <= declared and set(variant.formats) <= set(kind.formats)
        assert export_named(variant.name) == (kind, variant)
        assert kind.options_from(ExportOptions(**variant.values)) != kind.options_from()
    assert set(kind.dialogs) <= set(kind.formats) and set(kind.save_stems) <= set(kind.formats)
    assert export_named(kind.name) == (kind, None)


def test_an_option_a_kind_does_not_declare_is_refused(demo, demo_meeting, tmp_path):
    with pytest.raises(TypeError, match="no option landscape"):
        DOCUMENTS["seating"].job(demo, demo_meeting.id, "pdf", tmp_path / "s.pdf", ExportOptions(landscape=True))
    with pytest.raises(TypeError, match="ParticipantsOptions"):
        DOCUMENTS["badges"].job(demo, demo_meeting.id, "pdf", tmp_path / "b.pdf", ParticipantsOptions())
    assert not (tmp_path / "s.pdf").exists() and not (tmp_path / "b.pdf").exists()
    with pytest.raises(KeyError):
        export_named("participants-everything")


def test_the_internal_workbook_is_a_declared_variant(demo, demo_meeting, tmp_path):
    from openpyxl import load_workbook

    from ccm_secretariat.progress import run_to_end

    kind, variant = export_named("participants-internal")
    assert variant is not None and variant.internal and kind.name == "participants"
    out = tmp_path / f"{variant.file_stem}.xlsx"
    run_to_end(kind.job(demo, demo_meeting.id, "xlsx", out, ExportOptions(**variant.values)))
    book = load_workbook(out)
    assert book.sheetnames[0] == "Internal" and "Do not distribute" in book["Internal"]["A2"].value


def test_the_command_line_is_small_modules_of_simple_functions():
    folder = ROOT / "ccm_secretariat" / "cli"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert len(sizes) >= 5 and max(sizes.values()) < 500, sizes
    ruff = Path(sys.executable).with_name("ruff")
    checked = subprocess.run(
        [
            str(ruff),
            "check",
            "--isolated",
            "--select",
            "C901",
            "--config",
            "lint.mccabe.max-complexity=12",
            str(folder),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout


def test_python_m_runs_the_command_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "ccm_secretariat", "--db", str(tmp_path / "d.sqlite3"), "meetings"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0 and "No meeting yet" in done.stdout, done.stderr
