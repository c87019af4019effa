#!/usr/bin/env bash
# Runs every test of Mentor Circle. On a fresh Debian/Ubuntu machine it first installs
# the system packages, npm packages and tauri-driver the tests need, then runs the
# desktop tests inside a virtual display (Xvfb), a private session bus and an unlocked
# gnome-keyring, so nothing touches your own desktop or keyring.
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
started=$(date +%s)
# Keep a copy of everything printed, to total the tests at the end.
transcript=$(mktemp)
trap 'rm -f "$transcript"' EXIT
exec > >(tee "$transcript") 2>&1

install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
require_toolchains
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

if ! tauri-driver --help >/dev/null 2>&1 && ! "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" --help >/dev/null 2>&1; then
  say "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The app's build embeds ui/dist, so the UI is built before anything compiles the app.
build_ui

say "Checking format and lints"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
# The core's modules form layers (docs/architecture.md): no module leans on one above it.
python3 scripts/module-graph.py core/src --check >/dev/null || { python3 scripts/module-graph.py core/src; exit 1; }

say "Core tests (they also regenerate the UI's TypeScript types and docs/schema.sql)"
cargo test --locked -p mentor-core
cargo test --locked -p mentor-circle --lib export_bindings  # the shell's own payloads
if [ -n "$(git status --porcelain -- ui/src/bindings docs/schema.sql 2>/dev/null)" ]; then
  echo "ui/src/bindings or docs/schema.sql differs from the Rust code: commit the regenerated files." >&2
  [ "${CI:-}" = "true" ] && exit 1
fi

say "The crash loop, 100 seeded cycles (scripts/crash-loop.sh runs 1,000)"
scripts/crash-loop.sh 100

say "Benchmarks, each run once on small circles (that they run; scripts/bench-core.sh measures)"
cargo test --locked -p mentor-core --bench core

say "UI type check and unit tests"
npm --prefix ui run typecheck
npm --prefix ui test

say "Building the app, and the bare window and benchmark that measure it"
cargo build --locked -p mentor-circle -p bare-window
# Apart: the benchmark's extra core features (bench-data) must not reach the app.
cargo build --locked -p mentor-bench
export MENTOR_CIRCLE_APP="$CARGO_TARGET_DIR/debug/mentor-circle"

say "The Debian package, from that debug build, for the install test"
# Tauri's bundler around the build above (nothing is compiled again); the release
# package is scripts/package.sh's. The test installs it with dpkg and removes it.
npm --prefix ui exec -- tauri build --debug --bundles deb -- --locked
MENTOR_CIRCLE_DEB=$(ls -t "$CARGO_TARGET_DIR/debug/bundle/deb/"*.deb | head -n 1)
export MENTOR_CIRCLE_DEB

say "Keyring and end-to-end tests (Xvfb, private D-Bus, headless gnome-keyring)"
scripts/headless.sh cargo test --locked -p mentor-circle -p mentor-e2e

say "The app benchmark, once on a small circle (that it runs; scripts/bench-app.sh measures)"
scripts/headless.sh "$CARGO_TARGET_DIR/debug/bench-app" --quick \
  --app "$MENTOR_CIRCLE_APP" --bare "$CARGO_TARGET_DIR/debug/bare-window"

# The macOS lints are the slowest part of a cold run: nothing built before them is for
# that target, so they check Tauri, OpenSSL's and SQLCipher's C for it from scratch
# (8 min 20 s here on 2 cores), which would take a cold CI run close to an hour. So CI
# runs them only from a cached target folder an earlier run of this script left (the
# stamp below), and on a cold machine says it skipped them. Run by hand, this script
# always runs them, and fills that cache.
cached_in_ci() { # cached_in_ci NAME COMMAND...
  local stamp="$CARGO_TARGET_DIR/.cached-$1"
  shift
  if [ "${CI:-}" = true ] && [ ! -f "$stamp" ]; then
    echo "Skipped on this cold machine (nothing cached for it yet): scripts/test.sh run by hand runs it."
    return 0
  fi
  "$@"
  touch "$stamp"
}

say "Windows: the core tests and the keyring under Wine, the installer, lints"
prepare_windows
cargo test --locked -p mentor-core --target "$WINDOWS_TARGET"
cargo test --locked -p mentor-circle --target "$WINDOWS_TARGET" --test keyring
scripts/package.sh --windows --debug
windows_installer=$(ls -t "$CARGO_TARGET_DIR/$WINDOWS_TARGET/debug/bundle/nsis/"*-setup.exe | head -n 1)
scripts/windows/installer-test.sh "$windows_installer"
# After the builds above, most of what clippy needs for Windows is there: about 4 minutes.
cargo clippy --locked --workspace --all-targets --target "$WINDOWS_TARGET" -- -D warnings

say "macOS: lints over the workspace for $MACOS_TARGET (no Apple SDK here: see the README)"
# Two C builds need Apple's SDK headers, which only a Mac has. SQLCipher's logs to
# os_log: left out here (the project's own SQLite flags, from .cargo/config.toml, plus
# that one). mac-notification-sys and objc2-exception-helper compile Objective-C:
# DOCS_RS=1 makes their build scripts skip it, as on docs.rs. All Rust, ours and theirs,
# is still compiled and linted; nothing is linked.
macos_clippy() {
  prepare_macos_check
  local sqlite_flags
  sqlite_flags=$(sed -n 's/^LIBSQLITE3_FLAGS = "\(.*\)"$/\1/p' .cargo/config.toml)
  DOCS_RS=1 LIBSQLITE3_FLAGS="$sqlite_flags -DSQLCIPHER_OMIT_LOG_DEVICE" \
    cargo-zigbuild clippy --locked --workspace --all-targets --target "$MACOS_TARGET" -- -D warnings
}
cached_in_ci "$MACOS_TARGET-lints" macos_clippy

# One closing line for every runner above: cargo's "N passed" per test binary, and
# vitest's "Tests N passed".
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$transcript" \
  | grep -aoE '^test result: ok\. [0-9]+ passed|^ +Tests +[0-9]+ passed' \
  | grep -oE '[0-9]+ passed' | awk '{ total += $1 } END { print total + 0 }')
echo
echo "All tests passed in $(( $(date +%s) - started )) s."
echo "$passed passed, 0 failed"
