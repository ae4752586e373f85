"""Fonts for the PDFs: the shipped DejaVu families (Latin with every European diacritic, Greek, Cyrillic,
Arabic), system fonts as fallbacks for scripts they lack (CJK, Devanagari), Arabic joined and right-to-left
runs in visual order. Characters no font can show are reported, never printed as silent boxes."""

from __future__ import annotations

import functools
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ccm_secretariat.domain.prose import FSI, PDI, has_rtl
from ccm_secretariat.environment import FALLBACK_FONTS
from ccm_secretariat.reference.files import RESOURCES

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

FONT_DIR = RESOURCES / "fonts"
FAMILIES = {
    "sans": {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf"},
    "serif": {"regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf", "italic": "DejaVuSerif-Italic.ttf"},
}
# TrueType fonts (not CFF-based OpenType, which reportlab cannot embed) that Debian packages install, in order
# of preference. The environment variable CCM_SECRETARIAT_FALLBACK_FONTS (environment.FALLBACK_FONTS) replaces
# the list.
SYSTEM_FALLBACKS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",  # Urdu's ہ and ے, which DejaVu Sans lacks
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)


@functools.lru_cache(maxsize=1)
def arabic_coverage() -> frozenset[int]:
    """The characters that the embedded fonts which draw Arabic (DejaVu Sans, regular and bold) both have."""
    return (
        _register(FONT_DIR / FAMILIES["sans"]["regular"]).coverage
        & _register(FONT_DIR / FAMILIES["sans"]["bold"]).coverage
    )


@functools.lru_cache(maxsize=1)
def _reshaper() -> ArabicReshaper:
    """Arabic joined with the glyphs the embedded font has: a ligature the font lacks (U+FDF2 for "الله", the
    ligatures of Presentation Forms-A) is not made; lam-alef, which it has, is."""
    from arabic_reshaper.ligatures import LIGATURES

    covered = arabic_coverage()
    config = {"delete_harakat": False, "support_ligatures": True}
    for name, (_letters, forms) in LIGATURES:
        config[name] = all(ord(ch) in covered for form in forms for ch in form)
    return ArabicReshaper(config)


def _in_font(ch: str) -> str:
    """A presentation form the font lacks (a Persian or Urdu letter's joined form) becomes its base letter:
    unjoined, but legible, never a missing-glyph box."""
    code = ord(ch)
    if (0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF) and code not in arabic_coverage():
        return unicodedata.normalize("NFKC", ch)
    return ch


def visual(text: str) -> str:
    """Text as it stands on a left-to-right line: Arabic letters joined (presentation forms the embedded font
    has) and right-to-left runs reversed. (reportlab's own harfbuzz shaping breaks once a font subset passes 256
    glyphs, as a long list soon does, so the joining is done here with arabic-reshaper and the order with
    python-bidi.)"""
    if not has_rtl(text):
        return text.replace(FSI, "").replace(PDI, "") if FSI in text else text
    shaped = "".join(_in_font(ch) for ch in _reshaper().reshape(text))
    # The isolates around each name (prose.isolate) order the runs; the font has no glyph for them.
    return str(get_display(shaped, base_dir="L")).replace(FSI, "").replace(PDI, "")


