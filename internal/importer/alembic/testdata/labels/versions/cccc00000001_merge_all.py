"""merge accounts and billing

Revision ID: cccc00000001
Revises: aaaa00000002, bbbb00000002
"""
revision = "cccc00000001"
down_revision = ["aaaa00000002", "bbbb00000002"]
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
