"""The main window's pages, each in a scroll area: on a small or scaled screen a page that needs more room than
the window has scrolls, rather than forcing the window wider or taller than the screen. The tab widget answers
with the pages themselves (`widget`, `currentWidget`, `setCurrentWidget`, `indexOf`), never their scroll areas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class PageTabs(QTabWidget):
    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]
        scroll = QScrollArea()
        scroll.setObjectName(f"pageScroll{self.count()}")
        scroll.setAccessibleName(title.replace("&", ""))
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard goes to the page's fields, not the frame
        scroll.setWidget(page)
        return super().addTab(scroll, title)

    def widget(self, index: int) -> QWidget:
        scroll = super().widget(index)
        page = scroll.widget() if isinstance(scroll, QScrollArea) else scroll
        assert page is not None, index
        return page

    def currentWidget(self) -> QWidget:
        return self.widget(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:
        return next((i for i in range(self.count()) if self.widget(i) is page), -1)

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(page))
