"""first schema: pool, applications, integrity records, audit log

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 09:05:15.461944
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('before', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('after', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_entry_hash'))
    )
    op.create_table('field_code',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('parent', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_field_code'))
    )
    op.create_table('integrity_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subject_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('project_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('project_number', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('violation', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('measures', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('penalty_start', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('penalty_end', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('decided_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('basis', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('decision_date', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_integrity_record')),
    sa.UniqueConstraint('subject_code', 'violation', 'decision_date', 'project_number', name=op.f('uq_integrity_record_subject_code_violation_decision_date_project_number'))
    )
    with op.batch_alter_table('integrity_record', schema=None) as batch_op:
        batch_op.create_index('ix_integrity_record_subject', ['subject_code'], unique=False)

    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('credit_code', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_organisation_credit_code'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_number', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('mobile', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('id_number', name=op.f('uq_person_id_number'))
    )
    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('field_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('applicant_org_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_org_id'], ['organisation.id'], name=op.f('fk_application_applicant_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('number', name=op.f('uq_application_number'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_applicant_org_id'), ['applicant_org_id'], unique=False)

    op.create_table('employment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('from_year', sa.Integer(), nullable=True),
    sa.Column('to_year', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_employment_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_employment_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employment')),
    sa.UniqueConstraint('person_id', 'organisation_id', 'from_year', name=op.f('uq_employment_person_id_organisation_id_from_year'))
    )
    with op.batch_alter_table('employment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employment_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employment_person_id'), ['person_id'], unique=False)

    op.create_table('expert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fields', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('enterprise', sa.Boolean(), nullable=False),
    sa.Column('enterprise_explicit', sa.Boolean(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_expert_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_expert_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert')),
    sa.UniqueConstraint('person_id', name=op.f('uq_expert_person_id'))
    )
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('relation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_a_id', sa.Integer(), nullable=False),
    sa.Column('person_b_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('from_year', sa.Integer(), nullable=True),
    sa.Column('to_year', sa.Integer(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['person_a_id'], ['person.id'], name=op.f('fk_relation_person_a_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_b_id'], ['person.id'], name=op.f('fk_relation_person_b_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relation')),
    sa.UniqueConstraint('person_a_id', 'person_b_id', 'kind', name=op.f('uq_relation_person_a_id_person_b_id_kind'))
    )
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relation_person_a_id'), ['person_a_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_person_b_id'), ['person_b_id'], unique=False)

    op.create_table('application_partner',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_partner_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_application_partner_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('application_id', 'organisation_id', name=op.f('pk_application_partner'))
    )
    with op.batch_alter_table('application_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_partner_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('declared_conflict',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_declared_conflict_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_declared_conflict_person_id_person')),
    sa.PrimaryKeyConstraint('person_id', 'application_id', name=op.f('pk_declared_conflict'))
    )
    with op.batch_alter_table('declared_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_declared_conflict_application_id'), ['application_id'], unique=False)

    op.create_table('lobbying',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('recorded_on', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_lobbying_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_lobbying_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lobbying')),
    sa.UniqueConstraint('person_id', 'application_id', 'recorded_on', name=op.f('uq_lobbying_person_id_application_id_recorded_on'))
    )
    with op.batch_alter_table('lobbying', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lobbying_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lobbying_person_id'), ['person_id'], unique=False)

    op.create_table('requested_exclusion',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_requested_exclusion_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_requested_exclusion_person_id_person')),
    sa.PrimaryKeyConstraint('application_id', 'person_id', name=op.f('pk_requested_exclusion'))
    )
    with op.batch_alter_table('requested_exclusion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_requested_exclusion_person_id'), ['person_id'], unique=False)

    op.create_table('team_member',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_team_member_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_team_member_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_team_member_person_id_person')),
    sa.PrimaryKeyConstraint('application_id', 'person_id', name=op.f('pk_team_member'))
    )
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_member_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_member_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_member_person_id'))
        batch_op.drop_index(batch_op.f('ix_team_member_organisation_id'))

    op.drop_table('team_member')
    with op.batch_alter_table('requested_exclusion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_requested_exclusion_person_id'))

    op.drop_table('requested_exclusion')
    with op.batch_alter_table('lobbying', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lobbying_person_id'))
        batch_op.drop_index(batch_op.f('ix_lobbying_application_id'))

    op.drop_table('lobbying')
    with op.batch_alter_table('declared_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_declared_conflict_application_id'))

    op.drop_table('declared_conflict')
    with op.batch_alter_table('application_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_partner_organisation_id'))

    op.drop_table('application_partner')
    with op.batch_alter_table('relation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relation_person_b_id'))
        batch_op.drop_index(batch_op.f('ix_relation_person_a_id'))

    op.drop_table('relation')
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expert_organisation_id'))

    op.drop_table('expert')
    with op.batch_alter_table('employment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employment_person_id'))
        batch_op.drop_index(batch_op.f('ix_employment_organisation_id'))

    op.drop_table('employment')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_applicant_org_id'))

    op.drop_table('application')
    op.drop_table('person')
    op.drop_table('organisation')
    with op.batch_alter_table('integrity_record', schema=None) as batch_op:
        batch_op.drop_index('ix_integrity_record_subject')

    op.drop_table('integrity_record')
    op.drop_table('field_code')
    op.drop_table('audit_entry')
