"""invoice refers to account

Revision ID: bbbb00000002
"""
from alembic import op
import sqlalchemy as sa

revision = "bbbb00000002"
down_revision = "bbbb00000001"
branch_labels = None
depends_on = ("aaaa00000001",)


def upgrade():
    with op.batch_alter_table("invoice") as batch_op:
        batch_op.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_invoice_account", "account", ["account_id"], ["id"], ondelete="SET NULL", onupdate="CASCADE")


def downgrade():
    with op.batch_alter_table("invoice") as batch_op:
        batch_op.drop_constraint("fk_invoice_account", type_="foreignkey")
        batch_op.drop_column("account_id")
