#!/usr/bin/env bash
# Runs the end-to-end tests that matter most against the release build, the one users
# get: whole-program LTO, stripped, and aborting on a panic (a panic in a command ends
# the app there, where a debug build only fails the command). The journey, recovery and
# package tests, and the command matrix and hostile page, whose hostile input would make
# any panic an abort.
# Usage: scripts/test-release.sh   (after scripts/test.sh has set the machine up once)
#
# Not part of scripts/test.sh: a cold CI run is already close to the hour on 2 cores
# (docs/performance.md), and a cold release build (whole-program LTO in one unit) would
# add its whole length on top, since nothing of the debug build serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
started=$(date +%s)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The release app and its .deb (scripts/package.sh builds the UI first).
scripts/package.sh
export MENTOR_CIRCLE_APP="$CARGO_TARGET_DIR/release/mentor-circle"
MENTOR_CIRCLE_DEB=$(ls -t "$CARGO_TARGET_DIR/release/bundle/deb/"*.deb | head -n 1)
export MENTOR_CIRCLE_DEB

say "End-to-end tests against the release build ($MENTOR_CIRCLE_APP)"
# The tests themselves are built as usual; only the app they drive is the release one.
scripts/headless.sh cargo test --locked -p mentor-e2e \
  --test journey --test recovery --test package --test command_matrix --test hostile_page

say "Release tests passed in $(( $(date +%s) - started )) s"
