#!/usr/bin/env bash
# Measures the release app as a whole against a bare Tauri window built from the same
# configuration (bench/bare-window), side by side and alternating: start-up to the home
# screen being interactive, memory of the app and its WebKit processes (settled, and after
# idling), idle CPU with the window closed, binary size; on the "typical" and "stress"
# datasets. Prints markdown tables with the ratios app / bare.
# Usage: scripts/bench-app.sh [bench-app OPTIONS]   (--help lists them; e.g. --runs 3
#        --idle-minutes 1 --closed-idle-seconds 30 --dataset stress, or --quick)
# Runs inside scripts/headless.sh, with temporary data folders and keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
build_ui >/dev/null
# The app and the bare window are built together, so they share one build of tauri; the
# benchmark apart, so its extra features (the core's bench-data) never reach the app.
cargo build --release --locked -p mentor-circle -p bare-window
cargo build --release --locked -p mentor-bench
scripts/headless.sh "$CARGO_TARGET_DIR/release/bench-app" \
  --app "$CARGO_TARGET_DIR/release/mentor-circle" \
  --bare "$CARGO_TARGET_DIR/release/bare-window" "$@"
