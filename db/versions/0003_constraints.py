"""integrity in the database: one head per delegation, one e-mail per meeting, one participant per position;
ids never reused

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 01:58:21

The rules the services check become constraints. A participant carries its delegation's meeting (kept equal by
a composite foreign key) and its e-mail in lower case, so that "one e-mail per meeting" is a unique constraint.
Data written before the constraints existed is brought into line first: positions are renumbered where two
members of a delegation shared one; a second head of delegation (possible only through a race) becomes an
alternate head; a repeated e-mail keeps its text but only its first holder carries the key.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meeting_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('email_key', sa.String(length=254), nullable=True))
    _bring_into_line(op.get_bind())

    # On SQLite, ids are never given again (AUTOINCREMENT): undo puts a removed row back under its own id.
    sqlite = op.get_bind().dialect.name == "sqlite"
    rebuild = dict(recreate="always", table_kwargs={"sqlite_autoincrement": True}) if sqlite else {}
    with op.batch_alter_table('delegation', schema=None, **rebuild) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_delegation_id_meeting_id'), ['id', 'meeting_id'])

    with op.batch_alter_table('attendance', schema=None, **rebuild):
        pass

    with op.batch_alter_table('participant', schema=None, **rebuild) as batch_op:
        batch_op.alter_column('meeting_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_participant_delegation_id_position'), ['delegation_id', 'position'])
        batch_op.create_index('uq_participant_head', ['delegation_id'], unique=True, sqlite_where=sa.text("role = 'head'"), postgresql_where=sa.text("role = 'head'"))
        batch_op.create_unique_constraint(batch_op.f('uq_participant_meeting_id_email_key'), ['meeting_id', 'email_key'])
        batch_op.drop_constraint(batch_op.f('fk_participant_delegation_id_delegation'), type_='foreignkey')
        batch_op.create_foreign_key('fk_participant_delegation', 'delegation', ['delegation_id', 'meeting_id'], ['id', 'meeting_id'], ondelete='CASCADE')


def _bring_into_line(conn) -> None:
    conn.execute(sa.text("UPDATE participant SET meeting_id = "
                         "(SELECT meeting_id FROM delegation WHERE delegation.id = participant.delegation_id)"))
    rows = conn.execute(sa.text("SELECT p.id, p.delegation_id, p.position, p.role, p.email, p.meeting_id "
                                "FROM participant p ORDER BY p.delegation_id, p.position, p.id")).all()
    positions: dict[int, int] = {}
    heads: set[int] = set()
    emails: set[tuple[int, str]] = set()
    updates = []
    for pid, delegation_id, position, role, email, meeting_id in rows:
        position = max(position, positions.get(delegation_id, 0) + 1)
        positions[delegation_id] = position
        if role == "head":
            if delegation_id in heads:
                role = "alternate_head"
            heads.add(delegation_id)
        key = (email or "").lower() or None
        if key is not None:
            if (meeting_id, key) in emails:
                key = None
            else:
                emails.add((meeting_id, key))
        updates.append({"id": pid, "position": position, "role": role, "email_key": key})
    if updates:
        conn.execute(sa.text("UPDATE participant SET position = :position, role = :role, email_key = :email_key "
                             "WHERE id = :id"), updates)


def downgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_constraint('fk_participant_delegation', type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_participant_delegation_id_delegation'), 'delegation', ['delegation_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_constraint(batch_op.f('uq_participant_meeting_id_email_key'), type_='unique')
        batch_op.drop_index('uq_participant_head', sqlite_where=sa.text("role = 'head'"), postgresql_where=sa.text("role = 'head'"))
        batch_op.drop_constraint(batch_op.f('uq_participant_delegation_id_position'), type_='unique')
        batch_op.drop_column('email_key')
        batch_op.drop_column('meeting_id')

    with op.batch_alter_table('delegation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_delegation_id_meeting_id'), type_='unique')
