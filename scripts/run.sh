#!/usr/bin/env bash
# Builds Mentor Circle and opens it. On a fresh Debian/Ubuntu machine this installs the
# system packages and npm packages it needs first (apt-get runs through sudo if you are
# not root). Usage: scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

install_packages "${BUILD_PACKAGES[@]}"
require_toolchains
build_ui
say "Building and starting Mentor Circle (the first build takes several minutes)"
exec cargo run --release --locked -p mentor-circle
