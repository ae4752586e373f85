"""Print preview: the very PDF the export writes, shown page by page and printed from there.

The document is written off the main thread by the same writer as File → Export (one layout, not two); the preview
then draws only the pages in view (PDFium through pypdfium2), so a 2,000-page list opens as fast as a 2-page one.
PDFium is not thread-safe: every call to it stays on the main thread."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressDialog,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

POINTS_PER_INCH = 72
ZOOMS = (("Fit width", 0.0), ("50 %", 0.5), ("75 %", 0.75), ("100 %", 1.0), ("150 %", 1.5))


class PdfPages:
    """One PDF file, opened for drawing its pages."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._pdf = pdfium.PdfDocument(str(path))

    def __len__(self) -> int:
        return len(self._pdf)

    def size(self, index: int) -> tuple[float, float]:
        """Width and height of a page, in points."""
        return self._pdf.get_page_size(index)

    def image(self, index: int, scale: float) -> QImage:
        """Page `index` drawn at `scale` pixels per point, on white."""
        page = self._pdf[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True, may_draw_forms=False)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
            return image.copy()  # the bitmap's memory goes with it
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()


class PageModel(QAbstractListModel):
    """The pages as rows; a page is drawn when the view first asks for it, and the last few are kept."""

    KEEP = 24

    def __init__(self, pages: PdfPages, parent=None):
        super().__init__(parent)
        self.pages = pages
        self.scale = 1.0
        self._drawn: OrderedDict[int, QPixmap] = OrderedDict()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pages)

    def set_scale(self, scale: float) -> None:
        self.beginResetModel()
        self.scale = scale
        self._drawn.clear()
        self.endResetModel()

    def page_size(self, row: int) -> QSize:
        width, height = self.pages.size(row)
        return QSize(round(width * self.scale), round(height * self.scale))

    def pixmap(self, row: int) -> QPixmap:
        if row in self._drawn:
            self._drawn.move_to_end(row)
            return self._drawn[row]
        app = QApplication.instance()
        ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0
        pixmap = QPixmap.fromImage(self.pages.image(row, self.scale * ratio))
        pixmap.setDevicePixelRatio(ratio)
        self._drawn[row] = pixmap
        while len(self._drawn) > self.KEEP:
            self._drawn.popitem(last=False)
        return pixmap

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.pixmap(index.row())
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.page_size(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Page {index.row() + 1} of {len(self.pages)}"
        return None

    @property
    def drawn(self) -> list[int]:
        """The pages drawn and kept (tests check that only the pages in view were drawn)."""
        return list(self._drawn)


class PageDelegate(QStyledItemDelegate):
    """A page centred across the view, on the grey of the desk."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:
        page = index.data(Qt.ItemDataRole.SizeHintRole)
        room = self.view.viewport().width() - 2 * self.view.spacing()
        return QSize(max(page.width(), room), page.height())

    def paint(self, painter: QPainter, option, index) -> None:
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        size = pixmap.deviceIndependentSize().toSize()
        x = option.rect.x() + max(0, (option.rect.width() - size.width()) // 2)
        painter.fillRect(
            QRect(x + 3, option.rect.y() + 3, size.width(), size.height()), Qt.GlobalColor.darkGray
        )  # shadow
        painter.drawPixmap(QRect(x, option.rect.y(), size.width(), size.height()), pixmap)


class PreviewDialog(QDialog):
    def __init__(self, title: str, pages: PdfPages, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pages = pages
        self.model = PageModel(pages, self)
        self.view = QListView()
        self.view.setAccessibleName("Pages")
        self.view.setModel(self.model)
        self.view.setItemDelegate(PageDelegate(self.view))
        self.view.setUniformItemSizes(True)  # all pages of one document are one size: no need to measure each
        self.view.setSpacing(8)
        self.view.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.view.setStyleSheet("QListView { background: #7f7f7f; }")
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.verticalScrollBar().setSingleStep(24)
        self.view.verticalScrollBar().valueChanged.connect(self._show_position)
        self.zoom = QComboBox()
        for label, value in ZOOMS:
            self.zoom.addItem(label, value)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.position = QLabel()
        self.print_button = QPushButton("&Print…")
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        zoom_label = QLabel("&Zoom:")
        zoom_label.setBuddy(self.zoom)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        self.resize(900, 900)
        self._fit_width()
        self._show_position()

    # Zoom --------------------------------------------------------------------------------------------------
    def _fit_width(self) -> None:
        if not len(self.pages):
            return
        width, _height = self.pages.size(0)
        room = self.view.viewport().width() - 2 * self.view.spacing() - 8
        scale = max(0.25, room / width)
        if abs(scale - self.model.scale) > 0.005:
            self.model.set_scale(scale)

    def _zoom_changed(self) -> None:
        value = self.zoom.currentData()
        if value:
            screen = QApplication.primaryScreen()
            dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
            self.model.set_scale(value * dpi / POINTS_PER_INCH)
        else:
            self._fit_width()
        self._show_position()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.zoom.currentData():
            self._fit_width()
        else:
            self.view.doItemsLayout()  # pages stay centred

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.zoom.currentData():
            self._fit_width()  # the view has its real width only now
        self._show_position()

    def _show_position(self, *_args) -> None:
        index = self.view.indexAt(self.view.viewport().rect().center())
        page = index.row() + 1 if index.isValid() else 1
        self.position.setText(f"Page {page} of {len(self.pages)}" if len(self.pages) else "No pages")

    def current_page(self) -> int:
        index = self.view.indexAt(self.view.viewport().rect().center())
        return index.row() if index.isValid() else 0

    def go_to(self, page: int) -> None:
        self.view.scrollTo(self.model.index(page), QListView.ScrollHint.PositionAtTop)
        self._show_position()

    # Printing ----------------------------------------------------------------------------------------------
    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Ask for the printer (unless given one), then send it the pages, with a progress dialog and Cancel."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.windowTitle())
            printer.setFromTo(1, len(self.pages))
            dialog = QPrintDialog(printer, self)
            dialog.setMinMax(1, len(self.pages))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        return print_pages(self.pages, printer, self)


def print_pages(pages: PdfPages, printer: QPrinter, parent: QWidget | None = None) -> bool:
    """Draw the pages (the printer's range, or all) onto `printer`, each fitted to the paper, at up to 300 dpi."""
    first, last = printer.fromPage() or 1, printer.toPage() or len(pages)
    first, last = max(1, first), min(len(pages), last)
    progress = QProgressDialog("Printing…", "Cancel", 0, last - first + 1, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    painter = QPainter()
    if not painter.begin(printer):
        progress.close()
        return False
    dpi = min(printer.resolution(), 300)
    try:
        for number in range(first, last + 1):
            if progress.wasCanceled():
                printer.abort()
                return False
            if number > first:
                printer.newPage()
            image = pages.image(number - 1, dpi / POINTS_PER_INCH)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
            progress.setValue(number - first + 1)
            QApplication.processEvents()
    finally:
        painter.end()
        progress.close()
    return True
