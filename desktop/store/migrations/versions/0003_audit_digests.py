"""audit digests and signed checkpoints

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_digest',
    sa.Column('tbl', sa.String(), nullable=False),
    sa.Column('grp', sa.String(), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.Column('total', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('tbl', 'grp', name=op.f('pk_audit_digest'))
    )
    op.create_table('audit_layout',
    sa.Column('tbl', sa.String(), nullable=False),
    sa.Column('signature', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('tbl', name=op.f('pk_audit_layout'))
    )
    op.create_table('audit_checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('head_hash', sa.String(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('signature', sa.String(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_checkpoint'))
    )
    with op.batch_alter_table('audit_entry') as batch:
        batch.add_column(sa.Column('digests', sa.String(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('audit_entry') as batch:
        batch.drop_column('digests')
    op.drop_table('audit_checkpoint')
    op.drop_table('audit_layout')
    op.drop_table('audit_digest')
