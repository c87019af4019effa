#!/usr/bin/env bash
# Fuzzes every reader of user input (fuzz/fuzz_targets) with cargo-fuzz (libFuzzer), each
# for a set time, and prints its executions and findings.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   # default: 60 s each, every target
#
# New inputs that reach new code are added to fuzz/corpus/<target>; run
# `scripts/fuzz.sh --minimise` afterwards to shrink the corpus before committing it. A
# finding is saved under fuzz/artifacts/<target>/; minimise it with
# `cargo +nightly fuzz tmin <target> <file>` and add it to fuzz/corpus/<target>, where the
# ordinary test run (core/tests/fuzz_corpus.rs) replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

# The fuzzer's builds (instrumented, on the nightly compiler) share nothing with the app's.
export CARGO_TARGET_DIR="$HOME/.cache/mentor-circle/fuzz-target"
ensure_fuzzer

targets() { sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^mentor-fuzz$'; }

if [[ "${1:-}" == "--minimise" ]]; then
    for target in $(targets); do
        (cd fuzz && "${FUZZ[@]}" cmin "${FUZZ_FLAGS[@]}" "$target" "corpus/$target" >/dev/null 2>&1)
        echo "$target: $(ls "fuzz/corpus/$target" | wc -l) inputs kept"
    done
    exit 0
fi

seconds="${1:-60}"
shift || true
selected=("$@")
[[ ${#selected[@]} -gt 0 ]] || mapfile -t selected < <(targets)

(cd fuzz && "${FUZZ[@]}" build "${FUZZ_FLAGS[@]}")
status=0
printf '%-14s %12s %10s %9s\n' target executions "per sec" findings
for target in "${selected[@]}"; do
    log="$(mktemp)"
    mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
    before=$(ls "fuzz/artifacts/$target" | wc -l)
    (cd fuzz && "${FUZZ[@]}" run "${FUZZ_FLAGS[@]}" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1) >"$log" 2>&1 || true
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    found=$(( $(ls "fuzz/artifacts/$target" | wc -l) - before ))
    printf '%-14s %12s %10s %9s\n' "$target" "${runs:-?}" "${per_second:-?}" "$found"
    if [[ $found -gt 0 || -z "$runs" ]]; then
        status=1
        grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /'
    fi
    rm -f "$log"
done
exit $status
