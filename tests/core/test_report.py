"""The draft procedural report against the seed, word for word where the issue asks for it."""

import re
from dataclasses import replace

import pytest
from docx import Document
from pypdf import PdfReader

from ccm_secretariat.progress import run_to_end
from ccm_secretariat.report.builder import build_report
from ccm_secretariat.report.docx import report_docx
from ccm_secretariat.report.participation import participation_paragraphs
from ccm_secretariat.report.pdf import report_pdf
from tests.core.docx_read import numbered_paragraphs

# The seed's own typing slips, corrected before comparing (the data spell the names right).
SEED_SLIPS = {"Cluster Muniton Coalition": "Cluster Munition Coalition"}


def seed_paragraph(seed: str, number: int) -> str:
    text = re.search(rf"^{number}\. (.*)$", seed, re.M).group(1).strip()
    for slip, right in SEED_SLIPS.items():
        text = text.replace(slip, right)
    return text


def seed_annex(seed: str) -> list[tuple[str, str]]:
    annex = seed.split("\nAnnex\n", 1)[1]
    return [tuple(line.split("\t", 1)) for line in annex.splitlines() if line.startswith("CCM/")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_participation_paragraphs_are_the_seeds_paragraphs_12_to_16(demo, demo_meeting, seed_text):
    report = build_report(demo, demo_meeting.id)
    texts = [p.text for p in report.paragraphs()]
    expected = [seed_paragraph(seed_text, n) for n in range(12, 17)]
    start = texts.index(expected[0])
    assert texts[start : start + 5] == expected


def test_annex_lists_every_document_as_in_the_seed(demo, demo_meeting, seed_text):
    report = build_report(demo, demo_meeting.id)
    rows = [row for table in report.annex.tables for row in table.rows]
    assert rows == seed_annex(seed_text)
    assert len(rows) == 30
    assert [len(t.rows) for t in report.annex.tables] == [17, 13]  # main series and L., then the others
    # Each under its own header row, as the seed prints them: no heading the seed does not have.
    assert [(t.header, t.title) for t in report.annex.tables] == [(("Symbol", "Title"), "")] * 2


def test_other_generated_paragraphs(demo, demo_meeting, seed_text):
    texts = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    assert (
        seed_paragraph(seed_text, 18) in texts
    )  # "The Conference held nine formal plenary meetings in virtual format."
    assert seed_paragraph(seed_text, 10) in texts  # the Director of the ISU
    assert seed_paragraph(seed_text, 17) in texts  # the opening by the President
    assert seed_paragraph(seed_text, 22) in texts  # the Vice-Presidents, on the basis the records give
    decisions = [
        p
        for p in build_report(demo, demo_meeting.id).paragraphs()
        if p.text.startswith("In this regard, the Conference noted that the Convention would benefit from Bulgaria")
    ]
    assert decisions[0].subparagraphs[0].startswith("(a) Progress made on the destruction")
    paragraphs = build_report(demo, demo_meeting.id).paragraphs()
    numbers = [p.number for p in paragraphs if not p.placeholder]
    assert numbers == list(range(1, len(numbers) + 1))  # a placeholder takes no number
    assert all(p.number == 0 for p in paragraphs if p.placeholder)


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Angola"], "Angola."),
        (["Angola", "Cyprus"], "Angola and Cyprus."),
        (["Angola", "Cyprus", "Indonesia"], "Angola, Cyprus, and Indonesia."),
    ],
)
def test_one_two_and_many_names_and_empty_categories_left_out(demo, demo_meeting, names, expected):
    rows = [r for r in demo.registration.delegations(demo_meeting.id) if r.name in names]
    paragraphs = participation_paragraphs(rows, demo_meeting.settings, "Meeting", demo_meeting.profile)
    assert paragraphs == [
        f"The following States signatories to the Convention participated in the work of the "
        f"Meeting as observers: {expected}"
    ]


def test_serial_comma_is_a_setting(demo, demo_meeting):
    rows = [r for r in demo.registration.delegations(demo_meeting.id) if r.name in ("Angola", "Cyprus", "Indonesia")]
    text = participation_paragraphs(
        rows, replace(demo_meeting.settings, serial_comma_states=False), "Conference", demo_meeting.profile
    )[0]
    assert text.endswith("Angola, Cyprus and Indonesia.")


def test_report_pdf_and_docx_read_back(demo, demo_meeting, seed_text, tmp_path):
    report = build_report(demo, demo_meeting.id)
    last = run_to_end(report_pdf(report, tmp_path / "report.pdf"))
    assert last.path == tmp_path / "report.pdf" and not last.warnings
    pdf_text = squash(" ".join(page.extract_text() for page in PdfReader(tmp_path / "report.pdf").pages))
    assert "CCM/CONF/2020/L.1" in pdf_text and "Distr.: Limited" in pdf_text and "10 December 2020" in pdf_text
    assert "Interim report of the Second Review Conference" in pdf_text
    for n in (12, 13, 14):
        assert squash(seed_paragraph(seed_text, n)) in pdf_text
    assert "Humanity & Inclusion" in pdf_text  # an ampersand prints as itself
    assert "CCM/CONF/2020/MISC.1 Provisional list of participants" in pdf_text

    run_to_end(report_docx(report, tmp_path / "report.docx"))
    doc = Document(tmp_path / "report.docx")
    numbered = numbered_paragraphs(tmp_path / "report.docx")  # in Word's own list numbering
    for n in range(12, 17):
        assert seed_paragraph(seed_text, n) in numbered.values(), n
    assert sorted(numbered) == list(range(1, len(numbered) + 1))  # numbered on, from 1
    annex = [(row.cells[0].text, row.cells[1].text) for table in doc.tables[1:] for row in table.rows[1:]]
    assert annex == seed_annex(seed_text)
    assert "CCM/CONF/2020/L.1" in doc.sections[0].header.paragraphs[0].text
