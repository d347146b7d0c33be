# Shared by floor.sh and incremental.sh (sourced, then `setup`): the
# servers' addresses, the timing helper, the floor's commands and the live
# database built from $tmp/schema.sql.

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MYHOST=${MYHOST:-127.0.0.1} MYPORT=${MYPORT:-3306} MYUSER=${MYUSER:-root}
my() { mariadb -h"$MYHOST" -P"$MYPORT" -u"$MYUSER" "$@"; }

# cleanup drops what the script created; installed as the EXIT trap.
cleanup() {
	for d in "${tag}_live" "${tag}_f"; do
		dropdb --if-exists --force "$d" >/dev/null 2>&1 || true
		my -e "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
	done
	rm -rf "$tmp"
}

# t LABEL OKCODES CMD...: run CMD (its exit status must be one of OKCODES),
# append "LABEL wall user+sys maxrssKB" to $tmp/times.
t() {
	label=$1 ok=$2; shift 2
	rc=0
	/usr/bin/time -o "$tmp/one" -f "%e %U %S %M" "$@" >"$tmp/out" 2>&1 || rc=$?
	case " $ok " in *" $rc "*) ;; *) cat "$tmp/out" >&2; echo "$(basename "$0"): $label exited $rc" >&2; exit 1 ;; esac
	tail -n 1 "$tmp/one" | awk -v l="$label" '{ printf "%s %s %.2f %s\n", l, $1, $2 + $3, $4 }' >>"$tmp/times"
}

# scripts DIALECT TABLES: write $tmp/floor, $tmp/unfloor and $tmp/dump.
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

# live DIALECT TABLES: build the live database from $tmp/schema.sql and set
# $url to it; drop_live DIALECT drops it again.
live() {
	rm -f "$tmp/live.db"
	case $1 in
	postgres)
		createdb "${tag}_live"
		one=-1
		[ "$2" -le 2000 ] || one=
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
}
drop_live() {
	case $1 in
	postgres) dropdb --force "${tag}_live" ;;
	mysql) my -e "DROP DATABASE ${tag}_live" ;;
	esac
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$tmp/times" | median; }

# setup PREFIX NAME: $tag (PREFIX and random, for the databases) and $tmp
# (a new folder), the clean-up on exit, and retort (the static binary users
# install) and bench/autogen's schema generator built into $tmp.
setup() {
	tag=$1_$$_$(od -An -N3 -tx1 /dev/urandom | tr -d ' ')
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/retort-$2.XXXXXX")
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	CGO_ENABLED=0 go build -o "$tmp/retort" ./cmd/retort
	go build -o "$tmp/autogen" ./bench/autogen
}
