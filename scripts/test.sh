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

step() { echo; echo "== $*"; }

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

step "end-to-end in real n8n"
npm run --silent test:e2e 2>&1 | tee .state/e2e.log
e2e_rc=${PIPESTATUS[0]}
read -r e2e_passed e2e_failed < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' .state/e2e.log | tail -1 | sed -E 's/([0-9]+) passed, ([0-9]+) failed/\1 \2/' || true)
e2e_passed=${e2e_passed:-0}
e2e_failed=${e2e_failed:-1}
if [ "$e2e_rc" -ne 0 ] && [ "$e2e_failed" -eq 0 ]; then e2e_failed=1; fi

step "browser: the nodes in n8n's editor (Chromium + playwright-core, node --test)"
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=.state/browser-results.tap \
  test/browser/editor.test.js
browser_rc=$?
browser_passed=$(grep -cE '^ok [0-9]+' .state/browser-results.tap 2>/dev/null || true)
browser_failed=$(grep -cE '^not ok [0-9]+' .state/browser-results.tap 2>/dev/null || true)
browser_passed=${browser_passed:-0}
browser_failed=${browser_failed:-0}
if [ "$browser_rc" -ne 0 ] && [ "$browser_failed" -eq 0 ]; then browser_failed=1; fi

echo
echo "jest: $jest_passed passed, $jest_failed failed; e2e: $e2e_passed passed, $e2e_failed failed; browser: $browser_passed passed, $browser_failed failed"
total_passed=$((jest_passed + e2e_passed + browser_passed))
total_failed=$((jest_failed + e2e_failed + browser_failed))
echo "$total_passed passed, $total_failed failed"
if [ "$jest_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ] || [ "$browser_rc" -ne 0 ] || [ "$total_failed" -ne 0 ]; then exit 1; fi
