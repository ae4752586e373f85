"""the obligations tracker: per State and article (3, 4) what the secretariat records, the transparency reports
received, the extension requests with their analysis (paragraphs and lettered points) and outcome

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 04:33:03

New tables; nothing that exists changes. The deadlines are computed, never stored.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('obligation_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('treaty_id', sa.Integer(), nullable=False),
    sa.Column('state_id', sa.Integer(), nullable=False),
    sa.Column('obligation', sa.Enum('3', '4', '7.1', '7.2', name='obligation', native_enum=False, length=32), nullable=False),
    sa.Column('applies', sa.Boolean(), nullable=True),
    sa.Column('hostilities_ended', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('compliance_declared_on', sa.Date(), nullable=True),
    sa.Column('compliance_meeting', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("obligation IN ('3', '4')", name=op.f('ck_obligation_record_article')),
    sa.CheckConstraint('compliance_declared_on IS NULL OR completed_on IS NULL OR compliance_declared_on >= completed_on', name=op.f('ck_obligation_record_declared_after_completion')),
    sa.ForeignKeyConstraint(['state_id'], ['state.id'], name=op.f('fk_obligation_record_state_id_state'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['treaty_id'], ['treaty.id'], name=op.f('fk_obligation_record_treaty_id_treaty'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_obligation_record')),
    sa.UniqueConstraint('treaty_id', 'state_id', 'obligation', name=op.f('uq_obligation_record_treaty_id_state_id_obligation'))
    )
    with op.batch_alter_table('obligation_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_obligation_record_state_id'), ['state_id'], unique=False)

    op.create_table('transparency_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('treaty_id', sa.Integer(), nullable=False),
    sa.Column('state_id', sa.Integer(), nullable=False),
    sa.Column('initial', sa.Boolean(), nullable=False),
    sa.Column('year_covered', sa.Integer(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint('(initial AND year_covered IS NULL) OR (NOT initial AND year_covered IS NOT NULL)', name=op.f('ck_transparency_report_initial_or_year')),
    sa.ForeignKeyConstraint(['state_id'], ['state.id'], name=op.f('fk_transparency_report_state_id_state'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['treaty_id'], ['treaty.id'], name=op.f('fk_transparency_report_treaty_id_treaty'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transparency_report')),
    sa.UniqueConstraint('treaty_id', 'state_id', 'year_covered', name=op.f('uq_transparency_report_treaty_id_state_id_year_covered'))
    )
    with op.batch_alter_table('transparency_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transparency_report_state_id'), ['state_id'], unique=False)
        batch_op.create_index('ix_transparency_report_one_initial', ['treaty_id', 'state_id'], unique=True,
                              sqlite_where=sa.text('initial'), postgresql_where=sa.text('initial'))

    op.create_table('extension_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('treaty_id', sa.Integer(), nullable=False),
    sa.Column('state_id', sa.Integer(), nullable=False),
    sa.Column('obligation', sa.Enum('3', '4', '7.1', '7.2', name='obligation', native_enum=False, length=32), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('meeting_name', sa.String(length=300), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('period_months', sa.Integer(), nullable=True),
    sa.Column('until', sa.Date(), nullable=False),
    sa.Column('condition', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Enum('pending', 'recommended', 'granted', 'granted shorter', 'refused', name='outcome', native_enum=False, length=32), nullable=False),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('granted_until', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("(outcome_on IS NULL) = (outcome = 'pending')", name=op.f('ck_extension_request_outcome_dated')),
    sa.CheckConstraint("(granted_until IS NOT NULL) = (outcome = 'granted shorter')", name=op.f('ck_extension_request_shorter_dated')),
    sa.CheckConstraint("obligation IN ('3', '4')", name=op.f('ck_extension_request_article')),
    sa.CheckConstraint('period_months IS NULL OR period_months > 0', name=op.f('ck_extension_request_period')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_extension_request_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['state_id'], ['state.id'], name=op.f('fk_extension_request_state_id_state'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['treaty_id'], ['treaty.id'], name=op.f('fk_extension_request_treaty_id_treaty'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extension_request'))
    )
    with op.batch_alter_table('extension_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_extension_request_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_extension_request_state_id'), ['state_id'], unique=False)

    op.create_table('request_paragraph',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('observation', 'points_intro', 'point', 'closing')", name=op.f('ck_request_paragraph_kind')),
    sa.ForeignKeyConstraint(['request_id'], ['extension_request.id'], name=op.f('fk_request_paragraph_request_id_extension_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_paragraph')),
    sa.UniqueConstraint('request_id', 'kind', 'position', name=op.f('uq_request_paragraph_request_id_kind_position'))
    )
    with op.batch_alter_table('request_paragraph', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_paragraph_request_id'), ['request_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('request_paragraph', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_paragraph_request_id'))

    op.drop_table('request_paragraph')
    with op.batch_alter_table('extension_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_extension_request_state_id'))
        batch_op.drop_index(batch_op.f('ix_extension_request_meeting_id'))

    op.drop_table('extension_request')
    with op.batch_alter_table('transparency_report', schema=None) as batch_op:
        batch_op.drop_index('ix_transparency_report_one_initial')
        batch_op.drop_index(batch_op.f('ix_transparency_report_state_id'))

    op.drop_table('transparency_report')
    with op.batch_alter_table('obligation_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_obligation_record_state_id'))

    op.drop_table('obligation_record')
