"""a draw's exclusions as one row per panel (canonical JSON of its grounds) instead of one row per ground

Revision ID: 0008
Revises: 0007

Rows recorded before are kept as one row per draw (no panel), their grounds in the same spelling.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exclusion_by_panel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=True),
    sa.Column('grounds', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_exclusion_by_panel_draw_id_draw'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_exclusion_by_panel_panel_id_panel')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exclusion_by_panel'))
    )
    op.execute("INSERT INTO exclusion_by_panel (draw_id, panel_id, grounds) "
               "SELECT x.draw_id, NULL, json_group_array(json_array(a.number, p.id_number, x.code, json(x.facts))) "
               "FROM (SELECT * FROM exclusion ORDER BY id) x JOIN person p ON p.id = x.person_id "
               "LEFT JOIN application a ON a.id = x.application_id GROUP BY x.draw_id")
    op.drop_table('exclusion')
    op.rename_table('exclusion_by_panel', 'exclusion')
    with op.batch_alter_table('exclusion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exclusion_draw_id'), ['draw_id'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("exclusions recorded per panel are not split back into one row per ground")
