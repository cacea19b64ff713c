"""the workspace's own settings (the low-rating thresholds of expert conduct), audited on change

Revision ID: 0016
Revises: 0015
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table('workspace_setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', _S(), nullable=False),
    sa.Column('value', _S(), nullable=False),
    sa.Column('changed_by', _S(), nullable=False),
    sa.Column('changed_at', _S(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workspace_setting')),
    sa.UniqueConstraint('name', name=op.f('uq_workspace_setting_name'))
    )


def downgrade() -> None:
    op.drop_table('workspace_setting')
