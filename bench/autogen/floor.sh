#!/bin/sh
# Cold `retort check` against the floor of its design, per dialect and
# schema size: the server running the same DDL once with its own client,
# then dumping the schema.
#
#   PostgreSQL  floor = createdb F; psql -1 -f schema.sql F; pg_dump -s F
#               (without -1 above 2,000 tables: one transaction overflows
#               a default server's lock table)
#   MariaDB     floor = CREATE DATABASE F; mariadb F < schema.sql; mariadb-dump --no-data F
#   SQLite      floor = sqlite3 :memory: < schema.sql + .schema
#   dump        = pg_dump -s / mariadb-dump --no-data / sqlite3 .schema of the live database
#
# retort check runs with --no-cache (every run cold: what the first run after
# a change of the models, or a fresh CI machine, pays), whole process, on a
# live database built from the same schema.sql, so it must report no
# difference. Each round runs retort, the floor and the dump one after the
# other (interleaved); the medians, the ratio check/floor, retort's user+sys
# CPU and its peak RSS (/usr/bin/time) are printed, with the load average.
#
# Usage (from anywhere):
#   bench/autogen/floor.sh [-n RUNS] [-t "100 1000 5000"] [-d "postgres mysql sqlite"] [-old BIN]
#     -old BIN   also time another retort binary (e.g. one built before a change)
#     -alembic   on PostgreSQL also time Python Alembic's autogenerate comparison
#                of the same tables (bench/autogen/alembic_check.py --full in its
#                own process: metadata built in Python, the live database
#                reflected and compared; needs /usr/bin/python3 with alembic
#                and psycopg2)
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres),
#              MYHOST/MYPORT/MYUSER (default 127.0.0.1, 3306, root; no password).
# Needs go, psql, pg_dump, createdb, dropdb, mariadb, mariadb-dump, sqlite3,
# /usr/bin/time. Everything it creates is dropped at the end, also on Ctrl-C.
set -eu
cd "$(dirname "$0")/../.."
runs=3
sizes="100 1000 5000"
dialects="postgres mysql sqlite"
old=""
alembic=0
while [ $# -gt 0 ]; do
	case $1 in
	-n) runs=$2; shift 2 ;;
	-t) sizes=$2; shift 2 ;;
	-d) dialects=$2; shift 2 ;;
	-old) old=$2; shift 2 ;;
	-alembic) alembic=1; shift ;;
	-h|--help) sed -n '2,31p' "$0"; exit 0 ;;
	*) echo "floor.sh: unknown argument $1 (see -h)" >&2; exit 2 ;;
	esac
done
. bench/autogen/lib.sh
setup fl floor

if [ "$alembic" = 1 ] && ! /usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null; then
	echo "floor.sh: -alembic needs /usr/bin/python3 with alembic and psycopg2 (apt-get install python3-alembic python3-psycopg2)" >&2
	exit 2
fi
printf '%-8s %6s | %9s %8s %8s | %9s %8s | %9s %9s | %9s | %7s %7s %7s\n' dialect tables check_s cpu_s rss_MB floor_s dump_s old_s old_cpu alembic_s check/fl old/fl alem/fl
for d in $dialects; do
	for n in $sizes; do
		"$tmp/autogen" -emit "$d" -tables "$n" >"$tmp/schema.sql"
		proj=$tmp/proj
		rm -rf "$proj"
		mkdir -p "$proj/versions"
		cp "$tmp/schema.sql" "$proj/schema.sql"
		live "$d" "$n"
		scripts "$d" "$n"
		printf 'script_location = "."\nurl = "%s"\nmodels = ["schema.sql"]\n' "$url" >"$proj/retort.toml"
		: >"$tmp/times"
		i=0
		while [ "$i" -lt "$runs" ]; do
			(cd "$proj" && t check 0 "$tmp/retort" check --no-cache)
			grep -q "No new upgrade operations detected" "$tmp/out" || { cat "$tmp/out" >&2; echo "floor.sh: check found differences" >&2; exit 1; }
			if [ -n "$old" ]; then (cd "$proj" && t old 0 "$old" check --no-cache); fi
			if [ "$alembic" = 1 ] && [ "$d" = postgres ]; then
				t alembic 0 /usr/bin/python3 bench/autogen/alembic_check.py "$url" "$n" --full
				grep -q '"diffs": 0' "$tmp/out" || { cat "$tmp/out" >&2; echo "floor.sh: Alembic found differences" >&2; exit 1; }
			fi
			t floor 0 sh "$tmp/floor"
			sh "$tmp/unfloor" >/dev/null 2>&1 || true
			t dump 0 sh "$tmp/dump"
			i=$((i + 1))
		done
		c=$(col check 2); f=$(col floor 2); o=$(col old 2); a=$(col alembic 2)
		ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-") print "-"; else printf "%.2f", a / b }'; }
		printf '%-8s %6s | %9s %8s %8s | %9s %8s | %9s %9s | %9s | %7s %7s %7s\n' "$d" "$n" "$c" "$(col check 3)" \
			"$(col check 4 | awk '{ printf "%.0f", $1 / 1024 }')" "$f" "$(col dump 2)" "$o" "$(col old 3)" "$a" \
			"$(ratio "$c" "$f")" "$(ratio "$o" "$f")" "$(ratio "$a" "$f")"
		drop_live "$d"
	done
done
echo "runs per cell: $runs (medians); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
