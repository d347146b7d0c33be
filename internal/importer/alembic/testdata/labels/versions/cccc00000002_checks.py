"""checks and a primary key on a link table"""
from alembic import op
import sqlalchemy as sa

revision = "cccc00000002"
down_revision = "cccc00000001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "invoice_line",
        sa.Column("invoice_id", sa.BigInteger, sa.ForeignKey("invoice.id"), nullable=False),
        sa.Column("line", sa.Integer, sa.CheckConstraint("line > 0"), nullable=False),
        sa.Column("qty", sa.Integer, sa.CheckConstraint("qty >= 0"), nullable=True),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("note", sa.Text),
    )
    with op.batch_alter_table("invoice_line") as batch_op:
        batch_op.create_primary_key("pk_invoice_line", ["invoice_id", "line"])
        batch_op.create_check_constraint("ck_invoice_line_amount", sa.text("amount > 0"))
        batch_op.alter_column("note", existing_type=sa.Text(), type_=sa.String(200), nullable=True)
    op.execute(
        """
        INSERT INTO invoice (id, number, total) VALUES (1, 'A-1', 10.50)
        """
    )


def downgrade():
    op.execute("DELETE FROM invoice WHERE id = 1")
    op.drop_table("invoice_line")
