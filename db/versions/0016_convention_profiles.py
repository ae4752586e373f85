"""convention profiles: an organisation's category per (organisation, convention)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 07:25:00

A new table; nothing that exists changes. Every meeting keeps its treaty (the CCM for every meeting made before
the profiles), so its categories and documents are as they were. The treaties of the other conventions are
added from their profiles the first time they are used.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('organisation_rule',
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('treaty_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('state_party', 'signatory', 'ratified_not_in_force', 'observer_state', 'rule_1_2', 'rule_1_3', name='category', native_enum=False, length=32), nullable=False),
    sa.CheckConstraint("category IN ('rule_1_2', 'rule_1_3')", name=op.f('ck_organisation_rule_organisation_category')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_organisation_rule_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['treaty_id'], ['treaty.id'], name=op.f('fk_organisation_rule_treaty_id_treaty'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organisation_id', 'treaty_id', name=op.f('pk_organisation_rule'))
    )


def downgrade() -> None:
    op.drop_table('organisation_rule')
