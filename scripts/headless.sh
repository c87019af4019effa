#!/usr/bin/env bash
# Runs a command as if in a desktop session, without touching the real one: a virtual
# display (Xvfb), a private session bus, and an unlocked gnome-keyring in a temporary
# home. Usage: scripts/headless.sh COMMAND [ARG...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

scratch=$(mktemp -d)
cleanup() {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch" 2>/dev/null
  return 0
}
trap cleanup EXIT

# Xvfb picks a free display and tells us which.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$scratch/display" >/dev/null 2>"$scratch/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$scratch/display" ] && break; sleep 0.1; done
[ -s "$scratch/display" ] || { echo "Xvfb did not start:" >&2; cat "$scratch/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(cat "$scratch/display")"

# The keyring lives in the temporary home; the toolchains stay where they are.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export NO_AT_BRIDGE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 LIBGL_ALWAYS_SOFTWARE=1

# Not `exec`: the trap above must still stop Xvfb and remove the scratch folder.
dbus-run-session --config-file="$here/session-bus.conf" -- sh -c '
  echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # The daemon claims its bus name a moment after it returns: wait for it, or the
  # first keyring call finds no Secret Service.
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
      | grep -q "boolean true" && break
    sleep 0.1
  done
  exec "$@"' headless "$@"
