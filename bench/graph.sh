#!/usr/bin/env bash
# Whole-process timings of the read-only commands and of planning on large
# histories: 10,000 revisions, linear and with 100 branches merged back.
#
#   bash bench/graph.sh            # needs hyperfine (apt-get install hyperfine)
#
# Prints hyperfine's mean ± σ per command and the peak RSS of each.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CGO_ENABLED=0 go build -o "$work/retort" ./cmd/retort
for shape in linear branchy; do
  dir="$work/$shape"
  if [ "$shape" = linear ]; then
    go run ./bench/gengraph -n "$n" -out "$dir" -url "sqlite:///$work/$shape.db"
  else
    go run ./bench/gengraph -n "$n" -branches 100 -out "$dir" -url "sqlite:///$work/$shape.db"
  fi
  cfg="$dir/retort.toml"
  echo "== $shape, $n revisions"
  cmds=(
    "$work/retort -c $cfg heads"
    "$work/retort -c $cfg history"
    "$work/retort -c $cfg upgrade heads --dry-run"
  )
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs 20 --output=null "${cmds[@]}"
  fi
  for c in "${cmds[@]}"; do
    /usr/bin/time -f "   peak RSS %M KB: $c" $c >/dev/null 2>"$work/err" || true
    tail -1 "$work/err"
  done
done
