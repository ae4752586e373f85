"""delegations marked present at a part of the meeting, with or without named members

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 03:05:00

Who took part is who has members or is marked present. A delegation registered before this version with no
member was reported as having taken part; it is marked present at its meeting's first part, so that nothing
an existing database reports changes.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('delegation_presence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('delegation_id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegation.id'], name=op.f('fk_delegation_presence_delegation_id_delegation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['part_id'], ['meeting_part.id'], name=op.f('fk_delegation_presence_part_id_meeting_part'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delegation_presence')),
    sa.UniqueConstraint('delegation_id', 'part_id', name=op.f('uq_delegation_presence_delegation_id_part_id')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('delegation_presence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delegation_presence_part_id'), ['part_id'], unique=False)
    op.execute("INSERT INTO delegation_presence (delegation_id, part_id) "
               "SELECT d.id, (SELECT p.id FROM meeting_part p WHERE p.meeting_id = d.meeting_id ORDER BY p.number "
               "LIMIT 1) FROM delegation d WHERE NOT EXISTS (SELECT 1 FROM participant x WHERE x.delegation_id = d.id) "
               "AND EXISTS (SELECT 1 FROM meeting_part p WHERE p.meeting_id = d.meeting_id)")


def downgrade() -> None:
    op.drop_table('delegation_presence')
