"""review rounds, panels, draws

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:10:15.232968
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('programme', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('review_date', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('settings', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opened_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_round'))
    )
    op.create_table('draw',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('seed', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seed_source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pool_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('rules', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('operator', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('witness', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_draw_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw'))
    )
    with op.batch_alter_table('draw', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_round_id'), ['round_id'], unique=False)

    op.create_table('panel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('fields', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_panel_round_id_review_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel')),
    sa.UniqueConstraint('round_id', 'name', name=op.f('uq_panel_round_id_name'))
    )
    with op.batch_alter_table('panel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_round_id'), ['round_id'], unique=False)

    op.create_table('draw_member',
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('reserve', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('enterprise', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_draw_member_draw_id_draw'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_draw_member_panel_id_panel')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_draw_member_person_id_person')),
    sa.PrimaryKeyConstraint('draw_id', 'panel_id', 'person_id', name=op.f('pk_draw_member'))
    )
    with op.batch_alter_table('draw_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_member_person_id'), ['person_id'], unique=False)

    op.create_table('exclusion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('facts', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_exclusion_application_id_application')),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_exclusion_draw_id_draw'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_exclusion_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exclusion'))
    )
    with op.batch_alter_table('exclusion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exclusion_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exclusion_draw_id'), ['draw_id'], unique=False)

    op.create_table('panel_application',
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_panel_application_application_id_application')),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_panel_application_panel_id_panel'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_panel_application_round_id_review_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('panel_id', 'application_id', name=op.f('pk_panel_application')),
    sa.UniqueConstraint('round_id', 'application_id', name=op.f('uq_panel_application_round_id_application_id'))
    )
    with op.batch_alter_table('panel_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_application_round_id'), ['round_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('panel_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_application_round_id'))

    op.drop_table('panel_application')
    with op.batch_alter_table('exclusion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exclusion_draw_id'))
        batch_op.drop_index(batch_op.f('ix_exclusion_application_id'))

    op.drop_table('exclusion')
    with op.batch_alter_table('draw_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draw_member_person_id'))

    op.drop_table('draw_member')
    with op.batch_alter_table('panel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_round_id'))

    op.drop_table('panel')
    with op.batch_alter_table('draw', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draw_round_id'))

    op.drop_table('draw')
    op.drop_table('review_round')
