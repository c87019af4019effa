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

# install_packages [--no-recommends] PKG...: apt-get installs the ones not installed yet.
install_packages() {
  local missing=() extra=()
  if [ "${1:-}" = --no-recommends ]; then
    extra=(--no-install-recommends)
    shift
  fi
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${extra[@]}" "${missing[@]}"
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

# ensure_fuzzer: cargo-fuzz, and the compiler it runs. libFuzzer's instrumentation wants a
# nightly compiler; where rustup has none, the stable one is unlocked for it
# (RUSTC_BOOTSTRAP) and runs without a sanitizer. Sets FUZZ (the command) and FUZZ_FLAGS.
ensure_fuzzer() {
  if ! command -v cargo-fuzz >/dev/null; then
    cargo install --locked cargo-fuzz@0.13.2
  fi
  if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    FUZZ=(cargo +nightly fuzz)
    FUZZ_FLAGS=(-O)
  else
    export RUSTC_BOOTSTRAP=1
    FUZZ=(cargo fuzz)
    FUZZ_FLAGS=(-O -s none)
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

# Windows, from here: the mingw-w64 toolchain to cross-build, Wine to run the test
# binaries, NSIS for the installer, Python for the installer test's checks. Wine without
# its recommends (no fonts, sound or Mono/Gecko downloads): the tests are console programs.
WINDOWS_TARGET=x86_64-pc-windows-gnu
WINDOWS_PACKAGES=(gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 wine64 wine nsis python3)

# prepare_windows: installs the above, adds the Rust target, and makes a private Wine
# prefix that can run Rust test binaries (scripts/windows/processprng.c says why it
# needs one more DLL). Exports what makes `cargo test --target $WINDOWS_TARGET` run
# each test binary under Wine.
prepare_windows() {
  install_packages --no-recommends "${WINDOWS_PACKAGES[@]}"
  rustup target add "$WINDOWS_TARGET" >/dev/null 2>&1 || rustup target add "$WINDOWS_TARGET"
  export WINEPREFIX="${MENTOR_CIRCLE_WINEPREFIX:-$HOME/.cache/mentor-circle/wine}"
  export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
  # The GNU build of the shell loads WebView2Loader.dll, which cargo puts beside the app,
  # not beside the test binaries in deps/: Wine finds it through WINEPATH (Z: is /).
  local debug_dir="$CARGO_TARGET_DIR/$WINDOWS_TARGET/debug"
  export WINEPATH="Z:${debug_dir//\//\\}"
  local prng="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
  if [ ! -f "$prng" ]; then
    say "Making a Wine prefix for the Windows tests ($WINEPREFIX)"
    mkdir -p "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1
    wineserver -w
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$prng" scripts/windows/processprng.c -ladvapi32
  fi
}

# macOS, checked from here: Apple's target, and zig as its C compiler (OpenSSL and
# SQLCipher's C for the build scripts), from PyPI into a private virtualenv.
MACOS_TARGET=aarch64-apple-darwin

prepare_macos_check() {
  rustup target add "$MACOS_TARGET" >/dev/null 2>&1 || rustup target add "$MACOS_TARGET"
  local venv="$HOME/.cache/mentor-circle/zig"
  install_packages python3 python3-venv
  if [ ! -x "$venv/bin/cargo-zigbuild" ]; then
    say "Installing zig and cargo-zigbuild (PyPI) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'ziglang==0.17.1' 'cargo-zigbuild==0.24.1'
  fi
  export PATH="$venv/bin:$PATH"
}
