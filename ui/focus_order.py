"""Tab follows the screen: in a dialog the keyboard goes through the fields in reading order (row by row, top to
bottom, and left to right within a row), whatever order the code created them in, from one place
(ui/screen_fit.py calls `reading_order` when a dialog first shows)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QWidget

COMPOUND = (QComboBox, QAbstractSpinBox, QAbstractItemView)  # their inner parts are not stops of their own


def stops(window: QWidget) -> list[QWidget]:
    """The widgets Tab can stop at in `window` (shown ones, each once)."""
    found = []
    for widget in window.findChildren(QWidget):
        if (
            widget.window() is window
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and widget.isVisibleTo(window)
            and not _inside_compound(widget, window)
        ):
            found.append(widget)
    return found


def _inside_compound(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def in_reading_order(widgets: list[QWidget], window: QWidget) -> list[QWidget]:
    placed = [(QRect(w.mapTo(window, QPoint(0, 0)), w.size()), w) for w in widgets]
    placed.sort(key=lambda p: (p[0].center().y(), p[0].x()))
    rows: list[list[tuple[QRect, QWidget]]] = []
    for rect, widget in placed:
        if rows and rows[-1][0][0].top() <= rect.center().y() <= rows[-1][0][0].bottom():
            rows[-1].append((rect, widget))  # beside the row's first widget: the same row
        else:
            rows.append([(rect, widget)])
    return [widget for row in rows for _rect, widget in sorted(row, key=lambda p: p[0].x())]


def reading_order(window: QWidget) -> list[QWidget]:
    ordered = in_reading_order(stops(window), window)
    for before, after in zip(ordered, ordered[1:]):
        QWidget.setTabOrder(before, after)
    return ordered
