"""The register of conference documents."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ccm_secretariat.domain.enums import Distribution, DocumentType
from ccm_secretariat.orm.base import Base, enum_column


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "symbol"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    symbol: Mapped[str] = mapped_column(sa.String(120))
    title: Mapped[str] = mapped_column(sa.String(500))
    issue_date: Mapped[dt.date | None]
    languages: Mapped[str] = mapped_column(sa.String(40), default="EN")
    agenda_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agenda_item.id", ondelete="SET NULL"))
    submitted_by: Mapped[str] = mapped_column(sa.String(300), default="")
    distribution: Mapped[Distribution] = mapped_column(enum_column(Distribution), default=Distribution.GENERAL)
    # Which of the desk's own documents it is (the agenda, the report …), found by it; stored as "kind".
    doc_type: Mapped[DocumentType] = mapped_column(
        "kind", enum_column(DocumentType), default=DocumentType.OTHER, server_default=DocumentType.OTHER.value
    )
    version: Mapped[int] = mapped_column(default=1, server_default=sa.text("1"))  # see registration.py

    __mapper_args__ = {"version_id_col": version}
