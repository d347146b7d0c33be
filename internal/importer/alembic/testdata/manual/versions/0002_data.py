"""data migration with Python logic

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("item", sa.Column("slug", sa.String(60)))
    bind = op.get_bind()
    session = Session(bind=bind)
    for row in session.execute(sa.text("SELECT id, name FROM item")):
        session.execute(
            sa.text("UPDATE item SET slug = :s WHERE id = :i"), {"s": row.name.lower(), "i": row.id}
        )
    name = f"ix_item_{'slug'}"
    op.create_index(name, "item", ["slug"])


def downgrade():
    op.drop_index("ix_item_slug", table_name="item")
    op.drop_column("item", "slug")
