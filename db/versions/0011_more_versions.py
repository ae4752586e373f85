"""versions on the meeting's other editable records: the meeting, its officers, documents, agenda items,
plenary meetings, side events and decision paragraphs

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 05:25:00

As for delegations and participants (0009): each change counts the version up, so that a save made on an
older version is refused instead of overwriting another desk's. Existing rows start at 1.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ('meeting', 'officer', 'document', 'agenda_item', 'plenary_meeting', 'side_event', 'decision_paragraph')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
