"""renames that other definitions name: a CHECK, a foreign key, a table

Revision ID: st02
Revises: st01
Create Date: 2024-06-02 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "st02"
down_revision = "st01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gauge",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(8), nullable=True),
        sa.Column("level", sa.Integer, nullable=True),
        sa.UniqueConstraint("code", name="uq_gauge_code"),
        sa.CheckConstraint("level >= 0", name="ck_gauge_level"),
    )
    op.create_table(
        "reading",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gauge_code", sa.String(8), sa.ForeignKey("gauge.code", name="fk_reading_gauge"), nullable=True),
        sa.Column("note", sa.String(20), nullable=True),
    )
    # Every database renames the column where the CHECK and the other
    # table's foreign key name it, and the table where the foreign key
    # names it. (Not in a batch: SQLite's "move and copy" would copy the
    # CHECK's old text.)
    op.alter_column("gauge", "code", new_column_name="tag", existing_type=sa.String(8), existing_nullable=True)
    op.alter_column("gauge", "level", new_column_name="depth", existing_type=sa.Integer(), existing_nullable=True)
    op.rename_table("gauge", "meter")
    # SQLite's batch then rebuilds both tables from what the database holds.
    with op.batch_alter_table("reading") as batch_op:
        batch_op.alter_column("note", existing_type=sa.String(20), type_=sa.String(40), existing_nullable=True)
    with op.batch_alter_table("meter") as batch_op:
        batch_op.alter_column("depth", existing_type=sa.Integer(), nullable=False)
    # Dropping a column leaves another column's own CHECK in that
    # column's definition.
    op.create_table(
        "dial",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("lo", sa.Integer, sa.CheckConstraint("lo >= 0"), nullable=True),
        sa.Column("spare", sa.Integer, nullable=True),
    )
    op.drop_column("dial", "spare")


def downgrade() -> None:
    op.drop_table("dial")
    op.drop_table("reading")
    op.drop_table("meter")
