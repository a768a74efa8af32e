#!/usr/bin/env bash
# Load and fault runs (issue 7) in a release build, with the figures for bench/RESULTS.md:
# 50,000 mixed requests (one in five a write) at 64 connections against PostgreSQL + Redis,
# then a PostgreSQL restart under load. Restarts the local PostgreSQL: run it on a machine of
# your own, not next to other users of that server.
# Usage: bench/reliability.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
export SOBIVUS_LOAD_REQUESTS="${1:-50000}"
export SOBIVUS_RESTART_REQUESTS="${SOBIVUS_RESTART_REQUESTS:-20000}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
cargo test --release --locked -p tests --test reliability -- --nocapture --test-threads=1 2>&1 |
    grep -E 'LOAD|RESTART|test result|panicked'
