"""the reason for an explicit enterprise mark, and the basis a draw counted each member on

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('enterprise_reason', sa.String(), nullable=False, server_default=''))
    with op.batch_alter_table('draw_member', schema=None) as batch_op:
        batch_op.add_column(sa.Column('enterprise_basis', sa.String(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('draw_member', schema=None) as batch_op:
        batch_op.drop_column('enterprise_basis')
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.drop_column('enterprise_reason')
