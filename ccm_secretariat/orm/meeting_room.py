"""The meeting room: badges printed, the colours of the categories on badges, the seating plan drawn by lot,
and the participants checked in at the door, day by day."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ccm_secretariat.orm.base import Base, category_column, category_key_check

MAX_SEATS_PER_DELEGATION = 12


class BadgePrint(Base):
    """One badge printed for one participant (a reprint is a second row)."""

    __tablename__ = "badge_print"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(sa.ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    printed_at: Mapped[dt.datetime]
    layout: Mapped[str] = mapped_column(sa.String(40))
    # The badge's generation: its code carries it; a reprint that revokes the older badges prints the next one.
    generation: Mapped[int] = mapped_column(server_default="1", default=1)


class DeskSecret(Base):
    """A random key of this database, made by migration 0013 (badge codes are a keyed MAC of it)."""

    __tablename__ = "desk_secret"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[str] = mapped_column(sa.String(128))


class CategoryColour(Base):
    """The colour of a category's band on this meeting's badges (#RRGGBB)."""

    __tablename__ = "category_colour"
    __table_args__ = (
        sa.CheckConstraint("length(colour) = 7 AND substr(colour, 1, 1) = '#'", name="hex_colour"),
        category_key_check("category"),
    )

    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = category_column(primary_key=True)
    colour: Mapped[str] = mapped_column(sa.String(7))


class SeatingPlan(Base):
    """The State drawn by lot, when and how, and the room: blocks side by side, rows, seats per row."""

    __tablename__ = "seating_plan"
    __table_args__ = (
        sa.CheckConstraint("blocks BETWEEN 1 AND 12", name="blocks_range"),
        sa.CheckConstraint("rows BETWEEN 1 AND 200", name="rows_range"),
        sa.CheckConstraint("seats_per_row BETWEEN 1 AND 200", name="seats_range"),
    )

    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    first_state_id: Mapped[int] = mapped_column(sa.ForeignKey("state.id"))
    drawn_on: Mapped[dt.date]
    drawn_by_desk: Mapped[bool] = mapped_column(default=False)  # the application drew the lot
    blocks: Mapped[int] = mapped_column(default=1)
    rows: Mapped[int]
    seats_per_row: Mapped[int]
    include_registered: Mapped[bool] = mapped_column(default=False)  # seat delegations with no one named too


class SeatAllowance(Base):
    """How many seats each delegation of a category has (one when not given)."""

    __tablename__ = "seat_allowance"
    __table_args__ = (
        sa.CheckConstraint(f"seats BETWEEN 1 AND {MAX_SEATS_PER_DELEGATION}", name="seats_range"),
        category_key_check("category"),
    )

    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("seating_plan.meeting_id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = category_column(primary_key=True)
    seats: Mapped[int]


class CheckIn(Base):
    """A participant checked in at the door on a day of the meeting."""

    __tablename__ = "check_in"
    __table_args__ = (sa.UniqueConstraint("participant_id", "day"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(sa.ForeignKey("participant.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(index=True)
    at: Mapped[dt.datetime]
