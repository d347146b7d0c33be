"""batch changes to users

Revision ID: 5e6f708192a3
Revises: 4d5e6f708192
Create Date: 2023-03-05 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '5e6f708192a3'
down_revision = '4d5e6f708192'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('nickname', existing_type=sa.String(length=30), type_=sa.String(length=60), existing_nullable=True)
        batch_op.alter_column('kind', existing_type=sa.String(length=20), nullable=True, existing_server_default='member')
        batch_op.alter_column('ratio', new_column_name='weight', existing_type=sa.Float())
        batch_op.create_unique_constraint('uq_users_nickname', ['nickname'])
        batch_op.create_check_constraint('ck_users_visits', 'visits >= 0')
        batch_op.drop_index('ix_users_org_created')
        batch_op.create_index('ix_users_org', ['org_id'])

    with op.batch_alter_table('profiles') as batch_op:
        batch_op.add_column(sa.Column('theme', sa.String(10), server_default='dark'))


def downgrade():
    with op.batch_alter_table('profiles') as batch_op:
        batch_op.drop_column('theme')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index('ix_users_org')
        batch_op.create_index('ix_users_org_created', ['org_id', 'created_at'], unique=False)
        batch_op.drop_constraint('ck_users_visits', type_='check')
        batch_op.drop_constraint('uq_users_nickname', type_='unique')
        batch_op.alter_column('weight', new_column_name='ratio', existing_type=sa.Float())
        batch_op.alter_column('kind', existing_type=sa.String(length=20), nullable=False, existing_server_default='member')
        batch_op.alter_column('nickname', existing_type=sa.String(length=60), type_=sa.String(length=30), existing_nullable=True)
