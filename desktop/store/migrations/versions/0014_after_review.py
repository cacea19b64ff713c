"""opinions corrected before feedback, the publicity period and its objections, appeals and review requests with
their working-day deadlines, and each expert's conduct in a round

Revision ID: 0014
Revises: 0013
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table('opinion_correction',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('original', _S(), nullable=False),
    sa.Column('corrected', _S(), nullable=False),
    sa.Column('corrected_by', _S(), nullable=False),
    sa.Column('corrected_at', _S(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_opinion_correction_round_id_review_round')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_opinion_correction_person_id_person')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                            name=op.f('fk_opinion_correction_application_id_application')),
    sa.PrimaryKeyConstraint('round_id', 'person_id', 'application_id', name=op.f('pk_opinion_correction'))
    )
    op.create_table('publicity',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('results_version', sa.Integer(), nullable=False),
    sa.Column('start', _S(), nullable=False),
    sa.Column('working_days', sa.Integer(), nullable=False),
    sa.Column('end', _S(), nullable=False),
    sa.Column('calendar_version', _S(), nullable=False),
    sa.Column('entries', _S(), nullable=False),
    sa.Column('started_by', _S(), nullable=False),
    sa.Column('started_at', _S(), nullable=False),
    sa.Column('final_by', _S(), nullable=False),
    sa.Column('final_at', _S(), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_publicity_round_id_review_round')),
    sa.PrimaryKeyConstraint('round_id', name=op.f('pk_publicity'))
    )
    op.create_table('objection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('application', _S(), nullable=False),
    sa.Column('objector', _S(), nullable=False),
    sa.Column('received_on', _S(), nullable=False),
    sa.Column('text', _S(), nullable=False),
    sa.Column('attachments', _S(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('recorded_by', _S(), nullable=False),
    sa.Column('recorded_at', _S(), nullable=False),
    sa.Column('decision', _S(), nullable=False),
    sa.Column('answer', _S(), nullable=False),
    sa.Column('answered_by', _S(), nullable=False),
    sa.Column('answered_on', _S(), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_objection_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objection'))
    )
    op.create_index(op.f('ix_objection_round_id'), 'objection', ['round_id'], unique=False)
    op.create_table('appeal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', _S(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=True),
    sa.Column('application', _S(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('appellant', _S(), nullable=False),
    sa.Column('text', _S(), nullable=False),
    sa.Column('received_on', _S(), nullable=False),
    sa.Column('state', _S(), nullable=False),
    sa.Column('acceptance_due', _S(), nullable=False),
    sa.Column('decision_due', _S(), nullable=True),
    sa.Column('calendar_version', _S(), nullable=False),
    sa.Column('accepted_on', _S(), nullable=True),
    sa.Column('reasons', _S(), nullable=False),
    sa.Column('extension_reason', _S(), nullable=False),
    sa.Column('decision', _S(), nullable=False),
    sa.Column('decided_by', _S(), nullable=False),
    sa.Column('decided_on', _S(), nullable=True),
    sa.Column('recorded_by', _S(), nullable=False),
    sa.Column('recorded_at', _S(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_appeal_round_id_review_round')),
    sa.ForeignKeyConstraint(['record_id'], ['integrity_record.id'], name=op.f('fk_appeal_record_id_integrity_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeal'))
    )
    op.create_table('expert_conduct',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('conduct', _S(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('note', _S(), nullable=False),
    sa.Column('recorded_by', _S(), nullable=False),
    sa.Column('recorded_at', _S(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_expert_conduct_round_id_review_round')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_expert_conduct_person_id_person')),
    sa.PrimaryKeyConstraint('round_id', 'person_id', name=op.f('pk_expert_conduct'))
    )


def downgrade() -> None:
    for table in ('expert_conduct', 'appeal', 'objection', 'publicity', 'opinion_correction'):
        op.drop_table(table)
