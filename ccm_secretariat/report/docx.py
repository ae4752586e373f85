"""The report as an editable Word document (python-docx), for the secretary to finish in Word."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ccm_secretariat.application import PRODUCER, VERSION
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.masthead import PRACTICE_BANNER, Masthead
from ccm_secretariat.progress import Progress
from ccm_secretariat.report import model

if TYPE_CHECKING:
    from typing import Any

FONT = "Times New Roman"
NUMBER_INDENT = Cm(1.2)


def _no_borders(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _ruled(table: Any) -> None:
    """A UN table: a rule above, one under the header row and one below; no grid; a little room in each cell."""
    rule = {"val": "single", "sz": 6, "space": 0, "color": "000000"}
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(
        _element(
            "w:tblBorders",
            *(
                _element(f"w:{edge}", **(rule if edge in ("top", "bottom") else {"val": "nil"}))
                for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
            ),
        )
    )
    tbl_pr.append(
        _element(
            "w:tblCellMar",
            *(
                _element(f"w:{edge}", w=w, type="dxa")
                for edge, w in (("top", 40), ("left", 85), ("bottom", 40), ("right", 85))
            ),
        )
    )
    for cell in table.rows[0].cells:
        cell._tc.get_or_add_tcPr().append(_element("w:tcBorders", _element("w:bottom", **rule)))


def _bottom_rule(paragraph: Any) -> None:
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)


def _run(paragraph: Any, text: str, size: float = 10, bold: bool = False, italic: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
    return run


def _masthead(doc: Any, m: Masthead) -> None:
    if m.practice:
        banner = _run(doc.add_paragraph(), PRACTICE_BANNER.upper(), 10, bold=True)
        banner.font.color.rgb = RGBColor(0xB0, 0, 0)
    top = doc.add_paragraph()
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(top, m.symbol, 15, bold=True)
    _bottom_rule(top)
    top.paragraph_format.space_after = Pt(6)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in ((table.columns[0], left, Cm(11.6)), (table.columns[1], right, Cm(5))):
        column.width = width
        cell.width = width
    _run(left.paragraphs[0], m.meeting_title, 12, bold=True)
    right.paragraphs[0].text = ""
    for line in (f"Distr.: {m.distribution}", un_date(m.date), "", f"Original: {m.original}"):
        _run(right.add_paragraph() if right.paragraphs[0].text or line == "" else right.paragraphs[0], line, 9.5)
    doc.add_paragraph()
    _run(doc.add_paragraph(), m.place_and_dates)
    for i, line in enumerate(m.agenda):
        _run(doc.add_paragraph(), line, bold=bool(i))
    title = doc.add_paragraph()
    title.paragraph_format.left_indent = NUMBER_INDENT
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    _run(title, m.title, 16, bold=True)


NUMBERING_ID = 9001  # the report's own list numbering (an id no template uses)


def _element(tag: str, *children: Any, **attributes: object) -> Any:
    """An OOXML element with w: attributes and children: <w:ind w:left="567"/> is _element("w:ind", left="567")."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    for child in children:
        element.append(child)
    return element


def _paragraph_numbering(doc: Any, first: int) -> int:
    """A numbered list of Word's own ("1.", hanging at the number's indent) starting at `first`: the secretary
    can insert a paragraph in Word and the numbers follow."""
    indent = int(NUMBER_INDENT.twips)
    level = _element(
        "w:lvl",
        _element("w:start", val=1),
        _element("w:numFmt", val="decimal"),
        _element("w:lvlText", val="%1."),
        _element("w:lvlJc", val="left"),
        _element(
            "w:pPr",
            _element("w:tabs", _element("w:tab", val="num", pos=indent)),
            _element("w:ind", left=indent, hanging=indent),
        ),
        ilvl=0,
    )
    abstract = _element("w:abstractNum", level, abstractNumId=NUMBERING_ID)
    num = _element(
        "w:num",
        _element("w:abstractNumId", val=NUMBERING_ID),
        _element("w:lvlOverride", _element("w:startOverride", val=first), ilvl=0),
        numId=NUMBERING_ID,
    )
    # The schema's order: picture bullets, abstract definitions, lists, then numIdMacAtCleanup.
    numbering = doc.part.numbering_part.element
    for element, before in ((abstract, "w:num"), (num, "w:numIdMacAtCleanup")):
        anchor = numbering.find(qn(before))
        if anchor is not None:
            anchor.addprevious(element)
        else:
            numbering.append(element)
    return NUMBERING_ID


