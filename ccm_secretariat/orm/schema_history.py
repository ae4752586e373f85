"""The database's own history: each creation or schema upgrade, with the application's version that made it."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ccm_secretariat.orm.base import Base


class SchemaHistory(Base):
    __tablename__ = "schema_history"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime]
    by: Mapped[str] = mapped_column(sa.String(100))
    app_version: Mapped[str] = mapped_column(sa.String(40))
    from_revision: Mapped[str | None] = mapped_column(sa.String(32))  # None: created by this version
    to_revision: Mapped[str] = mapped_column(sa.String(32))
