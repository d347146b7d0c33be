"""tags on their own branch

Revision ID: 3c4d5e6f7081
Revises: 1a2b3c4d5e6f
Create Date: 2023-03-03 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '3c4d5e6f7081'
down_revision = '1a2b3c4d5e6f'
branch_labels = ('tags',)
depends_on = None


def upgrade():
    op.create_table('tags',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('label', sa.String(64), nullable=False, unique=True),
        sa.Column('color', sa.Enum('red', 'green', 'blue', name='tag_color', create_constraint=True), nullable=False, server_default='red'),
    )
    op.bulk_insert(
        sa.table('tags', sa.column('id', sa.Integer), sa.column('label', sa.String), sa.column('color', sa.String)),
        [
            {'id': 1, 'label': 'new', 'color': 'green'},
            {'id': 2, 'label': "o'clock", 'color': 'red'},
        ],
    )
    op.execute("UPDATE tags SET label = upper(label) WHERE id = 1")


def downgrade():
    op.drop_table('tags')
