"""the database's own history: which version of the application created it or brought its schema up, and when

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 07:20:00

A new table; nothing that exists changes. Upgrades before this version have no entries.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('schema_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('app_version', sa.String(length=40), nullable=False),
    sa.Column('from_revision', sa.String(length=32), nullable=True),
    sa.Column('to_revision', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schema_history')),
    sqlite_autoincrement=True
    )


def downgrade() -> None:
    op.drop_table('schema_history')
