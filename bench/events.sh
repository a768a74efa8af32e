#!/usr/bin/env bash
# Event fan-out benchmark (issue 5): two `sobivus serve` instances on one PostgreSQL database
# and one Redis, 1,000 WebSocket subscribers spread over them, 10 new candidates a second.
# Prints delivery latency p50/p99 and server memory per connection for bench/RESULTS.md.
# Needs PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379) running.
# Usage: bench/events.sh [subscribers] [events] [rate]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
subscribers="${1:-1000}"
events="${2:-100}"
rate="${3:-10}"
db="sobivus_bench_events_$$"
stream="sobivus:bench:$$"
pg="postgres://postgres@127.0.0.1:5432"

cargo build --release --locked -p api --bin sobivus
cargo build --release --locked -p tests --example events_fanout
bin="$CARGO_TARGET_DIR/release/sobivus"

psql -q "$pg/test" -c "CREATE DATABASE $db"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    psql -q "$pg/test" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    redis-cli -h 127.0.0.1 DEL "$stream" >/dev/null || true
}
trap cleanup EXIT

export DATABASE_URL="$pg/$db" REDIS_URL="redis://127.0.0.1:6379" REDIS_STREAM="$stream" RUST_LOG=warn
log="$(mktemp)"
"$bin" serve --port 18181 --demo >"$log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do grep -q "http://" "$log" && break; sleep 0.2; done
"$bin" serve --port 18182 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18182/healthz >/dev/null && break; sleep 0.2; done
token="$("$bin" token create --role integration --name bench | tail -n1)"
writer="$("$bin" token create --role recruiter --name bench-writer | tail -n1)"
opening="$(curl -s http://127.0.0.1:18181/graphql -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"query":"{ openings(first: 1) { edges { node { id } } } }"}' | sed -E 's/.*"id":"([0-9]+)".*/\1/')"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
"$CARGO_TARGET_DIR/release/examples/events_fanout" --token "$token" --writer "$writer" --opening "$opening" \
    --subscribers "$subscribers" --events "$events" --rate "$rate" \
    --server http://127.0.0.1:18181,http://127.0.0.1:18182 --pids "${pids[0]},${pids[1]}"
