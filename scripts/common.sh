# Shared by scripts/run.sh and scripts/test.sh: install what a fresh Debian/Ubuntu
# machine lacks, and nothing it already has. Sourced, not run.

# Packages to build the app (WebKitGTK, tray, SVG icons, OpenSSL headers for SQLCipher,
# libdbus for the keyring, notifications and single-instance).
BUILD_PACKAGES=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev libdbus-1-dev)
# Packages to test it headless: a virtual display, a session bus, a real keyring, the
# WebKit WebDriver, screenshots.
TEST_PACKAGES=(xvfb webkit2gtk-driver dbus-x11 gnome-keyring libsecret-tools imagemagick xdotool)

# Builds are kept outside the clone, so a fresh clone on the same machine (as CI makes)
# reuses earlier builds; everything still builds from scratch when the folder is absent.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mentor-circle/target}"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# install_packages PKG...: apt-get installs the ones not installed yet.
install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

require_toolchains() {
  if ! command -v cargo >/dev/null; then
    echo "Rust is needed: install it from rustup.rs, then run this again." >&2
    exit 1
  fi
  if ! command -v node >/dev/null; then
    install_packages nodejs npm
  fi
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" -lt 20 ]; then
    echo "Node.js 20 or newer is needed to build the UI (found $(node --version))." >&2
    exit 1
  fi
}

# build_ui: installs the UI's npm packages from the lockfile and bundles it into ui/dist.
build_ui() {
  say "Building the UI"
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    npm --prefix ui ci --no-audit --no-fund
  fi
  npm --prefix ui run build
}
