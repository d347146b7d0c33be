"""audit log, depends on tags

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
Create Date: 2023-03-06 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '6f708192a3b4'
down_revision = '5e6f708192a3'
branch_labels = None
depends_on = '3c4d5e6f7081'


def upgrade():
    op.create_table('audit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tag_id', sa.Integer(), nullable=True),
        sa.Column('what', sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit')),
    )
    with op.batch_alter_table('audit') as batch_op:
        batch_op.create_foreign_key('fk_audit_tag', 'tags', ['tag_id'], ['id'], ondelete='SET NULL')
    op.rename_table('audit', 'audit_log')
    op.execute(sa.text("INSERT INTO audit_log (id, what) VALUES (1, 'imported')"))


def downgrade():
    op.rename_table('audit_log', 'audit')
    op.drop_table('audit')
