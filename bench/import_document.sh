#!/usr/bin/env bash
# importDocument with many candidates: a fresh SQLite file (and a fresh PostgreSQL database
# when one answers) holding four seed documents and N generated candidates (bench/candidates.py),
# `sobivus serve` on it, then one `importDocument` of the fifth seed (the Kvaliteedijuht
# standard) over HTTP, timed; the remap it starts is followed with `remapStatus` every 0.5 s
# while `openings(first: 5)` is timed alongside. Prints markdown rows for bench/RESULTS.md.
# Usage: bench/import_document.sh [N] (default 100000). Server logs: $out/importdoc-serve-*.log
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
n=${1:-100000}
out=${BENCH_OUT:-$CARGO_TARGET_DIR/bench-data}
mkdir -p "$out"
cargo build -q --release --locked --bin sobivus
bin=$CARGO_TARGET_DIR/release/sobivus
doc=data/seeds/kutsestandard-kvaliteedijuht-tase-7.txt
seeds=()
for f in data/seeds/*.txt; do [ "$f" = "$doc" ] || seeds+=("$f"); done
python3 bench/candidates.py "$n" > "$out/importdoc-candidates.jsonl"
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
trap stop EXIT
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$@"; }
echo "Machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average/load average/')"
run() { # label, database url
    local start end log url token nice
    nice=$(python3 -c "print(f'{int($n):,}')")
    "$bin" import "${seeds[@]}" --database-url "$2" > /dev/null 2>&1
    start=$(date +%s.%N)
    "$bin" candidates import "$out/importdoc-candidates.jsonl" --database-url "$2" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "| (setup) candidates import, $nice candidates, $1 | $(secs "$start" "$end") s | |"
    token=$("$bin" token create --role admin --name import-document-bench --database-url "$2" 2>/dev/null | tail -n 1)
    log=$out/importdoc-serve-$1.log
    start=$(date +%s.%N)
    LOG_FORMAT=json "$bin" serve --database-url "$2" --port 0 --web-dir "$out/no-web-app" > "$log" 2>&1 &
    pid=$!
    url=
    until [ -n "$url" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "serve exited:"; tail -n 20 "$log"; return 1; }
        url=$(sed -n 's/^Sobivus is listening on //p' "$log" | head -n 1)
        [ -n "$url" ] || sleep 0.1
    done
    until curl -sf -o /dev/null "$url/readyz"; do sleep 0.1; done
    end=$(date +%s.%N)
    echo "| serve ready (/readyz 200), $nice candidates, $1 | $(secs "$start" "$end") s | from process start |"
    python3 - "$url" "$token" "$doc" "$1" "$nice" "$log" <<'PY'
import json, statistics, sys, time, urllib.request
url, token, doc, label, nice, log = sys.argv[1:]
def gql(query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(url + "/graphql", body, {
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as resp:
        answer = json.load(resp)
    took = time.perf_counter() - t
    if answer.get("errors"):
        sys.exit(f"GraphQL errors: {answer['errors']}")
    return answer["data"], took
text = open(doc, encoding="utf-8").read()
t0 = time.perf_counter()
data, took = gql("mutation($t: String!) { importDocument(text: $t) { created warnings } }", {"t": text})
result = data["importDocument"]
if not result["created"]:
    sys.exit(f"importDocument created nothing: {result}")
background = any("background" in w for w in result["warnings"])
reads, status_reads, done = [], [], 0
while True:
    data, t = gql("{ remapStatus { pending running candidatesDone } }")
    status = data["remapStatus"]
    status_reads.append(t)
    if status["running"]:
        done = max(done, status["candidatesDone"])
    if not status["pending"] and not status["running"]:
        break
    _, t = gql("{ openings(first: 5) { edges { node { id title } } } }")
    reads.append(t)
    time.sleep(0.5)
remap = time.perf_counter() - t0
logged, until = None, time.time() + 300  # the log line follows the match index rebuild
while logged is None and time.time() < until:
    for line in open(log, encoding="utf-8", errors="replace"):
        if "candidates remapped" in line:
            fields = json.loads(line).get("fields", {})
            logged = (fields.get("candidates"), fields.get("seconds"))
    if logged is None:
        time.sleep(0.2)
where = "in background" if background else "within the request"
count = f"{logged[0]:,}" if logged else f"≥ {done:,}"
server = f", server log: {logged[1]:.1f} s incl. index rebuild" if logged else ""
print(f"| importDocument of a standard, {nice} candidates, {label} | {took:.2f} s | remap {where}: "
      f"{count} candidates in {remap:.1f} s (last candidatesDone seen {done:,}{server}) |")
if reads:
    print(f"| openings(first: 5) during the remap, {label} | median {statistics.median(reads):.3f} s, "
          f"max {max(reads):.3f} s ({len(reads)} requests) | remapStatus max {max(status_reads):.3f} s |")
else:
    print(f"| openings(first: 5) during the remap, {label} | – | remap already over |")
PY
    stop
}
rm -f "$out/importdoc.db"*
run "SQLite" "sqlite://$out/importdoc.db?mode=rwc"
if psql -h 127.0.0.1 -U postgres -d postgres -c 'select 1' > /dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -q -c 'DROP DATABASE IF EXISTS sobivus_importdoc_bench' -c 'CREATE DATABASE sobivus_importdoc_bench'
    run "PostgreSQL" "postgres://postgres@127.0.0.1:5432/sobivus_importdoc_bench"
fi
echo "Load after: $(uptime | sed 's/.*load average/load average/')"
