"""The main window: menus, the meeting switcher, the pages, the status bar. Pages do the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
)

from ccm_secretariat.application import APP_NAME
from ccm_secretariat.documents.registry import DOCUMENTS, export_named
from ccm_secretariat.services import Services
from ui.errors import show_error
from ui.export_options import export_options, preview_options
from ui.import_flow import ImportFlow
from ui.mnemonics import give_mnemonics
from ui.page_tabs import PageTabs
from ui.pages.agenda import AgendaPage
from ui.pages.check_in import CheckInPage
from ui.pages.decisions import DecisionsPage
from ui.pages.documents import DocumentsPage
from ui.pages.events import EventsPage
from ui.pages.meeting import MeetingPage
from ui.pages.obligations import ObligationsPage
from ui.pages.overview import OverviewPage
from ui.pages.reference import ReferencePage
from ui.pages.registration import RegistrationPage
from ui.screen_fit import install as install_desk_filter
from ui.settings import DeskSettings
from ui.tasks import TaskRunner
from ui.undo import UndoRecorder
from ui.window_database import DatabaseActions
from ui.window_desks import WRITES, ReaderAndOtherDesks
from ui.window_help import HelpActions

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}
# The Export menu: every document of the registry in each of its formats, then the variants the kinds declare
# (the internal workbook); after a separator, the variants that only lay a document out otherwise (a long
# programme of work on A4 on its side). Each entry: (label, format, the kind's or the variant's name).
EXPORTS = tuple(
    (f"{kind.label} ({FORMAT_NAMES[fmt]})…", fmt, kind.name) for kind in DOCUMENTS.values() for fmt in kind.formats
) + tuple(
    (f"{v.label} ({FORMAT_NAMES[fmt]})…", fmt, v.name)
    for kind in DOCUMENTS.values()
    for v in kind.variants
    if not v.layout_only
    for fmt in v.formats
)
LAYOUT_EXPORTS = tuple(
    (f"{v.label} ({FORMAT_NAMES[fmt]})…", fmt, v.name)
    for kind in DOCUMENTS.values()
    for v in kind.variants
    if v.layout_only
    for fmt in v.formats
)
# The print preview: every document the desk writes as PDF.
PREVIEWS = tuple(kind for kind in DOCUMENTS.values() if "pdf" in kind.formats)


def fitting_size(widget) -> tuple[int, int]:
    """1366 × 768, or less on a smaller screen: the window with its title bar, on a screen with a panel, keeps
    its status bar (where confirmations appear) in view."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return 1366, 768
    available = screen.availableGeometry()
    return min(1366, available.width()), min(768, available.height() - TITLE_BAR)


def records_printing(what: str) -> bool:
    """A document whose printing the desk records (badges): writing it writes to the database too, so a reader
    cannot print it."""
    return export_named(what)[0].finish is not None


TITLE_BAR = 36  # a window manager's title bar, which availableGeometry() leaves to the window


