"""The desk's own colours, chosen for a light or a dark palette so that every text reads at WCAG AA contrast
(4.5:1) on both, and the contrast computed as WCAG 2 defines it. Everything else comes from the palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Text colours by role: (on a light palette, on a dark one).
TEXT = {
    "error": ("#a40000", "#ff9c8f"),  # what is wrong with a field, a refused row, a failed check-in
    "link": ("#1f5fa8", "#8cbcff"),  # the overview's figures that list what they count
    "quiet": ("#474747", "#c4c4c4"),  # an example beside a field
    "line": ("#1f5fa8", "#8cbcff"),  # the running total of registrations
    "marker": ("#b00020", "#ff9c8f"),  # the meeting's first day on that chart
}
BANNER = ("#fff4d6", "#1a1a1a")  # (background, text) of the figure banner: the same on either palette
MINIMUM = 4.5


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def colour(role: str, palette: QPalette | None = None) -> str:
    light, dark = TEXT[role]
    return dark if is_dark(palette) else light


def style(role: str) -> str:
    return f"color: {colour(role)};"


def luminance(c: QColor) -> float:
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    first, second = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (first + 0.05) / (second + 0.05)


def readable_on(background: QColor | str) -> str:
    """Black or white, whichever reads better on `background` (a badge colour's swatch)."""
    return "#000000" if contrast("#000000", background) >= contrast("#FFFFFF", background) else "#FFFFFF"


def dark_palette() -> QPalette:
    """A dark palette as desktops give one (for tests and for checking the colours above on it)."""
    p = QPalette()
    window, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e8e8e8")
    for role, value in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#262626")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#353535")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb4")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, QColor("#3a3a3a")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#a8a8a8")),
        (QPalette.ColorRole.Link, QColor("#8cbcff")),
    ):
        p.setColor(role, value)
    return p


PAIRS = (  # (text, background) roles of a palette that a person reads
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
)


def shown_on(text: QColor, background: QColor) -> QColor:
    """A translucent text colour as it shows on its background."""
    a = text.alphaF()
    return QColor.fromRgbF(*(t * a + b * (1 - a) for t, b in zip(_rgb(text), _rgb(background))))


def _towards(c: QColor, target: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(x + (y - x) * share for x, y in zip(_rgb(c), _rgb(target))))


def _rgb(c: QColor) -> tuple[float, float, float]:
    return c.redF(), c.greenF(), c.blueF()


def readable(palette: QPalette) -> QPalette:
    """The palette with each text role moved towards black or white (and, when that is not enough, its
    background the other way) until it reads at 4.5:1 (Fusion's placeholder and selection are fainter)."""
    palette = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg_role, bg_role in PAIRS:
            bg = palette.color(group, bg_role)
            fg = shown_on(palette.color(group, fg_role), bg)
            light_text = luminance(fg) > luminance(bg)
            end, other = (QColor("white"), QColor("black")) if light_text else (QColor("black"), QColor("white"))
            share = 0.0
            while contrast(fg, bg) < MINIMUM and share < 1.0:
                share += 0.1
                fg = _towards(fg, end, 0.1 / (1.1 - share) if share < 1.0 else 1.0)
            while contrast(fg, bg) < MINIMUM:
                bg = _towards(bg, other, 0.1)
            palette.setColor(group, fg_role, fg)
            palette.setColor(group, bg_role, bg)
    return palette
