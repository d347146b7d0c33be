#!/bin/sh
# Benchmarks of internal/revision: graph construction, planning and history
# on 10,000 revisions (one line, and a trunk with 100 side branches merged
# back). Usage: bench/revision/run.sh [count]   (from the repository root)
#
# For an end-to-end figure, generate a migrations folder with
#   go run ./bench/revision/gendir -n 10000 -branches 100 /tmp/m10k
# and time the binary on it, e.g.
#   go build -o /tmp/retort ./cmd/retort
#   time /tmp/retort -c /tmp/m10k/retort.toml history >/dev/null
#   time /tmp/retort -c /tmp/m10k/retort.toml upgrade --sql base:heads >/dev/null
set -eu
count=${1:-5}
cd "$(dirname "$0")/../.."
go test -run '^$' -bench . -benchmem -count "$count" ./internal/revision/ | tee /tmp/revision-bench.txt
if command -v benchstat >/dev/null 2>&1; then
	benchstat /tmp/revision-bench.txt
fi
