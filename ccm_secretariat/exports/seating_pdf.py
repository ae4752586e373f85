"""The seating plan as a PDF: the podium at the top, the blocks of the room row by row below it, each
delegation's seats as one box with its name, tinted by category, and a legend; the draw is stated."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ccm_secretariat.application import PRODUCER
from ccm_secretariat.domain.seating import Room
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.fitting import LEADING, fit
from ccm_secretariat.exports.fonts import FontSet, missing_warning
from ccm_secretariat.language import forms
from ccm_secretariat.progress import Progress
from ccm_secretariat.services.seating import SeatingLayout

PAGE_W, PAGE_H = 297 * mm, 210 * mm  # A4 landscape; a larger room draws smaller
MARGIN = 12 * mm
BLOCK_GAP = 8 * mm
ROW_LABEL = 9 * mm


@dataclass(frozen=True)
class SeatingDocument:
    title: str  # the meeting's title
    place_and_dates: str
    layout: SeatingLayout
    colours: dict[str, str]  # by category key
    headings: dict[str, str]  # the legend's words by category key, in the documents' order (the profile's)
    language: str = "en"  # the words of the title, the note on the draw and the podium


def _tint(hex_colour: str, amount: float = 0.35) -> Color:
    base = HexColor(hex_colour)
    return Color(1 - (1 - base.red) * amount, 1 - (1 - base.green) * amount, 1 - (1 - base.blue) * amount)


@dataclass(frozen=True)
class _Grid:
    """Where the room's seats fall on the page: blocks side by side, rows from the podium down."""

    room: Room
    y: float  # the top of the first row
    seat_w: float
    row_h: float

    def x(self, block: int, number: int) -> float:
        return float(
            MARGIN
            + ROW_LABEL
            + (block - 1) * (self.room.seats_per_row * self.seat_w + BLOCK_GAP)
            + (number - 1) * self.seat_w
        )

    def top(self, row: int) -> float:
        return self.y - (row - 1) * self.row_h


def seating_pdf(doc: SeatingDocument, out: str | Path, fonts: FontSet | None = None) -> Iterator[Progress]:
    fonts = fonts or FontSet("sans")
    seats = doc.layout.seats
    with atomic_path(out) as temporary:
        canvas = Canvas(str(temporary), pagesize=(PAGE_W, PAGE_H), pageCompression=1, initialFontName=fonts.font())
        canvas.setTitle(forms(doc.language).phrase("seating_pdf_title", meeting=doc.title))
        canvas.setAuthor("Secretariat")
        canvas.setCreator(PRODUCER)
        y = _podium(canvas, fonts, _heading(canvas, fonts, doc), forms(doc.language).phrase("PODIUM"))
        grid = _grid(doc.layout.plan.room, y)
        _row_numbers(canvas, fonts, grid)
        yield from _delegations(canvas, fonts, doc, grid)
        _empty_seats(canvas, grid, seats)
        _legend(canvas, fonts, doc)
        canvas.save()
    warnings = tuple(missing_warning(text, chars) for text, chars in sorted(fonts.missing.items()))
    delegations = len(doc.layout.delegations_in_seat_order())
    yield Progress(len(seats), len(seats), f"{delegations} delegations on {len(seats)} seats", Path(out), warnings)


def _lines(canvas: Canvas, fonts: FontSet, fitted: Any, y: float, style: str = "regular") -> float:
    """Draw fitted lines from `y` down, at the left margin; returns where the next line would start."""
    for line in fitted.lines:
        y -= fitted.size
        fonts.draw(canvas, MARGIN, y, line, fitted.size, style)
        y -= fitted.size * (LEADING - 1)
    return y


def _heading(canvas: Canvas, fonts: FontSet, doc: SeatingDocument) -> float:
    """The title and the note on the draw; returns the height below them."""
    plan = doc.layout.plan
    f = forms(doc.language)
    title = fit(fonts, f.phrase("seating_title", meeting=doc.title), PAGE_W - 2 * MARGIN, 30, 14, "bold")
    y = _lines(canvas, fonts, title, PAGE_H - MARGIN, "bold")
    how = f.phrase("drawn_by_desk" if plan.drawn_by_desk else "drawn_by_lot")
    date = f.date(plan.drawn_on)
    note = f.phrase("seating_note", place_and_dates=doc.place_and_dates, first=plan.first_state, how=how, date=date)
    note_fit = fit(fonts, note, PAGE_W - 2 * MARGIN, 24, 9, max_lines=2)
    return _lines(canvas, fonts, note_fit, y - 3)


