"""The report as an editable Word document (python-docx), for the secretary to finish in Word.

Every paragraph carries one of the document's styles (docx_styles) and no direct formatting but emphasis; the
chapters and paragraphs are numbered by Word's list numbering tied to those styles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ccm_secretariat.domain.symbols import ods_link
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.masthead import Masthead, masthead_lines
from ccm_secretariat.language import forms
from ccm_secretariat.progress import Progress
from ccm_secretariat.report import model
from ccm_secretariat.report.docx_styles import (
    LANGUAGES,
    define_numbering,
    define_styles,
    element,
    headers_and_footers,
    properties,
)

if TYPE_CHECKING:
    from typing import Any

TEXT_WIDTH = 16.6  # cm between the margins
LETTERS = [f"({chr(ord('a') + i)})" for i in range(26)]


def _text(paragraph: Any, text: str, marked: bool = False) -> Any:
    """The text in runs; a decision's (`marked`) with its markup's emphasis in the Emphasis character style."""
    for piece, emphasised in model.spans(text) if marked else [(text, False)]:
        run = paragraph.add_run(piece)
        if emphasised:
            run.style = "Emphasis"
    return paragraph


def _link(paragraph: Any, symbol: str) -> Any:
    """A document symbol as a link to its record in the Official Documents System (the Hyperlink style)."""
    text = OxmlElement("w:t")
    text.text = symbol
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(ods_link(symbol), RT.HYPERLINK, is_external=True))
    link.append(element("w:r", element("w:rPr", element("w:rStyle", val="Hyperlink")), text))
    paragraph._p.append(link)
    return paragraph


def _para(doc: Any, style: str, text: str = "") -> Any:
    return _text(doc.add_paragraph(style=style), text)


def _masthead(doc: Any, m: Masthead) -> None:
    if m.practice:
        _para(doc, "Practice Banner", forms(m.language).phrase("practice_banner").upper())
    _para(doc, "Masthead Symbol", m.symbol)
    table = doc.add_table(rows=1, cols=2)
    borders = element("w:tblBorders", *(element(f"w:{e}", val="nil") for e in ("top", "left", "bottom", "right")))
    table._tbl.tblPr.append(borders)
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in ((table.columns[0], left, Cm(11.6)), (table.columns[1], right, Cm(5))):
        column.width = width
        cell.width = width
    left.paragraphs[0].style = "Masthead Meeting"
    _text(left.paragraphs[0], m.meeting_title)
    right.paragraphs[0].style = "Masthead Distribution"
    distribution, date, original = masthead_lines(m)
    _text(right.paragraphs[0], distribution)
    right.add_paragraph(date, style="Masthead Distribution")
    right.add_paragraph(original, style="Masthead Original")
    _para(doc, "Place and Dates", m.place_and_dates)
    for i, line in enumerate(m.agenda):
        _para(doc, "Agenda Item Title" if i else "Normal", line)
    _para(doc, "Title", m.title)


def _table(doc: Any, model_table: model.DocumentTable, text_width: float, heading: str) -> None:
    """A table in the UN Table style: its header row repeats on every page, no row splits across pages, and
    its title (if any) is kept with it."""
    if model_table.title:
        _para(doc, heading, model_table.title)
    table = doc.add_table(rows=1, cols=len(model_table.header))
    table.style = doc.styles["UN Table"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, model_table.header):
        cell.paragraphs[0].style = "Table Heading"
        cell.paragraphs[0].add_run(text)
    for row in model_table.rows:
        for i, (cell, text) in enumerate(zip(table.add_row().cells, row)):
            cell.paragraphs[0].style = "Table Text"
            (_link if i == model_table.symbols else _text)(cell.paragraphs[0], text)
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(element("w:cantSplit"))
        if i == 0:
            tr_pr.append(element("w:tblHeader"))
    table.autofit = False
    for column, share in zip(table.columns, model_table.widths):
        width = Cm(text_width * share)
        column.width = width
        for cell in column.cells:
            cell.width = width


def _page(doc: Any, landscape: bool) -> float:
    """A4 with the UN's margins; returns the text width in cm."""
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    text_width = TEXT_WIDTH
    if landscape:  # a long programme of work
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = Cm(21.0), Cm(29.7)
        text_width = 29.7 - 2 * 2.2
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    return text_width


def _numbers_run_on(report: model.Report) -> bool:
    numbers = [p.number for p in report.paragraphs() if not p.placeholder]
    return not numbers or numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _block(doc: Any, block: model.Block, text_width: float, run_on: bool) -> None:
    if isinstance(block, model.DocumentTable):
        _table(doc, block, text_width, "Heading 2")
    elif isinstance(block, model.Heading):
        # A chapter in Word's own numbered Heading 1 (the navigation pane, a contents list); other headings
        # (a day of the programme, a series) in Heading 2.
        _para(doc, "Heading 1" if block.label else "Heading 2", block.text)
    elif block.placeholder:
        _para(doc, "Placeholder", block.text)
    else:
        p = _para(doc, "Numbered Paragraph")
        if not run_on:  # numbers that do not follow on (agenda items 1, 2, 5): typed, the list switched off
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val, num_pr.get_or_add_numId().val = 0, 0
            p.add_run(f"{block.number}.\t")
        _text(p, block.text, block.marked)
        lettered = [sub.partition(" ")[0] for sub in block.subparagraphs] == LETTERS[: len(block.subparagraphs)]
        for sub in block.subparagraphs:
            if lettered:  # Word letters them: (a), (b) …
                _text(_para(doc, "Sub-item"), sub.partition(" ")[2], block.marked)
            else:
                s = _para(doc, "Sub-item")
                num_pr = s._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val, num_pr.get_or_add_numId().val = 1, 0
                _text(s, sub.replace(" ", "\t", 1), block.marked)


def report_docx(report: model.Report, out: str | Path, landscape: bool = False) -> Iterator[Progress]:
    doc = Document()
    text_width = _page(doc, landscape)
    lang = LANGUAGES.get(forms(report.masthead.language).english_name, "en-GB")  # the document's, not the original's
    define_styles(doc, lang)
    run_on = _numbers_run_on(report)
    numbered = [p.number for p in report.paragraphs() if not p.placeholder]
    define_numbering(doc, numbered[0] if numbered and run_on else 1)
    headers_and_footers(doc, report.masthead.symbol)
    properties(doc, f"{report.masthead.title} ({report.masthead.symbol})", lang)
    _masthead(doc, report.masthead)
    yield Progress(1, 3, "Masthead")
    for block in report.blocks:
        _block(doc, block, text_width, run_on)
    yield Progress(2, 3, "Paragraphs")
    if report.annex:
        _para(doc, "Annex Heading", report.annex.title)
        _para(doc, "Annex Title", report.annex.subtitle)
        for i, table_model in enumerate(report.annex.tables):
            if i and not table_model.title:
                doc.add_paragraph(style="Table Separator")
            _table(doc, table_model, TEXT_WIDTH, "Heading 2")
    with atomic_path(out) as temporary:
        doc.save(str(temporary))
    yield Progress(3, 3, "Report", Path(out))
