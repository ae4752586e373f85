"""Badges on A4 sheets with crop marks, in the layouts declared in LAYOUTS: the category as a coloured band with
its name (legible in black and white too), the participant's name (family name in capitals), the delegation,
the meeting's short title and dates, and a QR code of the participant's code, printed under it as well.

Names and delegations shrink (or break onto a second line) to fit; nothing is cut or overflows."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ccm_secretariat.application import PRODUCER
from ccm_secretariat.domain.badges import Badge, BadgeRun
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.fitting import LEADING, fit
from ccm_secretariat.exports.fonts import FontSet, missing_warning
from ccm_secretariat.exports.lean import LeanCanvas
from ccm_secretariat.exports.qr import draw_qr
from ccm_secretariat.language import forms
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


def _text_colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "#FFFFFF"


def crop_marks(slots: list[tuple[float, float]], w: float, h: float) -> str:
    """The crop marks of badges w × h at the lower left corners `slots`, as one stroked path (PDF operators)."""
    ops = ["q 0.3 w 0 G"]
    for x, y in slots:
        for cx, dx in ((x, -1), (x + w, 1)):
            for cy, dy in ((y, -1), (y + h, 1)):
                ops.append(f"{cx + dx * CROP_GAP:.2f} {cy:.2f} m {cx + dx * (CROP_GAP + CROP_MARK):.2f} {cy:.2f} l")
                ops.append(f"{cx:.2f} {cy + dy * CROP_GAP:.2f} m {cx:.2f} {cy + dy * (CROP_GAP + CROP_MARK):.2f} l")
    return "\n".join([*ops, "S Q"])


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


class BadgeDrawer:
    """Draws the badges of one run at one size. What every badge shares (the bands, the meeting's line, the
    sizes) is measured once; names and delegations, which repeat, are fitted once each."""

    def __init__(self, fonts: FontSet, run: BadgeRun, w: float, h: float) -> None:
        self.fonts, self.run, self.w, self.h = fonts, run, w, h
        self.scale = h / (55 * mm) if w > h else w / (55 * mm)  # type sizes grow with the badge
        self.pad = 4 * mm
        self.band = 9 * mm * self.scale
        # A practice meeting's line opens with the red PRACTICE COPY of its other documents' banner, in bold.
        self.meeting = (f"{run.practice_label} · " if run.practice else "") + f"{run.short_title} · {run.dates}"
        self.meeting_style = "bold" if run.practice else "regular"
        self.small = min(7.5 * self.scale, (w - 2 * self.pad) / fonts.width(self.meeting, 1, self.meeting_style))
        below_meeting = self.pad + self.small + 3.5 * mm  # from the top edge
        self.qr = min(h - self.band - below_meeting - self.pad - 3 * mm, w * 0.3)
        self.text_width = w - 2 * self.pad - self.qr - 2 * mm
        self.room = h - below_meeting - self.band - self.pad
        self.black = HexColor("#000000")
        self.fill = {c: HexColor(colour) for c, colour in run.colours.items()}
        self.ink = {c: HexColor(_text_colour(colour)) for c, colour in run.colours.items()}
        self.labels = {c: self._label(label) for c, label in run.labels.items()}
        self._fit = functools.lru_cache(maxsize=8192)(self._fit_text)
        self._frames: set[str] = set()

    def _label(self, label: str) -> tuple[str, float, float]:
        size = min(9.5 * self.scale, (self.w - 2 * self.pad) / self.fonts.width(label, 1, "bold"))
        return label, size, (self.w - self.fonts.width(label, size, "bold")) / 2

    def _fit_text(self, text: str, height: float, max_size: float, style: str, max_lines: int) -> Fitted:
        return fit(self.fonts, text, self.text_width, height, max_size, style, max_lines)

    def _frame(self, canvas: Canvas, category: str) -> str:
        """What every badge of `category` shares (the band and its label, the meeting's line and the rule under
        it), drawn once as a form the badges place: its name."""
        name = f"badge-{category}"
        if name not in self._frames:
            fonts, w, h, pad, band = self.fonts, self.w, self.h, self.pad, self.band
            canvas.beginForm(name, 0, 0, w, h)
            canvas.setFillColor(self.fill[category])
            canvas.rect(0, 0, w, band, stroke=0, fill=1)
            canvas.setFillColor(self.ink[category])
            label, size, offset = self.labels[category]
            fonts.draw(canvas, offset, (band - size * 0.7) / 2, label, size, "bold")
            canvas.setFillColor(self.black)
            top = h - pad
            if self.run.practice:
                canvas.setFillColorRGB(0.7, 0, 0)
            fonts.draw(canvas, pad, top - self.small, self.meeting, self.small, self.meeting_style)
            canvas.setFillColor(self.black)
            canvas.setLineWidth(0.4)
            canvas.line(pad, top - self.small - 1.5 * mm, w - pad, top - self.small - 1.5 * mm)
            canvas.endForm()
            self._frames.add(name)
        return name

    def draw(self, canvas: Canvas, badge: Badge, x: float, y: float) -> None:
        fonts, w, h, pad, band = self.fonts, self.w, self.h, self.pad, self.band
        frame = self._frame(canvas, badge.category)
        canvas.addLiteral(f"q 1 0 0 1 {fp_str(x, y)} cm")
        canvas.doForm(frame)
        canvas.addLiteral("Q")
        top = y + h - pad - self.small - 3.5 * mm

        first = " ".join(p for p in (badge.salutation, badge.given_names) if p)
        if first:
            top = _lines(
                canvas,
                fonts,
                self._fit(first, self.room * 0.22, 10.5 * self.scale, "regular", 2),
                x + pad,
                top,
                "regular",
            )
        family = self._fit(badge.family_name.upper(), self.room * 0.4, 17 * self.scale, "bold", 2)
        top = _lines(canvas, fonts, family, x + pad, top, "bold") - 1.5 * mm
        delegation = self._fit(badge.delegation, max(top - (y + band + pad), 6), 11 * self.scale, "bold", 3)
        _lines(canvas, fonts, delegation, x + pad, top, "bold")

        qr = self.qr
        qx, qy = x + w - pad - qr, y + band + pad + 3 * mm
        draw_qr(canvas, badge.code, qx, qy, qr)
        code_size = min(7 * self.scale, qr / fonts.width(badge.code, 1))
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
        canvas = LeanCanvas(temporary, pagesize=(page_w, page_h), pageCompression=1, initialFontName=fonts.font())
        canvas.setTitle(forms(run.language).phrase("badges_title", meeting=run.short_title))
        canvas.setAuthor("Secretariat")
        canvas.setCreator(PRODUCER)
        drawer = BadgeDrawer(fonts, run, w, h)
        slots = [
            (
                left + (k % layout.columns) * (w + gap),
                page_h - bottom - (k // layout.columns + 1) * h - (k // layout.columns) * gap,
            )
            for k in range(layout.per_sheet)
        ]
        full_sheet = crop_marks(slots, w, h)
        sheets = 0
        for i, badge in enumerate(run.badges):
            slot = i % layout.per_sheet
            if slot == 0:
                if i:
                    canvas.showPage()
                sheets += 1
                canvas.addLiteral(full_sheet if total - i >= layout.per_sheet else crop_marks(slots[: total - i], w, h))
            drawer.draw(canvas, badge, *slots[slot])
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
