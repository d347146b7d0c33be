#!/bin/sh
# `retort check` on Go models (examples/orion, models read from Go source),
# timed with hyperfine: every run loads the models into a scratch database
# (--no-cache), inspects it and compares it with an up-to-date database.
# Give the binaries to compare (default: this checkout's build), e.g. one
# built from an older commit:
#
#   git archive OLD | tar -x -C /tmp/old && (cd /tmp/old && go build -o /tmp/retort-before ./cmd/retort)
#   go build -o /tmp/retort-after ./cmd/retort
#   bench/models/run.sh /tmp/retort-before /tmp/retort-after
#
# Without DATABASE_URL the database is a SQLite file; with it (an existing,
# empty PostgreSQL or MariaDB database) the scratch database is made on that
# server. Also: go test -run '^$' -bench LoadAndRender ./internal/models/gostruct/
# times reading and rendering the models alone. Needs hyperfine.
set -eu
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
	go build -o /tmp/retort-bench-models ./cmd/retort
	set -- /tmp/retort-bench-models
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples/orion "$work/"
rm -f "$work/orion/orion.db"
cfg="$work/orion/migrations/retort.toml"
"$1" -c "$cfg" upgrade head >/dev/null 2>&1
# Both must find the models and the database in step.
for bin in "$@"; do
	"$bin" -c "$cfg" check --no-cache >/dev/null
done
n=$#
for bin in "$@"; do
	set -- "$@" "$bin -c $cfg check --no-cache"
done
shift "$n"
hyperfine -N --warmup 3 --runs "${RUNS:-40}" "$@"
