"""commit-reveal draw: commitments, the witness's digits, one current draw per round

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('draw', schema=None) as batch_op:
        batch_op.add_column(sa.Column('witness_digits', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.create_index('uq_draw_current', ['round_id'], unique=True, sqlite_where=sa.text('superseded = 0'))
    op.create_table('draw_commitment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('commitment', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('secret', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pool_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('made_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('made_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_draw_commitment_draw_id_draw')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_draw_commitment_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw_commitment')),
    sa.UniqueConstraint('draw_id', name=op.f('uq_draw_commitment_draw_id'))
    )
    with op.batch_alter_table('draw_commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_commitment_round_id'), ['round_id'], unique=False)
        batch_op.create_index('uq_draw_commitment_pending', ['round_id'], unique=True,
                              sqlite_where=sa.text("state = 'pending'"))


def downgrade() -> None:
    op.drop_table('draw_commitment')
    with op.batch_alter_table('draw', schema=None) as batch_op:
        batch_op.drop_index('uq_draw_current')
        batch_op.drop_column('witness_digits')
