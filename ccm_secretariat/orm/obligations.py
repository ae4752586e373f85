"""What a secretariat records about States Parties' obligations: the facts per State and article, the
transparency reports received, and the extension requests with their analysis and outcome. The deadlines
themselves are computed (ccm_secretariat.domain.obligations), never stored."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ccm_secretariat.domain.obligations import Obligation, Outcome
from ccm_secretariat.orm.base import Base, enum_column


class ObligationRecord(Base):
    """Per State and article (3 or 4): holds stockpiles / contamination or not, completed, compliance declared."""

    __tablename__ = "obligation_record"
    __table_args__ = (
        sa.UniqueConstraint("treaty_id", "state_id", "obligation"),
        sa.CheckConstraint("obligation IN ('3', '4')", name="article"),
        sa.CheckConstraint(
            "compliance_declared_on IS NULL OR completed_on IS NULL OR compliance_declared_on >= completed_on",
            name="declared_after_completion",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    treaty_id: Mapped[int] = mapped_column(sa.ForeignKey("treaty.id", ondelete="CASCADE"))
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("state.id", ondelete="CASCADE"), index=True)
    obligation: Mapped[Obligation] = mapped_column(enum_column(Obligation))
    applies: Mapped[bool | None]  # holds stockpiles / has contaminated areas; None: not known
    hostilities_ended: Mapped[dt.date | None]  # Article 4.1 (b): remnants that came after entry into force
    completed_on: Mapped[dt.date | None]
    compliance_declared_on: Mapped[dt.date | None]
    compliance_meeting: Mapped[str] = mapped_column(sa.String(300), default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))

    __mapper_args__ = {"version_id_col": version}


class TransparencyReport(Base):
    """A report received under the transparency article: initial (no year) or annual (the year it covers)."""

    __tablename__ = "transparency_report"
    __table_args__ = (
        sa.UniqueConstraint("treaty_id", "state_id", "year_covered"),
        sa.CheckConstraint(
            "(initial AND year_covered IS NULL) OR (NOT initial AND year_covered IS NOT NULL)", name="initial_or_year"
        ),
        sa.Index(
            "ix_transparency_report_one_initial",
            "treaty_id",
            "state_id",
            unique=True,
            sqlite_where=sa.text("initial"),
            postgresql_where=sa.text("initial"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    treaty_id: Mapped[int] = mapped_column(sa.ForeignKey("treaty.id", ondelete="CASCADE"))
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("state.id", ondelete="CASCADE"), index=True)
    initial: Mapped[bool]
    year_covered: Mapped[int | None]
    received_on: Mapped[dt.date]
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))

    __mapper_args__ = {"version_id_col": version}


class ExtensionRequest(Base):
    """A request to extend an Article 3 or 4 deadline, the analysis made of it and what the meeting did."""

    __tablename__ = "extension_request"
    __table_args__ = (
        sa.CheckConstraint("obligation IN ('3', '4')", name="article"),
        sa.CheckConstraint("period_months IS NULL OR period_months > 0", name="period"),
        sa.CheckConstraint("(outcome_on IS NULL) = (outcome = 'pending')", name="outcome_dated"),
        # Granted for a shorter period: the date granted, and only then (the deadline moves to it).
        sa.CheckConstraint("(granted_until IS NOT NULL) = (outcome = 'granted shorter')", name="shorter_dated"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    treaty_id: Mapped[int] = mapped_column(sa.ForeignKey("treaty.id", ondelete="CASCADE"))
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("state.id", ondelete="CASCADE"), index=True)
    obligation: Mapped[Obligation] = mapped_column(enum_column(Obligation))
    meeting_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting.id", ondelete="SET NULL"), index=True)
    meeting_name: Mapped[str] = mapped_column(sa.String(300), default="")  # when the meeting is not in the database
    submitted_on: Mapped[dt.date | None]
    period_months: Mapped[int | None]  # as the request states it, when it does
    until: Mapped[dt.date]  # the date the request would run to
    condition: Mapped[str] = mapped_column(sa.Text, default="")  # "pending the provision of ..."
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome), default=Outcome.PENDING)
    outcome_on: Mapped[dt.date | None]
    granted_until: Mapped[dt.date | None]  # granted for a shorter period: the date granted
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))

    paragraphs: Mapped[list[RequestParagraph]] = relationship(
        cascade="all, delete-orphan", order_by="RequestParagraph.id"
    )

    __mapper_args__ = {"version_id_col": version}


class RequestParagraph(Base):
    """One observation of the analysing group (a paragraph), or one lettered reporting point, in order."""

    __tablename__ = "request_paragraph"
    __table_args__ = (
        sa.UniqueConstraint("request_id", "kind", "position"),
        sa.CheckConstraint("kind IN ('observation', 'points_intro', 'point', 'closing')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(sa.ForeignKey("extension_request.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
