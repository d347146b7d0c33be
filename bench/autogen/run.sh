#!/bin/sh
# Autogenerate benchmark on PostgreSQL: retort's introspection against
# pg_dump --schema-only, and retort's check against Alembic's
# compare_metadata, on a fresh database of 1,000 tables.
#
# Usage (from anywhere):  bench/autogen/run.sh [flags of bench/autogen/main.go]
#   e.g.  bench/autogen/run.sh -n 7 -alembic-runs 5
#
# Environment: PGURL   server to use (default postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable)
#              PYTHON  Python with alembic, sqlalchemy and psycopg2 (default /usr/bin/python3)
# The databases it creates are dropped at the end, also when interrupted.
set -eu
cd "$(dirname "$0")/../.."
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
PYTHON=${PYTHON:-/usr/bin/python3}
db=retort_bench_$$_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/retort-bench-autogen.XXXXXX")

cleanup() {
	for d in "$db" "${db}_s" "${db}_r"; do
		psql -q -d "$PGURL" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CGO_ENABLED=0 go build -o "$tmp/retort" ./cmd/retort
go build -o "$tmp/bench" ./bench/autogen
mkdir "$tmp/work"
"$tmp/bench" -url "$PGURL" -db "$db" -dir "$tmp/work" -retort "$tmp/retort" \
	-python "$PYTHON" -alembic-script bench/autogen/alembic_check.py "$@"
