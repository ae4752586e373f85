"""Badges on A4 sheets with crop marks, in the layouts declared in LAYOUTS: the category as a coloured band with
its name (legible in black and white too), the participant's name (family name in capitals), the delegation,
the meeting's short title and dates, and a QR code of the participant's code, printed under it as well.

Names and delegations shrink (or break onto a second line) to fit; nothing is cut or overflows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ccm_secretariat.application import PRODUCER
from ccm_secretariat.domain.badges import Badge, BadgeRun
from ccm_secretariat.domain.enums import Category
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.fitting import LEADING, fit
from ccm_secretariat.exports.fonts import FontSet, missing_warning
from ccm_secretariat.progress import Progress

if TYPE_CHECKING:
    from ccm_secretariat.exports.fitting import Fitted

A4_MM = (210.0, 297.0)
CROP_MARK, CROP_GAP = 3.0 * mm, 1.5 * mm


@dataclass(frozen=True)
class BadgeLayout:
    name: str  # on the command line: --layout NAME
    label: str
    badge_mm: tuple[float, float]  # width, height
    columns: int
    rows: int
    gap_mm: float  # between badges, where the crop marks go

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


LAYOUTS = {
    layout.name: layout
    for layout in (
        BadgeLayout("90x55", "2 × 4 badges of 90 × 55 mm on A4 (card stock, cut)", (90, 55), 2, 4, 10),
        BadgeLayout("a6", "2 × 2 inserts of 96 × 136 mm on A4, for A6 badge holders", (96, 136), 2, 2, 8),
    )
}
DEFAULT_LAYOUT = "90x55"

BAND_LABELS = {
    Category.STATE_PARTY: "STATE PARTY",
    Category.SIGNATORY: "SIGNATORY STATE",
    Category.RATIFIED_NOT_IN_FORCE: "STATE PARTY (NOT YET IN FORCE)",
    Category.OBSERVER_STATE: "OBSERVER STATE",
    Category.RULE_1_2: "OBSERVER ORGANISATION",
    Category.RULE_1_3: "OBSERVER ORGANISATION",
}


def _text_colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "#FFFFFF"


def _crop_marks(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(HexColor("#000000"))
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            canvas.line(cx + dx * CROP_GAP, cy, cx + dx * (CROP_GAP + CROP_MARK), cy)
            canvas.line(cx, cy + dy * CROP_GAP, cx, cy + dy * (CROP_GAP + CROP_MARK))


def _lines(
    canvas: Canvas, fonts: FontSet, fitted: Fitted, x: float, top: float, style: str, centred_in: float | None = None
) -> float:
    """Draw fitted lines from `top` down; returns the y below them."""
    y = top
    for line in fitted.lines:
        y -= fitted.size
        left = x
        if centred_in is not None:
            left = x + (centred_in - fonts.width(line, fitted.size, style)) / 2
        fonts.draw(canvas, left, y, line, fitted.size, style)
        y -= fitted.size * (LEADING - 1)
    return y


def qr_modules(code: str) -> list[list[bool]]:
    """The QR code of `code` (error correction M, the mask chosen as the standard says), as rows of modules."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(code)
    qr.make()
    n = qr.getModuleCount()
    return [[bool(qr.isDark(r, c)) for c in range(n)] for r in range(n)]


def draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """The modules as one filled path, a rectangle for each run of dark modules in a row (not one shape a
    module, which is what makes reportlab's widget slow)."""
    n = len(modules)
    unit = size / n
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + 1) * unit
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + start * unit, top, (c - start) * unit, unit)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)


