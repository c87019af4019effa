#!/usr/bin/env bash
# Renders every app icon in src-tauri/icons/ (PNGs, icon.icns, icon.ico, Windows Store logos)
# from the hand-written src-tauri/icons/icon.svg with Tauri's own CLI (fetched by npx), then
# deletes the Android/iOS icons it also writes (desktop-only app). Run it after editing
# icons/icon.svg and commit the SVG and the regenerated files together. Usage: scripts/icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."

icons=src-tauri/icons
tauri_cli=@tauri-apps/cli@2.12.4

test -f "$icons/icon.svg" || { echo "missing $icons/icon.svg" >&2; exit 1; }

npx --yes "$tauri_cli" icon "$icons/icon.svg" -o "$icons"
rm -rf "$icons/android" "$icons/ios"

echo "icons written to $icons:"
file "$icons"/*.png "$icons"/icon.icns "$icons"/icon.ico
