"""a round's arrangements as its documents print them: the issuing body, the venue and the review time

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 18:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('review_round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issuer', sa.String(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('venue', sa.String(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('review_time', sa.String(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('review_round', schema=None) as batch_op:
        batch_op.drop_column('review_time')
        batch_op.drop_column('venue')
        batch_op.drop_column('issuer')
