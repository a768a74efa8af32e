#!/usr/bin/env bash
# Bulk candidates: `sobivus candidates import` of N generated candidates (bench/candidates.py)
# into a fresh SQLite file and a fresh PostgreSQL database holding the seed documents, then
# `candidates export`; prints
# markdown rows for bench/RESULTS.md. Usage: bench/import.sh [N] (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
n=${1:-100000}
out=${BENCH_OUT:-$CARGO_TARGET_DIR/bench-data}
mkdir -p "$out"
cargo build -q --release --bin sobivus
bin=$CARGO_TARGET_DIR/release/sobivus
python3 bench/candidates.py "$n" > "$out/candidates.jsonl"
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$@"; }
run() { # label, database url
    local start end secs
    # The five seed documents first: phrases are mapped onto their vocabulary, as in use.
    "$bin" import data/seeds/*.txt --database-url "$2" > /dev/null 2>&1
    start=$(date +%s.%N)
    "$bin" candidates import "$out/candidates.jsonl" --database-url "$2" > /dev/null 2>&1
    end=$(date +%s.%N)
    secs=$(python3 -c "print(f'{$end - $start:.1f}')")
    echo "| import $n candidates, $1 | ${secs} s | $(rate "$n" "$secs") candidates/s |"
    start=$(date +%s.%N)
    "$bin" candidates export "$out/export.jsonl" --database-url "$2" > /dev/null 2>&1
    end=$(date +%s.%N)
    secs=$(python3 -c "print(f'{$end - $start:.1f}')")
    echo "| export $n candidates, $1 | ${secs} s | $(rate "$n" "$secs") candidates/s |"
}
rm -f "$out/import.db"*
run "SQLite" "sqlite://$out/import.db?mode=rwc"
if psql -h 127.0.0.1 -U postgres -d postgres -c 'select 1' > /dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -q -c 'DROP DATABASE IF EXISTS sobivus_import_bench' -c 'CREATE DATABASE sobivus_import_bench'
    run "PostgreSQL" "postgres://postgres@127.0.0.1:5432/sobivus_import_bench"
fi
