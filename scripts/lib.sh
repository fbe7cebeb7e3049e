# shellcheck shell=bash
# Shared set-up for scripts/serve.sh and scripts/test.sh.
#
# Every `ensure_*` installs what is missing, from the package registries only (crates.io,
# Debian, npm), and skips what is already there at the version wasm-pack.toml records.
# Nothing here lets a tool download a binary of its own.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# toolchain KEY: a value from wasm-pack.toml, e.g. `toolchain tools.wasm-pack`; lists are
# printed one item a line.
toolchain() {
  python3 - "$ROOT/wasm-pack.toml" "$1" <<'PY'
import sys, tomllib
value = tomllib.load(open(sys.argv[1], "rb"))
for key in sys.argv[2].split("."):
    value = value[key]
print("\n".join(value) if isinstance(value, list) else value)
PY
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  say "installing Debian packages: ${missing[*]}"
  if [[ $APT_UPDATED -eq 0 ]]; then as_root apt-get update -q; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

ensure_rust_target() {
  command -v cargo >/dev/null || die "cargo is not installed: install Rust with rustup first"
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

# ensure_cargo_tool CRATE BINARY: installs CRATE at the version wasm-pack.toml records,
# unless BINARY already reports that version.
ensure_cargo_tool() {
  local crate=$1 binary=$2 version
  version=$(toolchain "tools.$crate")
  if "$binary" --version 2>/dev/null | grep -qF " $version"; then return; fi
  say "installing $crate $version from crates.io"
  # --locked can fail when one of the tool's lockfile pins is no longer served (as for
  # wasm-bindgen-cli 0.2.130); the unlocked build then resolves compatible versions.
  cargo install "$crate" --version "=$version" --locked \
    || cargo install "$crate" --version "=$version"
}

ensure_wasm_tools() {
  ensure_rust_target
  local pinned
  pinned=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' "$ROOT/Cargo.toml")
  [[ $pinned == "$(toolchain tools.wasm-bindgen-cli)" ]] \
    || die "Cargo.toml pins wasm-bindgen =$pinned but wasm-pack.toml records wasm-bindgen-cli $(toolchain tools.wasm-bindgen-cli): make them equal"
  ensure_cargo_tool wasm-pack wasm-pack
  ensure_cargo_tool wasm-bindgen-cli wasm-bindgen
  ensure_node
  local binaryen
  binaryen=$(toolchain tools.binaryen)
  if ! wasm-opt --version 2>/dev/null | grep -q "version ${binaryen%%.*}\b"; then
    say "installing wasm-opt (npm binaryen@$binaryen) into .tools/"
    npm install --prefix "$ROOT/.tools" --no-save --no-audit --no-fund "binaryen@$binaryen"
  fi
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return
  ensure_apt nodejs npm
}

# The npm packages of package.json (test tools), installed from package-lock.json.
ensure_node_modules() {
  ensure_node
  local stamp="$ROOT/node_modules/.parallax-lock"
  if [[ -f $stamp ]] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return; fi
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  cp "$ROOT/package-lock.json" "$stamp"
}

ensure_browsers() {
  ensure_apt chromium chromium-driver firefox-esr
  ensure_cargo_tool geckodriver geckodriver
}

# Builds the release package into the out-dir of wasm-pack.toml, then runs wasm-opt with
# the flags recorded there (wasm-pack's own run is off: without a wasm-opt on PATH it
# silently skips optimisation).
build_wasm() {
  ensure_wasm_tools
  local out wasm
  out="$ROOT/$(toolchain build.out-dir)"
  say "building the wasm package into ${out#"$ROOT/"}"
  wasm-pack build "$ROOT" --mode no-install --release --no-pack --no-opt \
    --target "$(toolchain build.target)" --out-dir "$out"
  wasm="$out/parallax_bg.wasm"
  local flags=()
  mapfile -t flags < <(toolchain wasm-opt.flags)
  wasm-opt "${flags[@]}" "$wasm" -o "$wasm"
  printf 'wasm: %s bytes raw, %s bytes gzipped\n' \
    "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)" >&2
  # The sample comparison answered in advance with this module (www/js/answers.js).
  node "$ROOT/scripts/answers.mjs"
}
