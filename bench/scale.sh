#!/usr/bin/env bash
# The scale test of issue #15 (not in CI): N generated candidates (default 1,000,000) in a
# database, then the release server started on it as in production, reporting
# 1. the time from process start until it listens, /readyz's progress while the match index
#    loads, the time until it is ready, the RSS then and its peak, and the index the server
#    logged (candidates, packed MiB);
# 2. `matches(first: 20)` over HTTP under wrk (32 connections, DURATION seconds, default 20);
# 3. the first page of each other opening, whose ranking is not cached yet (a full scan).
# Usage: bench/scale.sh [candidates]   (DATABASE_URL=postgres://… to use PostgreSQL; the
#        database is emptied first. Default: a SQLite file under $CARGO_TARGET_DIR/bench-data.)
# Generating a million candidates takes 7 minutes on SQLite and about half an hour on
# PostgreSQL (2 cores); KEEP=1 reuses the database of the previous run instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
candidates=${1:-1000000}
duration=${DURATION:-20}
port=${PORT:-18090}
dir=$CARGO_TARGET_DIR/bench-data/scale
mkdir -p "$dir"
command -v wrk >/dev/null || { echo "bench/scale.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build -q --release -p api
bin=$CARGO_TARGET_DIR/release/sobivus
url=${DATABASE_URL:-"sqlite://$dir/scale.db?mode=rwc"}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"

wait_listening() { # LOG PID
    until grep -q "listening on" "$1"; do
        kill -0 "$2" 2>/dev/null || { cat "$1"; exit 1; }
        sleep 0.2
    done
}

if [ "${KEEP:-0}" != 1 ]; then
    case $url in
        sqlite*) rm -f "$dir/scale.db" "$dir/scale.db-wal" "$dir/scale.db-shm" ;;
        postgres*) psql "$url" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' ;;
    esac
    start=$(date +%s)
    SOBIVUS_DEMO_CANDIDATES=$candidates DATABASE_URL=$url "$bin" serve --demo --port "$port" \
        --web-dir /nonexistent > "$dir/generate.log" 2>&1 &
    pid=$!
    wait_listening "$dir/generate.log" $pid
    kill $pid && wait $pid 2>/dev/null || true
    echo "generated $candidates candidates in $(( $(date +%s) - start )) s"
    sed -n 's/^Admin token.*: \(sbv_[A-Za-z0-9_]*\).*/\1/p' "$dir/generate.log" > "$dir/token"
fi
token=$(cat "$dir/token")

start=$(date +%s.%N)
DATABASE_URL=$url RATE_LIMIT_PER_SEC=0 "$bin" serve --port "$port" --web-dir /nonexistent \
    > "$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
wait_listening "$dir/serve.log" $pid
listening=$(echo "$(date +%s.%N) - $start" | bc)
echo "start-up: listening after ${listening} s; /readyz while the index loads:"
last=0
until [ "$(curl -s -o "$dir/readyz" -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { cat "$dir/serve.log"; exit 1; }
    now=$(date +%s)
    if (( now - last >= 10 )); then echo "  $(cat "$dir/readyz")"; last=$now; fi
    sleep 0.2
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
status() { awk -v k="$1" '$1 == k":" {print int($2 / 1024)}' "/proc/$pid/status"; }
echo "start-up: ready (the index built) after ${ready} s; RSS $(status VmRSS) MiB (peak $(status VmHWM) MiB)"
grep -o 'match index built.*' "$dir/serve.log" | sed 's/\x1b\[[0-9;]*m//g'

graphql="http://127.0.0.1:$port/graphql"
TOKEN=$token OPENING=1 wrk -t2 -c32 -d5s -s bench/http/matches.lua "$graphql" > /dev/null
TOKEN=$token OPENING=1 wrk -t2 -c32 -d"${duration}s" --latency -s bench/http/matches.lua "$graphql" |
    grep -E "responses|requests/s"
echo "RSS after the load: $(status VmRSS) MiB"
for opening in 2 3 4 5; do
    curl -s -o /dev/null -w "first page of opening $opening (not cached): %{time_total} s\n" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"query\":\"{ matches(openingId: \\\"$opening\\\", first: 20) { totalCount } }\"}" "$graphql"
done
