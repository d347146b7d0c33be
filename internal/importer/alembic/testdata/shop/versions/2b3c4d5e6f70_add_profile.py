"""add profile

with a longer body that is not part of the message.

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
Create Date: 2023-03-02 11:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "2b3c4d5e6f70"
down_revision: Union[str, None] = "1a2b3c4d5e6f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("users", sa.Column("nickname", sa.String(30), nullable=True))
    op.add_column("users", sa.Column("visits", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "profiles",
        sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("users.id", ondelete="CASCADE", onupdate="CASCADE"), primary_key=True),
        sa.Column("avatar", sa.LargeBinary(), nullable=True),
        sa.Column("settings", sa.JSON(), nullable=True),
        sa.Column("updated", sa.DateTime(), nullable=True),
        sa.Column("wake", sa.Time(), nullable=True),
        sa.Column("level", sa.SmallInteger(), nullable=False, server_default=sa.text("1")),
        comment="one per user",
    )
    op.create_index("ix_profiles_level_hi", "profiles", ["level"], postgresql_where=sa.text("level > 5"), sqlite_where=sa.text("level > 5"))
    op.create_index("ix_orgs_lower_name", "orgs", [sa.text("lower(name)")])


def downgrade() -> None:
    op.drop_index("ix_orgs_lower_name", table_name="orgs")
    op.drop_index("ix_profiles_level_hi", table_name="profiles")
    op.drop_table("profiles")
    op.drop_column("users", "visits")
    op.drop_column("users", "nickname")
