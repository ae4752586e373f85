"""Registration: delegations of States and organisations at a meeting, their members and attendance."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ccm_secretariat.domain.enums import Attendance, CredentialsKind, Gender, Role
from ccm_secretariat.orm.base import Base, category_column, category_key_check, enum_column


class Delegation(Base):
    __tablename__ = "delegation"
    __table_args__ = (
        sa.UniqueConstraint("meeting_id", "state_id"),
        sa.UniqueConstraint("meeting_id", "organisation_id"),
        sa.CheckConstraint("(state_id IS NULL) <> (organisation_id IS NULL)", name="state_or_organisation"),
        category_key_check("category_override"),
        sa.UniqueConstraint("id", "meeting_id"),  # what a participant's (delegation, meeting) refers to
        {"sqlite_autoincrement": True},  # an id is never given again: undo restores a row under its own id
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    state_id: Mapped[int | None] = mapped_column(sa.ForeignKey("state.id"))
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisation.id"))
    # The name as this meeting's secretariat writes it ("Czech Republic" in 2020, "Czechia" later).
    name: Mapped[str] = mapped_column(sa.String(300))
    sort_key: Mapped[str] = mapped_column(sa.String(300))
    category_override: Mapped[str | None] = category_column(nullable=True)  # a key of the meeting's profile
    override_reason: Mapped[str] = mapped_column(sa.String(500), default="")
    credentials_received: Mapped[bool] = mapped_column(default=False)
    credentials_kind: Mapped[CredentialsKind | None] = mapped_column(enum_column(CredentialsKind))
    credentials_date: Mapped[dt.date | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    # Several desks at once: each change counts up the version (an edit made on an older one is refused) and
    # says who made it and when.
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))
    changed_by: Mapped[str] = mapped_column(sa.String(100), default="", server_default="")
    changed_at: Mapped[dt.datetime | None]

    __mapper_args__ = {"version_id_col": version}


class Participant(Base):
    """A member of a delegation. The rules the services check are also constraints here: one head per
    delegation, one e-mail per meeting (compared in lower case), one place per position in the delegation."""

    __tablename__ = "participant"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["delegation_id", "meeting_id"],
            ["delegation.id", "delegation.meeting_id"],
            ondelete="CASCADE",
            name="fk_participant_delegation",
        ),
        sa.UniqueConstraint("delegation_id", "position"),
        sa.UniqueConstraint("meeting_id", "email_key"),
        sa.Index(
            "uq_participant_head",
            "delegation_id",
            unique=True,
            sqlite_where=sa.text("role = 'head'"),
            postgresql_where=sa.text("role = 'head'"),
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(index=True)
    meeting_id: Mapped[int]  # the delegation's meeting, kept equal to it by the foreign key
    position: Mapped[int] = mapped_column(default=0)
    salutation: Mapped[str] = mapped_column(sa.String(30), default="")
    given_names: Mapped[str] = mapped_column(sa.String(200), default="")
    family_name: Mapped[str] = mapped_column(sa.String(200))
    function: Mapped[str] = mapped_column(sa.String(300), default="")
    affiliation: Mapped[str] = mapped_column(sa.String(300), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.REPRESENTATIVE)
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    email_key: Mapped[str | None] = mapped_column(sa.String(254))  # lower-case e-mail, NULL when there is none
    phone: Mapped[str] = mapped_column(sa.String(60), default="")
    gender: Mapped[Gender] = mapped_column(enum_column(Gender), default=Gender.UNSPECIFIED)
    consent_to_publish: Mapped[bool] = mapped_column(default=False)
    # Folded "given family" for duplicate detection and search.
    search_key: Mapped[str] = mapped_column(sa.String(500), default="")
    # The day the person registered (from the registration system's export), for the statistics.
    registration_date: Mapped[dt.date | None]
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))
    changed_by: Mapped[str] = mapped_column(sa.String(100), default="", server_default="")
    changed_at: Mapped[dt.datetime | None]

    __mapper_args__ = {"version_id_col": version}


class DelegationPresence(Base):
    """A delegation marked present at a part of the meeting, whether or not its members are named (the demo's
    delegations are: its report names no participant). Who took part is who has members or is marked so."""

    __tablename__ = "delegation_presence"
    __table_args__ = (sa.UniqueConstraint("delegation_id", "part_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(sa.ForeignKey("delegation.id", ondelete="CASCADE"))
    part_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting_part.id", ondelete="CASCADE"), index=True)


class AttendanceRecord(Base):
    __tablename__ = "attendance"
    __table_args__ = (sa.UniqueConstraint("participant_id", "part_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(sa.ForeignKey("participant.id", ondelete="CASCADE"))
    part_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting_part.id", ondelete="CASCADE"), index=True)
    mode: Mapped[Attendance] = mapped_column(enum_column(Attendance))


class ImportMapping(Base):
    """How the columns of a file with these headers were mapped the last time, so the next file is mapped alike."""

    __tablename__ = "import_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    signature: Mapped[str] = mapped_column(sa.String(64), unique=True)  # sha256 of the folded headers
    mapping: Mapped[str] = mapped_column(sa.Text)  # JSON: header as written -> field name
    used_at: Mapped[dt.datetime]
