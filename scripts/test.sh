#!/usr/bin/env bash
# Every test of the project, from a fresh clone: brings Node 24 when the system Node is older, installs
# the dependencies, then lint (strict), build, type-check of the JavaScript tools, jest (unit, sandbox,
# engine) and the end-to-end suite in real n8n. Ends with one line "N passed, N failed" over all suites.
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

step "install and run as users do (node --test test/install/): Community Nodes install on each n8n of the compatibility matrix, tarball, scanner, workflows"
install_t0=$(date +%s)
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=.state/install.tap test/install/*.test.js
install_rc=$?
_tap_count() { grep -E "^# $1 [0-9]+$" .state/install.tap 2>/dev/null | tail -1 | awk '{print $3}'; }
install_passed=$(_tap_count pass); install_passed=${install_passed:-0}
install_fail_n=$(_tap_count fail); install_cancelled_n=$(_tap_count cancelled)
if [ -z "$install_fail_n" ]; then install_failed=1; else install_failed=$((install_fail_n + ${install_cancelled_n:-0})); fi
if [ "$install_rc" -ne 0 ] && [ "$install_failed" -eq 0 ]; then install_failed=1; fi
echo "install and run: $install_passed passed, $install_failed failed in $(( $(date +%s) - install_t0 )) s"

echo
echo "jest: $jest_passed passed, $jest_failed failed; e2e: $e2e_passed passed, $e2e_failed failed; install: $install_passed passed, $install_failed failed"
total_passed=$((jest_passed + e2e_passed + install_passed))
total_failed=$((jest_failed + e2e_failed + install_failed))
echo "$total_passed passed, $total_failed failed"
if [ "$jest_rc" -ne 0 ] || [ "$e2e_rc" -ne 0 ] || [ "$install_rc" -ne 0 ] || [ "$total_failed" -ne 0 ]; then exit 1; fi
