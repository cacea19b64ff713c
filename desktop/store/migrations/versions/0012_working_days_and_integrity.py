"""the working-day calendar's entered years and days and the deadlines counted on it; misconduct records entered
with their violation, measures and notification; credit repair applications and decisions; ongoing provincial
projects, heads of units and the secretariat's decisions on a round's flagged applications

Revision ID: 0012
Revises: 0011

The years the program ships (resources/calendar) are not copied in: the workspace holds what its secretariat
entered, which takes the place of a shipped year.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table('calendar_year',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('notice', _S(), nullable=False),
    sa.Column('source', _S(), nullable=False),
    sa.Column('entered_by', _S(), nullable=False),
    sa.Column('entered_at', _S(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_calendar_year'))
    )
    op.create_table('calendar_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', _S(), nullable=False),
    sa.Column('kind', _S(), nullable=False),
    sa.Column('name', _S(), nullable=False),
    sa.Column('basis', _S(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_day')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_day_day'))
    )
    op.create_table('deadline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', _S(), nullable=False),
    sa.Column('target', _S(), nullable=False),
    sa.Column('start', _S(), nullable=False),
    sa.Column('working_days', sa.Integer(), nullable=False),
    sa.Column('due', _S(), nullable=False),
    sa.Column('calendar_version', _S(), nullable=False),
    sa.Column('calendar_years', _S(), nullable=False),
    sa.Column('computed_at', _S(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline'))
    )
    with op.batch_alter_table('integrity_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('violation_ref', _S(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('measure_items', _S(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('notified_on', _S(), nullable=True))
        batch_op.add_column(sa.Column('repaired_on', _S(), nullable=True))
    op.create_table('credit_repair',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('applied_on', _S(), nullable=False),
    sa.Column('corrected', _S(), nullable=False),
    sa.Column('commitment', _S(), nullable=False),
    sa.Column('commendation_date', _S(), nullable=True),
    sa.Column('commendation_level', _S(), nullable=False),
    sa.Column('commendation', _S(), nullable=False),
    sa.Column('checks', _S(), nullable=False),
    sa.Column('recorded_by', _S(), nullable=False),
    sa.Column('state', _S(), nullable=False),
    sa.Column('decided_by', _S(), nullable=False),
    sa.Column('decided_on', _S(), nullable=True),
    sa.Column('reason', _S(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['integrity_record.id'],
                            name=op.f('fk_credit_repair_record_id_integrity_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_repair'))
    )
    with op.batch_alter_table('credit_repair', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credit_repair_record_id'), ['record_id'], unique=False)
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('head_of_unit', sa.Boolean(), nullable=False, server_default='0'))
    op.create_table('ongoing_project',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', _S(), nullable=False),
    sa.Column('title', _S(), nullable=False),
    sa.Column('leader', _S(), nullable=False),
    sa.Column('members', _S(), nullable=False),
    sa.Column('start', _S(), nullable=False),
    sa.Column('end', _S(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ongoing_project')),
    sa.UniqueConstraint('number', name=op.f('uq_ongoing_project_number'))
    )
    with op.batch_alter_table('ongoing_project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ongoing_project_leader'), ['leader'], unique=False)
    op.create_table('limit_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('code', _S(), nullable=False),
    sa.Column('admitted', sa.Boolean(), nullable=False),
    sa.Column('reason', _S(), nullable=False),
    sa.Column('decided_by', _S(), nullable=False),
    sa.Column('decided_at', _S(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                            name=op.f('fk_limit_decision_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_limit_decision_round_id_review_round'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_limit_decision')),
    sa.UniqueConstraint('round_id', 'application_id', 'code', name=op.f('uq_limit_decision_round_id_application_id_code'))
    )
    with op.batch_alter_table('limit_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_limit_decision_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_limit_decision_application_id'), ['application_id'], unique=False)


def downgrade() -> None:
    op.drop_table('limit_decision')
    op.drop_table('ongoing_project')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('head_of_unit')
    op.drop_table('credit_repair')
    with op.batch_alter_table('integrity_record', schema=None) as batch_op:
        batch_op.drop_column('repaired_on')
        batch_op.drop_column('notified_on')
        batch_op.drop_column('measure_items')
        batch_op.drop_column('violation_ref')
    op.drop_table('deadline')
    op.drop_table('calendar_day')
    op.drop_table('calendar_year')
