"""merge profile and tags

Revision ID: 4d5e6f708192
Revises: 2b3c4d5e6f70, 3c4d5e6f7081
Create Date: 2023-03-04 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '4d5e6f708192'
down_revision = ('2b3c4d5e6f70', '3c4d5e6f7081')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
