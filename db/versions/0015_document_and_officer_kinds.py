"""what a registered document is (agenda, programme of work, report, list of documents, report on credentials) and
what an officer is (President, Vice-President, Secretary-General, Secretary, other), found by these kinds instead
of the English words of a title

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 07:40:00

Existing rows are classified once, here, by the words the desk used to look for (the last time they are read):
a document titled "List of participants" (or "Provisional list of participants") is that list; a document of the
main series whose title says "agenda" is the agenda; one whose title says "programme of work"
(or "program of work") the programme; "list of documents" the list; "credentials" the report on credentials; a
document of the L. series whose title says "report" the report. An officer titled "President" is the President,
"Vice-President" a Vice-President, a title with "Secretary-General" the Secretary-General, another title
beginning with "Secretary" a Secretary; every other officer "other". The titles themselves are kept.
"""
from __future__ import annotations

import re

from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

DOCUMENT_TYPES = (
    'other', 'agenda', 'programme', 'report', 'documents_list', 'credentials', 'participants',
    'provisional_participants',
)
OFFICER_ROLES = ('president', 'vice_president', 'secretary_general', 'secretary', 'other')


def document_type(symbol: str, prefix: str, title: str) -> str:
    """The rule the desk applied to titles before this revision; the first that fits wins."""
    rest = symbol[len(prefix):].lstrip('/') if symbol.startswith(prefix) else symbol.rsplit('/', 1)[-1]
    main = re.match(r'^[0-9]+(/|$)', rest) is not None
    limited = rest.startswith('L.')
    words = title.lower()
    if words.strip() == 'provisional list of participants':
        return 'provisional_participants'
    if words.strip() == 'list of participants':
        return 'participants'
    if 'credentials' in words:
        return 'credentials'
    if 'list of documents' in words:
        return 'documents_list'
    if main and 'agenda' in words:
        return 'agenda'
    if 'programme of work' in words or 'program of work' in words:
        return 'programme'
    if limited and 'report' in words:
        return 'report'
    return 'other'


def officer_role(title: str) -> str:
    words = title.strip().lower()
    if words == 'president':
        return 'president'
    if words == 'vice-president':
        return 'vice_president'
    if 'secretary-general' in words:
        return 'secretary_general'
    if words.startswith('secretary') and 'general' not in words:
        return 'secretary'
    return 'other'


def upgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'kind', sa.Enum(*DOCUMENT_TYPES, name='documenttype', native_enum=False, length=32),
            server_default='other', nullable=False,
        ))
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'kind', sa.Enum(*OFFICER_ROLES, name='officerrole', native_enum=False, length=32),
            server_default='other', nullable=False,
        ))
    conn = op.get_bind()
    documents = conn.execute(sa.text(
        'SELECT d.id, d.symbol, d.title, m.symbol_prefix FROM document d JOIN meeting m ON m.id = d.meeting_id'
    )).all()
    for doc_id, symbol, title, prefix in documents:
        kind = document_type(symbol, prefix, title)
        if kind != 'other':
            conn.execute(sa.text('UPDATE document SET kind = :kind WHERE id = :id'), {'kind': kind, 'id': doc_id})
    for officer_id, title in conn.execute(sa.text('SELECT id, role FROM officer')).all():
        kind = officer_role(title)
        if kind != 'other':
            conn.execute(sa.text('UPDATE officer SET kind = :kind WHERE id = :id'), {'kind': kind, 'id': officer_id})


def downgrade() -> None:
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.drop_column('kind')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('kind')
