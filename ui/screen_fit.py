"""Every window of the desk on the screen it opens on, at any scaling: never larger than the available
geometry (the screen less its panels and a title bar), centred on it, and a dialog whose content needs more
room than the screen has scrolls, with its buttons (OK, Import, Cancel) kept in view below.

`install()` applies this, and the tables' set-up (ui/tables.py) and the accessible names (ui/accessible.py),
to every window and dialog from one place: an application-wide event filter."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.environment import STRICT_FIT

TITLE_BAR = 36  # a window manager's title bar, which availableGeometry() leaves to the window
FRAME = 8  # the window manager's borders, left and right together


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def room(widget: QWidget) -> QSize:
    """The largest client area a window can have on its screen with its frame and title bar in view."""
    area = available(widget)
    return QSize(area.width() - FRAME, area.height() - TITLE_BAR)


def focus_chain(window: QWidget) -> list[QWidget]:
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(chain) < 1000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def scroll_contents(dialog: QDialog) -> QScrollArea | None:
    """Put the dialog's content in a scroll area, its button box below it; the tab order is kept."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, "fitScroll") is not None:
        return None
    chain = focus_chain(dialog)
    items = (layout.itemAt(i) for i in range(layout.count()))
    boxes = [box for box in (item.widget() if item else None for item in items) if isinstance(box, QDialogButtonBox)]
    for box in boxes:
        layout.removeWidget(box)
    inner = QWidget()
    inner.setLayout(layout)  # takes the layout, and its widgets, from the dialog
    scroll = QScrollArea()
    scroll.setObjectName("fitScroll")
    scroll.setAccessibleName(dialog.windowTitle())
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(inner)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll, 1)
    for box in boxes:
        outer.addWidget(box)
        margins = layout.contentsMargins()
        box.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
    for before, after in zip(chain, chain[1:]):
        if before.window() is dialog and after.window() is dialog:
            QWidget.setTabOrder(before, after)
    return scroll


def fit_window(window: QWidget) -> None:
    """At most the room on its screen; a dialog that needs more scrolls; a main window is centred."""
    limit = room(window)
    if isinstance(window, QDialog) and not isinstance(window, QMessageBox):
        layout = window.layout()
        needed = layout.totalMinimumSize() if layout is not None else window.minimumSizeHint()
        if needed.width() > limit.width() or needed.height() > limit.height():
            scroll = scroll_contents(window)
            inner = scroll.widget() if scroll is not None else None
            if inner is not None:
                window.setMinimumSize(0, 0)
                wanted = inner.sizeHint().expandedTo(needed) + QSize(FRAME * 3, TITLE_BAR * 2)
                window.resize(wanted.boundedTo(limit))
    if window.minimumWidth() > limit.width() or window.minimumHeight() > limit.height():
        window.setMinimumSize(window.minimumSize().boundedTo(limit))
    if window.width() > limit.width() or window.height() > limit.height():
        window.resize(window.size().boundedTo(limit))
    if not isinstance(window, QDialog) and (
        not window.testAttribute(Qt.WidgetAttribute.WA_Moved) or not available(window).contains(window.geometry())
    ):
        centre(window)  # (a dialog centres itself on its parent, within the screen)


def centre(window: QWidget) -> None:
    area = available(window)
    x = area.x() + max(0, (area.width() - window.width() - FRAME) // 2)
    y = area.y() + max(0, (area.height() - window.height() - TITLE_BAR) // 2)
    window.move(x, y)


class _DeskFilter(QObject):
    """On every window's first showing: fit it to the screen, set up its tables, name its fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            kind = watched.windowType()
            if kind in (Qt.WindowType.Window, Qt.WindowType.Dialog) and not watched.property("ccmFitted"):
                watched.setProperty("ccmFitted", True)
                try:
                    prepare(watched)
                except Exception:  # (an exception escaping an event filter would end the program)
                    logging.getLogger(__name__).exception("Could not fit %s to the screen", type(watched).__name__)
                    if STRICT_FIT.flag():
                        raise
        return False


def prepare(window: QWidget) -> None:
    from ui.accessible import name_widgets
    from ui.focus_order import reading_order
    from ui.tables import configure_view

    for view in window.findChildren(QAbstractItemView):
        configure_view(view)
    name_widgets(window)
    fit_window(window)
    if isinstance(window, QDialog):
        layout = window.layout()
        if layout is not None:
            layout.activate()  # (the fields where they will show)
        reading_order(window)


def install() -> None:
    """Once per application (idempotent)."""
    app = QApplication.instance()
    if app is None or app.property("ccmDeskFilter"):
        return
    app.setProperty("ccmDeskFilter", True)
    keeper = _DeskFilter(app)
    app.installEventFilter(keeper)
