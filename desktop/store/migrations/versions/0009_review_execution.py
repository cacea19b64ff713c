"""review execution: invitations and calls, supplementary draws, panel confirmations, commitments, attendance,
scores (entries and the settled score), post-review certifications, non-consensus decisions, result approvals, and
the attachments kept in blobs/

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('media_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Float(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('added_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('added_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachment'))
    )
    op.create_table('expert_commitment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('attachment', sa.String(), nullable=True),
    sa.Column('confirmed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['attachment'], ['attachment.sha256'], name=op.f('fk_expert_commitment_attachment_attachment')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_expert_commitment_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_expert_commitment_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert_commitment')),
    sa.UniqueConstraint('round_id', 'person_id', name=op.f('uq_expert_commitment_round_id_person_id'))
    )
    with op.batch_alter_table('expert_commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_commitment_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expert_commitment_round_id'), ['round_id'], unique=False)

    op.create_table('post_review_certification',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_post_review_certification_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_post_review_certification_round_id_review_round')),
    sa.PrimaryKeyConstraint('round_id', 'person_id', name=op.f('pk_post_review_certification'))
    )
    op.create_table('result_approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('results', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('results_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('proposed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('proposed_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('approved_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('approved_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_result_approval_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_result_approval')),
    sa.UniqueConstraint('round_id', 'version', name=op.f('uq_result_approval_round_id_version'))
    )
    with op.batch_alter_table('result_approval', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_result_approval_round_id'), ['round_id'], unique=False)

    op.create_table('attendance',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_attendance_panel_id_panel')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_attendance_round_id_review_round')),
    sa.PrimaryKeyConstraint('round_id', 'person_id', name=op.f('pk_attendance'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_panel_id'), ['panel_id'], unique=False)

    op.create_table('draw_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('batch', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('enterprise_needed', sa.Integer(), nullable=False),
    sa.Column('excluded', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('commitment', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('secret', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pool_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('made_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('made_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('witness', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('witness_digits', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seed', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('drawn_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_draw_batch_draw_id_draw')),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_draw_batch_panel_id_panel')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw_batch')),
    sa.UniqueConstraint('draw_id', 'batch', name=op.f('uq_draw_batch_draw_id_batch'))
    )
    with op.batch_alter_table('draw_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_batch_draw_id'), ['draw_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draw_batch_panel_id'), ['panel_id'], unique=False)
        batch_op.create_index('uq_draw_batch_pending', ['draw_id'], unique=True, sqlite_where=sa.text("state = 'pending'"))

    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('seat', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('batch', sa.Integer(), nullable=False),
    sa.Column('enterprise', sa.Boolean(), nullable=False),
    sa.Column('enterprise_basis', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('replaced_by', sa.Integer(), nullable=True),
    sa.Column('invited_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_invitation_draw_id_draw')),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_invitation_panel_id_panel')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_invitation_person_id_person')),
    sa.ForeignKeyConstraint(['replaced_by'], ['invitation.id'], name=op.f('fk_invitation_replaced_by_invitation')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_invitation_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
    sa.UniqueConstraint('draw_id', 'panel_id', 'person_id', name=op.f('uq_invitation_draw_id_panel_id_person_id'))
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_draw_id'), ['draw_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_panel_id'), ['panel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_round_id'), ['round_id'], unique=False)

    op.create_table('non_consensus_decision',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('decided_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('decided_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_non_consensus_decision_application_id_application')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_non_consensus_decision_round_id_review_round')),
    sa.PrimaryKeyConstraint('round_id', 'application_id', name=op.f('pk_non_consensus_decision'))
    )
    op.create_table('panel_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('members', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('enterprise_count', sa.Integer(), nullable=False),
    sa.Column('enterprise_required', sa.Integer(), nullable=False),
    sa.Column('override_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('override_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('confirmed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('confirmed_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_panel_confirmation_draw_id_draw')),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_panel_confirmation_panel_id_panel')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_panel_confirmation_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_confirmation'))
    )
    with op.batch_alter_table('panel_confirmation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_confirmation_draw_id'), ['draw_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_panel_confirmation_round_id'), ['round_id'], unique=False)
        batch_op.create_index('uq_panel_confirmation_current', ['panel_id'], unique=True, sqlite_where=sa.text('superseded = 0'))

    op.create_table('score',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opinion', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('settled_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('settled_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_score_application_id_application')),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_score_panel_id_panel')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_score_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_score_round_id_review_round')),
    sa.PrimaryKeyConstraint('round_id', 'person_id', 'application_id', name=op.f('pk_score'))
    )
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_panel_id'), ['panel_id'], unique=False)

    op.create_table('score_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('panel_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('pass_no', sa.Integer(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opinion', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entered_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entered_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_score_entry_application_id_application')),
    sa.ForeignKeyConstraint(['panel_id'], ['panel.id'], name=op.f('fk_score_entry_panel_id_panel')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_score_entry_person_id_person')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_score_entry_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_entry')),
    sa.UniqueConstraint('round_id', 'person_id', 'application_id', 'pass_no', name=op.f('uq_score_entry_round_id_person_id_application_id_pass_no'))
    )
    with op.batch_alter_table('score_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_entry_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_entry_panel_id'), ['panel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_entry_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_entry_round_id'), ['round_id'], unique=False)

    op.create_table('call',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('operator', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recording', sa.String(), nullable=True),
    sa.Column('declared', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], name=op.f('fk_call_invitation_id_invitation')),
    sa.ForeignKeyConstraint(['recording'], ['attachment.sha256'], name=op.f('fk_call_recording_attachment')),
    sa.ForeignKeyConstraint(['round_id'], ['review_round.id'], name=op.f('fk_call_round_id_review_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call'))
    )
    with op.batch_alter_table('call', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_round_id'), ['round_id'], unique=False)


def downgrade() -> None:
    for table in ("call", "score_entry", "score", "panel_confirmation", "non_consensus_decision", "invitation",
                  "draw_batch", "attendance", "result_approval", "post_review_certification", "expert_commitment",
                  "attachment"):
        op.drop_table(table)
