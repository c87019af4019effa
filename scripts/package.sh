#!/usr/bin/env bash
# Builds Mentor Circle's Debian package with Tauri's own bundler (the Tauri CLI comes
# with the UI's npm packages) and prints where it is. On a fresh Debian/Ubuntu machine it
# installs what the build needs first, as scripts/run.sh does.
# Usage: scripts/package.sh           the release app: $CARGO_TARGET_DIR/release/bundle/deb/
#        scripts/package.sh --debug   the debug build the tests install (no second build)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

profile=release
args=(--bundles deb)
if [ "${1:-}" = --debug ]; then
  profile=debug
  args+=(--debug)
fi

install_packages "${BUILD_PACKAGES[@]}"
require_toolchains
build_ui
say "Building the $profile Debian package (a first release build takes several minutes)"
# TAURI_APP_PATH: the app's Tauri project, not bench/bare-window's.
TAURI_APP_PATH=src-tauri npm --prefix ui exec -- tauri build "${args[@]}" -- --locked

package=$(ls -t "$CARGO_TARGET_DIR/$profile/bundle/deb/"*.deb | head -n 1)
say "Built $package ($(du -h "$package" | cut -f1))"
dpkg-deb --field "$package" Package Version Depends
