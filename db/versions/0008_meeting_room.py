"""the meeting room: badges printed, category colours, the seating plan, check-in

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 03:57:12

New tables only: the badges printed (a reprint is a second row), the colour of each category's band on the
badges, the seating plan (the State drawn by lot, the room) with seats per delegation by category, and the
participants checked in at the door, one row a day.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('category_colour',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('state_party', 'signatory', 'ratified_not_in_force', 'observer_state', 'rule_1_2', 'rule_1_3', name='category', native_enum=False, length=32), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.CheckConstraint("length(colour) = 7 AND substr(colour, 1, 1) = '#'", name=op.f('ck_category_colour_hex_colour')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_category_colour_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'category', name=op.f('pk_category_colour'))
    )
    op.create_table('seating_plan',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('first_state_id', sa.Integer(), nullable=False),
    sa.Column('drawn_on', sa.Date(), nullable=False),
    sa.Column('drawn_by_desk', sa.Boolean(), nullable=False),
    sa.Column('blocks', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('seats_per_row', sa.Integer(), nullable=False),
    sa.Column('include_registered', sa.Boolean(), nullable=False),
    sa.CheckConstraint('blocks BETWEEN 1 AND 12', name=op.f('ck_seating_plan_blocks_range')),
    sa.CheckConstraint('rows BETWEEN 1 AND 200', name=op.f('ck_seating_plan_rows_range')),
    sa.CheckConstraint('seats_per_row BETWEEN 1 AND 200', name=op.f('ck_seating_plan_seats_range')),
    sa.ForeignKeyConstraint(['first_state_id'], ['state.id'], name=op.f('fk_seating_plan_first_state_id_state')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_seating_plan_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', name=op.f('pk_seating_plan'))
    )
    op.create_table('seat_allowance',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('state_party', 'signatory', 'ratified_not_in_force', 'observer_state', 'rule_1_2', 'rule_1_3', name='category', native_enum=False, length=32), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.CheckConstraint('seats BETWEEN 1 AND 12', name=op.f('ck_seat_allowance_seats_range')),
    sa.ForeignKeyConstraint(['meeting_id'], ['seating_plan.meeting_id'], name=op.f('fk_seat_allowance_meeting_id_seating_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'category', name=op.f('pk_seat_allowance'))
    )
    op.create_table('badge_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.Column('layout', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_badge_print_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge_print')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badge_print_participant_id'), ['participant_id'], unique=False)

    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_check_in_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in')),
    sa.UniqueConstraint('participant_id', 'day', name=op.f('uq_check_in_participant_id_day')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_day'), ['day'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_day'))

    op.drop_table('check_in')
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_badge_print_participant_id'))

    op.drop_table('badge_print')
    op.drop_table('seat_allowance')
    op.drop_table('seating_plan')
    op.drop_table('category_colour')