def _numbered(doc: Any, number: int, text: str, placeholder: bool, numbering: int | None = None) -> None:
    """A numbered paragraph: in Word's list numbering when the report's numbers run on (`numbering`), else with
    the number typed before a tab."""
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent = NUMBER_INDENT
    fmt.first_line_indent = -NUMBER_INDENT
    fmt.tab_stops.add_tab_stop(NUMBER_INDENT)
    fmt.space_after = Pt(6)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if numbering is None:
        _run(p, f"{number}.\t")
    else:
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()  # in the place the schema gives it
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = numbering
    run = _run(p, text, italic=placeholder)
    if placeholder:
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _subparagraph(doc: Any, text: str) -> None:
    label, _, rest = text.partition(" ")
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent = NUMBER_INDENT * 2
    fmt.first_line_indent = -NUMBER_INDENT
    fmt.tab_stops.add_tab_stop(NUMBER_INDENT * 2)
    fmt.space_after = Pt(6)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _run(p, f"{label}\t{rest}")


TEXT_WIDTH = 16.6  # cm between the margins


def _table(doc: Any, model_table: model.DocumentTable, text_width: float = TEXT_WIDTH) -> None:
    table = doc.add_table(rows=1, cols=len(model_table.header))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _ruled(table)
    for cell, text in zip(table.rows[0].cells, model_table.header):
        _run(cell.paragraphs[0], text, 9.5, italic=True)
    for row in model_table.rows:
        for cell, text in zip(table.add_row().cells, row):
            _run(cell.paragraphs[0], text, 9.5)
    table.autofit = False
    for column, share in zip(table.columns, model_table.widths):
        width = Cm(text_width * share)
        column.width = width
        for cell in column.cells:
            cell.width = width


def report_docx(report: model.Report, out: str | Path, landscape: bool = False) -> Iterator[Progress]:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    text_width = TEXT_WIDTH
    if landscape:  # a long programme of work
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = Cm(21.0), Cm(29.7)
        text_width = 29.7 - 2 * 2.2
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after, normal.paragraph_format.line_spacing = Pt(0), 1.0  # not the template's
    section.different_first_page_header_footer = True  # the masthead carries the symbol on page 1
    header = section.header.paragraphs[0]
    _run(header, report.masthead.symbol, 9, bold=True)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _masthead(doc, report.masthead)
    yield Progress(1, 3, "Masthead")
    heading = doc.styles["Heading 1"]  # black, in the document's font, as UN chapter headings are
    heading.font.name, heading.font.size, heading.font.bold = FONT, Pt(11.5), True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # the theme's font wins else
        heading.element.rPr.rFonts.attrib.pop(qn(theme), None)
    doc.core_properties.title = f"{report.masthead.title} ({report.masthead.symbol})"
    doc.core_properties.author = "Secretariat"
    doc.core_properties.comments = f"Made with {PRODUCER}"
    doc.core_properties.version = VERSION
    numbers = [b.number for b in report.paragraphs()]
    runs_on = bool(numbers) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    numbering = _paragraph_numbering(doc, numbers[0]) if runs_on else None
    for block in report.blocks:
        if isinstance(block, model.DocumentTable):
            _table(doc, block, text_width)
            continue
        if isinstance(block, model.Heading):
            p = doc.add_paragraph(style="Heading 1")  # Word's own heading: the navigation pane, a contents list
            p.paragraph_format.space_before = Pt(10)
            p.paragraph_format.space_after = Pt(8)
            p.paragraph_format.keep_with_next = True
            _run(p, block.text, 11.5, bold=True)
            continue
        _numbered(doc, block.number, block.text, block.placeholder, numbering)
        for sub in block.subparagraphs:
            _subparagraph(doc, sub)
    yield Progress(2, 3, "Paragraphs")
    if report.annex:
        title = doc.add_paragraph()
        title.paragraph_format.page_break_before = True
        _run(title, report.annex.title, 12, bold=True)
        _run(doc.add_paragraph(), report.annex.subtitle, 12, bold=True)
        for table_model in report.annex.tables:
            _table(doc, table_model)
            doc.add_paragraph()
    with atomic_path(out) as temporary:
        doc.save(str(temporary))
    yield Progress(3, 3, "Report", Path(out))
