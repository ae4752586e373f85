"""A two-column page flow on a reportlab canvas: fast (no platypus), with blocks that are never split."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ccm_secretariat.exports.fonts import FontSet
from ccm_secretariat.exports.masthead import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

GUTTER = 22.0
COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN_X - GUTTER) / 2

# A line of a block: (text, size, style, indent, leading)
Line = tuple[str, float, str, float, float]


class Columns:
    def __init__(self, canvas: Canvas, fonts: FontSet, start_y: float, new_page: Callable[[int], None]) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self.page = 1
        self.column = 0
        self.top = start_y
        self.y = start_y
        self._new_page = new_page

    @property
    def x(self) -> float:
        return float(MARGIN_X + self.column * (COLUMN_WIDTH + GUTTER))

    def room(self) -> float:
        return self.y - MARGIN_BOTTOM

    def next_column(self) -> None:
        if self.column == 0:
            self.column = 1
        else:
            self.canvas.showPage()
            self.page += 1
            self._new_page(self.page)
            self.column = 0
            self.top = PAGE_HEIGHT - MARGIN_TOP
        self.y = self.top

    def at_top(self) -> bool:
        return self.y == self.top

    def fits(self, height: float) -> bool:
        return height <= self.room() or self.at_top()

    def draw(self, lines: list[Line]) -> None:
        x, canvas, draw = self.x, self.canvas, self.fonts.draw
        for text, size, style, indent, leading in lines:
            self.y -= leading
            if text:
                draw(canvas, x + indent, self.y, text, size, style)

    def closing_rule(self) -> None:
        """The short centred rule a UN document ends with, under the last entry."""
        if not self.fits(18):
            self.next_column()
        self.y -= 14
        middle = self.x + COLUMN_WIDTH / 2
        self.canvas.setLineWidth(0.8)
        self.canvas.line(middle - 36, self.y, middle + 36, self.y)

    def space(self, points: float) -> None:
        if not self.at_top():
            self.y -= points


def height(lines: list[Line]) -> float:
    return sum(line[4] for line in lines)
