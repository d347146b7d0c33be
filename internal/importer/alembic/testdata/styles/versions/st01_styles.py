"""module constants, variables, enum create/drop, variants

Revision ID: st01
Revises:
Create Date: 2024-06-01 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "st01"
down_revision = None
branch_labels = None
depends_on = None

status_enum = sa.Enum("open", "closed", name="ticket_status")
TABLE = "ticket"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("status", status_enum, nullable=False, server_default="open"),
        sa.Column("title", sa.Unicode(120), nullable=False),
    )
    _create_person()
    if op.get_bind().dialect.name == "postgresql":
        op.execute("COMMENT ON TABLE person IS 'people'")
    elif op.get_context().dialect.name in ("mysql", "mariadb"):
        op.execute("ALTER TABLE person COMMENT = 'people'")
    else:
        pass
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), sa.ForeignKey("person.id", name="fk_ticket_owner"), nullable=True, index=True))
        # A new column's CHECK stays in its definition when SQLite's batch rebuilds the table.
        batch_op.add_column(sa.Column("points", sa.Integer(), sa.CheckConstraint("points > 0"), nullable=True))
    tickets = sa.table(TABLE, sa.column("id", sa.Integer), sa.column("title", sa.String), sa.column("status", sa.String))
    op.bulk_insert(tickets, [{"id": 1, "title": "first", "status": "open"}])
    labels = op.create_table("label", sa.Column("id", sa.Integer, primary_key=True), sa.Column("text", sa.String(20)))
    op.bulk_insert(labels, [{"id": 1, "text": "bug"}, {"id": 2, "text": None}])
    # A CHECK among the column's arguments: in the ADD COLUMN, on SQLite too.
    op.add_column("label", sa.Column("copies", sa.Integer, sa.CheckConstraint("copies >= 0"), nullable=True))


def _create_person():
    """A helper the upgrade calls: translated in place."""
    op.create_table("person", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(40)))


def downgrade() -> None:
    op.drop_column("label", "copies")
    op.drop_table("label")
    op.drop_table(TABLE)
    op.drop_table("person")
    status_enum.drop(op.get_bind(), checkfirst=True)
