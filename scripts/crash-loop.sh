#!/usr/bin/env bash
# The crash loop (docs/reliability.md): a child process does the app's real writes and
# is killed with SIGKILL at random moments; after each kill the circle is reopened and
# every acknowledged write checked, with integrity_check and cipher_integrity_check.
# Usage: scripts/crash-loop.sh [CYCLES] [SEED]     (default 1000 cycles)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
cycles="${1:-1000}"
seed="${2:-20261207}"
cargo build --locked -p mentor-e2e --bin crash_loop
"$CARGO_TARGET_DIR/debug/crash_loop" --cycles "$cycles" --seed "$seed"
