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
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MYHOST=${MYHOST:-127.0.0.1} MYPORT=${MYPORT:-3306} MYUSER=${MYUSER:-root}
my() { mariadb -h"$MYHOST" -P"$MYPORT" -u"$MYUSER" "$@"; }
tag=fl_$$_$(od -An -N3 -tx1 /dev/urandom | tr -d ' ')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/retort-floor.XXXXXX")

cleanup() {
	for d in "${tag}_live" "${tag}_f"; do
		dropdb --if-exists --force "$d" >/dev/null 2>&1 || true
		my -e "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

go build -o "$tmp/retort" ./cmd/retort
go build -o "$tmp/autogen" ./bench/autogen

# t LABEL CMD...: run CMD, append "LABEL wall user+sys maxrssKB" to $tmp/times.
t() {
	label=$1; shift
	/usr/bin/time -o "$tmp/one" -f "%e %U %S %M" "$@" >"$tmp/out" 2>&1 || { cat "$tmp/out" >&2; echo "floor.sh: $label failed" >&2; exit 1; }
	awk -v l="$label" '{ printf "%s %s %.2f %s\n", l, $1, $2 + $3, $4 }' "$tmp/one" >>"$tmp/times"
}

# scripts DIALECT: write $tmp/floor, $tmp/unfloor and $tmp/dump, each timed
# (or not) as a whole process.
scripts() {
	myc="mariadb -h$MYHOST -P$MYPORT -u$MYUSER"
	case $1 in
	postgres)
		# One transaction (-1), as the floor is defined, up to 2,000
		# tables: beyond, it holds more locks than a default server's lock
		# table (max_locks_per_transaction 64 x 100 connections) and fails.
		one=-1
		[ "$2" -le 2000 ] || one=
		echo "createdb ${tag}_f && psql -q -X -v ON_ERROR_STOP=1 $one -d ${tag}_f -f $tmp/schema.sql && pg_dump -s ${tag}_f >/dev/null" >"$tmp/floor"
		echo "dropdb --force ${tag}_f" >"$tmp/unfloor"
		echo "pg_dump -s ${tag}_live >/dev/null" >"$tmp/dump" ;;
	mysql)
		echo "$myc -e 'CREATE DATABASE ${tag}_f CHARACTER SET utf8mb4' && $myc ${tag}_f <$tmp/schema.sql && mariadb-dump -h$MYHOST -P$MYPORT -u$MYUSER --no-data ${tag}_f >/dev/null" >"$tmp/floor"
		echo "$myc -e 'DROP DATABASE ${tag}_f'" >"$tmp/unfloor"
		echo "mariadb-dump -h$MYHOST -P$MYPORT -u$MYUSER --no-data ${tag}_live >/dev/null" >"$tmp/dump" ;;
	sqlite)
		echo "{ cat $tmp/schema.sql; echo .schema; } | sqlite3 :memory: >/dev/null" >"$tmp/floor"
		echo ":" >"$tmp/unfloor"
		echo "sqlite3 $tmp/live.db .schema >/dev/null" >"$tmp/dump" ;;
	esac
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$tmp/times" | median; }

if [ "$alembic" = 1 ] && ! /usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null; then
	echo "floor.sh: -alembic needs /usr/bin/python3 with alembic and psycopg2 (apt-get install python3-alembic python3-psycopg2)" >&2
	exit 2
fi
printf '%-8s %6s | %9s %8s %8s | %9s %8s | %9s %9s | %9s | %7s %7s %7s\n' dialect tables check_s cpu_s rss_MB floor_s dump_s old_s old_cpu alembic_s check/fl old/fl alem/fl
for d in $dialects; do
	for n in $sizes; do
		"$tmp/autogen" -emit "$d" -tables "$n" >"$tmp/schema.sql"
		proj=$tmp/proj
		rm -rf "$proj" "$tmp/live.db"
		mkdir -p "$proj/versions"
		cp "$tmp/schema.sql" "$proj/schema.sql"
		case $d in
		postgres)
			createdb "${tag}_live"
			one=-1
			[ "$n" -le 2000 ] || one=
			psql -q -X -v ON_ERROR_STOP=1 $one -d "${tag}_live" -f "$tmp/schema.sql"
			url="postgres://$PGUSER@$PGHOST:$PGPORT/${tag}_live?sslmode=disable" ;;
		mysql)
			my -e "CREATE DATABASE ${tag}_live CHARACTER SET utf8mb4"
			my "${tag}_live" <"$tmp/schema.sql"
			url="mysql://$MYUSER@$MYHOST:$MYPORT/${tag}_live" ;;
		sqlite)
			{ echo "BEGIN;"; cat "$tmp/schema.sql"; echo "COMMIT;"; } | sqlite3 "$tmp/live.db"
			url="sqlite:///$tmp/live.db" ;;
		esac
		scripts "$d" "$n"
		printf 'script_location = "."\nurl = "%s"\nmodels = ["schema.sql"]\n' "$url" >"$proj/retort.toml"
		: >"$tmp/times"
		i=0
		while [ "$i" -lt "$runs" ]; do
			(cd "$proj" && t check "$tmp/retort" check --no-cache)
			grep -q "No new upgrade operations detected" "$tmp/out" || { cat "$tmp/out" >&2; echo "floor.sh: check found differences" >&2; exit 1; }
			if [ -n "$old" ]; then (cd "$proj" && t old "$old" check --no-cache); fi
			if [ "$alembic" = 1 ] && [ "$d" = postgres ]; then
				t alembic /usr/bin/python3 bench/autogen/alembic_check.py "$url" "$n" --full
				grep -q '"diffs": 0' "$tmp/out" || { cat "$tmp/out" >&2; echo "floor.sh: Alembic found differences" >&2; exit 1; }
			fi
			t floor sh "$tmp/floor"
			sh "$tmp/unfloor" >/dev/null 2>&1 || true
			t dump sh "$tmp/dump"
			i=$((i + 1))
		done
		c=$(col check 2); f=$(col floor 2); o=$(col old 2); a=$(col alembic 2)
		ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-") print "-"; else printf "%.2f", a / b }'; }
		printf '%-8s %6s | %9s %8s %8s | %9s %8s | %9s %9s | %9s | %7s %7s %7s\n' "$d" "$n" "$c" "$(col check 3)" \
			"$(col check 4 | awk '{ printf "%.0f", $1 / 1024 }')" "$f" "$(col dump 2)" "$o" "$(col old 3)" "$a" \
			"$(ratio "$c" "$f")" "$(ratio "$o" "$f")" "$(ratio "$a" "$f")"
		case $d in
		postgres) dropdb --force "${tag}_live" ;;
		mysql) my -e "DROP DATABASE ${tag}_live" ;;
		esac
	done
done
echo "runs per cell: $runs (medians); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
