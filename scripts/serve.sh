#!/usr/bin/env bash
# Installs what is missing, builds the release, and serves it at
# http://127.0.0.1:8080 (PORT=NNNN to change the port). Ctrl-C stops it.
#
# Why a static server over `trunk serve --release`: this serves exactly the
# bytes that get deployed (dist/), with no live-reload script injected and no
# file watcher re-running a ~15 s LTO build on 2 cores at every save. For the
# edit-reload loop use `trunk serve` (a dev build, ~3 s), with node_modules/.bin
# on PATH as set here.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"

# Refuse rather than fail half-way: a server left over on the port would go on
# serving old files while this one dies on "address in use". Checked before the
# installs and the build (fail fast) and again just before serving.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
refuse() {
  echo "serve: something already answers on 127.0.0.1:$PORT; stop it or run PORT=<other> $0" >&2
  exit 1
}
if port_busy; then refuse; fi

# shellcheck source=scripts/setup.sh
source scripts/setup.sh
setup_all

echo "serve: trunk build --release"
trunk build --release

# python3 is a pyenv shim here; run the real interpreter so this process (and
# Ctrl-C) reaches the server itself. Python serves .wasm as application/wasm.
PY="$(python3 -c 'import sys; print(sys.executable)')"
if port_busy; then refuse; fi
echo "serve: http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec "$PY" -m http.server "$PORT" --bind 127.0.0.1 --directory dist
