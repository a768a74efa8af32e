#!/usr/bin/env bash
# Runs the matching benchmarks (criterion) and prints the figures for bench/RESULTS.md.
# Usage: bench/run.sh [sizes]   e.g. bench/run.sh 1000,10000,100000,1000000
# Numbers depend on the machine and on what else runs on it: compare the ratios within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
export SOBIVUS_BENCH_SIZES="${1:-1000,10000,100000}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
cargo bench -p domain --bench matching -- --warm-up-time 2 2>&1 |
    grep -E '^(map_phrase|evaluate|rank_top20)|time:|thrpt:'
