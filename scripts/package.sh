#!/usr/bin/env bash
# Builds Mentor Circle's packages and prints where they are. On a fresh Debian/Ubuntu
# machine it installs what the build needs first, as scripts/run.sh does.
# Usage: scripts/package.sh                    the release .deb: $CARGO_TARGET_DIR/release/bundle/deb/
#        scripts/package.sh --debug            the debug .deb the tests install (no second build)
#        scripts/package.sh --windows [--debug]
#            the Windows app, cross-built with mingw-w64, and its per-user NSIS installer:
#            $CARGO_TARGET_DIR/x86_64-pc-windows-gnu/<profile>/bundle/nsis/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

windows=false
profile=release
for arg in "$@"; do
  case "$arg" in
    --windows) windows=true ;;
    --debug) profile=debug ;;
    *) echo "Unknown option: $arg (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

require_toolchains
if [ "$windows" = false ]; then
  install_packages "${BUILD_PACKAGES[@]}"
  build_ui
  say "Building the $profile Debian package (a first release build takes several minutes)"
  args=(--bundles deb)
  [ "$profile" = debug ] && args+=(--debug)
  npm --prefix ui exec -- tauri build "${args[@]}" -- --locked
  package=$(ls -t "$CARGO_TARGET_DIR/$profile/bundle/deb/"*.deb | head -n 1)
  say "Built $package ($(du -h "$package" | cut -f1))"
  dpkg-deb --field "$package" Package Version Depends
  exit 0
fi

# Windows. Tauri's bundler cannot make the installer here: it fetches its NSIS plugin
# from GitHub at every build (this machine reaches only package registries) and its
# script needs a newer NSIS than Debian's. So cargo builds the app, as `tauri build`
# would (the icon and manifest go in through tauri-build), and makensis builds
# scripts/windows/installer.nsi around it. Tauri's own installer is built on Windows by
# .github/workflows/package.yml.
prepare_windows
build_ui
say "Building the $profile Windows app for $WINDOWS_TARGET"
cargo_args=(--locked -p mentor-circle --target "$WINDOWS_TARGET")
[ "$profile" = release ] && cargo_args+=(--release)
cargo build "${cargo_args[@]}"
out="$CARGO_TARGET_DIR/$WINDOWS_TARGET/$profile"
# The GNU build loads WebView2's loader at run time: webview2-com-sys puts it beside
# the app.
loader="$out/WebView2Loader.dll"
if [ ! -f "$loader" ]; then
  echo "No WebView2Loader.dll beside the app in $out" >&2
  exit 1
fi
# The installer carries the app without its debug information (a debug build's is
# hundreds of MB); a release build has none to begin with.
mkdir -p "$out/bundle/nsis"
app="$out/bundle/nsis/mentor-circle.exe"
x86_64-w64-mingw32-strip -o "$app" "$out/mentor-circle.exe"
version=$(sed -n 's/^ *"version": "\([0-9.]*\)",$/\1/p' tauri.conf.json | head -n 1)
installer="$out/bundle/nsis/Mentor Circle_${version}_x64-setup.exe"
say "Building the installer with makensis"
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" -DAPP_EXE="$app" -DLOADER="$loader" \
  -DICON="$PWD/src-tauri/icons/icon.ico" -DOUT_FILE="$installer" \
  scripts/windows/installer.nsi
say "Built $installer ($(du -h "$installer" | cut -f1))"
