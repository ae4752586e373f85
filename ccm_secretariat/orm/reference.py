"""Reference data: treaties, States with their names, treaty status, organisations."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ccm_secretariat.domain.enums import Instrument, OrganisationKind, Rule, UNMembership
from ccm_secretariat.orm.base import Base, category_column, category_key_check, enum_column


class Treaty(Base):
    __tablename__ = "treaty"

    id: Mapped[int] = mapped_column(primary_key=True)
    short_name: Mapped[str] = mapped_column(sa.String(20), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    general_entry_into_force: Mapped[dt.date | None]
    months_after_deposit: Mapped[int] = mapped_column(default=6)


class State(Base):
    __tablename__ = "state"

    id: Mapped[int] = mapped_column(primary_key=True)
    iso3: Mapped[str] = mapped_column(sa.String(3), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    sort_key: Mapped[str] = mapped_column(sa.String(120), index=True)
    membership: Mapped[UNMembership] = mapped_column(enum_column(UNMembership))

    aliases: Mapped[list[StateAlias]] = relationship(back_populates="state", cascade="all, delete-orphan")


class StateAlias(Base):
    """Another spelling or a former name ("Czech Republic", "Turkey", "Swaziland") that designates a State."""

    __tablename__ = "state_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("state.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(sa.String(120))
    match_key: Mapped[str] = mapped_column(sa.String(120), unique=True)

    state: Mapped[State] = relationship(back_populates="aliases")


class TreatyStatus(Base):
    __tablename__ = "treaty_status"
    __table_args__ = (sa.UniqueConstraint("treaty_id", "state_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    treaty_id: Mapped[int] = mapped_column(sa.ForeignKey("treaty.id", ondelete="CASCADE"))
    state_id: Mapped[int] = mapped_column(sa.ForeignKey("state.id", ondelete="CASCADE"), index=True)
    signature_date: Mapped[dt.date | None]
    instrument: Mapped[Instrument | None] = mapped_column(enum_column(Instrument))
    deposit_date: Mapped[dt.date | None]
    entry_into_force: Mapped[dt.date | None]
    withdrawal_effective: Mapped[dt.date | None]
    verified: Mapped[bool] = mapped_column(default=True)


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(300), unique=True)
    acronym: Mapped[str] = mapped_column(sa.String(40), default="")
    sort_key: Mapped[str] = mapped_column(sa.String(300), index=True)
    kind: Mapped[OrganisationKind] = mapped_column(enum_column(OrganisationKind))
    default_rule: Mapped[Rule] = mapped_column(enum_column(Rule))


class OrganisationRule(Base):
    """The category an organisation attends in at one convention's meetings: its rule there, where it differs
    from its default rule (an organisation one convention's rules name may be admitted by another's general rule)."""

    __tablename__ = "organisation_rule"
    __table_args__ = (category_key_check("category"),)

    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True)
    treaty_id: Mapped[int] = mapped_column(sa.ForeignKey("treaty.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = category_column()  # a key of the convention's profile, status `organisation`
