# shellcheck shell=bash
# Shared environment for mingbai scripts. Source it: `. scripts/lib/env.sh`.
# Puts the repo-local and cargo-installed tools first on PATH and defines helpers.

MINGBAI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MINGBAI_ROOT

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) PATH="$CARGO_BIN:$PATH" ;; esac
case ":$PATH:" in *":$MINGBAI_ROOT/node_modules/.bin:"*) ;; *) PATH="$MINGBAI_ROOT/node_modules/.bin:$PATH" ;; esac
export PATH

# Pinned tool versions (wasm-bindgen-cli follows Cargo.lock; see locked_wasm_bindgen).
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="version_132"
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
export TRUNK_VERSION WASM_OPT_VERSION CHROMIUM_BIN

# Never let tools phone home or download browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PUPPETEER_SKIP_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# trunk parses NO_COLOR as a boolean and refuses to start on NO_COLOR=1 (the usual convention).
if [ -n "${NO_COLOR+x}" ]; then
  case "$NO_COLOR" in true | false) ;; *) export NO_COLOR=true ;; esac
fi

log() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version locked in Cargo.lock (empty when absent).
locked_wasm_bindgen() {
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = / { gsub(/"/, "", $3); name = $3 }
    /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
  ' "$MINGBAI_ROOT/Cargo.lock" 2>/dev/null || true
}

# Run a step and print how long it took: `timed "label" cmd args...`.
timed() {
  local label="$1"; shift
  local start end rc=0
  start=$(date +%s)
  "$@" || rc=$?
  end=$(date +%s)
  printf '    [%s: %ss]\n' "$label" "$((end - start))"
  return "$rc"
}

# Pre-renders every page of the embedded library into a built app folder (`mingbai site`).
# MINGBAI_BASE_URL (optional): the site's public address, for canonical URLs and sitemap.xml.
prerender_site() {
  local dist="$1"
  local args=(site public/library --out "$dist")
  if [ -n "${MINGBAI_BASE_URL:-}" ]; then args+=(--base-url "$MINGBAI_BASE_URL"); fi
  cargo run --quiet -p mingbai-cli -- "${args[@]}"
}

# The --dist value among trunk arguments, else dist.
dist_of_args() {
  local dist="dist"
  while [ $# -gt 0 ]; do
    case "$1" in
      --dist) dist="$2"; shift ;;
      --dist=*) dist="${1#--dist=}" ;;
    esac
    shift
  done
  printf '%s' "$dist"
}
