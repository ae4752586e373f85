"""The Word files as a secretariat hands them on: read back part by part (python-docx and the XML), and, where
LibreOffice is installed, laid out and read as pages."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from ccm_secretariat.application import APP_NAME
from ccm_secretariat.documents.registry import DOCUMENTS
from ccm_secretariat.domain.enums import CredentialsKind
from ccm_secretariat.domain.names import un_sort_key
from ccm_secretariat.progress import run_to_end
from ccm_secretariat.report.builder import build_report
from tests.core.docx_read import labelled
from tests.core.meetings import fourteenth_msp
from tests.core.pdf_text import laid_out_pages

NAMES = ("report", "agenda", "programme", "documents-list", "credentials")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def word_files(demo, demo_meeting, tmp_path):
    files = {}
    for name in NAMES:
        files[name] = tmp_path / f"{name}.docx"
        run_to_end(DOCUMENTS[name].job(demo, demo_meeting.id, "docx", files[name]))
    return files


def _page_fields(part) -> list[str]:
    return [t.text.strip() for t in part._element.iter(qn("w:instrText"))] + [
        f.get(qn("w:instr")).strip() for f in part._element.iter(qn("w:fldSimple"))
    ]


def test_every_page_after_the_first_has_the_symbol_above_and_its_number_below(word_files):
    for name, path in word_files.items():
        d = docx.Document(path)
        section = d.sections[0]
        symbol = docx.Document(path).paragraphs[0].text
        assert symbol.startswith("CCM/CONF/2020/"), name
        assert section.different_first_page_header_footer and d.settings.odd_and_even_pages_header_footer, name
        for header, footer, side in (
            (section.even_page_header, section.even_page_footer, "Header"),
            (section.header, section.footer, "Header Right"),
        ):
            top = header.paragraphs[0]
            assert top.text == symbol and top.style.name == side, name
            assert top.style.element.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None  # ruled
            assert _page_fields(footer) == ["PAGE"], name
        assert section.first_page_header.paragraphs[0].text == "" and not _page_fields(section.first_page_footer)
    even = docx.Document(word_files["report"]).styles
    assert even["Header"].paragraph_format.alignment is None and even["Header Right"].element.pPr.jc_val == 2


def _runs(d):
    for p in d.paragraphs:
        yield from p.runs
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs


def test_the_text_carries_styles_not_direct_formatting(word_files):
    for name, path in word_files.items():
        d = docx.Document(path)
        for run in _runs(d):
            r_pr = run._r.rPr
            direct = [c.tag.replace(W, "") for c in r_pr if c.tag != qn("w:rStyle")] if r_pr is not None else []
            assert not direct, (name, run.text, direct)
            assert run.style.name in ("Default Paragraph Font", "Emphasis"), (name, run.text)
        for p in d.paragraphs:
            if p.style.name != "Table Separator":  # Word joins two tables that touch: one paragraph between them
                assert p.text.strip(), (name, "an empty paragraph for spacing")
            p_pr = p._p.pPr
            kept = {c.tag.replace(W, "") for c in p_pr} - {"pStyle", "numPr"} if p_pr is not None else set()
            assert not kept, (name, p.text, kept)
        # Headings, the title and Normal in the document's font, black: the template's blue Calibri gone.
        for style in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
            element = d.styles[style].element
            assert element.find(f"{qn('w:rPr')}/{qn('w:color')}") is None, style
            fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            assert fonts is None or fonts.get(qn("w:ascii")) == "Times New Roman", style
        defaults = d.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
        assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"  # the document's language and variety
        assert d.styles["Normal"].element.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"


def _style_numbering(d, style: str) -> tuple[str, str]:
    """(numFmt, lvlText) of the list level a style carries."""
    num_pr = d.styles[style].element.pPr.find(qn("w:numPr"))
    num_id, level = num_pr.find(qn("w:numId")).get(qn("w:val")), num_pr.find(qn("w:ilvl")).get(qn("w:val"))
    numbering = d.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    lvl = next(lv for lv in abstract.findall(qn("w:lvl")) if lv.get(qn("w:ilvl")) == level)
    assert lvl.find(qn("w:pStyle")).get(qn("w:val")) == d.styles[style].style_id  # the level names its style
    return lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val"))


def test_chapters_paragraphs_and_sub_items_are_numbered_by_their_styles(word_files, seed_text):
    d = docx.Document(word_files["report"])
    assert _style_numbering(d, "Heading 1") == ("upperRoman", "%1.")
    assert _style_numbering(d, "Numbered Paragraph") == ("decimal", "%1.")
    assert _style_numbering(d, "Sub-item") == ("lowerLetter", "(%2)")
    shown = labelled(word_files["report"])
    assert [label for label, _, style in shown if style == "Heading 1"] == ["I.", "II.", "III.", "IV."]
    numbers = [label for label, _, style in shown if style == "Numbered Paragraph"]
    assert numbers == [f"{n}." for n in range(1, len(numbers) + 1)]
    subs = [label for label, _, style in shown if style == "Sub-item"]
    # Lettered again under each paragraph: the Article's three purposes (1), then Bulgaria's four points (34).
    assert subs[:8] == ["(a)", "(b)", "(c)", "(a)", "(b)", "(c)", "(d)", "(a)"]
    assert not any(c.isdigit() for _, text, _ in shown for c in text[:2] if text.startswith(tuple("0123456789")))
    assert not [text for _, text, _ in shown if text.startswith("[")]  # the demo's history is recorded


def test_a_placeholder_takes_no_number_and_its_own_style(services, tmp_path):
    meeting = fourteenth_msp(services)  # no history recorded: the introduction is a placeholder
    path = tmp_path / "report.docx"
    run_to_end(DOCUMENTS["report"].job(services, meeting.id, "docx", path))
    placeholders = [(label, style) for label, text, style in labelled(path) if text.startswith("[")]
    assert placeholders and all(label == "" and style == "Placeholder" for label, style in placeholders)


def test_a_paragraph_inserted_in_chapter_iv_as_a_secretary_would_is_numbered_and_the_rest_follow(word_files, tmp_path):
    path = word_files["report"]
    before = labelled(path)
    chapter_iv = next(i for i, (label, _, _) in enumerate(before) if label == "IV.")
    label, second_text, _ = before[chapter_iv + 2]  # the chapter's second paragraph
    d = docx.Document(path)
    target = next(p for p in d.paragraphs if p.text == second_text)
    target.insert_paragraph_before("The Conference welcomed the new paragraph.", style="Numbered Paragraph")
    edited = tmp_path / "edited.docx"
    d.save(edited)
    after = {text: label for label, text, _ in labelled(edited)}
    n = int(label[:-1])
    assert after["The Conference welcomed the new paragraph."] == f"{n}."
    assert after[second_text] == f"{n + 1}."
    last = [lb for lb, _, style in before if style == "Numbered Paragraph"][-1]
    assert [lb for lb, _, style in labelled(edited) if style == "Numbered Paragraph"][-1] == f"{int(last[:-1]) + 1}."
    if shutil.which("soffice"):  # the numbers a word processor lays out, read from its PDF
        text = _as_pdf(edited, tmp_path)
        assert f"{n}. The Conference welcomed the new paragraph." in text
        assert f"{n + 1}. {second_text[:40]}" in text


def _as_pdf(path, tmp_path) -> str:
    return " ".join(" ".join(page.split()) for page in laid_out_pages(path, tmp_path))


def test_tables_repeat_their_header_rows_keep_rows_whole_and_wear_a_named_style(word_files):
    for name in ("report", "programme", "documents-list"):
        d = docx.Document(word_files[name])
        tables = d.tables[1:]  # the masthead's table first
        assert tables, name
        for table in tables:
            assert table.style.name == "UN Table"
            first = table.rows[0]._tr.trPr
            assert first.find(qn("w:tblHeader")) is not None
            assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
            assert table._tbl.getprevious().tag == qn("w:p")  # a heading or a separator before each table
    d = docx.Document(word_files["documents-list"])
    languages = d.tables[1].columns[2].width
    assert languages.cm >= 4.0  # "AR EN ES FR RU ZH" on one line at 9.5 points
    annex = docx.Document(word_files["report"])
    headings = [p for p in annex.paragraphs if p.style.name in ("Annex Title", "Heading 2")]
    assert all(p.style.paragraph_format.keep_with_next for p in headings)


def test_properties_are_the_export_s(word_files):
    path = word_files["report"]
    d = docx.Document(path)
    core = d.core_properties
    now = dt.datetime.now(dt.UTC)
    assert abs((now - core.created.replace(tzinfo=dt.UTC)).total_seconds()) < 600 and core.modified == core.created
    assert core.last_modified_by == "Secretariat" and core.author == "Secretariat" and core.language == "en-GB"
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
        settings = z.read("word/settings.xml").decode()
        assert not any("thumbnail" in n for n in z.namelist())
    assert f"<Application>{APP_NAME}</Application>" in app and "Macintosh" not in app
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "proofState" not in settings


def test_inter_alia_is_italic_not_asterisks_in_every_format(demo, demo_meeting, tmp_path):
    # Only a decision's text carries the markup: a name with asterisks is printed as registered.
    org = demo.reference.add_organisation("Action *Now* Network", "", "ngo", "1(3)")
    added = demo.registration.add_organisation_delegation(demo_meeting.id, org.id)
    demo.registration.set_presence([added.id], 1, True)
    run_to_end(DOCUMENTS["report"].job(demo, demo_meeting.id, "docx", tmp_path / "r.docx"))
    run_to_end(DOCUMENTS["report"].job(demo, demo_meeting.id, "pdf", tmp_path / "r.pdf"))
    d = docx.Document(tmp_path / "r.docx")
    emphasised = [r.text for p in d.paragraphs for r in p.runs if r.style.name == "Emphasis"]
    assert "inter alia" in emphasised
    assert [p.text.count("*") for p in d.paragraphs if "*" in p.text] == [2]  # the name's own asterisks only
    assert any("Action *Now* Network" in p.text for p in d.paragraphs)
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "inter alia" in text and "*inter" not in text and "Action *Now* Network" in text
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in PdfReader(tmp_path / "r.pdf").pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("Italic" in f for f in fonts)


def test_every_list_of_states_is_in_alphabetical_order(demo, demo_meeting):
    reg = demo.registration
    rows = {d.name: d for d in reg.delegations(demo_meeting.id)}
    chosen = ["Zambia", "San Marino", "Cyprus", "Angola", "Austria"]
    ids = [rows[n].id for n in chosen if n in rows]
    assert len(ids) >= 4
    reg.set_credentials(ids, True, CredentialsKind.ORIGINAL, dt.date(2020, 11, 20))
    texts = [p.text for p in build_report(demo, demo_meeting.id).paragraphs()]
    formal = next(t for t in texts if t.startswith("Formal credentials"))
    names = formal.split(": ", 1)[1].rstrip(".").replace(", and ", ", ").replace(" and ", ", ").split(", ")
    assert names == sorted(names, key=un_sort_key) and len(names) == len(ids)


def test_a_chapter_with_nothing_to_say_prints_no_heading(services):
    meeting = fourteenth_msp(services)
    report = build_report(services, meeting.id)
    headings = [b for b in report.blocks if type(b).__name__ == "Heading"]
    labels = [h.label for h in headings]
    assert labels == ["I.", "II.", "III."][: len(labels)]
    assert "Work of the 14MSP" not in [h.text for h in headings]  # nothing said of its work yet


def test_a_document_is_dated_as_the_register_says_and_the_agenda_titled_as_it_is_registered(demo, demo_meeting):
    from dataclasses import replace

    from ccm_secretariat.domain.enums import AgendaStatus
    from ccm_secretariat.report.meeting_documents import MeetingData, build_agenda

    data = MeetingData.read(demo, demo_meeting.id)
    # The register gives the agenda no date: the meeting's first day, not the day it is printed again.
    assert build_agenda(data).masthead.date == dt.date(2020, 11, 25)
    dated = tuple(
        replace(d, issue_date=dt.date(2020, 10, 2)) if d.symbol == "CCM/CONF/2020/1" else d for d in data.documents
    )
    assert build_agenda(replace(data, documents=dated)).masthead.date == dt.date(2020, 10, 2)
    pending = tuple(replace(i, status=AgendaStatus.PROVISIONAL) for i in data.items)
    assert (
        build_agenda(replace(data, items=pending)).masthead.title
        == "Provisional Agenda for the Second Review Conference"
    )
    assert build_agenda(data).masthead.title == "Agenda"  # adopted
