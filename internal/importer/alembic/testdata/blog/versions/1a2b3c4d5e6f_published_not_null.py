"""published is not null

Revision ID: 1a2b3c4d5e6f
Revises: 0f1e2d3c4b5a
Create Date: 2023-11-22 09:12:44.100000

"""
from alembic import op
import sqlalchemy as sa


revision = '1a2b3c4d5e6f'
down_revision = '0f1e2d3c4b5a'
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE post SET published = false WHERE published IS NULL"))
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.alter_column('published',
               existing_type=sa.BOOLEAN(),
               nullable=False,
               server_default=sa.false())
        batch_op.add_column(sa.Column('slug', sa.String(length=220), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_post_slug'), ['slug'])


def downgrade():
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_post_slug'), type_='unique')
        batch_op.drop_column('slug')
        batch_op.alter_column('published',
               existing_type=sa.BOOLEAN(),
               nullable=True,
               server_default=None)
