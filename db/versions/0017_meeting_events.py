"""the meeting's history as records: the introduction's and the work's events

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 07:14:33

A new table; a decision paragraph may stand for an extension request's paragraphs, written from its record
(request_id; typed paragraphs have none). Each kind requires its fields (the same rule as
ccm_secretariat.domain.events.REQUIRED).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meeting_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('provisions', 'convened', 'designated', 'requested', 'preparatory', 'silence', 'statement', 'video message', 'election', 'rules', 'adopted', name='eventkind', native_enum=False, length=32), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('agreed_start', sa.Date(), nullable=True),
    sa.Column('agreed_end', sa.Date(), nullable=True),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('reference', sa.String(length=500), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=False),
    sa.Column('circumstances', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('flag', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("(kind <> 'provisions' OR (reference <> '')) AND (kind <> 'convened' OR (name <> '' AND start_date IS NOT NULL AND end_date IS NOT NULL)) AND (kind <> 'designated' OR (name <> '')) AND (kind <> 'requested' OR (reference <> '' AND number IS NOT NULL AND outcome <> '')) AND (kind <> 'preparatory' OR (number IS NOT NULL AND start_date IS NOT NULL)) AND (kind <> 'silence' OR (start_date IS NOT NULL AND end_date IS NOT NULL)) AND (kind <> 'statement' OR (on_date IS NOT NULL AND name <> '')) AND (kind <> 'video message' OR (on_date IS NOT NULL AND name <> '')) AND (kind <> 'election' OR (circumstances <> '')) AND (kind <> 'rules' OR (reference <> '')) AND (kind <> 'adopted' OR (number IS NOT NULL AND on_date IS NOT NULL AND name <> '' AND outcome <> '' AND reference <> ''))", name=op.f('ck_meeting_event_required')),
    sa.CheckConstraint('agreed_end IS NULL OR agreed_start IS NULL OR agreed_end >= agreed_start', name=op.f('ck_meeting_event_agreed_dates')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_meeting_event_dates')),
    sa.CheckConstraint('number IS NULL OR number > 0', name=op.f('ck_meeting_event_number')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_event_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_event'))
    )
    with op.batch_alter_table('meeting_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_event_meeting_id'), ['meeting_id'], unique=False)
    with op.batch_alter_table('decision_paragraph', schema=None) as batch_op:
        batch_op.add_column(sa.Column('request_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_decision_paragraph_request_id'), ['request_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_decision_paragraph_request_id_extension_request'), 'extension_request', ['request_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(batch_op.f('ck_decision_paragraph_text_or_request'), "request_id IS NOT NULL OR text <> ''")
        batch_op.create_unique_constraint(batch_op.f('uq_decision_paragraph_meeting_id_request_id'), ['meeting_id', 'request_id'])



def downgrade() -> None:
    # A request's place in the decisions has no text to stay with: it goes (the request itself stays).
    op.execute("DELETE FROM decision_paragraph WHERE request_id IS NOT NULL")
    with op.batch_alter_table('decision_paragraph', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_decision_paragraph_meeting_id_request_id'), type_='unique')
        batch_op.drop_constraint(batch_op.f('ck_decision_paragraph_text_or_request'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_decision_paragraph_request_id_extension_request'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_decision_paragraph_request_id'))
        batch_op.drop_column('request_id')
    with op.batch_alter_table('meeting_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_event_meeting_id'))

    op.drop_table('meeting_event')
