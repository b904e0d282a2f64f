#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing that is already there.
#
# Sourced by scripts/serve.sh and scripts/test.sh (so the PATH it sets carries
# over); can also be run on its own. Every step checks the version present
# first: a fresh machine compiles trunk (~15 min), wasm-bindgen-cli (~5 min),
# geckodriver (~5 min) and wasm-split-cli (~1 min),
# a warm one should spend a second here.
#
# Nothing is downloaded from outside the package registries: trunk runs
# offline (Trunk.toml) and uses the wasm-bindgen and wasm-opt found on PATH.

# The versions: TRUNK_VERSION, WASM_SPLIT_VERSION, BINARYEN_VERSION, GECKODRIVER_VERSION (pinned in
# scripts/versions.env only); wasm-bindgen's comes from Cargo.lock.
# shellcheck source=scripts/versions.env
source "$(dirname "${BASH_SOURCE[0]}")/versions.env"

# When sourced, leave the caller's shell options alone apart from what we need.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# node_modules/.bin first: trunk must find npm's wasm-opt 132, never an older
# system one (Debian's wasm-opt 108 builds a page that dies at start).
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

_say() { printf 'setup: %s\n' "$*"; }
_die() { printf 'setup: ERROR: %s\n' "$*" >&2; return 1; }

# Another `cargo install` of the same crate (a developer's, or a previous run's)
# may still be compiling: wait for it rather than race it.
_wait_for_cargo_install() {
  local crate=$1 waited=0
  while pgrep -f "cargo install ([^ ]+ )*$crate( |\$)" >/dev/null 2>&1; do
    if (( waited == 0 )); then _say "$crate: waiting for a running 'cargo install $crate' to finish"; fi
    sleep 10
    waited=$((waited + 10))
  done
}

_sudo() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

setup_rust() {
  command -v cargo >/dev/null || _die "cargo not found: install Rust with rustup first" || return 1
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    _say "rust target wasm32-unknown-unknown present"
  else
    rustup target add wasm32-unknown-unknown >/dev/null || return 1
    _say "rust target wasm32-unknown-unknown installed"
  fi
  local comp
  for comp in rustfmt clippy; do
    if rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
      _say "rust component $comp present"
    else
      rustup component add "$comp" >/dev/null || return 1
      _say "rust component $comp installed"
    fi
  done
}

# The version of a package as pinned in Cargo.lock.
_lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

