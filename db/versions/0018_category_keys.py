"""a participation category is a key of the meeting's convention profile, not one of six fixed values

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 10:30:00

Every column that stores a category (a delegation's category set by hand, a badge band's colour, the seats a
category's delegations have, an organisation's category at a convention's meetings) holds a key of the meeting's
convention profile: a string of at most 32 characters, never empty. Their rows are unchanged (the CCM's keys stay
`state_party`, `signatory`, `ratified_not_in_force`, `observer_state`, `rule_1_2` and `rule_1_3`), so existing
databases and their documents come out the same. The columns were already VARCHAR(32); what changes is the
constraint: no list of six values, but a non-empty key (the services check it against the profile). The former
check that an organisation's category is one of the CCM's two organisation keys goes.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

# (table, column, nullable): every column that stores a category.
COLUMNS = (
    ('delegation', 'category_override', True),
    ('category_colour', 'category', False),
    ('seat_allowance', 'category', False),
    ('organisation_rule', 'category', False),
)
CCM_KEYS = ('state_party', 'signatory', 'ratified_not_in_force', 'observer_state', 'rule_1_2', 'rule_1_3')


def _rebuild(table: str) -> dict:
    """SQLite rebuilds a table to change its constraints: the delegation keeps its ids never given again."""
    if op.get_bind().dialect.name != "sqlite":
        return {}
    return dict(recreate="always", table_kwargs={"sqlite_autoincrement": True} if table == 'delegation' else {})


def upgrade() -> None:
    for table, column, nullable in COLUMNS:
        with op.batch_alter_table(table, schema=None, **_rebuild(table)) as batch_op:
            if table == 'organisation_rule':
                batch_op.drop_constraint(batch_op.f('ck_organisation_rule_organisation_category'), type_='check')
            batch_op.alter_column(
                column,
                existing_type=sa.Enum(*CCM_KEYS, name='category', native_enum=False, length=32),
                type_=sa.String(length=32),
                existing_nullable=nullable,
            )
            batch_op.create_check_constraint(batch_op.f(f'ck_{table}_{column}_key'), f"{column} <> ''")


def downgrade() -> None:
    for table, column, nullable in COLUMNS:
        with op.batch_alter_table(table, schema=None, **_rebuild(table)) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'ck_{table}_{column}_key'), type_='check')
            batch_op.alter_column(
                column,
                existing_type=sa.String(length=32),
                type_=sa.Enum(*CCM_KEYS, name='category', native_enum=False, length=32),
                existing_nullable=nullable,
            )
            if table == 'organisation_rule':
                batch_op.create_check_constraint(
                    batch_op.f('ck_organisation_rule_organisation_category'), f"category IN ('rule_1_2', 'rule_1_3')"
                )
