"""rounds imported from a round archive: their origin, and the manifest that makes a second import a no-op

Revision ID: 0010
Revises: 0009
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('archived_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('manifest_sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source_round_id', sa.Integer(), nullable=False),
    sa.Column('source_state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('signer', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('imported_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('differences', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_archived_round_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archived_round')),
    sa.UniqueConstraint('manifest_sha256', name=op.f('uq_archived_round_manifest_sha256')),
    sa.UniqueConstraint('round_id', name=op.f('uq_archived_round_round_id'))
    )


def downgrade() -> None:
    op.drop_table('archived_round')
