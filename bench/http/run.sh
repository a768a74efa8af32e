#!/usr/bin/env bash
# `matches(first: 20)` over HTTP under wrk: starts `sobivus serve --demo` on a fresh SQLite file
# with SOBIVUS_DEMO_CANDIDATES candidates (default 100000), 32 connections on loopback for
# DURATION seconds (default 30), responses containing "errors" counted as failures. The
# per-token rate limit is off (RATE_LIMIT_PER_SEC=0): this measures the server, not the limiter.
# The query asks for names, so every request also writes its audit entry, as in production.
# Usage: bench/http/run.sh BINARY DIR [candidates]
set -euo pipefail
bin=$1
dir=$2
candidates=${3:-100000}
duration=${DURATION:-30}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
rm -f "$dir/http.db" "$dir/http.db-wal" "$dir/http.db-shm"
port=${PORT:-18080}
start=$(date +%s)
SOBIVUS_DEMO_CANDIDATES=$candidates DATABASE_URL="sqlite://$dir/http.db?mode=rwc" RATE_LIMIT_PER_SEC=0 \
    "$bin" serve --demo --port "$port" --web-dir /nonexistent > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q "listening on" "$dir/server.log"; do
    if ! kill -0 $server 2>/dev/null; then
        cat "$dir/server.log"
        exit 1
    fi
    sleep 1
done
loaded=$(( $(date +%s) - start ))
token=$(sed -n 's/^Admin token.*: \(sbv_[A-Za-z0-9_]*\).*/\1/p' "$dir/server.log")
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status")
echo "server: $candidates candidates loaded and indexed in ${loaded} s, RSS ${rss} MiB"
url="http://127.0.0.1:$port/graphql"
TOKEN=$token OPENING=1 wrk -t2 -c32 -d5s -s "$here/matches.lua" "$url" > /dev/null
TOKEN=$token OPENING=1 wrk -t2 -c32 -d"${duration}s" --latency -s "$here/matches.lua" "$url" |
    tee "$dir/wrk.txt" | grep -E "responses|requests/s|Socket errors|Non-2xx"
kill $server
wait $server 2>/dev/null || true
trap - EXIT
