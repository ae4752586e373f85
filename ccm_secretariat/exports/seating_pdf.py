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
from ccm_secretariat.domain.enums import Category
from ccm_secretariat.domain.prose import un_date
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.fitting import LEADING, fit
from ccm_secretariat.exports.fonts import FontSet, missing_warning
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
    colours: dict[Category, str]


def _tint(hex_colour: str, amount: float = 0.35) -> Color:
    base = HexColor(hex_colour)
    return Color(1 - (1 - base.red) * amount, 1 - (1 - base.green) * amount, 1 - (1 - base.blue) * amount)


def seating_pdf(doc: SeatingDocument, out: str | Path, fonts: FontSet | None = None) -> Iterator[Progress]:
    fonts = fonts or FontSet("sans")
    plan, seats = doc.layout.plan, doc.layout.seats
    room = plan.room
    with atomic_path(out) as temporary:
        canvas = Canvas(str(temporary), pagesize=(PAGE_W, PAGE_H), pageCompression=1, initialFontName=fonts.font())
        canvas.setTitle(f"Seating plan — {doc.title}")
        canvas.setAuthor("Secretariat")
        canvas.setCreator(PRODUCER)
        y = PAGE_H - MARGIN
        title = fit(fonts, f"Seating plan: {doc.title}", PAGE_W - 2 * MARGIN, 30, 14, "bold")
        for line in title.lines:
            y -= title.size
            fonts.draw(canvas, MARGIN, y, line, title.size, "bold")
            y -= title.size * (LEADING - 1)
        how = "drawn by the desk" if plan.drawn_by_desk else "drawn by lot"
        note = (
            f"{doc.place_and_dates}. Seats in English alphabetical order by category, starting from "
            f"{plan.first_state} ({how} on {un_date(plan.drawn_on)})."
        )
        note_fit = fit(fonts, note, PAGE_W - 2 * MARGIN, 24, 9, max_lines=2)
        y -= 3
        for line in note_fit.lines:
            y -= note_fit.size
            fonts.draw(canvas, MARGIN, y, line, note_fit.size)
            y -= note_fit.size * (LEADING - 1)

        # The podium.
        y -= 6 * mm
        podium_w, podium_h = 80 * mm, 9 * mm
        canvas.setFillColor(HexColor("#404040"))
        canvas.rect((PAGE_W - podium_w) / 2, y - podium_h, podium_w, podium_h, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#FFFFFF"))
        fonts.draw(
            canvas, (PAGE_W - fonts.width("PODIUM", 10, "bold")) / 2, y - podium_h + 3 * mm, "PODIUM", 10, "bold"
        )
        y -= podium_h + 6 * mm

        # The room: blocks side by side, rows from the podium down.
        legend_h = 16 * mm  # two lines of legend
        area_w = PAGE_W - 2 * MARGIN - ROW_LABEL
        area_h = y - MARGIN - legend_h
        seat_w = (area_w - (room.blocks - 1) * BLOCK_GAP) / (room.blocks * room.seats_per_row)
        row_h = min(area_h / room.rows, 16 * mm)
        canvas.setFillColor(HexColor("#000000"))
        for row in range(1, room.rows + 1):
            label = str(row)
            size = min(8, row_h * 0.6)
            fonts.draw(canvas, MARGIN, y - (row - 1) * row_h - row_h / 2 - size * 0.35, label, size)
        boxes: dict[tuple[int, int, int], list[Any]] = {}
        for seat in seats:
            boxes.setdefault((seat.row, seat.block, seat.delegation.id), []).append(seat)

        # One type size for the plan where it can be (the smallest quarter of the names shrink further).
        def box_width(group: list[Any]) -> float:
            return float(seat_w * len(group) - 1.2)

        sizes = sorted(
            fit(fonts, g[0].delegation.name, box_width(g) - 2, row_h - 3.2, 9, max_lines=3).size for g in boxes.values()
        )
        common = sizes[len(sizes) // 4] if sizes else 9
        for i, ((row, block, _id), group) in enumerate(sorted(boxes.items())):
            first = min(s.number for s in group)
            x = MARGIN + ROW_LABEL + (block - 1) * (room.seats_per_row * seat_w + BLOCK_GAP) + (first - 1) * seat_w
            top = y - (row - 1) * row_h
            w, h = box_width(group), row_h - 1.2
            delegation = group[0].delegation
            canvas.setFillColor(_tint(doc.colours[delegation.category]))
            canvas.setStrokeColor(HexColor("#606060"))
            canvas.setLineWidth(0.5)
            canvas.rect(x, top - h, w, h, stroke=1, fill=1)
            canvas.setFillColor(HexColor("#000000"))
            fitted = fit(fonts, delegation.name, w - 2, h - 2, common, max_lines=3)
            block_h = fitted.size * LEADING * len(fitted.lines)
            ty = top - (h - block_h) / 2
            for line in fitted.lines:
                ty -= fitted.size
                fonts.draw(canvas, x + (w - fonts.width(line, fitted.size)) / 2, ty, line, fitted.size)
                ty -= fitted.size * (LEADING - 1)
            if i % 200 == 199:
                yield Progress(i + 1, len(boxes), "Seats")
        # Empty seats, so that the room reads as a room.
        taken = {(s.row, s.block, s.number) for s in seats}
        canvas.setStrokeColor(HexColor("#C0C0C0"))
        canvas.setLineWidth(0.3)
        for row in range(1, room.rows + 1):
            for block in range(1, room.blocks + 1):
                for number in range(1, room.seats_per_row + 1):
                    if (row, block, number) not in taken:
                        x = (
                            MARGIN
                            + ROW_LABEL
                            + (block - 1) * (room.seats_per_row * seat_w + BLOCK_GAP)
                            + (number - 1) * seat_w
                        )
                        top = y - (row - 1) * row_h
                        canvas.rect(x, top - row_h + 1.2, seat_w - 1.2, row_h - 1.2, stroke=1, fill=0)

        # The legend: the categories present, in order, on as many lines as it needs.
        present = [c for c in Category if any(s.delegation.category is c for s in seats)]
        entries = []
        for category in present:
            count = sum(1 for d in doc.layout.delegations_in_seat_order() if d.category is category)
            entries.append((category, f"{category.label} ({count})"))
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
        canvas.save()
    warnings = tuple(missing_warning(text, chars) for text, chars in sorted(fonts.missing.items()))
    delegations = len(doc.layout.delegations_in_seat_order())
    yield Progress(len(seats), len(seats), f"{delegations} delegations on {len(seats)} seats", Path(out), warnings)
