"""No change in what the documents say: every document of the registry, in every format and in the variants the
desk offers, written for the demo conference and for a synthetic meeting of 300 participants, read back as text
(pypdf, python-docx, openpyxl) and compared with the golden files under tests/golden/documents/, made from the
code before the documents were reshaped (issue 22). A change in a document that is meant is written again with
`CCM_GOLDEN_UPDATE=1` and shows in the diff of the golden files."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil

import pytest

from ccm_secretariat.progress import run_for
from ccm_secretariat.samples.demo import existing_demo
from ccm_secretariat.samples.synth import synthesise
from ccm_secretariat.services import open_services
from tests import backends
from tests.core.document_text import CASES, GOLDEN, write_every_document

UPDATE = os.environ.get("CCM_GOLDEN_UPDATE") == "1"


@pytest.fixture(scope="module")
def meetings(request, tmp_path_factory, server_templates):
    """The demo and a synthetic meeting (300 participants, seed 7) in one database, each with a seating plan
    drawn from a State named (the desk's own draw is random)."""
    if backends.ON_POSTGRES:
        location = backends.create_database(server_templates[1])
    else:
        location = tmp_path_factory.mktemp("golden") / "desk.sqlite3"
        shutil.copy(request.getfixturevalue("demo_template"), location)
    services = open_services(location)
    demo = existing_demo(services)
    assert demo is not None
    found = {"demo": demo.id, "synth": run_for(synthesise(services, 300, 7), int)}
    for meeting_id in found.values():
        services.seating.draw(meeting_id, "Chile", rows=10, seats_per_row=30, today=dt.date(2026, 9, 1))
    yield services, found
    services.close()
    if backends.ON_POSTGRES:
        backends.drop_database(location)


@pytest.mark.parametrize("meeting", ["demo", "synth"])
def test_every_document_says_what_it_said(meetings, meeting, tmp_path):
    services, ids = meetings
    texts = write_every_document(services, ids[meeting], tmp_path)
    folder = GOLDEN / meeting
    assert set(texts) == {name for name, *_ in CASES}
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    changed = []
    for name, text in texts.items():
        golden = folder / f"{name}.txt"
        expected = golden.read_text(encoding="utf-8") if golden.exists() else "(no golden file)\n"
        if text != expected:
            diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), "golden", "now", lineterm="", n=1)
            changed.append(f"{meeting}/{name}:\n" + "\n".join(list(diff)[:40]))
    assert not changed, "\n\n".join(changed)
