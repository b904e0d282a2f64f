#!/usr/bin/env bash
# Measures the release build and prints a Markdown report: first-load
# transfer size (budget <= 150 KiB brotli), wasm/JS sizes against
# tests/bench/baseline.json (flags > 5 % growth), Lighthouse scores and
# LCP/TBT/CLS, main-thread blocking from a trace at 4x CPU, interaction
# latency under 4x CPU throttling, the site built
# with the fixture models (dist-models/: what listing them costs, an answer
# click on the 500-question model), and twiggy's heaviest wasm items. It
# reports budgets; it does not fail on them.
#
#   scripts/bench.sh                     measure dist/ (build it first if missing)
#   scripts/bench.sh --build             rebuild dist/ and dist-models/ (trunk build --release) first
#   scripts/bench.sh --update-baseline   also record the figures as the new baseline
#   scripts/bench.sh --skip lighthouse,blocking,latency,models,twiggy
#   BENCH_DIST=/some/dist scripts/bench.sh
#   BENCH_LH_RUNS=5 BENCH_LH_ONLY="shared result,compare" scripts/bench.sh
#                                        Lighthouse runs per entry (default 3), and which entries
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

BUILD=0
ARGS=()
for a in "$@"; do
  if [[ "$a" == "--build" ]]; then BUILD=1; else ARGS+=("$a"); fi
done

if [[ ! -d node_modules/lighthouse || ! -d node_modules/playwright-core ]]; then
  echo "bench: node packages missing: run scripts/setup.sh (or npm ci)" >&2
  exit 1
fi
# twiggy (the heaviest wasm items) is the bench's own tool: install it if
# missing, unless its section is skipped.
if [[ " ${ARGS[*]-} " != *twiggy* ]]; then
  # shellcheck source=scripts/setup.sh
  source scripts/setup.sh
  setup_twiggy >&2 || echo "bench: twiggy could not be installed; its section will say so" >&2
fi
DIST="${BENCH_DIST:-dist}"
if [[ $BUILD -eq 1 || ! -f "$DIST/index.html" ]]; then
  echo "bench: trunk build --release --dist $DIST" >&2
  trunk build --release --dist "$DIST" >&2
fi
MODELS_DIST="${BENCH_MODELS_DIST:-dist-models}"
if [[ " ${ARGS[*]-} " != *models* ]] && [[ $BUILD -eq 1 || ! -f "$MODELS_DIST/index.html" ]]; then
  echo "bench: MODELS=… trunk build --release --dist $MODELS_DIST" >&2
  MODELS=models/example-small.json,models/synthetic-500.json trunk build --release --dist "$MODELS_DIST" >&2
fi
BENCH_DIST="$DIST" BENCH_MODELS_DIST="$MODELS_DIST" exec node tests/bench/bench.mjs "${ARGS[@]}"
