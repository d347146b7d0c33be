#!/usr/bin/env bash
# retort side by side with the databases' own clients, goose, golang-migrate
# and Alembic, on the same generated histories: the figures of
# docs/performance.md.
#
#   bash bench/peers/run.sh            # the full set (15-25 minutes on a quiet 2-CPU machine)
#   bash bench/peers/run.sh --quick    # one round, smaller sizes (a few minutes)
#   PEERS_SECTIONS=noop PEERS_DIALECTS=postgres bash bench/peers/run.sh   # one table
#
# Installs what is missing: goose and golang-migrate with `go install` at the
# pinned versions below (into bench/peers/out/bin), hyperfine is not needed;
# Debian's python3-alembic with its drivers through apt-get when run as root
# (skipped with a note otherwise). Needs PostgreSQL (PGHOST/PGPORT/PGUSER,
# default 127.0.0.1:5432 postgres, trust), MariaDB (MYHOST/MYPORT/MYUSER,
# default 127.0.0.1:3306 root) and the sqlite3, psql and mariadb clients.
# PEERS_DIALECTS (default sqlite,postgres,mysql) and PEERS_SECTIONS (default
# noop,scaling,apply,check: the long applies and the cold checks of
# bench/autogen/floor.sh last) pick a subset and an order;
# PEERS_APPLY_N, PEERS_NOOP_N, PEERS_SCALE_N, PEERS_SCALE_N_MYSQL
# (comma-separated) and PEERS_APPLY_ROUNDS, PEERS_NOOP_ROUNDS,
# PEERS_SCALE_ROUNDS, PEERS_CHECK_T, PEERS_CHECK_T_MYSQL, PEERS_CHECK_ROUNDS
# change sizes and rounds; PEERS_NOOP_ALEMBIC_MAX (5000)
# bounds the histories Alembic's no-op commands run on; PEERS_RESULTS names
# another folder for results.md and samples.json.
#
# Writes bench/peers/out/results.md (the markdown tables, ready to paste)
# and bench/peers/out/samples.json (every run's wall and CPU seconds and
# peak RSS). Measure on a quiet machine: the load average is recorded
# before and after each table.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/bench/peers/out
GOOSE_VERSION=v3.30.1
MIGRATE_VERSION=v4.20.1
quick=0
for a in "$@"; do
  case $a in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $a (use --quick)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out/bin"

# The peers, pinned.
if [ ! -x "$out/bin/goose" ] || ! "$out/bin/goose" --version 2>/dev/null | grep -q "$GOOSE_VERSION"; then
  echo "installing goose $GOOSE_VERSION" >&2
  GOBIN=$out/bin go install "github.com/pressly/goose/v3/cmd/goose@$GOOSE_VERSION"
fi
if [ ! -x "$out/bin/migrate" ] || ! "$out/bin/migrate" -version 2>&1 | grep -q "${MIGRATE_VERSION#v}"; then
  echo "installing golang-migrate $MIGRATE_VERSION" >&2
  # The sqlite tag is modernc.org/sqlite, the driver retort and goose use
  # (sqlite3 would be mattn's, through cgo).
  GOBIN=$out/bin go install -tags 'postgres mysql sqlite' \
    -ldflags "-X main.Version=$MIGRATE_VERSION" \
    "github.com/golang-migrate/migrate/v4/cmd/migrate@$MIGRATE_VERSION"
fi
alembic=0
if /usr/bin/python3 -c 'import alembic, psycopg2, pymysql' 2>/dev/null; then
  alembic=1
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's python3-alembic" >&2
  if apt-get install -y -qq python3-alembic python3-psycopg2 python3-pymysql >/dev/null ||
     { apt-get update -qq && apt-get install -y -qq python3-alembic python3-psycopg2 python3-pymysql >/dev/null; }; then
    alembic=1
  fi
fi
[ "$alembic" = 1 ] || echo "note: Alembic not available (apt-get install python3-alembic python3-psycopg2 python3-pymysql); its rows are left out" >&2

# retort and the history generator.
CGO_ENABLED=0 go build -o "$out/bin/retort" ./cmd/retort
go build -o "$out/bin/gen" ./bench/peers/gen

# The histories, each in every tool's format.
hist=$out/hist
mkdir -p "$hist"
gen() { # shape n
  local d=$hist/$1$2
  if [ ! -f "$d/.done" ]; then
    rm -rf "$d"
    "$out/bin/gen" -shape "$1" -n "$2" -out "$d"
    printf 'script_location = "."\n' >"$d/retort/retort.toml"
    printf 'script_location = "."\ntransaction_per_migration = true\n' >"$d/retort/retort-pertx.toml"
    touch "$d/.done"
  fi
}
if [ $quick = 1 ]; then
  noop=${PEERS_NOOP_N:-5000} scale=${PEERS_SCALE_N:-1000,5000}
else
  noop=${PEERS_NOOP_N:-5000,10000} scale=${PEERS_SCALE_N:-1000,5000,20000}
fi
if [ $quick = 1 ]; then apply_n=${PEERS_APPLY_N:-200}; else apply_n=${PEERS_APPLY_N:-1000}; fi
gen ddl "$apply_n"
for n in ${noop//,/ }; do gen select "$n"; done
for n in ${scale//,/ }; do gen row "$n"; done

PEERS_BIN=$out/bin PEERS_HIST=$hist PEERS_OUT=${PEERS_RESULTS:-$out} PEERS_QUICK=$quick PEERS_ALEMBIC=$alembic \
  PEERS_NOOP_N=$noop PEERS_SCALE_N=$scale PEERS_APPLY_N=$apply_n \
  /usr/bin/python3 "$root/bench/peers/measure.py"
echo "tables written to ${PEERS_RESULTS:-$out}/results.md" >&2
