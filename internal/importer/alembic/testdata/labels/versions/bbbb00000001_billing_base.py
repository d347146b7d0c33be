"""billing base"""
from alembic import op
import sqlalchemy as sa

revision = "bbbb00000001"
down_revision = None
branch_labels = "billing"
depends_on = None


def upgrade():
    op.create_table(
        "invoice",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("total", sa.Numeric(12, 2), nullable=False),
        sa.Column("paid", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("number", name="uq_invoice_number"),
    )


def downgrade():
    op.drop_table("invoice")
