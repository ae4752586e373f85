"""Documents found by their type in the register and officers by their role, never by the English words of a
title; migration 0015 classifies what an older database holds by those words, once."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import sqlalchemy as sa

from ccm_secretariat.domain.enums import DocumentType, OfficerRole
from ccm_secretariat.report.builder import build_report
from ccm_secretariat.report.meeting_documents import MeetingData, build_agenda, build_programme
from ccm_secretariat.samples.demo import DEMO_FILE
from ccm_secretariat.services import open_services
from ccm_secretariat.services.documents import DocumentInput
from tests.backends import sqlite_only
from tests.core.meetings import fourteenth_msp


def test_a_document_keeps_its_type_through_the_register(services):
    m = fourteenth_msp(services)
    row = services.documents.add(m.id, DocumentInput("CCM/MSP/2026/1", "Ordre du jour provisoire"))
    assert row.doc_type is DocumentType.OTHER  # nothing guessed from the words of its title
    changed = services.documents.update(
        row.id, DocumentInput(row.symbol, row.title, doc_type=DocumentType.AGENDA), row.version
    )
    assert changed.doc_type is DocumentType.AGENDA
    assert services.documents.list(m.id)[0].doc_type is DocumentType.AGENDA


def test_the_agenda_programme_and_report_are_found_by_their_type_not_their_title(services):
    m = fourteenth_msp(services)
    docs = services.documents
    docs.add(m.id, DocumentInput("CCM/MSP/2026/1", "Provisional agenda"))  # English words, but not typed so
    docs.add(m.id, DocumentInput("CCM/MSP/2026/2", "Ordre du jour provisoire", doc_type=DocumentType.AGENDA))
    docs.add(m.id, DocumentInput("CCM/MSP/2026/3", "Programa de trabajo", doc_type=DocumentType.PROGRAMME))
    docs.add(m.id, DocumentInput("CCM/MSP/2026/L.1", "Another paper"))
    docs.add(m.id, DocumentInput("CCM/MSP/2026/L.2", "Projet de rapport", doc_type=DocumentType.REPORT))
    data = MeetingData.read(services, m.id)
    assert build_agenda(data).masthead.symbol == "CCM/MSP/2026/2"
    assert build_agenda(data).masthead.title == "Ordre du jour provisoire"
    assert build_programme(data).masthead.symbol == "CCM/MSP/2026/3"
    services.meetings.add_officer(m.id, "Présidente", name="Ana Pérez", kind=OfficerRole.PRESIDENT)
    services.meetings.add_officer(m.id, "Secrétaire", name="Ines Lutz", kind=OfficerRole.SECRETARY)
    report = build_report(services, m.id)
    assert (report.masthead.symbol, report.masthead.title) == ("CCM/MSP/2026/L.2", "Projet de rapport")
    texts = [p.text for p in report.paragraphs()]
    assert "Ana Pérez was designated as President of the 14MSP." in texts
    assert "Ines Lutz served as Secrétaire." in texts  # the title as the secretary wrote it
    assert any("(CCM/MSP/2026/2) and provisional programme of work (CCM/MSP/2026/3)" in t for t in texts)


def test_with_no_report_in_the_register_the_first_limited_document_gives_the_symbol(services):
    m = fourteenth_msp(services)
    services.documents.add(m.id, DocumentInput("CCM/MSP/2026/L.1", "Draft report"))
    assert build_report(services, m.id).masthead.symbol == "CCM/MSP/2026/L.1"


@sqlite_only
def test_migration_0015_classifies_an_older_databases_documents_and_officers_as_the_demo_types_them(
    demo_template, tmp_path
):
    """The demo, taken back to 0014 (no types), then upgraded: every document and officer gets the type the demo
    file gives it, from the words the desk used to read."""
    from alembic import command

    from ccm_secretariat.storage import schema

    path = tmp_path / "older.sqlite3"
    shutil.copy(demo_template, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    cfg = schema.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")
        assert "kind" not in {c["name"] for c in sa.inspect(conn).get_columns("document")}
    engine.dispose()
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    services = open_services(path)  # upgrades to the head
    try:
        meeting = services.meetings.list()[0]
        found = {d.symbol: d.doc_type.value for d in services.documents.list(meeting.id)}
        later = {"work_plan_budget", "multi_year_budget", "estimated_costs"}  # kinds added since: set by hand
        kinds = {d["symbol"]: d.get("kind", "other") for d in demo["documents"]}
        assert found == {symbol: "other" if kind in later else kind for symbol, kind in kinds.items()}
        roles = [(o.role, o.kind.value) for o in meeting.officers]
        assert roles == [(o["role"], o.get("kind", "other")) for o in demo["meeting"]["officers"]]
        for d in services.documents.list(meeting.id):  # the demo's paragraphs 64 and 71 ask for these kinds
            if kinds[d.symbol] in later:
                kind = DocumentType(kinds[d.symbol])
                services.documents.update(d.id, DocumentInput(d.symbol, d.title, doc_type=kind), d.version)
        report = build_report(services, meeting.id)
        assert report.masthead.symbol == "CCM/CONF/2020/L.1"
        assert report.masthead.date == dt.date(2020, 12, 10)
    finally:
        services.close()
