"""The meeting's history as records (ccm_secretariat.domain.events): one row per event, its kind saying which
fields it uses; the database requires what the kind requires."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ccm_secretariat.domain.events import COLUMNS, REQUIRED, TEXT_FIELDS, EventKind
from ccm_secretariat.orm.base import Base, enum_column


def _required_check() -> str:
    """One clause per kind: a row of that kind has every field the kind requires (text not empty)."""

    def given(name: str) -> str:
        return f"{name} <> ''" if name in TEXT_FIELDS else f"{COLUMNS.get(name, name)} IS NOT NULL"

    return " AND ".join(
        f"(kind <> '{kind.value}' OR ({' AND '.join(given(n) for n in names)}))" for kind, names in REQUIRED.items()
    )


class MeetingEventRecord(Base):
    __tablename__ = "meeting_event"
    __table_args__ = (
        sa.CheckConstraint(_required_check(), name="required"),
        sa.CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates"),
        sa.CheckConstraint(
            "agreed_end IS NULL OR agreed_start IS NULL OR agreed_end >= agreed_start", name="agreed_dates"
        ),
        sa.CheckConstraint("number IS NULL OR number > 0", name="number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind))
    on_date: Mapped[dt.date | None]
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    agreed_start: Mapped[dt.date | None]
    agreed_end: Mapped[dt.date | None]
    name: Mapped[str] = mapped_column(sa.String(500), default="")
    reference: Mapped[str] = mapped_column(sa.String(500), default="")
    number: Mapped[int | None]
    venue: Mapped[str] = mapped_column(sa.String(300), default="")
    circumstances: Mapped[str] = mapped_column(sa.Text, default="")
    outcome: Mapped[str] = mapped_column(sa.Text, default="")
    flag: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))

    __mapper_args__ = {"version_id_col": version}
