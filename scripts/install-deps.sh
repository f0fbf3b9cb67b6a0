#!/usr/bin/env bash
# Installs the dev dependencies with Node 24 when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci) with Node $(node --version) ..."
  npm ci --no-audit --no-fund
fi
