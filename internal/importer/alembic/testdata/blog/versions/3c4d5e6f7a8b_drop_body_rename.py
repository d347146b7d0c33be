"""rename body to content, drop a column

Revision ID: 3c4d5e6f7a8b
Revises: 2b3c4d5e6f7a
Create Date: 2023-12-03 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '3c4d5e6f7a8b'
down_revision = '2b3c4d5e6f7a'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.alter_column('body', new_column_name='content', existing_type=sa.Text(), existing_nullable=True)
        batch_op.alter_column('title', existing_type=sa.String(length=200), type_=sa.String(length=250), existing_nullable=False)
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_column('score')


def downgrade():
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('score', sa.Float(), server_default='0', nullable=False))
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.alter_column('title', existing_type=sa.String(length=250), type_=sa.String(length=200), existing_nullable=False)
        batch_op.alter_column('content', new_column_name='body', existing_type=sa.Text(), existing_nullable=True)
