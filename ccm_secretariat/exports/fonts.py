"""Fonts for the PDFs: the shipped DejaVu families (Latin with every European diacritic, Greek, Cyrillic,
Arabic), system fonts as fallbacks for scripts they lack (CJK, Devanagari), Arabic joined and right-to-left
runs in visual order. Characters no font can show are reported, never printed as silent boxes."""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ccm_secretariat.domain.prose import FSI, PDI, has_rtl
from ccm_secretariat.environment import FALLBACK_FONTS
from ccm_secretariat.reference.files import RESOURCES

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

FONT_DIR = RESOURCES / "fonts"
_K = TypeVar("_K")
_V = TypeVar("_V")
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
        self._unread: list[Path] = []
        self.missing: dict[str, set[str]] = {}  # text -> characters no font covers
        self._logged: set[str] = set()  # fonts and scripts logged once per document
        # Functions, affiliations, delegations and labels repeat thousands of times in a long document: their
        # widths and their encoded operators are kept (a bounded number; encodings for one PDF at a time).
        self._widths: dict[tuple[str, float, str], float] = {}
        self._encoded: dict[tuple[str, float, str], list[tuple[str, str, float]]] = {}
        self._encoded_for: object = None
        self._pieces: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def font(self, style: str = "regular") -> str:
        return self.styles[style].name

    def fallbacks(self) -> list[Face]:
        """Every fallback font there is, read."""
        return list(self._fallback_faces())

    def _fallback_faces(self) -> Iterator[Face]:
        """The fallback fonts in order of preference, each read (a few hundred milliseconds for a CJK font) only
        when the ones before it lack a character."""
        if self._fallbacks is None:
            self._fallbacks = [] if self._sans.name in {f.name for f in self.styles.values()} else [self._sans]
            self._unread = [Path(p) for p in self._fallback_paths]
        i = 0
        while i < len(self._fallbacks) or self._unread:
            if i < len(self._fallbacks):
                yield self._fallbacks[i]
                i += 1
                continue
            path = self._unread.pop(0)
            if path.is_file():
                try:
                    self._fallbacks.append(_register(path))
                except Exception:  # a damaged or unsupported font file is skipped
                    continue

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
                else next((f for f in self._fallback_faces() if code in f.coverage), None)
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
        key = (style, size, text)
        found = self._widths.get(key)
        if found is None:
            found = self._measure(text, size, style)
            _keep(self._widths, key, found)
        return found

    def _measure(self, text: str, size: float, style: str) -> float:
        return sum(float(pdfmetrics.stringWidth(part, font, size)) for font, part in self.pieces(text, style))

    def pieces(self, text: str, style: str = "regular") -> list[tuple[str, str]]:
        """(font name, text) pieces of `text` as it stands on the line: itself in the style's font when simple,
        else its runs in visual order (joined Arabic, reversed right-to-left runs)."""
        key = (style, text)
        found = self._pieces.get(key)
        if found is None:
            simple = self.is_simple(text, style)
            found = [(self.styles[style].name, text)] if simple else self.runs(visual(text), style, text)
            _keep(self._pieces, key, found)
        return found

    def draw(self, canvas: Canvas, x: float, y: float, text: str, size: float, style: str = "regular") -> float:
        """Draw `text` with its left end at x; returns its width."""
        start = x
        if not canvas.bottomup:
            for font, part in self.pieces(text, style):
                canvas.setFont(font, size)
                canvas.drawString(x, y, part)
                x += pdfmetrics.stringWidth(part, font, size)
            return x - start
        code, leading = canvas._code, size * 1.2
        # As drawString writes it on the usual canvas, without its machinery: the font set (only the canvas's
        # state: the fonts are TrueType, whose setFont writes nothing) and each piece's operators as kept.
        for font, body, advance in self._drawn(canvas, text, size, style):
            if canvas._fontname != font or canvas._fontsize != size or canvas._leading != leading:
                canvas.setFont(font, size)
            code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {body} T* ET")
            x += advance
        return x - start

    def _drawn(self, canvas: Canvas, text: str, size: float, style: str) -> list[tuple[str, str, float]]:
        """(font, text_body, width) of each piece of a text, kept for the canvas's document (a text's bytes in
        a font's subsets never change within it)."""
        if self._encoded_for is not canvas._doc:
            self._encoded.clear()
            self._encoded_for = canvas._doc
        key = (style, size, text)
        found = self._encoded.get(key)
        if found is None:
            pieces = self.pieces(text, style)
            found = [
                (
                    font,
                    text_body(canvas, font, part, size),
                    self.width(text, size, style) if len(pieces) == 1 else pdfmetrics.stringWidth(part, font, size),
                )
                for font, part in pieces
            ]
            _keep(self._encoded, key, found)
        return found

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


CACHE_LIMIT = 20_000  # entries of each cache; emptied when full (a long list's names rarely repeat anyway)


def _keep(cache: dict[_K, _V], key: _K, value: _V) -> None:
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def text_operators(canvas: Canvas, font_name: str, x: float, y: float, text: str, size: float) -> str:
    """The operators reportlab's drawString writes for `text` in a TrueType font at the canvas's default
    leading, byte for byte, without its text object, bidi pass and width measured again: the documents draw a
    few hundred thousand strings, and that machinery was most of their time."""
    return f"BT 1 0 0 1 {fp_str(x, y)} Tm {text_body(canvas, font_name, text, size)} T* ET"


def text_body(canvas: Canvas, font_name: str, text: str, size: float) -> str:
    """The font, size and string operators of text_operators: the characters go into the font's subsets as
    drawString puts them."""
    font = pdfmetrics.getFont(font_name)
    doc = canvas._doc
    state = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
    return " ".join(
        f"{font.getSubsetInternalName(subset, doc)} {state} ({escapePDF(chunk)}) Tj"
        for subset, chunk in font.splitString(text, doc)
    )


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
