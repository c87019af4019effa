#!/usr/bin/env bash
# Measures the built app as a user meets it: time from launch to the home screen being
# shown, the memory of the app and its WebKit processes once it is up, and their idle CPU
# over a minute with the window closed to the tray (BENCH_IDLE_SECS to change).
# Usage: scripts/bench-startup.sh [RUNS]   (builds the release app first)
# Runs inside scripts/headless.sh, with a temporary data folder and keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
source scripts/common.sh
build_ui >/dev/null
cargo build --release --locked -p mentor-circle
app="$CARGO_TARGET_DIR/release/mentor-circle"
export MENTOR_CIRCLE_APP="$app" BENCH_RUNS="$runs"
echo "release binary: $(du -h "$app" | cut -f1) ($(stat -c %s "$app") bytes)"
scripts/headless.sh cargo test --release --locked -p mentor-e2e --test startup -- --ignored --nocapture \
  | grep -E '^(startup|memory|run|idle)' || true
