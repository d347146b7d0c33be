#!/usr/bin/env bash
# Whole-process time of `retort lint` (from the DDL) against
# `retort lint --stairway` (the downgrade measured on a scratch database) on
# the example project, examples/orion (3 revisions), on each dialect:
# SQLite in memory, and a scratch database created and dropped on the
# PostgreSQL and MariaDB servers.
#
#   bash bench/lint_stairway.sh    # needs hyperfine; PG_URL and MYSQL_URL
#                                  # default to the local servers
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CGO_ENABLED=0 go build -o "$work/retort" ./cmd/retort
cfg=examples/orion/migrations/retort.toml
pg=${PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
my=${MYSQL_URL:-mysql://root@127.0.0.1:3306/mysql}
for url in "sqlite:///$work/orion.db" "$pg" "$my"; do
  echo "== ${url%%:*}"
  # lint exits 1 on the example's PostgreSQL finding: -i ignores it.
  hyperfine -N -i --warmup 2 --runs 10 --output=null \
    "$work/retort -c $cfg --url $url lint" \
    "$work/retort -c $cfg --url $url lint --stairway"
done
