"""What a screen reader says for each field: a field with no label of its own (a search box, a filter, a
table) is named from its placeholder or tooltip when its code gave it no name; `unnamed` lists what is left,
for the tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader reads: the accessible name, a buddy label's text or a button's text."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def focusable(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and w.window() is window
    ]


def name_widgets(window: QWidget) -> None:
    """A name from the placeholder or the tooltip for a field whose code gave it none."""
    for widget in focusable(window):
        if spoken_name(widget):
            continue
        hint = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        hint = hint or widget.toolTip()
        if hint and not isinstance(widget, QAbstractButton):
            widget.setAccessibleName(hint.split("(")[0].strip())


def unnamed(window: QWidget) -> list[QWidget]:
    return [w for w in focusable(window) if not spoken_name(w)]
