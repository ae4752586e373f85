"""badge codes carry a secret of this database; the change log is append-only for the writer role

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 04:20:00

A new table `desk_secret` holding a random key made here, once per database (badge codes are a keyed MAC of it,
see domain/badge_code.py); badge prints get a generation (a reprint with a new generation revokes the older
badges). On PostgreSQL: the writer role, when it exists, loses UPDATE and DELETE on the change log, and erasing a
person for good forgets their entries through a function that runs with the owner's rights and touches only
the entries of a participant that no longer exists.
"""
from __future__ import annotations

import secrets

from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

FORGET_ERASED = """
CREATE OR REPLACE FUNCTION ccm_forget_erased(erased integer, who text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    -- Erasing a participant for good, with the owner's rights: the person, then their entries in the change log,
    -- which keeps only that someone was erased and by whom. Only a person who exists can be erased: the history
    -- of one removed earlier stays (the log is append-only for the writer).
    IF NOT EXISTS (SELECT 1 FROM participant WHERE id = erased) THEN
        RAISE EXCEPTION 'participant % does not exist: nothing was erased', erased;
    END IF;
    DELETE FROM participant WHERE id = erased;
    DELETE FROM change_log WHERE table_name = 'participant' AND row_id = erased;
    INSERT INTO change_log (at, by, table_name, row_id, action, details)
        VALUES (localtimestamp(0), left(who, 100), 'participant', erased, 'erased', '');
END $$
"""
WRITER_RIGHTS = """
DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccm_writer') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON change_log FROM ccm_writer;
    GRANT EXECUTE ON FUNCTION ccm_forget_erased(integer, text) TO ccm_writer;
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON desk_secret FROM ccm_writer;
END IF;
IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccm_reader') THEN
    REVOKE ALL ON desk_secret FROM ccm_reader;
END IF; END $$
"""


def upgrade() -> None:
    secret = op.create_table('desk_secret',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=128), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_desk_secret')),
    )
    op.bulk_insert(secret, [{'name': 'badge', 'value': secrets.token_hex(32)}])
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.add_column(sa.Column('generation', sa.Integer(), server_default='1', nullable=False))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(FORGET_ERASED)
        op.execute('REVOKE ALL ON FUNCTION ccm_forget_erased(integer, text) FROM PUBLIC')
        op.execute(WRITER_RIGHTS)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP FUNCTION IF EXISTS ccm_forget_erased(integer, text)')
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.drop_column('generation')
    op.drop_table('desk_secret')
