"""base tables

Revision ID: s1
Revises:
Create Date: 2022-05-05 12:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 's1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('author',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('email', sa.String(length=120), nullable=True),
        sa.Column('rank', sa.SmallInteger(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        mysql_engine='InnoDB',
    )
    op.create_table('book',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('price', sa.Numeric(8, 2), nullable=True),
        sa.Column('published', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_book_title'), 'book', ['title'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_book_title'), table_name='book')
    op.drop_table('book')
    op.drop_table('author')
