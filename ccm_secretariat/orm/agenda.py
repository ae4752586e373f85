"""Agenda items, plenary meetings of the programme of work, and the decisions and recommendations."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ccm_secretariat.domain.enums import AgendaStatus, MeetingFormat
from ccm_secretariat.orm.base import Base, enum_column

plenary_agenda_items = sa.Table(
    "plenary_agenda_item",
    Base.metadata,
    sa.Column("plenary_id", sa.ForeignKey("plenary_meeting.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("agenda_item_id", sa.ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
)


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(500))
    status: Mapped[AgendaStatus] = mapped_column(enum_column(AgendaStatus), default=AgendaStatus.PROVISIONAL)

    sub_items: Mapped[list[AgendaSubItem]] = relationship(
        order_by="AgendaSubItem.position", cascade="all, delete-orphan"
    )
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}


MAX_SUB_ITEMS = 26  # lettered (a) to (z)


class AgendaSubItem(Base):
    """A lettered sub-item of an agenda item: (a), (b), … by position."""

    __tablename__ = "agenda_sub_item"
    __table_args__ = (
        sa.UniqueConstraint("agenda_item_id", "position"),
        sa.CheckConstraint(f"position BETWEEN 1 AND {MAX_SUB_ITEMS}", name="position_lettered"),
        sa.CheckConstraint("length(title) > 0", name="title_given"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(sa.ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(500))


class PlenaryMeeting(Base):
    __tablename__ = "plenary_meeting"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting_part.id", ondelete="SET NULL"))
    number: Mapped[int]
    date: Mapped[dt.date]
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time]
    closed: Mapped[bool] = mapped_column(default=False, server_default=sa.false())  # a private meeting
    format: Mapped[MeetingFormat | None] = mapped_column(enum_column(MeetingFormat))  # None: the part's format

    agenda_items: Mapped[list[AgendaItem]] = relationship(secondary=plenary_agenda_items)
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}


class SideEvent(Base):
    """An event held alongside the meeting (by a State, an organisation): on the programme, not a plenary."""

    __tablename__ = "side_event"
    __table_args__ = (
        sa.CheckConstraint("end_time > start_time", name="ends_after_start"),
        sa.CheckConstraint("length(title) > 0", name="title_given"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date]
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time]
    title: Mapped[str] = mapped_column(sa.String(500))
    organiser: Mapped[str | None] = mapped_column(sa.String(300))
    room: Mapped[str | None] = mapped_column(sa.String(100))
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}


class DecisionParagraph(Base):
    """One numbered paragraph of the decisions and recommendations, under an agenda item."""

    __tablename__ = "decision_paragraph"
    __table_args__ = (
        sa.CheckConstraint("request_id IS NOT NULL OR text <> ''", name="text_or_request"),
        sa.UniqueConstraint("meeting_id", "request_id"),  # a request's paragraphs have one place in a report
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agenda_item.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(sa.Text)
    # Where the report writes an extension request's paragraphs from its record (assessment, observations,
    # reporting points): the text is then empty; a typed paragraph has no request.
    request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("extension_request.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}
