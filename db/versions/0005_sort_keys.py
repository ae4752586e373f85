"""sort keys: a hyphen or a slash sorts like a space (UN English order)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 03:00:00

Sort keys are derived data: they are computed again, with the application's own rule, for every State,
organisation and delegation.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from ccm_secretariat.domain.names import un_sort_key

    conn = op.get_bind()
    for table, column in (("state", "name"), ("organisation", "name"), ("delegation", "name")):
        rows = conn.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        if rows:
            conn.execute(sa.text(f"UPDATE {table} SET sort_key = :key WHERE id = :id"),
                         [{"id": i, "key": un_sort_key(name)} for i, name in rows])


def downgrade() -> None:
    pass  # the older keys sorted hyphens differently; nothing depends on them