class MainWindow(DatabaseActions, ReaderAndOtherDesks, HelpActions):
    """The window; opening, backing up and restoring databases (ui/window_database.py), a reader's desk and
    other desks' changes (ui/window_desks.py) and the Help menu (ui/window_help.py) are in modules of their own."""

    def __init__(
        self, services: Services, settings: DeskSettings | None = None, synchronous: bool = False, open_database=None
    ):
        super().__init__()
        install_desk_filter()  # every window fitted to its screen, its tables and fields set up (ui/screen_fit.py)
        self.services = services
        self.settings = settings or DeskSettings()
        self.tasks = TaskRunner(self, synchronous=synchronous)
        self._open_database = open_database
        self.undo_stack = QUndoStack(self)
        self.editor = UndoRecorder(self.undo_stack, self.refresh_current, self.say)
        self.editor.runner = self.tasks.run  # large removals are undone and redone off the main thread
        self.imports = ImportFlow(self)
        self.meeting = None
        self.setWindowTitle(APP_NAME)

        self.meeting_box = QComboBox()
        self.meeting_box.setMinimumWidth(260)
        self.meeting_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the title whole at once
        self.meeting_box.setAccessibleName("Meeting")
        self.meeting_box.currentIndexChanged.connect(self._meeting_chosen)
        toolbar = QToolBar("Meeting")
        toolbar.setObjectName("meetingToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel("  Meeting: "))
        toolbar.addWidget(self.meeting_box)
        self.addToolBar(toolbar)

        self.overview = OverviewPage(services, self.editor, synchronous=synchronous)
        self.overview.figure_chosen.connect(self.show_figure)
        self.registration = RegistrationPage(services, self.editor, synchronous=synchronous)
        self.meeting_page = MeetingPage(services, self.editor)
        self.agenda = AgendaPage(services, self.editor)
        self.documents = DocumentsPage(services, self.editor)
        self.decisions = DecisionsPage(services, self.editor)
        self.reference = ReferencePage(services, self.editor, self.tasks)
        self.check_in = CheckInPage(services, self.editor)
        self.obligations = ObligationsPage(services, self.editor)
        self.events = EventsPage(services, self.editor)
        self.pages = PageTabs()  # each page scrolls when the screen is too small for it
        for page, title in (
            (self.overview, "Overview"),
            (self.registration, "Registration"),
            (self.meeting_page, "Meeting"),
            (self.agenda, "Agenda and programme of work"),
            (self.documents, "Documents"),
            (self.decisions, "Decisions and recommendations"),
            (self.reference, "Reference data"),
            (self.check_in, "Check-in"),
            (self.obligations, "Obligations"),
            (self.events, "History"),
        ):
            self.pages.addTab(page, title)
            page.status.connect(self.say)
        self.meeting_page.renamed.connect(self.reload_meetings)
        self.pages.currentChanged.connect(lambda _i: self.refresh_current())
        for n in range(self.pages.count()):  # Alt+1 … Alt+9, Alt+0: the pages, in the order of their tabs
            self.pages.setTabToolTip(n, f"Alt+{(n + 1) % 10}")
            QShortcut(QKeySequence(f"Alt+{(n + 1) % 10}"), self, lambda n=n: self.pages.setCurrentIndex(n))
        self.setCentralWidget(self.pages)
        self._menus()
        self.statusBar().showMessage(f"Database: {services.db.display_name}")
        self.resize(*fitting_size(self))
        geometry, state = self.settings.geometry(), self.settings.state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.reload_meetings(prefer=self.settings.last_meeting)
        # Other desks' changes appear within a second or two (see ccm_secretariat/storage/watch.py).
        from ccm_secretariat.storage.watch import ChangeWatcher

        self.watcher = ChangeWatcher(services.db)
        self.not_live = QLabel("Not live: other desks' changes do not appear; reconnecting…")
        self.not_live.setObjectName("notLive")
        self.not_live.setStyleSheet("color: #B00020; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.not_live)
        self.not_live.setVisible(not self.watcher.live)
        self.watch_timer = QTimer(self)
        self.watch_timer.timeout.connect(self.check_for_changes)
        self.watch_timer.start(1000)
        self.read_only = services.db.read_only
        if self.read_only:
            self.become_read_only()

    # Menus -------------------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, writes: bool = False) -> QAction:
        """A menu item; `writes`: it changes the database, so a reader's desk disables it (whatever its label)."""
        action = QAction(text, self)
        action.setProperty(WRITES, writes)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        return action

    def _export_action(self, menu, text: str, fmt: str, what: str) -> None:
        self._action(menu, text, lambda _c=False: self.export(what, fmt), writes=records_printing(what))

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&New meeting…", self.new_meeting, QKeySequence.StandardKey.New, writes=True)
        self._action(file, "&Open database…", self.open_database, QKeySequence.StandardKey.Open)
        self._action(file, "Connect to a ser&ver…", lambda: self.connect_to_server())
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file, "Open the &demo conference", self.open_demo, writes=True)
        self._action(
            file,
            "Open the practice cop&y of the demo (fictitious participants)",
            lambda: self.open_demo(practice=True),
            writes=True,
        )
        file.addSeparator()
        self._action(file, "&Import registrations…", lambda: self.imports.import_file(), "Ctrl+I", writes=True)
        self._action(file, "&Carry over from another meeting…", lambda: self.imports.carry_over(), writes=True)
        self._action(file, "De&lete this meeting…", self.delete_meeting, writes=True)
        file.addSeparator()
        self._action(file, "&Back up now", self.back_up)
        self._action(file, "Res&tore from backup…", self.restore_backup, writes=True)
        self._action(file, "&Print the list of participants…", self.print_list, QKeySequence.StandardKey.Print)
        preview = file.addMenu("Print previe&w")
        for kind in PREVIEWS:
            self._action(preview, f"{kind.label}…", lambda _c=False, name=kind.name: self.preview(name))
        self._action(file, "E&xport pack…", lambda: self.export_pack())
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo_keys: dict[str, QKeySequence] = {}
        for sequence in [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]:
            redo_keys.setdefault(sequence.toString(), sequence)  # the same key twice would make both dead
        redo.setShortcuts(list(redo_keys.values()))
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(self)  # Ctrl+Z in a line edit: see eventFilter
        edit.addSeparator()
        self._action(edit, "&Find a participant", self.find, QKeySequence.StandardKey.Find)
        room = bar.addMenu("&Room")
        self._action(room, "&Seating plan: the draw and the room…", self.edit_seating, writes=True)
        self._action(room, "&Check-in at the door", lambda: self.pages.setCurrentWidget(self.check_in))
        self._action(room, "Badge c&olours…", self.edit_badge_colours, writes=True)
        room.addSeparator()
        for name in ("badges", "nameplates", "seating"):
            self._action(
                room,
                f"Print {DOCUMENTS[name].label.lower()}…",
                lambda _c=False, name=name: self.export(name, "pdf"),
                writes=records_printing(name),
            )
        export = bar.addMenu("E&xport")
        for i, entries in enumerate((EXPORTS, LAYOUT_EXPORTS)):
            if i:
                export.addSeparator()
            for text, fmt, what in entries:
                self._export_action(export, text, fmt, what)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "&About the Secretariat Desk", self.show_about)
        for menu in (file, edit, room, export, help_menu):  # every item with its own letter (Export had none)
            give_mnemonics(menu)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.settings.recent_databases():
            # A server asks for its password again; a file opens at once.
            opener = self.connect_to_server if "://" in location else self.switch_database
            self._action(self.recent_menu, location, lambda _c=False, loc=location, o=opener: o(loc))

    # Meetings ----------------------------------------------------------------------------------------
    def reload_meetings(self, prefer: int | None = None) -> None:
        current = prefer if prefer is not None else (self.meeting.id if self.meeting else None)
        meetings = self.services.meetings.list()
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for m in meetings:
            self.meeting_box.addItem(f"{m.short_title} — {m.symbol_prefix}", m.id)
        index = self.meeting_box.findData(current) if current is not None else -1
        self.meeting_box.setCurrentIndex(index if index >= 0 else self.meeting_box.count() - 1)
        self.meeting_box.blockSignals(False)
        self._meeting_chosen()

    def _meeting_chosen(self, *_args) -> None:
        meeting_id = self.meeting_box.currentData()
        self.meeting = self.services.meetings.get(meeting_id) if meeting_id is not None else None
        self.settings.last_meeting = meeting_id
        for i in range(self.pages.count()):
            self.pages.widget(i).set_meeting(self.meeting)
        title = f"{self.meeting.short_title} — " if self.meeting else ""
        if self.meeting is not None and self.meeting.practice:
            title = f"PRACTICE (fictitious participants) — {title}"
        self.setWindowTitle(f"{title}{APP_NAME} — {self.services.db.short_name}")

    def show_figure(self, figure) -> None:
        """An overview figure clicked: the registration page lists exactly what it counts."""
        self.pages.setCurrentWidget(self.registration)
        self.registration.show_figure(figure)

    def refresh_current(self) -> None:
        page = self.pages.currentWidget()
        if self.meeting is not None:
            self.meeting = self.services.meetings.get(self.meeting.id)
            page.meeting = self.meeting
        page.reload()

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # File menu ---------------------------------------------------------------------------------------
    def find(self) -> None:
        self.pages.setCurrentWidget(self.registration)
        self.registration.search.setFocus()
        self.registration.search.selectAll()

    def print_list(self) -> None:
        self.preview("participants")

    def preview(self, what: str) -> None:
        """Write the document as File → Export would (the list with its remembered options), off the main
        thread, then show it page by page; the file goes when the preview closes."""
        if self.meeting is None:
            QMessageBox.information(self, "Print", "Create or open a meeting first.")
            return
        import os
        import tempfile

        from ui.print_preview import PdfPages, PreviewDialog

        kind = DOCUMENTS[what]
        options = preview_options(self, kind, self.meeting)  # those the kind's dialog last remembered
        handle, path = tempfile.mkstemp(prefix=f"{kind.file_stem}-", suffix=".pdf")  # private: see pending.py
        os.close(handle)
        meeting_id, services = self.meeting.id, self.services
        title = f"{kind.label} — {self.meeting.short_title}"

        def remove(*_args) -> None:
            Path(path).unlink(missing_ok=True)

        def done(last) -> None:
            pages = PdfPages(path)
            dialog = PreviewDialog(title, pages, self)
            dialog.setAttribute(Qt.WA_DeleteOnClose)
            dialog.finished.connect(lambda *_: (pages.close(), remove()))
            self.preview_dialog = dialog
            dialog.show()
            if last is not None and last.warnings:
                QMessageBox.warning(self, "Some names cannot be shown", "\n".join(last.warnings[:12]))

        def failed(exc) -> None:
            remove()
            show_error(self, "Print preview", exc)

        self.tasks.run(
            f"Preparing {kind.label.lower()}",
            lambda: kind.job(services, meeting_id, "pdf", path, options),
            done,
            failed,
        )

    # Exports -----------------------------------------------------------------------------------------
    def export_pack(self, folder: str | None = None) -> None:
        from ui.pack_export import export_pack

        export_pack(self, folder)

    def export(self, what: str, fmt: str, path: str | None = None, options: object = None) -> None:
        """Write a kind of the registry, or one of its variants, by its name: the options given, the variant's, or
        those the kind's dialog asks (none: its defaults)."""
        if self.meeting is None:
            QMessageBox.information(self, "Export", "Create or open a meeting first.")
            return
        kind, variant = export_named(what)
        if kind.empty is not None and not self._export_empty_anyway(kind):
            return
        if options is None:
            options, accepted = export_options(self, kind, variant, fmt, self.meeting)
            if not accepted:
                return
        if kind.needs_seating_plan and self.services.seating.plan(self.meeting.id) is None and not self.edit_seating():
            return
        stem = variant.file_stem if variant is not None else kind.save_stem(fmt)
        path = path or self._export_path(f"{self.meeting.short_title}-{stem}.{fmt}", fmt)
        if not path:
            return
        meeting_id, services = self.meeting.id, self.services

        def make():
            return kind.job(services, meeting_id, fmt, path, options)

        def done(last):
            self.last_export = last
            self.say(f"Wrote {path} ({last.message}).")
            if last.warnings:
                QMessageBox.warning(self, "Some names cannot be shown", "\n".join(last.warnings[:12]))
            if (
                not self.tasks.synchronous
                and QMessageBox.question(self, "Export", f"Wrote {path}. Open it now?") == QMessageBox.Yes
            ):
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))

        self.tasks.run(f"Exporting to {Path(path).name}", make, done, lambda exc: show_error(self, "Export", exc))

    def edit_badge_colours(self) -> None:
        if self.meeting is None:
            return
        from ui.dialogs.badge_colours_dialog import BadgeColoursDialog

        if BadgeColoursDialog.ask(self, self.services, self.meeting.id)[1]:
            self.say("Badge colours saved; the next badges and seating plan use them.")

    def edit_seating(self) -> bool:
        if self.meeting is None:
            QMessageBox.information(self, "Seating plan", "Create or open a meeting first.")
            return False
        from ui.dialogs.seating_dialog import SeatingDialog

        plan, accepted = SeatingDialog.ask(self, self.services, self.meeting.id)
        if accepted:
            how = "drawn by the desk" if plan.drawn_by_desk else "drawn by lot"
            self.say(f"Seating starts from {plan.first_state} ({how}); the room has {plan.room.capacity} seats.")
        return accepted

    # Closing -----------------------------------------------------------------------------------------
    def _export_path(self, name: str, fmt: str) -> str:
        """The file chosen in the save dialog (in the folder last used), or "" when cancelled."""
        folder = Path(self.settings.last_folder or Path.home())
        folder = folder if folder.is_dir() else Path.home()
        default = name.replace(" ", "-").replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(self, "Export", str(folder / default), f"*.{fmt}")
        if path:
            self.settings.last_folder = str(Path(path).parent)
        return path

    def _export_empty_anyway(self, kind) -> bool:
        """A document that would say nothing yet (an agenda with no item, a programme with no plenary) is
        exported only after a question."""
        what = kind.empty(self.services, self.meeting.id) if self.meeting is not None else ""
        if not what:
            return True
        answer = QMessageBox.question(
            self,
            "Export",
            f"The {what} yet: the {kind.label.lower()} would be empty. Export it anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def eventFilter(self, watched, event) -> bool:
        """Ctrl+Z (Ctrl+Shift+Z) is the desk's undo (redo) wherever the focus is in this window: a line edit keeps
        the key only while it holds typing of its own to take back (the check-in field, the record panel's
        fields once saved, the search box hand it to Edit → Undo)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit) and watched.window() is self:
            own = {
                QKeySequence.StandardKey.Undo: watched.isModified() and watched.isUndoAvailable(),
                QKeySequence.StandardKey.Redo: watched.isModified() and watched.isRedoAvailable(),
            }
            for key, keeps in own.items():
                if event.matches(key) and not keeps:
                    return True  # not taken by the field: the window's shortcut fires
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:
        self.watch_timer.stop()
        self.watcher.close()
        self.decisions.save_text()  # the one edit that waits for a pause in typing
        self.settings.save_layout(self.saveGeometry(), self.saveState())
        self.tasks.wait()
        super().closeEvent(event)
