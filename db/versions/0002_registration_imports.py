"""registrations in: the registration date of a participant, and remembered column mappings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 02:10:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registration_date', sa.Date(), nullable=True))
    op.create_table('import_mapping',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('signature', sa.String(length=64), nullable=False),
    sa.Column('mapping', sa.Text(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_mapping')),
    sa.UniqueConstraint('signature', name=op.f('uq_import_mapping_signature'))
    )


def downgrade() -> None:
    op.drop_table('import_mapping')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('registration_date')