def draw_badge(
    canvas: Canvas, fonts: FontSet, run: BadgeRun, badge: Badge, x: float, y: float, w: float, h: float
) -> None:
    scale = h / (55 * mm) if w > h else w / (55 * mm)  # type sizes grow with the badge
    pad = 4 * mm
    band = 9 * mm * scale
    colour = run.colours[badge.category]
    canvas.setFillColor(HexColor(colour))
    canvas.rect(x, y, w, band, stroke=0, fill=1)
    canvas.setFillColor(HexColor(_text_colour(colour)))
    label = BAND_LABELS[badge.category]
    size = min(9.5 * scale, (w - 2 * pad) / fonts.width(label, 1, "bold"))
    fonts.draw(canvas, x + (w - fonts.width(label, size, "bold")) / 2, y + (band - size * 0.7) / 2, label, size, "bold")
    canvas.setFillColor(HexColor("#000000"))

    top = y + h - pad
    meeting = f"{run.short_title} · {run.dates}" + (" · PRACTICE" if run.practice else "")
    small = min(7.5 * scale, (w - 2 * pad) / fonts.width(meeting, 1))
    fonts.draw(canvas, x + pad, top - small, meeting, small)
    canvas.setLineWidth(0.4)
    canvas.line(x + pad, top - small - 1.5 * mm, x + w - pad, top - small - 1.5 * mm)
    top -= small + 3.5 * mm

    qr = min(h - band - (y + h - top) - pad - 3 * mm, w * 0.3)
    text_width = w - 2 * pad - qr - 2 * mm
    first = " ".join(p for p in (badge.salutation, badge.given_names) if p)
    room = top - (y + band + pad)
    if first:
        fitted = fit(fonts, first, text_width, room * 0.22, 10.5 * scale)
        top = _lines(canvas, fonts, fitted, x + pad, top, "regular")
    family = fit(fonts, badge.family_name.upper(), text_width, room * 0.4, 17 * scale, "bold")
    top = _lines(canvas, fonts, family, x + pad, top, "bold") - 1.5 * mm
    delegation = fit(
        fonts, badge.delegation, text_width, max(top - (y + band + pad), 6), 11 * scale, "bold", max_lines=3
    )
    _lines(canvas, fonts, delegation, x + pad, top, "bold")

    qx, qy = x + w - pad - qr, y + band + pad + 3 * mm
    draw_qr(canvas, qr_modules(badge.code), qx, qy, qr)
    code_size = min(7 * scale, qr / fonts.width(badge.code, 1))
    fonts.draw(
        canvas, qx + (qr - fonts.width(badge.code, code_size)) / 2, qy - code_size - 1 * mm, badge.code, code_size
    )
    if badge.reprint:
        fonts.draw(canvas, x + w - pad - fonts.width("R", 6), y + h - pad - 6, "R", 6)  # a reprint, discreetly


def badges_pdf(run: BadgeRun, layout: BadgeLayout, out: str | Path, fonts: FontSet | None = None) -> Iterator[Progress]:
    fonts = fonts or FontSet("sans")
    total = len(run.badges)
    page_w, page_h = A4_MM[0] * mm, A4_MM[1] * mm
    w, h = layout.badge_mm[0] * mm, layout.badge_mm[1] * mm
    gap = layout.gap_mm * mm
    left = (page_w - layout.columns * w - (layout.columns - 1) * gap) / 2
    bottom = (page_h - layout.rows * h - (layout.rows - 1) * gap) / 2
    with atomic_path(out) as temporary:
        canvas = Canvas(str(temporary), pagesize=(page_w, page_h), pageCompression=1, initialFontName=fonts.font())
        canvas.setTitle(f"Badges — {run.short_title}")
        canvas.setAuthor("Secretariat")
        canvas.setCreator(PRODUCER)
        sheets = 0
        for i, badge in enumerate(run.badges):
            slot = i % layout.per_sheet
            if slot == 0 and i:
                canvas.showPage()
            if slot == 0:
                sheets += 1
            column, row = slot % layout.columns, slot // layout.columns
            x = left + column * (w + gap)
            y = page_h - bottom - (row + 1) * h - row * gap
            _crop_marks(canvas, x, y, w, h)
            draw_badge(canvas, fonts, run, badge, x, y, w, h)
            if i % 500 == 499:
                yield Progress(i + 1, total, f"{i + 1:,} badges")
        canvas.save()
    warnings = tuple(missing_warning(text, chars) for text, chars in sorted(fonts.missing.items()))
    yield Progress(
        total,
        total,
        f"{total:,} badge{'s' if total != 1 else ''} on {sheets} sheet{'s' if sheets != 1 else ''}",
        Path(out),
        warnings,
    )
