"""account owner

Revision ID: aaaa00000002
Revises: aaaa00000001
"""
from alembic import op
import sqlalchemy as sa

revision = "aaaa00000002"
down_revision = "aaaa00000001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("account", sa.Column("owner", sa.String(80), nullable=True, comment="who holds it"))
    op.create_index("ix_account_owner", "account", ["owner"])


def downgrade():
    op.drop_index("ix_account_owner", table_name="account")
    op.drop_column("account", "owner")