def script_of(chars: str) -> str:
    """The writing system of characters no font could show, as a secretary would name it."""
    names = {unicodedata.name(ch, "").split(" ")[0] for ch in chars}
    if names & {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"}:
        return "Chinese, Japanese or Korean"
    known = sorted(n.capitalize() for n in names if n and n not in ("COMBINING", "ZERO", "VARIATION"))
    return " and ".join(known) or "an unknown script"


def missing_warning(text: str, chars: set[str]) -> str:
    script = script_of("".join(chars))
    advice = (
        "Debian's fonts-wqy-microhei"
        if script == "Chinese, Japanese or Korean"
        else "Debian's fonts-noto-core covers most scripts"
    )
    return (
        f"{text}: no font here can show {''.join(sorted(chars))} ({script}); install a font for it ({advice}) "
        "and export again."
    )


@dataclass(frozen=True)
class Face:
    name: str
    coverage: frozenset[int]


class FontSet:
    """The fonts of one document: a family's three styles plus fallbacks, and text measured and drawn with them."""

    def __init__(self, family: str = "sans", fallbacks: tuple[str, ...] | None = None):
        self.family = family
        self.styles = {style: _register(FONT_DIR / file) for style, file in FAMILIES[family].items()}
        self._sans = _register(FONT_DIR / FAMILIES["sans"]["regular"])
        if fallbacks is None:
            chosen = FALLBACK_FONTS.paths()  # set but empty: no fallbacks at all
            fallbacks = SYSTEM_FALLBACKS if chosen is None else chosen
        self._fallback_paths = tuple(p for p in fallbacks if p)
        self._fallbacks: list[Face] | None = None
        self.missing: dict[str, set[str]] = {}  # text -> characters no font covers
        self._logged: set[str] = set()  # fonts and scripts logged once per document

    def font(self, style: str = "regular") -> str:
        return self.styles[style].name

    def fallbacks(self) -> list[Face]:
        if self._fallbacks is None:
            faces = [] if self._sans.name in {f.name for f in self.styles.values()} else [self._sans]
            for path in self._fallback_paths:
                if Path(path).is_file():
                    try:
                        faces.append(_register(Path(path)))
                    except Exception:  # a damaged or unsupported font file is skipped
                        continue
            self._fallbacks = faces
        return self._fallbacks

    def is_simple(self, text: str, style: str = "regular") -> bool:
        """True when the style's own font covers every character and nothing is right-to-left."""
        return _simple(self.styles[style], text)

    def runs(self, text: str, style: str = "regular", logical: str | None = None) -> list[tuple[str, str]]:
        """(font name, text) pieces of a left-to-right piece of text, each in the first font that covers it;
        `logical` is the text as typed, under which a character no font covers is reported."""
        primary = self.styles[style]
        pieces: list[tuple[str, str]] = []
        for ch in text:
            code = ord(ch)
            face = (
                primary
                if code in primary.coverage or ch == " "
                else next((f for f in self.fallbacks() if code in f.coverage), None)
            )
            if face is None:
                self.missing.setdefault(logical or text, set()).add(ch)
                self._log_once(f"no font for {script_of(ch)}")
                face = primary
            elif face is not primary:
                self._log_once(f"fell back to {face.name} beside {primary.name}")
            if pieces and pieces[-1][0] == face.name:
                pieces[-1] = (face.name, pieces[-1][1] + ch)
            else:
                pieces.append((face.name, ch))
        return pieces

    def _log_once(self, what: str) -> None:
        """A font fallback or a script no font covers, in the log once per document (the script's name, never
        the text)."""
        if what not in self._logged:
            self._logged.add(what)
            log.info("Fonts: %s", what)

    def width(self, text: str, size: float, style: str = "regular") -> float:
        if self.is_simple(text, style):
            return float(pdfmetrics.stringWidth(text, self.styles[style].name, size))
        return sum(
            float(pdfmetrics.stringWidth(part, font, size)) for font, part in self.runs(visual(text), style, text)
        )

    def draw(self, canvas: Canvas, x: float, y: float, text: str, size: float, style: str = "regular") -> float:
        """Draw `text` with its left end at x; returns its width."""
        if self.is_simple(text, style):
            canvas.setFont(self.styles[style].name, size)
            canvas.drawString(x, y, text)
            return float(pdfmetrics.stringWidth(text, self.styles[style].name, size))
        start = x
        for font, part in self.runs(visual(text), style, text):
            canvas.setFont(font, size)
            canvas.drawString(x, y, part)
            x += pdfmetrics.stringWidth(part, font, size)
        return x - start

    def wrap(self, text: str, size: float, width: float, style: str = "regular") -> list[str]:
        """Lines of at most `width` points, broken at spaces (a word longer than a line is cut)."""
        if self.width(text, size, style) <= width:
            return [text]
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if self.width(candidate, size, style) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while self.width(word, size, style) > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and self.width(word[:cut], size, style) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        if current:
            lines.append(current)
        return lines


def _simple(face: Face, text: str) -> bool:
    if text.isascii():
        return True
    coverage = face.coverage
    return all(ord(ch) in coverage for ch in text) and not has_rtl(text)


@functools.cache
def _register(path: Path) -> Face:
    name = path.stem.replace(" ", "")
    subfont = {}
    if path.suffix.lower() == ".ttc":
        subfont = {"subfontIndex": 0}
    font = TTFont(name, str(path), **subfont)
    pdfmetrics.registerFont(font)
    return Face(name, frozenset(font.face.charToGlyph.keys()))
