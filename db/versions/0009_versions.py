"""versions and change stamps on delegations and participants, for several desks at once

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 04:53:03

Each change counts up a row's version (an edit made on an older version is refused rather than lost) and says
who made it and when. Existing rows start at version 1, changed by nobody known.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('delegation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))
        batch_op.add_column(sa.Column('changed_by', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('changed_at', sa.DateTime(), nullable=True))

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))
        batch_op.add_column(sa.Column('changed_by', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('changed_at', sa.DateTime(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('changed_at')
        batch_op.drop_column('changed_by')
        batch_op.drop_column('version')

    with op.batch_alter_table('delegation', schema=None) as batch_op:
        batch_op.drop_column('changed_at')
        batch_op.drop_column('changed_by')
        batch_op.drop_column('version')

