#!/usr/bin/env bash
# Every matching benchmark in one run, printing markdown rows for bench/RESULTS.md:
#   1. scale: write-time mapping, packed index build, rank top 20 of 100k and 1M candidates
#      (p50/p99, bytes per candidate, RSS, memory-read floor), the previous rule-engine scan and
#      a naive all-pairs strsim loop on a subset (domain/benches/scale.rs);
#   2. peers on the same exported data: rapidfuzz process.cdist (bench/peers/rapidfuzz_peer.py)
#      and PostgreSQL pg_trgm with a GIN index (bench/peers/pg_trgm.sh);
#   3. `matches(first: 20)` over HTTP under wrk, 32 connections, 100k candidates
#      (bench/http/run.sh; needs the release server binary, built here).
# Usage: bench/run.sh [--skip-peers] [--skip-http] [--criterion] [sizes]
#   sizes: comma-separated candidate counts, default 100000,1000000 (the first one is also what
#   the peers rank). --criterion adds the criterion micro-benchmarks (domain/benches/matching.rs).
# Numbers depend on the machine and on what else runs on it: compare the ratios within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
peers=1 http=1 criterion=0 sizes=100000,1000000
for arg in "$@"; do
    case $arg in
        --skip-peers) peers=0 ;;
        --skip-http) http=0 ;;
        --criterion) criterion=1 ;;
        *) sizes=$arg ;;
    esac
done
# What the peers and the HTTP load need, said up front instead of failing half-way.
missing=()
if [ "$http" = 1 ] && ! command -v wrk >/dev/null; then
    missing+=("wrk (apt-get install wrk), or pass --skip-http")
fi
if [ "$peers" = 1 ] && ! python3 -c 'import numpy, rapidfuzz' 2>/dev/null; then
    missing+=("python3 numpy and rapidfuzz (pip install numpy rapidfuzz), or pass --skip-peers")
fi
if [ "${#missing[@]}" -gt 0 ]; then
    printf 'bench/run.sh needs:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 2
fi
out=${BENCH_OUT:-$CARGO_TARGET_DIR/bench-data}
mkdir -p "$out"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"

SOBIVUS_BENCH_SIZES=$sizes SOBIVUS_BENCH_EXPORT=$out SOBIVUS_BENCH_NAIVE=${NAIVE:-2000} \
    cargo bench -q -p domain --bench scale 2>/dev/null

if [ "$peers" = 1 ]; then
    python3 bench/peers/rapidfuzz_peer.py "$out"
    bench/peers/pg_trgm.sh "$out"
fi

if [ "$http" = 1 ]; then
    cargo build -q --release -p api
    bench/http/run.sh "$CARGO_TARGET_DIR/release/sobivus" "$out" "${HTTP_CANDIDATES:-100000}"
fi

if [ "$criterion" = 1 ]; then
    cargo bench -p domain --bench matching -- --warm-up-time 2 2>&1 |
        grep -E '^(map_phrase|evaluate|rank_top20)|time:|thrpt:'
fi
