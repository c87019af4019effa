#!/usr/bin/env bash
# Measures mentor-core on the typical and stress datasets, each operation on the
# encrypted database beside the same on an unencrypted one, and prints a table of
# medians and ratios at the end (docs/performance.md shows it).
# Usage: scripts/bench-core.sh [CRITERION FILTER]   e.g. scripts/bench-core.sh stress
# The datasets are written once (a minute or two) and kept under the target folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
cargo bench --locked -p mentor-core --bench core -- "$@"
