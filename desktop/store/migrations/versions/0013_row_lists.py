"""per-row hashes beside the audit group digests

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 18:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_digest') as batch:
        batch.add_column(sa.Column('rows', sa.LargeBinary(), nullable=False, server_default=sa.text("x''")))


def downgrade() -> None:
    with op.batch_alter_table('audit_digest') as batch:
        batch.drop_column('rows')
