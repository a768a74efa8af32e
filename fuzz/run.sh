#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) each, seeded with the real documents.
# Not part of CI: run it by hand, e.g. `fuzz/run.sh 600` for ten minutes a target, or
# `fuzz/run.sh 600 parse_any job_ad` for some of them (two such runs use both cores).
# A crash leaves its input in fuzz/artifacts/<target>/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
targets=(parse_any kutsestandard competence_fragment ametijuhend job_ad extract levels file_pdf file_docx file_odt file_html file_text cv_file)
# Optional: only the targets named after the seconds, e.g. `fuzz/run.sh 600 parse_any job_ad`.
if [ "$#" -gt 1 ]; then targets=("${@:2}"); fi
# cargo-fuzz needs nightly flags; the machine has one stable toolchain.
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sobivus-fuzz-target}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in "${targets[@]}"; do
    corpus="corpus/$target"
    mkdir -p "$corpus"
    cp ../data/seeds/*.txt "$corpus/" 2>/dev/null || true
    cp ../domain/samples/*/*.txt "$corpus/" 2>/dev/null || true
    cp ../domain/tests/corpus/jobs/*/*.txt "$corpus/" 2>/dev/null || true
    # The file readers start from real files: the seeds as PDF, DOCX and ODT.
    if [[ "$target" == cv_file ]]; then
        cp ../domain/tests/cv_corpus/*/*.txt ../domain/tests/cv_corpus/*/*.xml "$corpus/" 2>/dev/null || true
    fi
    if [[ "$target" == file_* || "$target" == cv_file ]]; then
        (cd .. && cargo run -q -p files --features testing --example fuzz_seeds -- "fuzz/$corpus")
    fi
    echo "== $target: ${seconds}s"
    cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=65536 \
        -print_final_stats=1 2>&1 | tail -n 12
done
