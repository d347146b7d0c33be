"""Alembic's side of the autogenerate benchmark.

Builds SQLAlchemy MetaData equal to the schema that main.go creates (TABLES
tables t0000…: 8 columns, a primary key, two indexes, a foreign key to the
previous table on three tables out of four) and runs Alembic's
compare_metadata against the database at URL, which reflects the database
and diffs it with the metadata: what `alembic check` does after loading
env.py. Prints one JSON object:

    {"build_s": …, "compare_s": …, "total_s": …, "diffs": N, "sample": [...]}

total_s covers building the metadata, connecting and the comparison.

    /usr/bin/python3 alembic_check.py URL [TABLES] [--full]

--full also turns on compare_type and compare_server_default (off by
default in Alembic 1.8), which makes Alembic compare what retort compares.
"""

import json
import sys
import time
import warnings


def build(tables):
    import sqlalchemy as sa

    md = sa.MetaData()
    for i in range(tables):
        name = "t%04d" % i
        parent = [] if i % 4 == 0 else [sa.ForeignKey("t%04d.id" % (i - 1))]
        t = sa.Table(
            name,
            md,
            sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
            sa.Column("name", sa.String(100), nullable=False),
            sa.Column("email", sa.Text),
            sa.Column("created", sa.DateTime(timezone=True), server_default=sa.text("now()")),
            sa.Column("amount", sa.Numeric(12, 2), server_default=sa.text("0")),
            sa.Column("active", sa.Boolean, nullable=False, server_default=sa.text("true")),
            sa.Column("parent_id", sa.BigInteger, *parent),
            sa.Column("note", sa.Text),
        )
        sa.Index(name + "_name", t.c.name)
        sa.Index(name + "_created", t.c.created.desc())
    return md


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    full = "--full" in sys.argv[1:]
    if not args:
        sys.exit("usage: alembic_check.py URL [TABLES] [--full]")
    url = args[0]
    tables = int(args[1]) if len(args) > 1 else 1000
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]

    import sqlalchemy as sa
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    t0 = time.perf_counter()
    md = build(tables)
    t1 = time.perf_counter()
    engine = sa.create_engine(url)
    opts = {}
    if full:
        opts = {"compare_type": True, "compare_server_default": True}
    with warnings.catch_warnings():
        # Alembic warns that it skips the expression (DESC) indexes.
        warnings.simplefilter("ignore")
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts=opts)
            diffs = compare_metadata(ctx, md)
    t2 = time.perf_counter()
    engine.dispose()
    print(json.dumps({
        "build_s": t1 - t0,
        "compare_s": t2 - t1,
        "total_s": t2 - t0,
        "diffs": len(diffs),
        "sample": [repr(d) for d in diffs[:5]],
    }))


if __name__ == "__main__":
    main()
