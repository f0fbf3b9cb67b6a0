#!/usr/bin/env bash
# The demo: the Billoget sandbox + a real n8n (pinned 2.41.1) with this package loaded, the
# "Billoget Sandbox" credential and the example workflows. Ctrl-C stops both.
#
#   bash scripts/start.sh [--port 5678] [--sandbox-port 4010] [--keep] [--verbose]
#
# First run: installs Node 24 (if the system Node is older), the dev dependencies and n8n
# (a few minutes, once). Later runs reuse them and start in seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=node24.sh
source scripts/node24.sh

_t0=$(date +%s)
# Dependencies: installed when missing or when package-lock.json changed since the last install.
bash scripts/install-deps.sh >&2
echo "[start] npm run build ..." >&2
if ! _build_log="$(npm run --silent build 2>&1)"; then
  echo "$_build_log" >&2
  echo "[start] the build failed" >&2
  exit 1
fi
bash scripts/n8n-install.sh >/dev/null
echo "[start] ready to start after $(( $(date +%s) - _t0 )) s of preparation" >&2

exec node scripts/start.js "$@"
