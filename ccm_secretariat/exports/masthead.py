"""The masthead of a UN document and the running header and footer of its pages, drawn on a reportlab canvas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4

from ccm_secretariat.domain.prose import EN_DASH, un_date_range
from ccm_secretariat.exports.fonts import FontSet
from ccm_secretariat.language import forms
from ccm_secretariat.services.meetings import MeetingRow

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 62.0
MARGIN_TOP = 58.0
MARGIN_BOTTOM = 58.0


@dataclass(frozen=True)
class Masthead:
    symbol: str
    distribution: str  # "General" or "Limited"
    date: dt.date
    original: str
    meeting_title: str
    place_and_dates: str
    title: str
    agenda: tuple[str, ...] = ()  # e.g. ("Agenda item 14", "Consideration and adoption of the final document")
    practice: bool = False
    language: str = "en"  # the document's language: "Distr.", the date and "Original" are written in it


def masthead_lines(m: Masthead) -> tuple[str, str, str]:
    """ "Distr.: General", "25 November 2020", "Original: English" in the document's language ("Distr. :
    générale", "Original : anglais"; "Distr. general", "Original: inglés"): the one place that writes them."""
    f = forms(m.language)
    distribution = f.phrases.get(m.distribution, m.distribution)
    return (
        f.phrase("distribution", distribution=distribution),
        f.date(m.date),
        f.phrase("original", language=f.language_name(m.original)),
    )


# The official languages as the register of documents records them (codes), by the English name the masthead's
# "Original:" line takes (each language's forms translate it: "anglais", "francés").
OFFICIAL_LANGUAGES = {
    "AR": "Arabic",
    "EN": "English",
    "ES": "Spanish",
    "FR": "French",
    "RU": "Russian",
    "ZH": "Chinese",
}


def original_language(registered: str | None, default: str = "English") -> str:
    """A document's original language as the register records it: the one language its entry lists (a text
    issued only in French: "French"); with several or none, `default` (the register records the languages a
    text is issued in, not which of them it was drafted in)."""
    codes = (registered or "").split()
    return OFFICIAL_LANGUAGES.get(codes[0], default) if len(codes) == 1 else default


PRACTICE_BANNER = "PRACTICE COPY: fictitious participants; not an official document"


def place_and_dates(meeting: MeetingRow, language: str = "en") -> str:
    """ "Geneva, 25–27 November 2020"; "Genève, 25–27 novembre 2020"; "Ginebra, 25 a 27 de noviembre de 2020"."""
    if language == "en":
        dates = " and ".join(un_date_range(p.start_date, p.end_date, EN_DASH) for p in meeting.parts)
        return f"{meeting.city}, {dates}" if meeting.city else dates
    f = forms(language)
    dates = f.join([f.date_range(p.start_date, p.end_date) for p in meeting.parts], serial_comma=False)
    return f.phrase("place_and_dates", city=f.city(meeting.city), dates=dates) if meeting.city else dates


def draw_masthead(canvas: Canvas, fonts: FontSet, m: Masthead) -> float:
    """Draw the masthead at the top of the first page; returns the y where the body may start."""
    page_width, page_height = canvas._pagesize  # A4, upright or landscape
    right = page_width - MARGIN_X
    y = page_height - MARGIN_TOP
    if m.practice:
        canvas.setFillColorRGB(0.7, 0, 0)
        fonts.draw(canvas, MARGIN_X, y + 22, forms(m.language).phrase("practice_banner").upper(), 10, "bold")
        canvas.setFillColorRGB(0, 0, 0)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN_X, y - 6, right, y - 6)
    fonts_y = y
    canvas.setFont(fonts.font("bold"), 15)
    canvas.drawRightString(right, fonts_y + 4, m.symbol)
    y -= 26
    block_x = right - 150
    distribution, date, original = masthead_lines(m)
    for text, style in ((distribution, "regular"), (date, "regular"), ("", "regular"), (original, "regular")):
        if text:
            fonts.draw(canvas, block_x, y, text, 9.5, style)
        y -= 12
    title_width = block_x - MARGIN_X - 24
    y_left = page_height - MARGIN_TOP - 26
    for line in fonts.wrap(m.meeting_title, 12, title_width, "bold"):
        fonts.draw(canvas, MARGIN_X, y_left, line, 12, "bold")
        y_left -= 15
    y = min(y, y_left) - 10
    fonts.draw(canvas, MARGIN_X, y, m.place_and_dates, 10)
    y -= 14
    for i, line in enumerate(m.agenda):
        fonts.draw(canvas, MARGIN_X, y, line, 10, "bold" if i else "regular")
        y -= 13
    y -= 14
    for line in fonts.wrap(m.title, 16, right - MARGIN_X - 40, "bold"):
        fonts.draw(canvas, MARGIN_X + 40, y, line, 16, "bold")
        y -= 20
    return float(y - 8)


def draw_running_header(canvas: Canvas, fonts: FontSet, symbol: str, page: int) -> None:
    """Symbol over a rule at the top of every page after the first, page number at the foot of every page."""
    page_width, page_height = canvas._pagesize
    right = page_width - MARGIN_X
    if page > 1:
        top = page_height - MARGIN_TOP + 16
        canvas.setFont(fonts.font("bold"), 9)
        if page % 2:
            canvas.drawRightString(right, top, symbol)
        else:
            canvas.drawString(MARGIN_X, top, symbol)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 5, right, top - 5)
    canvas.setFont(fonts.font("bold"), 9)
    canvas.drawCentredString(page_width / 2, MARGIN_BOTTOM - 26, str(page))
