"""The meeting at a glance, the window's first page: participation by category (beside the previous meeting),
credentials, gender balance, registrations over time and today at the door. Every bar and count can be clicked:
the registration page then lists exactly what it counts. The figures are read off the main thread (one service
call, a handful of aggregate queries) and again whenever the page is shown after a change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ccm_secretariat.domain.prose import counted, un_date
from ccm_secretariat.services import Services
from ccm_secretariat.services.meetings import MeetingRow
from ccm_secretariat.services.overview import CREDENTIALS, GENDERS, Figure, Overview
from ui import colours
from ui.charts import BarRow, CumulativeLine, Segment, StackedBars
from ui.undo import UndoRecorder


class _Done(QObject):
    ready = Signal(int, object)  # generation, Overview or the exception


class _Read(QRunnable):
    def __init__(self, services: Services, meeting_id: int, day: dt.date | None, generation: int, done: _Done):
        super().__init__()
        self.services, self.meeting_id, self.day, self.generation, self.done = (
            services,
            meeting_id,
            day,
            generation,
            done,
        )

    def run(self) -> None:
        try:
            result: object = self.services.overview.overview(self.meeting_id, self.day)
        except Exception as exc:  # shown on the page, never lost in the thread
            result = exc
        self.done.ready.emit(self.generation, result)


def _bars(figures: tuple[Figure, ...], labels: list[str], notes: list[str] | None = None) -> tuple[BarRow, ...]:
    return tuple(
        BarRow(label, (Segment(f.key, f.count, f.label),), notes[i] if notes else "")
        for i, (label, f) in enumerate(zip(labels, figures))
    )


class OverviewPage(QWidget):
    status = Signal(str)
    figure_chosen = Signal(object)  # the Figure clicked

    def __init__(
        self, services: Services, editor: UndoRecorder, parent: QWidget | None = None, synchronous: bool = False
    ):
        super().__init__(parent)
        self.services, self.editor, self.synchronous = services, editor, synchronous
        self.meeting: MeetingRow | None = None
        self.day: dt.date | None = None  # "today" (None: the computer's date; tests set one)
        self.data: Overview | None = None
        self._generation = 0
        self._done = _Done()
        self._done.ready.connect(self._arrived)

        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        self.heading.setWordWrap(True)
        self.delegations = StackedBars(("Delegations",))
        self.participants = StackedBars(("Participants",))
        self.credentials = StackedBars(tuple(label for _, label in CREDENTIALS))
        self.missing = QPushButton()
        self.gender = StackedBars(tuple(label for _, label in GENDERS))
        self.registrations = CumulativeLine()
        self.registered = QLabel()
        self.today = StackedBars(("Present today",))
        self.printed, self.not_printed = QPushButton(), QPushButton()
        for chart, name in (
            (self.delegations, "Delegations by category"),
            (self.participants, "Participants by category"),
            (self.credentials, "Credentials by category"),
            (self.gender, "Gender balance by category"),
            (self.today, "Present today by category"),
        ):
            chart.clicked.connect(self.choose)
            chart.setAccessibleName(name)  # its figures are its description (ui/charts.py)
        self.registrations.setAccessibleName("Registrations over time")
        self.missing.clicked.connect(lambda: self.choose("credentials/missing"))
        self.printed.clicked.connect(lambda: self.choose("badges/printed"))
        self.not_printed.clicked.connect(lambda: self.choose("badges/not-printed"))
        for button in (self.missing, self.printed, self.not_printed):
            button.setFlat(True)
            button.setStyleSheet(f"text-align: left; {colours.style('link')} text-decoration: underline;")

        self.participation_box = QGroupBox("Participation by category")
        box = QVBoxLayout(self.participation_box)
        box.addWidget(QLabel("Delegations"))
        box.addWidget(self.delegations)
        box.addWidget(QLabel("Participants"))
        box.addWidget(self.participants)
        box.addStretch(1)
        self.credentials_box = QGroupBox("Credentials")
        box = QVBoxLayout(self.credentials_box)
        box.addWidget(self.credentials)
        box.addWidget(self.missing)
        box.addStretch(1)
        self.gender_box = QGroupBox("Gender balance")
        box = QVBoxLayout(self.gender_box)
        box.addWidget(self.gender)
        box.addStretch(1)
        self.registrations_box = QGroupBox("Registrations over time")
        box = QVBoxLayout(self.registrations_box)
        box.addWidget(self.registrations)
        box.addWidget(self.registered)
        self.today_box = QGroupBox("Today at the door")
        box = QVBoxLayout(self.today_box)
        box.addWidget(self.today)
        badges = QHBoxLayout()
        badges.addWidget(self.printed)
        badges.addWidget(self.not_printed)
        badges.addStretch(1)
        box.addLayout(badges)

        grid = QGridLayout()
        grid.addWidget(self.participation_box, 0, 0)
        grid.addWidget(self.credentials_box, 0, 1)
        grid.addWidget(self.gender_box, 1, 0)
        grid.addWidget(self.registrations_box, 1, 1)
        grid.addWidget(self.today_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Overview of the meeting")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # Reading ------------------------------------------------------------------------------------------------
    def set_meeting(self, meeting: MeetingRow | None) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        """Read the figures again (off the main thread in the window; at once in tests)."""
        self._generation += 1
        if self.meeting is None:
            self.data = None
            self.heading.setText("No meeting yet: File → New meeting, or open the demo conference.")
            return
        if self.synchronous:
            try:
                result: object = self.services.overview.overview(self.meeting.id, self.day)
            except Exception as exc:
                result = exc
            self._arrived(self._generation, result)
            return
        self.heading.setText(f"<h2>{self.meeting.title}</h2>Reading the figures…")
        QThreadPool.globalInstance().start(
            _Read(self.services, self.meeting.id, self.day, self._generation, self._done)
        )

    def _arrived(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # a later reading is on its way
        if isinstance(result, Exception):
            self.heading.setText(f"The figures could not be read: {result}")
            return
        assert isinstance(result, Overview)
        self.show_overview(result)

    # Drawing ------------------------------------------------------------------------------------------------
    def show_overview(self, o: Overview) -> None:
        self.data = o
        meeting = self.meeting
        title = meeting.title if meeting is not None else ""
        people = sum(f.count for f in o.participants)
        delegations = sum(f.count for f in o.delegations)
        self.heading.setText(
            f"<h2>{title}</h2>{counted(delegations, 'delegation')} and {counted(people, 'participant')} "
            f"registered" + (f"; first day {un_date(o.first_day)}" if o.first_day else "") + "."
        )
        labels = [o.short_names[c] for c in o.categories]
        previous = [f"previous: {o.previous.get(c, (0, 0))[0]}" if o.previous_title else "" for c in o.categories]
        previous_people = [
            f"previous: {o.previous.get(c, (0, 0))[1]}" if o.previous_title else "" for c in o.categories
        ]
        self.delegations.set_rows(_bars(o.delegations, labels, previous))
        self.participants.set_rows(_bars(o.participants, labels, previous_people))
        self.participation_box.setTitle(
            "Participation by category" + (f" (previous: {o.previous_title})" if o.previous_title else "")
        )
        self.credentials.set_rows(
            tuple(
                BarRow(
                    o.short_names[b.category],
                    tuple(Segment(f.key, f.count, f.label) for f in b.segments),
                )
                for b in o.credentials
            )
        )
        missing = o.missing_credentials.count if o.missing_credentials else 0
        parties = sum(f.count for b in o.credentials if b.category == o.party_category for f in b.segments)
        self.missing.setText(
            f"{counted(missing, 'State Party', 'States Parties')} still without credentials: list them"
            if missing
            else ("Every State Party has presented credentials." if parties else "No State Party is registered yet.")
        )
        self.missing.setEnabled(bool(missing))
        self.gender.set_rows(
            tuple(
                BarRow(
                    o.short_names[b.category],
                    tuple(Segment(f.key, f.count, f.label) for f in b.segments),
                )
                for b in o.gender
            )
        )
        self.registrations.set_points(o.registrations, o.first_day)
        dated = o.registrations[-1][1] if o.registrations else 0
        self.registered.setText(
            f"{counted(dated, 'participant')} by date of registration"
            + (f"; {o.undated:,} with no date" if o.undated else "")
            + (" (the dashed line is the meeting's first day)." if o.first_day else ".")
        )
        self.today_box.setTitle(f"Today at the door ({un_date(o.today)})")
        self.today.set_rows(_bars(o.present_today, labels))
        printed = o.badges_printed.count if o.badges_printed else 0
        waiting = o.badges_not_printed.count if o.badges_not_printed else 0
        self.printed.setText(f"Badges printed: {printed}")
        self.not_printed.setText(f"Not printed yet: {waiting}")
        self.not_printed.setEnabled(bool(waiting))
        self.printed.setEnabled(bool(printed))

    def choose(self, key: str) -> None:
        """A figure clicked: the registration page lists what it counts."""
        if self.data is None:
            return
        figure = self.data.figure(key)
        self.status.emit(f"{figure.label}: {figure.count}")
        self.figure_chosen.emit(figure)
