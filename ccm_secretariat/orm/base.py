"""Declarative base with a naming convention, so that migrations name constraints the same on every backend."""

from __future__ import annotations

from enum import Enum as PyEnum
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


def enum_column(enum: type[PyEnum]) -> sa.Enum:
    """An enum stored as its value in a plain VARCHAR: the same on SQLite and PostgreSQL, easy to migrate."""
    return sa.Enum(
        enum, native_enum=False, values_callable=lambda e: [m.value for m in e], length=32, validate_strings=True
    )


CATEGORY_KEY_LENGTH = 32


def category_column(nullable: bool = False, primary_key: bool = False) -> MappedColumn[Any]:
    """A participation category: a key of the meeting's convention profile (the services check it against the
    profile; the database that it is a key at all)."""
    return mapped_column(sa.String(CATEGORY_KEY_LENGTH), nullable=nullable, primary_key=primary_key)


def category_key_check(column: str) -> sa.CheckConstraint:
    """The database's half of the rule: a category key is never empty (migration 0018)."""
    return sa.CheckConstraint(f"{column} <> ''", name=f"{column}_key")


def table_of(model: type[Base]) -> sa.Table:
    """A model's table, for Core statements (bulk inserts and deletes): typed as the Table it is."""
    return cast(sa.Table, model.__table__)
