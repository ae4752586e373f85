"""What an installed application needs: its shipped files found as package data, one version shown everywhere
(the command line, the documents' properties, the database's own history), and a log with no personal data."""

from __future__ import annotations

import logging

import pytest

from ccm_secretariat import application
from ccm_secretariat.cli import main as cli
from ccm_secretariat.documents.registry import DOCUMENTS
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.storage.database import head_revision, schema_history


def test_the_shipped_files_are_the_top_level_folders_mapped_into_the_package():
    import tomllib
    from pathlib import Path

    from setuptools import find_namespace_packages

    import ccm_secretariat

    root = Path(ccm_secretariat.__file__).resolve().parents[1]
    # In the checkout they are the repository's resources/ and db/ (the card's top level), not the package's.
    assert application.resources_dir() == root / "resources" and application.migrations_dir() == root / "db"
    assert not (root / "ccm_secretariat" / "resources").exists() and not (root / "ccm_secretariat" / "db").exists()
    # The wheel maps them into the package, and names every package: none forgotten, no top-level data package.
    setuptools = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"ccm_secretariat.resources": "resources", "ccm_secretariat.db": "db"}
    found = {p for p in find_namespace_packages(str(root), include=["ccm_secretariat*", "ui*"]) if "__" not in p}
    for folder in ("resources", "db"):
        found |= {f"ccm_secretariat.{p}" for p in find_namespace_packages(str(root), include=[folder, f"{folder}.*"])}
    found = {p for p in found if "__pycache__" not in p}
    assert set(setuptools["packages"]) == found
    for name in (
        "reference/states.tsv",
        "reference/ccm_status.tsv",
        "demo/ccm-2rc-2020.json",
        "fonts/DejaVuSans.ttf",
        "fonts/LICENSE-DejaVu.txt",
        "icons/ccm-secretariat-desk.svg",
    ):
        assert (application.resources_dir() / name).is_file(), name
    assert (application.migrations_dir() / "env.py").is_file()
    assert application.icon_path(256).is_file() and application.icon_path(16).is_file()


def test_the_version_is_one_and_the_command_line_says_it(capsys):
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ccm_secretariat.__version__"}
    with pytest.raises(SystemExit) as done:
        cli(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"ccm-secretariat {application.VERSION}"
    assert application.PRODUCER == f"Secretariat Desk {application.VERSION}"


def test_the_database_records_which_version_made_it(services):
    [(at, by, version, before, after)] = schema_history(services.db)
    assert (version, before, after) == (application.VERSION, None, head_revision())
    assert by == services.db.user and at.year >= 2026


def test_every_document_says_which_version_made_it(demo, demo_meeting, tmp_path):
    import docx
    import openpyxl
    from pypdf import PdfReader

    from ccm_secretariat.domain.participants import ParticipantInput

    first = demo.registration.delegations(demo_meeting.id)[0]
    demo.registration.add_participant(first.id, ParticipantInput("Rojas", "Ana"))  # badges need a person
    demo.seating.draw(demo_meeting.id, "Chile", rows=12, seats_per_row=20)  # the seating plan, a draw
    made = {}
    for name, kind in DOCUMENTS.items():
        for fmt in kind.formats:
            out = tmp_path / f"{name}.{fmt}"
            run_to_end(kind.job(demo, demo_meeting.id, fmt, out))
            made[(name, fmt)] = out
    for (name, fmt), out in made.items():
        if fmt == "pdf":
            assert PdfReader(out).metadata.creator == application.PRODUCER, name
        elif fmt == "docx":
            properties = docx.Document(out).core_properties
            assert (properties.version, properties.comments) == (
                application.VERSION,
                f"Made with {application.PRODUCER}",
            ), name
        else:
            properties = openpyxl.load_workbook(out, read_only=True).properties
            assert (properties.version, properties.description) == (
                application.VERSION,
                f"Made with {application.PRODUCER}",
            ), name
    assert {fmt for _, fmt in made} == {"pdf", "docx", "xlsx"}


@pytest.fixture
def desk_log(tmp_path, monkeypatch):
    """The log's file in a folder of the test's own, installed afresh (and taken away after the test)."""
    from ccm_secretariat import logs

    monkeypatch.setattr(logs, "log_path", lambda: tmp_path / "logs" / "desk.log")
    core, ui = logging.getLogger("ccm_secretariat"), logging.getLogger("ui")
    before = list(core.handlers), core.level, list(ui.handlers)
    for logger in (core, ui):  # a window started earlier in this process installed its own
        logger.handlers[:] = [h for h in logger.handlers if not getattr(h, "_ccm_desk", False)]

    def text() -> str:
        for handler in core.handlers:
            handler.flush()
        return (tmp_path / "logs" / "desk.log").read_text(encoding="utf-8")

    yield text
    for handler in core.handlers:
        if handler not in before[0]:
            handler.close()
    core.handlers[:] = before[0]
    core.setLevel(before[1])
    ui.handlers[:] = before[2]


def test_the_log_records_exports_backups_and_imports_without_personal_data(demo, demo_meeting, tmp_path, desk_log):
    from ccm_secretariat import logs
    from ccm_secretariat.domain.participants import ParticipantInput

    core = logging.getLogger("ccm_secretariat")
    first = demo.registration.delegations(demo_meeting.id)[0]
    demo.registration.add_participant(first.id, ParticipantInput("Zyxwvutsrq", "Ana", email="zyx@example.org"))
    path = logs.install()
    assert logs.install() == path  # once per process
    assert sum(getattr(h, "_ccm_desk", False) for h in core.handlers) == 1
    run_to_end(DOCUMENTS["participants"].job(demo, demo_meeting.id, "pdf", tmp_path / "lop.pdf"))
    run_to_end(DOCUMENTS["participants"].job(demo, demo_meeting.id, "xlsx", tmp_path / "lop.xlsx"))
    if demo.db.sqlite_path is not None:
        demo.db.backup("manual")
    text = desk_log()
    assert f"Secretariat Desk {application.VERSION} started" in text
    assert f"Exported participants as pdf for meeting {demo_meeting.id}" in text
    assert f"Exported participants as xlsx for meeting {demo_meeting.id}" in text
    assert demo.db.sqlite_path is None or "Backed up demo.sqlite3 as demo." in text
    assert "Zyxwvutsrq" not in text and "zyx@example.org" not in text  # the person exported is not logged
    assert path.stat().st_mode & 0o077 == 0  # the user's own


def test_the_command_line_writes_the_log(demo, demo_meeting, tmp_path, desk_log, capsys):
    location = str(demo.db.sqlite_path or demo.db.url.render_as_string(hide_password=False))
    out = tmp_path / "lop.pdf"
    assert cli(["--db", location, "export", "participants", "--format", "pdf", "--out", str(out)]) == 0
    text = desk_log()
    assert "Secretariat Desk" in text and f"Exported participants as pdf for meeting {demo_meeting.id}" in text
    capsys.readouterr()
