"""lettered sub-items of agenda items; closed plenary meetings and their own format; side events

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 04:10:00

The provisional agenda letters an item's sub-items (a), (b), …; the programme of work marks closed meetings,
gives a meeting's format where it differs from its part's, and lists the side events held alongside.
Nothing that exists changes: plenary meetings are open and take their part's format.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

FORMATS = sa.Enum('in_person', 'virtual', 'hybrid', name='meetingformat', native_enum=False, length=32)


def upgrade() -> None:
    op.create_table('agenda_sub_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.CheckConstraint('position BETWEEN 1 AND 26', name=op.f('ck_agenda_sub_item_position_lettered')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_agenda_sub_item_title_given')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_agenda_sub_item_agenda_item_id_agenda_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_sub_item')),
    sa.UniqueConstraint('agenda_item_id', 'position', name=op.f('uq_agenda_sub_item_agenda_item_id_position')),
    )
    with op.batch_alter_table('agenda_sub_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_sub_item_agenda_item_id'), ['agenda_item_id'], unique=False)

    op.create_table('side_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('organiser', sa.String(length=300), nullable=True),
    sa.Column('room', sa.String(length=100), nullable=True),
    sa.CheckConstraint('end_time > start_time', name=op.f('ck_side_event_ends_after_start')),
    sa.CheckConstraint('length(title) > 0', name=op.f('ck_side_event_title_given')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_side_event_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_side_event')),
    )
    with op.batch_alter_table('side_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_side_event_meeting_id'), ['meeting_id'], unique=False)

    with op.batch_alter_table('plenary_meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('format', FORMATS, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('plenary_meeting', schema=None) as batch_op:
        batch_op.drop_column('format')
        batch_op.drop_column('closed')
    op.drop_table('side_event')
    op.drop_table('agenda_sub_item')
