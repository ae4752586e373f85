"""What the parts of the main window share (ui/main_window.py builds it; ui/window_database.py,
ui/window_desks.py and ui/window_help.py act on it): its services, settings, tasks, pages and status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from ccm_secretariat.services import Services
    from ccm_secretariat.services.meetings import MeetingRow
    from ccm_secretariat.storage.watch import ChangeWatcher
    from ui.page_tabs import PageTabs
    from ui.pages.check_in import CheckInPage
    from ui.pages.decisions import DecisionsPage
    from ui.pages.events import EventsPage
    from ui.pages.obligations import ObligationsPage
    from ui.pages.registration import RegistrationPage
    from ui.settings import DeskSettings
    from ui.tasks import TaskRunner


class WindowBase(QMainWindow):
    services: Services
    settings: DeskSettings
    tasks: TaskRunner
    meeting: MeetingRow | None
    pages: PageTabs
    registration: RegistrationPage
    meeting_page: Any
    agenda: Any
    documents: Any
    decisions: DecisionsPage
    reference: Any
    check_in: CheckInPage
    obligations: ObligationsPage
    events: EventsPage
    undo_stack: QUndoStack
    undo_action: QAction
    redo_action: QAction
    watcher: ChangeWatcher
    watch_timer: QTimer
    not_live: QLabel
    _open_database: Callable[[str], Services] | None
    say: Callable[[str], None]
    reload_meetings: Callable[..., None]
    refresh_current: Callable[[], None]
