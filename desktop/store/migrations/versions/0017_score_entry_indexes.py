"""score_entry without the indexes no query uses: its round, expert and application columns

Every read of score_entry asks for a round (the unique key round_id, person_id, application_id, pass_no serves it, and
an expert's or a pair's entries within it), or for a round's panel (its panel_id index). The single-column indexes on
round_id, person_id and application_id served none of them, and each cost a 35,000-row score import a B-tree insert per
row. Persons and applications are never deleted, so no foreign-key check looks for their entries either.

Revision ID: 0017
Revises: 0016
"""

from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

_UNUSED = ('round_id', 'person_id', 'application_id')


def upgrade() -> None:
    for column in _UNUSED:
        op.drop_index(f'ix_score_entry_{column}', table_name='score_entry')


def downgrade() -> None:
    for column in _UNUSED:
        op.create_index(f'ix_score_entry_{column}', 'score_entry', [column], unique=False)
