#!/usr/bin/env bash
# CV parse time per file (issue #14): the CV corpus's development part read as
# previewCandidateFile reads an upload, as text, DOCX, PDF, Europass XML and Europass PDF
# (api/benches/cv_files.rs). Prints the machine line and criterion's per-set times; divide by
# the files in each set (criterion's thrpt is files/s).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-target}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench -p api --bench cv_files -- --warm-up-time 1 2>&1 | grep -E '^cv_file|time:|thrpt:'
