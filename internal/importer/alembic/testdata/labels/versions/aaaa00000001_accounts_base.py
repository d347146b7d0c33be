"""accounts base

Revision ID: aaaa00000001
Revises:
Create Date: 2024-01-01 00:00:00+00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "aaaa00000001"
down_revision = None
branch_labels = ("accounts",)
depends_on = None


def upgrade():
    op.create_table(
        "account",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.CHAR(8), nullable=False, index=True, unique=True),
        sa.Column("balance", sa.Numeric(12, 2), server_default=sa.text("0"), nullable=False),
        sa.Column("opened", sa.Date, server_default=sa.text("CURRENT_DATE")),
    )


def downgrade():
    op.drop_table("account")
