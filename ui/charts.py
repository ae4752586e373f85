"""Two small charts drawn with QPainter (no chart library: QtCharts needs PySide6-Addons, matplotlib is heavy):
stacked horizontal bars whose segments can be clicked, and a cumulative line with a day marked. Segments are
told apart by pattern as well as by shade, so that the page reads in black and white too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QToolTip, QWidget

from ccm_secretariat.domain.prose import un_date
from ui import colours

# (fill, pattern) per segment position: distinct in grey as in colour.
STYLES = (
    (QColor("#1f5fa8"), Qt.BrushStyle.SolidPattern),
    (QColor("#9cc7f0"), Qt.BrushStyle.Dense4Pattern),
    (QColor("#f2b233"), Qt.BrushStyle.BDiagPattern),
    (QColor("#4d4d4d"), Qt.BrushStyle.Dense3Pattern),  # dark and dense: unlike the second (Men) in grey too
)
LABEL_WIDTH = 170  # at most: the row labels take what their longest needs
ROW_HEIGHT = 22
GAP = 8
MARKED = "first day"  # the label of the cumulative line's marked day


@dataclass(frozen=True)
class Segment:
    key: str  # what a click names (an overview figure's key)
    count: int
    tooltip: str


@dataclass(frozen=True)
class BarRow:
    label: str
    segments: tuple[Segment, ...]
    note: str = ""  # at the end of the bar: "previous: 58"


class FigureMark(QAbstractButton):
    """One bar or segment for a screen reader: a button named by its figure ("States Parties, Original: 12"),
    placed over the segment its chart draws; pressing it (a screen reader's action) lists what it counts, as a
    click on the segment does. It draws nothing and takes neither the mouse nor the focus: the chart does."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_figure(self, name: str, rect: QRectF) -> None:
        self.setText(name.replace("&", "&&"))
        self.setAccessibleName(name)
        self.setGeometry(rect.toAlignedRect())

    def paintEvent(self, _event: QPaintEvent) -> None:
        pass


class PointMark(QLabel):
    """One day of the running total for a screen reader ("25 November 2020: 42 registered"), over its point."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, _event: QPaintEvent) -> None:
        pass


class StackedBars(QWidget):
    """One bar a row, its segments in the order of `legend`; a click on a segment emits its key."""

    clicked = Signal(str)

    def __init__(self, legend: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.legend = legend
        self.rows: tuple[BarRow, ...] = ()
        self._hits: list[tuple[QRectF, Segment]] = []
        self.marks: list[FigureMark] = []  # one a segment, for a screen reader
        self._current = 0  # the segment the keyboard is on (arrow keys move, Enter or Space chooses)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: tuple[BarRow, ...]) -> None:
        self.rows = rows
        self.setAccessibleDescription(self.figures())
        self.setFixedHeight(self._height(self.width() or 520))
        self._lay_out()
        self.update()

    def figures(self) -> str:
        """Every figure in words, for a screen reader: "States Parties: Original 12, Copy or note verbale 3; …"."""
        named = len(self.legend) == len(self.rows[0].segments) if self.rows else False
        return "; ".join(
            f"{row.label}: "
            + ", ".join(
                f"{self.legend[i]} {s.count:,}" if named and len(self.legend) > 1 else f"{s.count:,}"
                for i, s in enumerate(row.segments)
            )
            + (f" ({row.note})" if row.note else "")
            for row in self.rows
        )

    def label_width(self, width: int) -> int:
        """The row labels' column: as wide as the longest label needs, up to LABEL_WIDTH or 40 % of the chart."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0) + 12
        return max(60, min(widest, max(LABEL_WIDTH, int(width * 0.4))))

    def legend_lines(self, width: int) -> list[list[tuple[int, str]]]:
        """The legend's entries in as many lines as `width` needs (none for a single series): never cut off."""
        if len(self.legend) <= 1:
            return []
        metrics = self.fontMetrics()
        start = self.label_width(width)
        lines: list[list[tuple[int, str]]] = [[]]
        x = start
        for i, name in enumerate(self.legend):
            step = 19 + metrics.horizontalAdvance(name) + 18
            if lines[-1] and x + step > width:
                lines.append([])
                x = start
            lines[-1].append((i, name))
            x += step
        return lines

    def _height(self, width: int) -> int:
        return len(self.legend_lines(width)) * ROW_HEIGHT + len(self.rows) * (ROW_HEIGHT + GAP) + GAP

    def sizeHint(self) -> QSize:
        return QSize(520, self._height(max(self.width(), 520)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self._height(self.width())
        if height != self.height():
            self.setFixedHeight(height)  # the legend took another line, or gave one back
        self._lay_out()

    def segment_rect(self, row: int, index: int) -> QRectF:
        """Where segment `index` of row `row` is drawn (for clicks, tooltips and tests)."""
        for rect, segment in self._hits:
            if segment is self.rows[row].segments[index]:
                return rect
        return QRectF()

    def _bars_top(self) -> float:
        return len(self.legend_lines(self.width())) * ROW_HEIGHT

    def _note_room(self) -> int:
        return max((self.fontMetrics().horizontalAdvance(r.note) for r in self.rows), default=0) + 60

    def _row_y(self, n: int) -> float:
        return self._bars_top() + GAP + n * (ROW_HEIGHT + GAP)

    def _lay_out(self) -> None:
        """Where each segment goes (clicks, the keyboard, painting) and the screen reader's marks over them."""
        label_width = self.label_width(self.width())
        widest = max((sum(s.count for s in r.segments) for r in self.rows), default=0) or 1
        room = max(40.0, self.width() - label_width - self._note_room())
        self._hits = []
        marks: list[tuple[str, QRectF, str]] = []
        named = len(self.legend) == len(self.rows[0].segments) if self.rows else False
        for n, row in enumerate(self.rows):
            y, x = self._row_y(n), float(label_width)
            for i, segment in enumerate(row.segments):
                series = f", {self.legend[i]}" if named else ""
                name = f"{row.label}{series}: {segment.count:,}" + (f" ({row.note})" if row.note else "")
                if not segment.count:  # nothing drawn: the mark sits on the row's label
                    marks.append((name, QRectF(0, y, label_width - 8, ROW_HEIGHT), segment.key))
                    continue
                rect = QRectF(x, y, max(3.0, room * segment.count / widest), ROW_HEIGHT)
                self._hits.append((rect, segment))
                marks.append((name, rect, segment.key))
                x += rect.width()
        while len(self.marks) < len(marks):
            mark = FigureMark(self)
            mark.clicked.connect(lambda _checked=False, mark=mark: self.clicked.emit(mark.property("key")))
            self.marks.append(mark)
        for mark, (name, rect, key) in zip(self.marks, marks):
            mark.set_figure(name, rect)
            mark.setProperty("key", key)
            mark.show()
        for mark in self.marks[len(marks) :]:
            mark.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        top = 0.0
        label_width = self.label_width(self.width())
        for line in self.legend_lines(self.width()):  # the legend, with each segment's swatch
            x = float(label_width)
            for i, name in line:
                self._swatch(p, QRectF(x, top + 5, 14, 12), i)
                p.setPen(self.palette().text().color())
                shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(20, self.width() - int(x) - 19))
                p.drawText(QPointF(x + 19, top + 15), shown)
                x += 19 + metrics.horizontalAdvance(name) + 18
            top += ROW_HEIGHT
        hits = iter(self._hits)
        for n, row in enumerate(self.rows):
            y = self._row_y(n)
            p.setPen(self.palette().text().color())
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width - 8)
            p.drawText(QRectF(0, y, label_width - 8, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, label)
            end = float(label_width)
            for i, segment in enumerate(row.segments):
                if not segment.count:
                    continue
                rect, _segment = next(hits)
                self._swatch(p, rect, i)
                number = f"{segment.count:,}"
                if rect.width() > metrics.horizontalAdvance(number) + 8:
                    p.setPen(QColor("white") if i == 0 else QColor("black"))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)
                end = rect.right()
            p.setPen(self.palette().text().color())
            total = sum(s.count for s in row.segments)
            text = f"{total:,}" + (f"   {row.note}" if row.note else "")
            p.drawText(QRectF(end + 6, y, self._note_room(), ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, text)
        if self.hasFocus() and self._hits:  # where Enter would go
            self._current = min(self._current, len(self._hits) - 1)
            p.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self._hits[self._current][0].adjusted(-2, -2, 2, 2))
        p.end()

    def _swatch(self, p: QPainter, rect: QRectF, index: int) -> None:
        colour, pattern = STYLES[index % len(STYLES)]
        p.setPen(QPen(QColor("#333333"), 0.8))
        p.setBrush(QBrush(QColor("white")))
        p.drawRect(rect)
        p.setBrush(QBrush(colour, pattern))
        p.drawRect(rect)

    def _segment_at(self, point: QPointF) -> Segment | None:
        return next((segment for rect, segment in self._hits if rect.contains(point)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        segment = self._segment_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if segment else Qt.CursorShape.ArrowCursor)
        if segment is not None:
            QToolTip.showText(event.globalPosition().toPoint(), f"{segment.tooltip}: {segment.count} — click to list")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._hits and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self._current = (self._current + step) % len(self._hits)
            rect, segment = self._hits[self._current]
            self.setToolTip(f"{segment.tooltip}: {segment.count}")
            self.update()
        elif self._hits and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self._hits[min(self._current, len(self._hits) - 1)][1].key)
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._lay_out()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        segment = self._segment_at(event.position())
        if segment is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(segment.key)


class CumulativeLine(QWidget):
    """A running total by day, with one day marked (the meeting's first)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: tuple[tuple[dt.date, int], ...] = ()
        self.marked: dt.date | None = None
        self.marks: list[PointMark] = []  # one a day with registrations, for a screen reader
        self.setMinimumHeight(170)

    def set_points(self, points: tuple[tuple[dt.date, int], ...], marked: dt.date | None) -> None:
        self.points, self.marked = points, marked
        said = "; ".join(f"{un_date(day)}: {n:,}" for day, n in points) or "No registration dates yet"
        self.setAccessibleDescription(f"Running total by registration date: {said}")
        self._place_marks()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_marks()

    def _area(self) -> QRectF:
        left, right, top, bottom = 46.0, 16.0, 10.0, 26.0
        return QRectF(left, top, max(10.0, self.width() - left - right), max(10.0, self.height() - top - bottom))

    def _span(self) -> tuple[dt.date, dt.date, int, int]:
        """The first and last day drawn, the days between them and the highest total."""
        days = [d for d, _ in self.points] + ([self.marked] if self.marked else [])
        first, last = min(days), max(days)
        return first, last, max(1, (last - first).days), max(n for _, n in self.points) or 1

    def at(self, day: dt.date, n: int) -> QPointF:
        """Where the total `n` on `day` is drawn."""
        area, (first, _last, span, peak) = self._area(), self._span()
        return QPointF(area.left() + area.width() * (day - first).days / span, area.bottom() - area.height() * n / peak)

    def _place_marks(self) -> None:
        while len(self.marks) < len(self.points):
            self.marks.append(PointMark(self))
        for mark, (day, n) in zip(self.marks, self.points):
            point = self.at(day, n)
            mark.setText(f"{un_date(day)}: {n:,} registered")
            mark.setGeometry(int(point.x()) - 3, int(point.y()) - 3, 7, 7)
            mark.show()
        for mark in self.marks[len(self.points) :]:
            mark.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        area = self._area()
        left = area.left()
        p.setPen(QPen(text, 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())
        if not self.points:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, "No registration dates yet")
            p.end()
            return
        first, last, _span, peak = self._span()
        at = self.at

        line = QPolygonF()
        previous = 0
        for day, n in self.points:  # a step: the total holds until the next day with registrations
            line.append(at(day, previous))
            line.append(at(day, n))
            previous = n
        if self.marked and self.marked > self.points[-1][0]:
            line.append(at(self.marked, previous))
        p.setPen(QPen(QColor(colours.colour("line", self.palette())), 2))
        p.drawPolyline(line)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        p.setPen(text)
        p.drawText(QRectF(0, area.top() - 6, left - 6, 14), Qt.AlignmentFlag.AlignRight, str(peak))
        p.drawText(QRectF(0, area.bottom() - 8, left - 6, 14), Qt.AlignmentFlag.AlignRight, "0")
        half = area.width() / 2 - 4  # the first and last day each take at most half the axis: never overlapping
        for day, x, align in (
            (first, area.left(), Qt.AlignmentFlag.AlignLeft),
            (last, area.right() - half, Qt.AlignmentFlag.AlignRight),
        ):
            shown = p.fontMetrics().elidedText(un_date(day), Qt.TextElideMode.ElideRight, int(half))
            p.drawText(QRectF(x, area.bottom() + 4, half, 16), align, shown)
        if self.marked:
            x = at(self.marked, 0).x()
            p.setPen(QPen(QColor(colours.colour("marker", self.palette())), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            room = self.marker_label_rect(x, area, p.fontMetrics().horizontalAdvance(MARKED))
            p.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, MARKED)
        p.end()

    @staticmethod
    def marker_label_rect(x: float, area: QRectF, width: float) -> QRectF:
        """Where "first day" is written: left of the dashed line when it fits inside the plot, else right of it;
        always inside the plot (never over the axis figures) and clear of the dashed line."""
        width += 4
        left = x - 4 - width if x - 4 - width >= area.left() else x + 4
        left = min(left, area.right() - width)
        return QRectF(left, area.top() + 2, width, 16)
