"""Nameplates (tent cards): one A4 sheet in landscape a delegation, folded across the middle; the name in
capitals on both halves, the upper half upside down so that the card reads from the floor and from the
podium, at the largest size at which the longest line fits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ccm_secretariat.application import PRODUCER
from ccm_secretariat.domain.seating import Seated
from ccm_secretariat.exports.atomic import atomic_path
from ccm_secretariat.exports.fitting import LEADING, Fitted, fit
from ccm_secretariat.exports.fonts import FontSet, missing_warning
from ccm_secretariat.language import forms
from ccm_secretariat.progress import Progress

PAGE_W, PAGE_H = 297 * mm, 210 * mm
MARGIN = 14 * mm
MAX_SIZE = 150.0  # points: capitals about 38 mm high


def plate_text(fonts: FontSet, name: str) -> Fitted:
    return fit(fonts, name.upper(), PAGE_W - 2 * MARGIN, PAGE_H / 2 - 2 * MARGIN, MAX_SIZE, "bold")


def _half(canvas: Canvas, fonts: FontSet, fitted: Fitted, banner: str) -> None:
    """The name centred in the lower half (0 to PAGE_H / 2), reading upright; a practice meeting's banner (or
    "") in red above it, as on its other documents."""
    half = PAGE_H / 2
    if banner:
        size = min(14.0, (PAGE_W - 2 * MARGIN) / fonts.width(banner, 1, "bold"))
        canvas.setFillColorRGB(0.7, 0, 0)
        fonts.draw(
            canvas, (PAGE_W - fonts.width(banner, size, "bold")) / 2, half - MARGIN / 2 - size, banner, size, "bold"
        )
        canvas.setFillColor(HexColor("#000000"))
    block = fitted.size * LEADING * (len(fitted.lines) - 1) + fitted.size * 0.72  # cap height of the last line
    y = half / 2 + block / 2 - fitted.size * 0.72
    for line in fitted.lines:
        fonts.draw(canvas, (PAGE_W - fonts.width(line, fitted.size, "bold")) / 2, y, line, fitted.size, "bold")
        y -= fitted.size * LEADING


def nameplates_pdf(
    plates: Sequence[Seated],
    out: str | Path,
    fonts: FontSet | None = None,
    practice: bool = False,
    language: str = "en",
) -> Iterator[Progress]:
    """One sheet a plate, the names as given (in the document's language already); `language` words the PDF's
    title and a practice meeting's banner."""
    fonts = fonts or FontSet("sans")
    f = forms(language)
    banner = f.phrase("practice_banner").upper() if practice else ""
    with atomic_path(out) as temporary:
        canvas = Canvas(str(temporary), pagesize=(PAGE_W, PAGE_H), pageCompression=1, initialFontName=fonts.font())
        canvas.setTitle(f.phrase("nameplates_title"))
        canvas.setAuthor("Secretariat")
        canvas.setCreator(PRODUCER)
        for i, plate in enumerate(plates):
            fitted = plate_text(fonts, plate.name)
            canvas.setStrokeColor(HexColor("#A0A0A0"))
            canvas.setDash(4, 4)
            canvas.setLineWidth(0.4)
            canvas.line(0, PAGE_H / 2, PAGE_W, PAGE_H / 2)  # fold here
            canvas.setDash()
            canvas.setFillColor(HexColor("#000000"))
            _half(canvas, fonts, fitted, banner)
            canvas.saveState()
            canvas.translate(PAGE_W, PAGE_H)
            canvas.rotate(180)  # the other side of the fold, seen from the podium
            _half(canvas, fonts, fitted, banner)
            canvas.restoreState()
            canvas.showPage()
            if i % 50 == 49:
                yield Progress(i + 1, len(plates), plate.name)
        canvas.save()
    warnings = tuple(missing_warning(text, chars) for text, chars in sorted(fonts.missing.items()))
    yield Progress(
        len(plates), len(plates), f"{len(plates)} nameplate{'s' if len(plates) != 1 else ''}", Path(out), warnings
    )
