"""constraints and column changes

Revision ID: s2
Revises: s1
Create Date: 2022-05-06 12:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 's2'
down_revision = 's1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key('fk_book_author', 'book', 'author', ['author_id'], ['id'], ondelete='CASCADE')
    op.create_unique_constraint('uq_author_email', 'author', ['email'])
    op.create_check_constraint('ck_book_price', 'book', 'price >= 0')
    op.alter_column('author', 'name', existing_type=sa.String(length=100), type_=sa.String(length=150), existing_nullable=False)
    op.alter_column('author', 'rank', existing_type=sa.SmallInteger(), nullable=False, server_default='1')
    op.alter_column('book', 'published', new_column_name='published_at', existing_type=sa.DateTime(), existing_nullable=True)
    op.add_column('book', sa.Column('isbn', sa.String(13), nullable=True))
    # The unnamed CHECK a Boolean brings (MySQL): ALTER TABLE ... ADD CHECK, the server names it.
    op.add_column('book', sa.Column('in_print', sa.Boolean(create_constraint=True), nullable=True))
    # A CHECK among the column's arguments: in the ADD COLUMN (MariaDB names it after the column).
    op.add_column('book', sa.Column('copies', sa.Integer, sa.CheckConstraint('copies >= 0'), nullable=True))
    # On MySQL a rename is Alembic's CHANGE, which writes the column without its CHECK: MariaDB drops it.
    op.add_column('book', sa.Column('stock', sa.Integer, sa.CheckConstraint('stock >= 0'), nullable=True))
    op.alter_column('book', 'stock', new_column_name='on_hand', existing_type=sa.Integer(), existing_nullable=True)
    op.create_index('ix_book_isbn', 'book', ['isbn'], unique=True)
    op.rename_table('author', 'writer')
    op.alter_column('book', 'id', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
    # No existing_nullable: on MySQL, Alembic's MODIFY leaves the column NULL-able.
    op.alter_column('book', 'title', existing_type=sa.String(200), type_=sa.String(220))


def downgrade():
    op.alter_column('book', 'id', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False, autoincrement=True)
    op.alter_column('book', 'title', existing_type=sa.String(220), type_=sa.String(200), nullable=False)
    op.rename_table('writer', 'author')
    op.drop_index('ix_book_isbn', table_name='book')
    op.alter_column('book', 'on_hand', new_column_name='stock', existing_type=sa.Integer(), existing_nullable=True)
    op.drop_column('book', 'stock')
    op.drop_column('book', 'copies')
    op.drop_column('book', 'in_print')
    op.drop_column('book', 'isbn')
    op.alter_column('book', 'published_at', new_column_name='published', existing_type=sa.DateTime(), existing_nullable=True)
    op.alter_column('author', 'rank', existing_type=sa.SmallInteger(), nullable=True, server_default=None)
    op.alter_column('author', 'name', existing_type=sa.String(length=150), type_=sa.String(length=100), existing_nullable=False)
    op.drop_constraint('ck_book_price', 'book', type_='check')
    op.drop_constraint('uq_author_email', 'author', type_='unique')
    op.drop_constraint('fk_book_author', 'book', type_='foreignkey')