def _podium(canvas: Canvas, fonts: FontSet, y: float, word: str) -> float:
    y -= 6 * mm
    podium_w, podium_h = 80 * mm, 9 * mm
    canvas.setFillColor(HexColor("#404040"))
    canvas.rect((PAGE_W - podium_w) / 2, y - podium_h, podium_w, podium_h, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#FFFFFF"))
    fonts.draw(canvas, (PAGE_W - fonts.width(word, 10, "bold")) / 2, y - podium_h + 3 * mm, word, 10, "bold")
    return float(y - (podium_h + 6 * mm))


def _grid(room: Room, y: float) -> _Grid:
    legend_h = 16 * mm  # two lines of legend
    area_w = PAGE_W - 2 * MARGIN - ROW_LABEL
    area_h = y - MARGIN - legend_h
    seat_w = (area_w - (room.blocks - 1) * BLOCK_GAP) / (room.blocks * room.seats_per_row)
    return _Grid(room, y, seat_w, min(area_h / room.rows, 16 * mm))


def _row_numbers(canvas: Canvas, fonts: FontSet, grid: _Grid) -> None:
    canvas.setFillColor(HexColor("#000000"))
    for row in range(1, grid.room.rows + 1):
        size = min(8, grid.row_h * 0.6)
        fonts.draw(canvas, MARGIN, grid.y - (row - 1) * grid.row_h - grid.row_h / 2 - size * 0.35, str(row), size)


def _delegations(canvas: Canvas, fonts: FontSet, doc: SeatingDocument, grid: _Grid) -> Iterator[Progress]:
    """Each delegation's seats in a row and block as one box with its name, tinted by its category."""
    boxes: dict[tuple[int, int, int], list[Any]] = {}
    for seat in doc.layout.seats:
        boxes.setdefault((seat.row, seat.block, seat.delegation.id), []).append(seat)

    # One type size for the plan where it can be (the smallest quarter of the names shrink further).
    def box_width(group: list[Any]) -> float:
        return float(grid.seat_w * len(group) - 1.2)

    sizes = sorted(
        fit(fonts, g[0].delegation.name, box_width(g) - 2, grid.row_h - 3.2, 9, max_lines=3).size
        for g in boxes.values()
    )
    common = sizes[len(sizes) // 4] if sizes else 9
    for i, ((row, block, _id), group) in enumerate(sorted(boxes.items())):
        x, top = grid.x(block, min(s.number for s in group)), grid.top(row)
        w, h = box_width(group), grid.row_h - 1.2
        delegation = group[0].delegation
        canvas.setFillColor(_tint(doc.colours[delegation.category]))
        canvas.setStrokeColor(HexColor("#606060"))
        canvas.setLineWidth(0.5)
        canvas.rect(x, top - h, w, h, stroke=1, fill=1)
        canvas.setFillColor(HexColor("#000000"))
        fitted = fit(fonts, delegation.name, w - 2, h - 2, common, max_lines=3)
        ty = top - (h - fitted.size * LEADING * len(fitted.lines)) / 2
        for line in fitted.lines:
            ty -= fitted.size
            fonts.draw(canvas, x + (w - fonts.width(line, fitted.size)) / 2, ty, line, fitted.size)
            ty -= fitted.size * (LEADING - 1)
        if i % 200 == 199:
            yield Progress(i + 1, len(boxes), "Seats")


def _empty_seats(canvas: Canvas, grid: _Grid, seats: Any) -> None:
    """Empty seats, so that the room reads as a room."""
    taken = {(s.row, s.block, s.number) for s in seats}
    canvas.setStrokeColor(HexColor("#C0C0C0"))
    canvas.setLineWidth(0.3)
    room = grid.room
    every = (
        (row, block, number)
        for row in range(1, room.rows + 1)
        for block in range(1, room.blocks + 1)
        for number in range(1, room.seats_per_row + 1)
    )
    for row, block, number in every:
        if (row, block, number) not in taken:
            x, top = grid.x(block, number), grid.top(row)
            canvas.rect(x, top - grid.row_h + 1.2, grid.seat_w - 1.2, grid.row_h - 1.2, stroke=1, fill=0)


def _legend(canvas: Canvas, fonts: FontSet, doc: SeatingDocument) -> None:
    """The categories present, in order, on as many lines as it needs."""
    seats = doc.layout.seats
    present = [c for c in doc.headings if any(s.delegation.category == c for s in seats)]
    entries = []
    for category in present:
        count = sum(1 for d in doc.layout.delegations_in_seat_order() if d.category == category)
        entries.append((category, f"{doc.headings[category]} ({count})"))
    x, ly = MARGIN, MARGIN + 6 * mm
    for category, label in entries:
        width = 8 * mm + fonts.width(label, 8)
        if x > MARGIN and x + width > PAGE_W - MARGIN:
            x, ly = MARGIN, ly - 6 * mm
        canvas.setFillColor(_tint(doc.colours[category]))
        canvas.setStrokeColor(HexColor("#606060"))
        canvas.rect(x, ly, 6 * mm, 4 * mm, stroke=1, fill=1)
        canvas.setFillColor(HexColor("#000000"))
        fonts.draw(canvas, x + 8 * mm, ly + 1, label, 8)
        x += width + 8 * mm
