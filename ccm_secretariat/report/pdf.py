"""The report as a PDF (reportlab platypus): UN masthead, numbered paragraphs with hanging numbers, annex."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from ccm_secretariat.application import PRODUCER
from ccm_secretariat.domain.prose import counted
from ccm_secretariat.domain.symbols import ods_link
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.fonts import FontSet, visual
from ccm_secretariat.exports.masthead import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    draw_masthead,
    draw_running_header,
)
from ccm_secretariat.progress import Progress
from ccm_secretariat.report import model

NUMBER_INDENT = 34.0


def markup(text: str, fonts: FontSet, style: str = "regular") -> str:
    """Escape `text` for a platypus Paragraph, switching fonts for characters the family lacks."""
    if fonts.is_simple(text, style):
        return escape(text)
    primary = fonts.font(style)
    return "".join(
        escape(part) if font == primary else f'<font name="{font}">{escape(part)}</font>'
        for font, part in fonts.runs(visual(text), style, text)
    )


def rich(text: str, fonts: FontSet, style: str = "regular", marked: bool = False) -> str:
    """`markup` of a text; a decision's (`marked`) with its emphasis (*inter alia*) in italics."""
    return "".join(
        f'<font name="{fonts.font("italic")}">{markup(piece, fonts, "italic")}</font>'
        if emphasised
        else markup(piece, fonts, style)
        for piece, emphasised in (model.spans(text) if marked else [(text, False)])
    )


def _styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=fonts.font(),
        fontSize=10,
        leading=12.5,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
        leftIndent=NUMBER_INDENT,
        bulletIndent=0,
        bulletFontName=fonts.font(),
    )
    return {
        "body": base,
        "sub": ParagraphStyle("sub", parent=base, leftIndent=NUMBER_INDENT * 2, bulletIndent=NUMBER_INDENT),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=fonts.font("bold"),
            fontSize=11.5,
            leading=14,
            leftIndent=0,
            spaceBefore=8,
            spaceAfter=8,
            alignment=0,
        ),
        "placeholder": ParagraphStyle("placeholder", parent=base, fontName=fonts.font("italic"), textColor="#555555"),
        "annex": ParagraphStyle(
            "annex",
            parent=base,
            fontName=fonts.font("bold"),
            fontSize=12,
            leading=15,
            leftIndent=0,
            spaceAfter=10,
            alignment=0,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, leftIndent=0, fontSize=9.5, leading=11.5, spaceAfter=0, alignment=0
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=base,
            leftIndent=0,
            fontSize=9.5,
            leading=11.5,
            spaceAfter=0,
            alignment=0,
            fontName=fonts.font("italic"),
        ),
    }


def story(report: model.Report, fonts: FontSet, width: float = PAGE_WIDTH - 2 * MARGIN_X) -> list[Any]:
    styles = _styles(fonts)
    flow: list[Any] = []
    for block in report.blocks:
        if isinstance(block, model.DocumentTable):
            flow += [*_table_title(block, fonts, styles), _table(block, fonts, styles, width), Spacer(1, 10)]
            continue
        if isinstance(block, model.Heading):
            flow.append(CondPageBreak(60))
            flow.append(Paragraph(markup(block.full, fonts, "bold"), styles["heading"]))
            continue
        style = styles["placeholder"] if block.placeholder else styles["body"]
        text = rich(block.text, fonts, "italic" if block.placeholder else "regular", block.marked)
        items = [Paragraph(text, style) if block.placeholder else Paragraph(text, style, bulletText=f"{block.number}.")]
        for sub in block.subparagraphs:
            label, _, text = sub.partition(" ")
            items.append(Paragraph(rich(text, fonts, marked=block.marked), styles["sub"], bulletText=label))
        flow.append(KeepTogether(items) if len(items) > 1 else items[0])
    if report.annex:
        flow += [
            PageBreak(),
            Paragraph(report.annex.title, styles["annex"]),
            Paragraph(markup(report.annex.subtitle, fonts, "bold"), styles["annex"]),
        ]
        for table in report.annex.tables:
            flow += [*_table_title(table, fonts, styles), _table(table, fonts, styles, width), Spacer(1, 18)]
    return flow


def _table_title(table: model.DocumentTable, fonts: FontSet, styles: dict[str, Any]) -> list[Any]:
    if not table.title:
        return []
    return [CondPageBreak(80), Paragraph(markup(table.title, fonts, "bold"), styles["heading"])]


def _linked(symbol: str) -> str:
    """A document symbol as a link to its record in the Official Documents System."""
    address = escape(ods_link(symbol), {'"': "&quot;"})
    return f'<a href="{address}">{escape(symbol)}</a>'


def _table(table: model.DocumentTable, fonts: FontSet, styles: dict[str, Any], width: float) -> LongTable:
    rows = [[Paragraph(markup(h, fonts, "italic"), styles["cell_head"]) for h in table.header]]
    rows += [
        [Paragraph(_linked(c) if i == table.symbols else rich(c, fonts), styles["cell"]) for i, c in enumerate(row)]
        for row in table.rows
    ]
    t = LongTable(rows, colWidths=[width * w for w in table.widths], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.font()),  # else the table names a Helvetica
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def report_pdf(
    report: model.Report, out: str | Path, fonts: FontSet | None = None, landscape: bool = False
) -> Iterator[Progress]:
    """The document as a PDF on A4, upright or (`landscape`, for a long programme of work) on its side."""
    page_width, page_height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    fonts = fonts or FontSet("serif")
    yield Progress(1, 3, "Laid out the report")
    probe = Canvas(io.BytesIO(), pagesize=(page_width, page_height))
    body_top = draw_masthead(probe, fonts, report.masthead)  # only to learn how tall the masthead is
    symbol = report.masthead.symbol
    with atomic_path(out) as temporary:
        doc = BaseDocTemplate(
            str(temporary),
            pagesize=(page_width, page_height),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{report.masthead.title} ({symbol})",
            author="Secretariat",
            creator=PRODUCER,
            initialFontName=fonts.font(),
        )  # no Helvetica named and left out
        width = page_width - 2 * MARGIN_X
        first = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width,
            body_top - MARGIN_BOTTOM,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width,
            page_height - MARGIN_TOP - MARGIN_BOTTOM,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def on_first(canvas: Canvas, _doc: Any) -> None:
            draw_masthead(canvas, fonts, report.masthead)
            draw_running_header(canvas, fonts, symbol, 1)

        def on_later(canvas: Canvas, _doc: Any) -> None:
            draw_running_header(canvas, fonts, symbol, canvas.getPageNumber())

        doc.addPageTemplates(
            [
                PageTemplate("first", [first], onPage=on_first, autoNextPageTemplate="later"),
                PageTemplate("later", [later], onPage=on_later),
            ]
        )
        doc.build(story(report, fonts, width))
        pages = doc.page
        yield Progress(2, 3, "Wrote the PDF")
    warnings = tuple(f"{text}: no font here can show {''.join(sorted(chars))}" for text, chars in fonts.missing.items())
    yield Progress(3, 3, counted(pages, "page"), Path(out), warnings)