# A value of Trunk.toml's [tools] table (the versions trunk checks the
# wasm-bindgen and wasm-opt on PATH against).
_trunk_tool() {
  awk -v key="$1" '
    /^\[/ { in_tools = ($0 == "[tools]"); next }
    in_tools && $1 == key && $2 == "=" { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Trunk.toml"
}

setup_trunk() {
  _wait_for_cargo_install trunk
  local have
  have=$(trunk --version 2>/dev/null | awk '{print $2}') || true
  if [[ "$have" == "$TRUNK_VERSION" ]]; then
    _say "trunk $TRUNK_VERSION present"
    return 0
  fi
  _say "trunk $TRUNK_VERSION: installing (found '${have:-none}'; ~15 min on 2 cores)"
  # --version: plain --locked picks 0.22, which needs a newer rustc.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force || return 1
  _say "trunk $TRUNK_VERSION installed"
}

setup_wasm_bindgen() {
  local want have
  want=$(_lock_version wasm-bindgen)
  [[ -n "$want" ]] || _die "no wasm-bindgen in Cargo.lock" || return 1
  [[ "$(_trunk_tool wasm_bindgen)" == "$want" ]] \
    || _die "Trunk.toml [tools] wasm_bindgen is '$(_trunk_tool wasm_bindgen)' but Cargo.lock has wasm-bindgen $want: make them equal" || return 1
  _wait_for_cargo_install wasm-bindgen-cli
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
  if [[ "$have" == "$want" ]] && command -v wasm-bindgen-test-runner >/dev/null; then
    _say "wasm-bindgen-cli $want present"
    return 0
  fi
  _say "wasm-bindgen-cli $want: installing (found '${have:-none}'; ~5 min)"
  # No --locked: its lockfile pins a webpki-roots release the registry lacks.
  cargo install wasm-bindgen-cli --version "$want" --force || return 1
  _say "wasm-bindgen-cli $want installed"
}

setup_wasm_split() {
  _wait_for_cargo_install wasm_split_cli_support
  local have
  have=$(cargo install --list 2>/dev/null | awk '$1 == "wasm_split_cli_support" {print $2}') || true
  if [[ "$have" == "v$WASM_SPLIT_VERSION:" ]] && command -v wasm-split-cli >/dev/null; then
    _say "wasm-split-cli $WASM_SPLIT_VERSION present"
    return 0
  fi
  _say "wasm-split-cli $WASM_SPLIT_VERSION: installing (found '${have:-none}'; ~1 min)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force || return 1
  _say "wasm-split-cli $WASM_SPLIT_VERSION installed"
}

setup_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    _say "chromium + chromedriver present"
    return 0
  fi
  _say "chromium + chromedriver: installing from apt"
  # Debian's packages: playwright's own browser download cannot work here.
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null || return 1
  _say "chromium + chromedriver installed"
}

# The second browser of the end-to-end journeys (tests/e2e-firefox/), driven by
# puppeteer-core over WebDriver BiDi; Debian's package, as for Chromium.
setup_firefox() {
  if [[ -x /usr/bin/firefox-esr ]]; then
    _say "firefox-esr present"
    return 0
  fi
  _say "firefox-esr: installing from apt"
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null || return 1
  _say "firefox-esr installed"
}

setup_geckodriver() {
  _wait_for_cargo_install geckodriver
  local have
  have=$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}') || true
  if [[ "$have" == "$GECKODRIVER_VERSION" ]]; then
    _say "geckodriver $GECKODRIVER_VERSION present"
    return 0
  fi
  _say "geckodriver $GECKODRIVER_VERSION: installing (found '${have:-none}'; ~5 min)"
  # crates.io: the npm package and the releases page both download from GitHub.
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force || return 1
  _say "geckodriver $GECKODRIVER_VERSION installed"
}

setup_node() {
  command -v npm >/dev/null || _die "npm not found (node 20 + npm are expected on this machine)" || return 1
  # npm writes node_modules/.package-lock.json on every install: it is the stamp.
  if [[ -f "$ROOT/node_modules/.package-lock.json" \
        && ! "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" \
        && ! "$ROOT/package.json" -nt "$ROOT/node_modules/.package-lock.json" ]]; then
    _say "node_modules present"
  else
    if [[ -f "$ROOT/package-lock.json" ]]; then
      (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    else
      (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error) || return 1
    fi
    _say "node_modules installed"
  fi
  local opt npm_pin want_opt="version_${BINARYEN_VERSION%%.*}"
  npm_pin=$(node -p 'require(process.argv[1]).devDependencies.binaryen' "$ROOT/package.json") || return 1
  [[ "$npm_pin" == "$BINARYEN_VERSION" ]] \
    || _die "package.json pins binaryen '$npm_pin' but scripts/versions.env says $BINARYEN_VERSION" || return 1
  [[ "$(_trunk_tool wasm_opt)" == "$want_opt" ]] \
    || _die "Trunk.toml [tools] wasm_opt is '$(_trunk_tool wasm_opt)', want $want_opt (scripts/versions.env)" || return 1
  opt=$(wasm-opt --version 2>/dev/null) || true
  [[ "$opt" == *"$want_opt"* ]] || _die "wasm-opt on PATH is '$opt', want $want_opt from node_modules" || return 1
}

# Not part of setup_all: only the bench (scripts/bench.sh) uses it.
setup_twiggy() {
  _wait_for_cargo_install twiggy
  local have
  have=$(twiggy --version 2>/dev/null | awk 'NR == 1 {print $2}') || true
  if [[ "$have" == "$TWIGGY_VERSION" ]]; then
    _say "twiggy $TWIGGY_VERSION present"
    return 0
  fi
  _say "twiggy $TWIGGY_VERSION: installing (found '${have:-none}'; ~3 min)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked --force || return 1
  _say "twiggy $TWIGGY_VERSION installed"
}

setup_all() {
  setup_rust && setup_node && setup_chromium && setup_firefox && setup_trunk && setup_wasm_bindgen && setup_wasm_split && setup_geckodriver
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  setup_all
fi
