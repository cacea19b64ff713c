"""the draw's candidates, as the commitment saw them

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('draw_commitment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('candidates_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('draw_commitment', schema=None) as batch_op:
        batch_op.drop_column('candidates_hash')
