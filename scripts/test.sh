#!/usr/bin/env bash
# Every test of the project, from a fresh clone: brings Node 24 when the system Node is older, installs
# the dependencies, then lint (strict), build, type-check of the JavaScript tools, jest (unit, sandbox,
# engine), the end-to-end suite in real n8n and the browser suite in n8n's editor. Ends with one line
# "N passed, N failed" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh || exit 1
bash scripts/install-deps.sh || exit 1
mkdir -p .state
# The test command runs every check: the switches that skip parts of the e2e suite are for local runs.
unset E2E_SKIP_FUZZ E2E_SKIP_QUEUE E2E_NO_BUILD

step() { echo; echo "== $*"; }

# A node --test suite as one step: its TAP summary gives the counts that go into the closing total.
# Sets <name>_passed, <name>_failed and <name>_rc.
node_suite() {
  local name="$1" label="$2"; shift 2
  local tap=".state/$name.tap" t0; t0=$(date +%s)
  step "$label"
  rm -f "$tap"
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$@"
  local rc=$? passed failed cancelled
  passed=$(grep -E '^# pass [0-9]+$' "$tap" 2>/dev/null | tail -1 | awk '{print $3}')
  failed=$(grep -E '^# fail [0-9]+$' "$tap" 2>/dev/null | tail -1 | awk '{print $3}')
  cancelled=$(grep -E '^# cancelled [0-9]+$' "$tap" 2>/dev/null | tail -1 | awk '{print $3}')
  passed=${passed:-0}
  if [ -z "$failed" ]; then failed=1; else failed=$((failed + ${cancelled:-0})); fi
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "$name: $passed passed, $failed failed in $(( $(date +%s) - t0 )) s"
  printf -v "${name}_passed" '%s' "$passed"
  printf -v "${name}_failed" '%s' "$failed"
  printf -v "${name}_rc" '%s' "$rc"
}

step "lint (n8n-node lint, strict)"
npm run --silent lint || { echo "lint failed"; exit 1; }
step "build (n8n-node build)"
npm run --silent build >/dev/null || { npm run build; echo "build failed"; exit 1; }
step "type-check of sandbox, scripts, bench and tests (tsc -p tsconfig.dev.json)"
npm run --silent typecheck:js || { echo "type-check failed"; exit 1; }

step "jest: unit, sandbox and engine tests"
npx jest --json --outputFile=.state/jest-results.json
jest_rc=$?
read -r jest_passed jest_failed < <(node -e '
  const r = require("./.state/jest-results.json");
  console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites);
' 2>/dev/null || echo "0 1")

node_suite e2e "end-to-end in real n8n 2.41.1: regular and queue mode, trigger fuzz over HTTP (node --test)" \
  test/e2e/e2e.test.js
node_suite mcp "MCP: the example MCP server in real n8n, driven by the official MCP client (node --test)" \
  test/mcp/mcp.test.js
node_suite browser "browser: the nodes in n8n's editor (Chromium + playwright-core, node --test)" \
  test/browser/editor.test.js
node_suite install "install and run as users do (node --test test/install/): Community Nodes install on each n8n of the compatibility matrix, tarball, scanner, workflows" \
  test/install/*.test.js

echo
echo "jest: $jest_passed passed, $jest_failed failed; e2e: $e2e_passed passed, $e2e_failed failed; mcp: $mcp_passed passed, $mcp_failed failed; browser: $browser_passed passed, $browser_failed failed; install: $install_passed passed, $install_failed failed"
total_passed=$((jest_passed + e2e_passed + mcp_passed + browser_passed + install_passed))
total_failed=$((jest_failed + e2e_failed + mcp_failed + browser_failed + install_failed))
echo "$total_passed passed, $total_failed failed"
if [ "$jest_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ] || [ "$mcp_rc" -ne 0 ] || [ "$browser_rc" -ne 0 ] || [ "$install_rc" -ne 0 ] || [ "$total_failed" -ne 0 ]; then exit 1; fi
