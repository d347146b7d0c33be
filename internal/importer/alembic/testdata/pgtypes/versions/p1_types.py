"""postgres types

Revision ID: p1
Revises:
Create Date: 2021-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

prio = postgresql.ENUM('p1', 'p2', name='prio', create_type=False)

revision = 'p1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('event',
        sa.Column('id', postgresql.UUID(as_uuid=True), server_default=sa.text('gen_random_uuid()'), nullable=False),
        sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('tags', postgresql.ARRAY(sa.String(length=30)), nullable=True),
        sa.Column('source', postgresql.INET(), nullable=True),
        sa.Column('level', postgresql.ENUM('low', 'high', name='event_level'), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('took', sa.Interval(), nullable=True),
        sa.Column('n', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('id', name='event_pk'),
        comment='events',
    )
    op.create_index('ix_event_payload', 'event', ['payload'], unique=False, postgresql_using='gin')
    op.create_index('ix_event_high', 'event', ['at'], unique=False, postgresql_where=sa.text("level = 'high'"))
    op.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')")
    prio.create(op.get_bind(), checkfirst=True)
    bind = op.get_bind()
    level2 = postgresql.ENUM('a', 'b', name='level2')
    level2.create(bind, checkfirst=True)
    level2.create_type = False
    op.create_table('event2', sa.Column('id', sa.Integer, primary_key=True), sa.Column('lv', level2))
    with op.get_context().autocommit_block():
        op.create_index('ix_event2_lv', 'event2', ['lv'], postgresql_concurrently=True)
    op.add_column('event', sa.Column('prio', prio, nullable=True))
    op.add_column('event', sa.Column('mood', postgresql.ENUM('sad', 'ok', 'happy', name='mood', create_type=False), nullable=True))


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index('ix_event2_lv', table_name='event2', postgresql_concurrently=True)
    op.drop_table('event2')
    sa.Enum(name='level2').drop(op.get_bind(), checkfirst=True)
    op.drop_column('event', 'prio')
    prio.drop(op.get_bind(), checkfirst=False)
    op.drop_column('event', 'mood')
    op.execute("DROP TYPE mood")
    op.drop_index('ix_event_high', table_name='event')
    op.drop_index('ix_event_payload', table_name='event')
    op.drop_table('event')
    op.execute("DROP TYPE event_level")
