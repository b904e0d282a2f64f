#!/usr/bin/env bash
# Installs what is missing, then runs every test, failing fast:
#   fmt, clippy, native tests (engine + app), browser unit tests
#   (wasm-bindgen-test in headless Chromium, then Firefox ESR), release build, e2e journeys
#   (Playwright driving Chromium against the release build), then the core
#   journeys again in Firefox ESR (puppeteer-core over WebDriver BiDi).
# Ends with one line "N passed, N failed, N skipped" over all the tests it
# counted. Skipped: cargo's "ignored", node's "skipped" and "todo", and a test
# that printed "SKIPPED: <why>" (a check that cannot run here, e.g.
# the seed traceability test without ../shared/seed). With CI set (to
# anything but "false") a skip fails its stage: in CI every test must run.
#
#   scripts/test.sh                 everything (what CI runs)
#   scripts/test.sh e2e             only the named stages (setup always runs);
#                                   names: fmt clippy clippy-wasm native wasm wasm-firefox build build-models e2e firefox
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

LOGDIR="$(mktemp -d -t mlops-test.XXXXXX)"
trap 'rm -rf "$LOGDIR"' EXIT

PASSED=0
FAILED=0
SKIPPED=0
TIMINGS=()
ONLY=" $* "

heading() { printf '\n==== %s ====\n' "$*"; }

summary() {
  heading "summary"
  local t
  for t in "${TIMINGS[@]}"; do printf '  %s\n' "$t"; done
  printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
}

# Sums column $2 of the lines of file $3 that match the extended regexp $1.
sum_of() { { grep -aE "$1" "$3" || true; } | awk -v c="$2" '{s+=$c} END {print s+0}'; }

# Add the counts a runner printed in its log to the totals.
# (grep finds nothing when the build failed: `|| true` keeps set -e quiet.)
count_cargo() {   # "test result: ok. 12 passed; 0 failed; 1 ignored; ..." (cargo, wasm-bindgen-test)
  local p f i
  p=$(sum_of '^test result: [A-Za-z]+\. [0-9]+ passed' 4 "$1")
  f=$(sum_of '^test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' 6 "$1")
  i=$(sum_of '^test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed; [0-9]+ ignored' 8 "$1")
  i=$((i + $(grep -acE '(^|[^[:alnum:]_])SKIPPED: ' "$1" || true)))
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + i))
  STAGE_FAILED_TESTS=$f; STAGE_SKIPPED=$i
}
count_node() {    # spec reporter's totals: "ℹ pass 12", "ℹ fail 0", "ℹ cancelled 0", "ℹ skipped 0", "ℹ todo 0"
  local p f i
  p=$(sum_of '^[^ ]+ pass [0-9]+$' 3 "$1")
  # A test cancelled (its file's `before` hook failed, a timeout) did not pass.
  f=$(( $(sum_of '^[^ ]+ fail [0-9]+$' 3 "$1") + $(sum_of '^[^ ]+ cancelled [0-9]+$' 3 "$1") ))
  i=$(( $(sum_of '^[^ ]+ skipped [0-9]+$' 3 "$1") + $(sum_of '^[^ ]+ todo [0-9]+$' 3 "$1") ))
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + i))
  STAGE_FAILED_TESTS=$f; STAGE_SKIPPED=$i
}

# stage NAME COUNTER CMD...: runs CMD with its output shown and logged, times it,
# counts its tests with COUNTER (or "-"), and stops everything on failure.
stage() {
  local name=$1 counter=$2; shift 2
  if [[ "$ONLY" != "  " && "$ONLY" != *" $name "* ]]; then return 0; fi
  heading "$name: $*"
  local log="$LOGDIR/$name.log" start=$SECONDS rc=0
  "$@" 2>&1 | tee "$log" || rc=$?
  local took=$((SECONDS - start))
  STAGE_FAILED_TESTS=0
  STAGE_SKIPPED=0
  if [[ "$counter" != "-" ]]; then "$counter" "$log"; fi
  if [[ $rc -eq 0 && -n "${CI:-}" && "$CI" != "false" && $STAGE_SKIPPED -gt 0 ]]; then
    printf '\n%s: %d test(s) skipped, and CI=%s: in CI every test must run (see the SKIPPED/ignored/skipped lines above)\n' \
      "$name" "$STAGE_SKIPPED" "$CI"
    rc=1
  fi
  TIMINGS+=("$(printf '%-8s %4ss  %s' "$name" "$took" "$([[ $rc -eq 0 ]] && echo ok || echo FAILED)")")
  if [[ $rc -ne 0 ]]; then
    # A stage that failed without a failing test (a lint, a build) counts as one failure.
    if [[ "$STAGE_FAILED_TESTS" -eq 0 ]]; then FAILED=$((FAILED + 1)); fi
    printf '\n%s FAILED (exit %d) after %ss\n' "$name" "$rc" "$took"
    summary
    exit 1
  fi
}

heading "setup"
start=$SECONDS
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
setup_all
TIMINGS+=("$(printf '%-8s %4ss  %s' setup $((SECONDS - start)) ok)")

stage fmt    -           cargo fmt --all -- --check
stage clippy -           cargo clippy --workspace --all-targets -- -D warnings
# The browser build as shipped: wasm32 with the `split` feature (src/ui/lazy.rs).
stage clippy-wasm -      cargo clippy -p mlops-maturity --target wasm32-unknown-unknown --features split --all-targets -- -D warnings
stage native count_cargo cargo test --workspace
# The runner prefers GECKODRIVER over CHROMEDRIVER: unset it here.
stage wasm count_cargo env -u GECKODRIVER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown -p mlops-maturity
# The same component tests in Firefox ESR, through geckodriver (a path that
# does not exist, when it is missing, fails the stage rather than letting the
# runner fall back to chromedriver).
stage wasm-firefox count_cargo env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  GECKODRIVER="$(command -v geckodriver || echo /nonexistent/geckodriver)" \
  cargo test --target wasm32-unknown-unknown -p mlops-maturity
stage build  -           trunk build --release
# A site with the two fixture models beside the built-in one
# (tests/e2e/models.test.mjs, fixtures.test.mjs): built into its own
# directory, so dist/ stays the default site every other journey tests.
stage build-models - env MODELS=models/example-small.json,models/synthetic-500.json trunk build --release --dist dist-models
# The harness serves dist/ itself on a free loopback port (tests/e2e/harness.mjs).
stage e2e    count_node  env E2E_DIST="$ROOT/dist" E2E_MODELS_DIST="$ROOT/dist-models" node --test --test-reporter=spec tests/e2e/
# The core journeys (tests/e2e/journeys.mjs) in the second browser. Under CI a
# missing or unlaunchable Firefox fails the stage (tests/e2e-firefox/firefox.mjs).
stage firefox count_node env E2E_DIST="$ROOT/dist" node --test --test-reporter=spec tests/e2e-firefox/

summary
