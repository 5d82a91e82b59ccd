#!/usr/bin/env bash
# The whole test suite: unit and data-layer tests on SQLite, the data-layer tests again
# on a throwaway PostgreSQL 15, then end-to-end tests (JS and no-JS) against the built app.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results tests/.tmp
export PORTAL_TODAY=${PORTAL_TODAY:-2026-11-23}

passed=0; failed=0; status=0
count_vitest() { # file
  node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0))' "$PWD/$1" 2>/dev/null || echo "0 1"
}
count_playwright() { # file
  node -e 'const s=require(process.argv[1]).stats;console.log(s.expected + s.flaky, s.unexpected)' "$PWD/$1" 2>/dev/null || echo "0 1"
}
add() { passed=$((passed + $1)); failed=$((failed + $2)); }

echo "== lint (ESLint with type information, then Prettier)"
if npm run lint --silent; then add 1 0; else echo "lint failed: npm run format fixes formatting; the rest needs a change"; add 0 1; status=1; fi

echo "== build"
npm run build --silent || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== vitest (SQLite)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest-sqlite.json || status=1
add $(count_vitest test-results/vitest-sqlite.json)

echo "== fault tests against a real server process (tests/faults)"
npx vitest run --config tests/faults/vitest.config.ts --reporter=default --reporter=json --outputFile=test-results/vitest-faults.json || status=1
add $(count_vitest test-results/vitest-faults.json)

echo "== vitest data layer (PostgreSQL)"
started_pg=""
if [ -z "${DATABASE_URL_PG:-}" ]; then
  if out=$(bash scripts/pg-throwaway.sh start); then eval "$out"; started_pg=1; else echo "could not start PostgreSQL"; status=1; add 0 1; fi
fi
if [ -n "${DATABASE_URL_PG:-}" ]; then
  TEST_DATABASE=postgresql npx vitest run --project data --reporter=default --reporter=json --outputFile=test-results/vitest-postgresql.json || status=1
  add $(count_vitest test-results/vitest-postgresql.json)
fi
# The cluster is gone after this: later legs must not see its address (tests that seed a
# PostgreSQL database of their own when DATABASE_URL_PG is set would fail to connect).
if [ -n "$started_pg" ]; then bash scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"; unset DATABASE_URL_PG DATABASE_URL_PG_APP PG_THROWAWAY_DIR; fi

echo "== vitest data layer (SQLite) with the machine clock a year ahead"
# A test that only passes near the day it was written fails here, the day it is written.
if command -v faketime >/dev/null 2>&1; then
  faketime -f '+365d' npx vitest run --project data --reporter=default --reporter=json --outputFile=test-results/vitest-year-ahead.json || status=1
  add $(count_vitest test-results/vitest-year-ahead.json)
elif [ -n "${CI:-}" ]; then
  echo "faketime is missing (apt-get install -y faketime)"; status=1; add 0 1
else
  echo "faketime not installed: skipping the year-ahead leg (CI runs it)"
fi

echo "== playwright"
rm -f test-results/playwright-3100.json
npx playwright test || status=1
add $(count_playwright test-results/playwright-3100.json)

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
