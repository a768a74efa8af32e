#!/usr/bin/env bash
# Replays the hostile-client review (issue 17) against a release server on loopback (SQLite,
# demo data) and prints one line per finding with what happened. Bounded; loopback only.
# Usage: bench/abuse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
cargo build --release --locked -p api --bin sobivus
cargo build --release --locked -p tests --example abuse
bin="$CARGO_TARGET_DIR/release/sobivus"
dir="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
export DATABASE_URL="sqlite://$dir/abuse.db?mode=rwc" RUST_LOG=warn WEBHOOK_ALLOW_HOSTS=""
log="$dir/serve.log"
"$bin" serve --port 18191 --demo >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q "listening" "$log" && break; sleep 0.2; done
admin="$(grep -o 'sbv_[0-9a-f]*' "$log" | head -n1)"
viewer="$("$bin" token create --role viewer --name abuse-viewer | tail -n1)"
recruiter="$("$bin" token create --role recruiter --name abuse-recruiter | tail -n1)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
"$CARGO_TARGET_DIR/release/examples/abuse" --server http://127.0.0.1:18191 --admin "$admin" \
    --viewer "$viewer" --recruiter "$recruiter" --pid "$pid"
