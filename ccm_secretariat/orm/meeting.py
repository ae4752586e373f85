"""A meeting (Meeting of States Parties, Review Conference), its parts and its officers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ccm_secretariat.domain.enums import MeetingFormat, OfficerRole
from ccm_secretariat.orm.base import Base, enum_column


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    short_title: Mapped[str] = mapped_column(sa.String(120))
    treaty_id: Mapped[int] = mapped_column(sa.ForeignKey("treaty.id"))
    symbol_prefix: Mapped[str] = mapped_column(sa.String(60), unique=True)
    venue: Mapped[str] = mapped_column(sa.String(200), default="")
    city: Mapped[str] = mapped_column(sa.String(100), default="")
    body_name: Mapped[str] = mapped_column(sa.String(60), default="Conference")
    # Wording of the report: serial commas, sentences per category; see services.meetings.ReportSettings.
    report_settings: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # A copy to practise on, with fictitious participants: marked as such on screen and in every document.
    practice: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    parts: Mapped[list[MeetingPart]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingPart.number"
    )
    officers: Mapped[list[Officer]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Officer.position"
    )
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}


class MeetingPart(Base):
    __tablename__ = "meeting_part"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    format: Mapped[MeetingFormat] = mapped_column(enum_column(MeetingFormat))
    venue: Mapped[str] = mapped_column(sa.String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="parts")


class Officer(Base):
    """An officer of the meeting: a person (President, Secretary-General ...) or a State (Vice-Presidents)."""

    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(sa.String(120))  # the officer's title as written: "Secretary of the Conference"
    # What the officer is, whatever the words of the title: the report reads this, never the title's words.
    kind: Mapped[OfficerRole] = mapped_column(
        enum_column(OfficerRole), default=OfficerRole.OTHER, server_default=OfficerRole.OTHER.value
    )
    position: Mapped[int] = mapped_column(default=0)
    salutation: Mapped[str] = mapped_column(sa.String(30), default="")
    name: Mapped[str] = mapped_column(sa.String(200), default="")
    description: Mapped[str] = mapped_column(sa.String(500), default="")
    state_id: Mapped[int | None] = mapped_column(sa.ForeignKey("state.id"))
    state_name: Mapped[str] = mapped_column(sa.String(120), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="officers")
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}
