#!/usr/bin/env bash
# Installs one n8n release ONCE into a cache folder outside the clone and reuses it, so that every clone
# on the machine (CI's fresh one too) shares it.
#
#   bash scripts/n8n-install.sh                         # n8n 2.41.1 on Node 24 (the demo's and e2e's)
#   N8N_VERSION=1.123.81 bash scripts/n8n-install.sh    # newest n8n 1.x, on Node 22 (scripts/node22.sh)
#
# Where: ${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-billoget}/n8n-<version>; for
# 2.41.1, N8N_LOCAL_DIR overrides that folder. Safe to call from other scripts (and from two at once: a
# lock serialises them). Prints the path of the n8n binary on its last stdout line; the rest goes to stderr.
#
# Why these steps (see docs/running-n8n-offline.md):
# - `--ignore-scripts`: the Kafka node's dependency downloads zlib/openssl/zstd sources in its install
#   script, which fails offline. No other install script matters for n8n's workflows, except:
# - `npm rebuild sqlite3`: its prebuilt download fails; it compiles (about 60 s) against the headers of
#   the Node it will run on (npm_config_nodedir).
# - n8n 1.x: n8n-nodes-base asks for xlsx from a CDN tarball; an override takes the registry's 0.18.5.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_cache="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-billoget}"
if [ "$N8N_VERSION" = "2.41.1" ]; then
  N8N_LOCAL_DIR="${N8N_LOCAL_DIR:-$_cache/n8n-$N8N_VERSION}"
else
  N8N_LOCAL_DIR="$_cache/n8n-$N8N_VERSION"
fi
_marker="$N8N_LOCAL_DIR/.installed-version"
_bin="$N8N_LOCAL_DIR/node_modules/n8n/bin/n8n"

log() { echo "[n8n-install] $*" >&2; }

# shellcheck source=node24.sh
source "$_repo_root/scripts/node24.sh"
_overrides=""
case "$N8N_VERSION" in
  1.*)
    # shellcheck source=node22.sh
    source "$_repo_root/scripts/node22.sh"
    export PATH="$NODE22_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE22_DIR"
    _overrides=', "overrides": { "xlsx": "0.18.5" }'
    ;;
esac

_is_installed() {
  [ -f "$_marker" ] && [ "$(cat "$_marker")" = "$N8N_VERSION" ] && [ -f "$_bin" ] \
    && [ -f "$N8N_LOCAL_DIR/node_modules/n8n/package.json" ]
}

if _is_installed; then
  log "n8n $N8N_VERSION already installed in $N8N_LOCAL_DIR (reused)"
  echo "$_bin"
  exit 0
fi

mkdir -p "$N8N_LOCAL_DIR"
exec 9>"$N8N_LOCAL_DIR/.install.lock"
if ! flock -n 9; then
  log "another install is running; waiting for it ..."
  flock 9
fi
if _is_installed; then  # the other install finished it
  log "n8n $N8N_VERSION installed by a concurrent run (reused)"
  echo "$_bin"
  exit 0
fi

rm -f "$_marker"
log "installing n8n@$N8N_VERSION into $N8N_LOCAL_DIR with Node $(node -v) (once; takes several minutes) ..."
_t0=$(date +%s)
cat > "$N8N_LOCAL_DIR/package.json" <<JSON
{ "name": "n8n-local", "private": true, "description": "pinned n8n for the demo and end-to-end tests", "dependencies": { "n8n": "$N8N_VERSION" }$_overrides }
JSON
(
  cd "$N8N_LOCAL_DIR"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
)
_t1=$(date +%s)
log "npm install done in $((_t1 - _t0)) s; building sqlite3 against Node $(node -v) headers (${npm_config_nodedir:-system}) ..."
( cd "$N8N_LOCAL_DIR" && npm rebuild sqlite3 --loglevel=error >&2 )
_t2=$(date +%s)
log "sqlite3 built in $((_t2 - _t1)) s"

_got="$(node -p "require('$N8N_LOCAL_DIR/node_modules/n8n/package.json').version")"
if [ "$_got" != "$N8N_VERSION" ]; then
  log "installed n8n is $_got, expected $N8N_VERSION"; exit 1
fi
# sqlite3 must load under this Node, or n8n dies at start with an opaque error.
( cd "$N8N_LOCAL_DIR" && node -e "require('sqlite3')" ) || { log "sqlite3 does not load under Node $(node -v)"; exit 1; }
echo "$N8N_VERSION" > "$_marker"
log "n8n $N8N_VERSION ready in $(( $(date +%s) - _t0 )) s: $_bin"
echo "$_bin"
