#!/bin/sh
# What the models' cache saves: whole-process `retort check` on a live
# database built from bench/autogen's schema.sql, per dialect and schema
# size, in four states of the cache, next to the floor of floor.sh.
#
#   nocache  retort check --no-cache (no cache read or written)
#   cold     an empty cache: every unit runs, the pack and the whole entry are written
#   warm     the same models again: the whole entry
#   change   one table of the middle of schema.sql gains a column (a new name each
#            round): the whole entry misses; the changed table, the table that
#            references it and those they reference run, the rest is the pack's.
#            check then reports the added column (exit 1, which is expected).
#   floor    the server running schema.sql with its own client and dumping it
#            (as floor.sh: createdb + psql -f + pg_dump -s, CREATE DATABASE +
#            mariadb < schema.sql + mariadb-dump --no-data, sqlite3 :memory:)
#   old_change  with -old BIN: the same one-table change with another build's
#            cache (before unit by unit, a whole cold load)
#
# Usage (from anywhere):
#   bench/autogen/incremental.sh [-n RUNS] [-t "100 1000 5000"] [-d "postgres mysql sqlite"] [-old BIN]
# Environment and tools as floor.sh. Everything it creates is dropped at the
# end, also on Ctrl-C; the caches live in a temporary XDG_CACHE_HOME.
set -eu
cd "$(dirname "$0")/../.."
runs=3
sizes="100 1000 5000"
dialects="postgres mysql sqlite"
old=""
while [ $# -gt 0 ]; do
	case $1 in
	-n) runs=$2; shift 2 ;;
	-t) sizes=$2; shift 2 ;;
	-d) dialects=$2; shift 2 ;;
	-old) old=$2; shift 2 ;;
	-h|--help) sed -n '2,23p' "$0"; exit 0 ;;
	*) echo "incremental.sh: unknown argument $1 (see -h)" >&2; exit 2 ;;
	esac
done
. bench/autogen/lib.sh
setup inc incremental

# change N ROUND: schema.sql of the project with a column added to the
# middle table.
change() {
	mid=$(printf 't%04d' $(($1 / 2)))
	awk -v t="CREATE TABLE $mid (" -v c="    extra_r$2 integer," '{ print } $0 == t { print c }' "$tmp/schema.sql" >"$proj/schema.sql"
	grep -q "extra_r$2" "$proj/schema.sql" || { echo "incremental.sh: no table $mid to change" >&2; exit 1; }
}

printf '%-8s %6s | %8s %8s %8s %8s | %8s %8s | %8s %8s\n' dialect tables nocache_s cold_s warm_s change_s floor_s old_chg change/fl chg_cpu
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
			cp "$tmp/schema.sql" "$proj/schema.sql"
			rm -rf "$tmp/cache" "$tmp/oldcache"
			export XDG_CACHE_HOME="$tmp/cache"
			(cd "$proj" && t nocache 0 "$tmp/retort" check --no-cache)
			(cd "$proj" && t cold 0 "$tmp/retort" check)
			(cd "$proj" && t warm 0 "$tmp/retort" check)
			change "$n" "$i"
			(cd "$proj" && t change 1 "$tmp/retort" check)
			grep -q "extra_r$i" "$tmp/out" || { cat "$tmp/out" >&2; echo "incremental.sh: the change was not seen" >&2; exit 1; }
			if [ -n "$old" ]; then
				cp "$tmp/schema.sql" "$proj/schema.sql"
				export XDG_CACHE_HOME="$tmp/oldcache"
				(cd "$proj" && "$old" check >/dev/null 2>&1) || true
				change "$n" "$i"
				(cd "$proj" && t old_change 1 "$old" check)
				grep -q "extra_r$i" "$tmp/out" || { cat "$tmp/out" >&2; echo "incremental.sh: the old build missed the change" >&2; exit 1; }
			fi
			t floor 0 sh "$tmp/floor"
			sh "$tmp/unfloor" >/dev/null 2>&1 || true
			i=$((i + 1))
		done
		c=$(col change 2); f=$(col floor 2)
		printf '%-8s %6s | %8s %8s %8s %8s | %8s %8s | %8s %8s\n' "$d" "$n" "$(col nocache 2)" "$(col cold 2)" "$(col warm 2)" "$c" \
			"$f" "$(col old_change 2)" "$(awk -v a="$c" -v b="$f" 'BEGIN { printf "%.2f", a / b }')" "$(col change 3)"
		drop_live "$d"
	done
done
echo "runs per cell: $runs (medians, wall seconds; chg_cpu = user+sys of change); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
