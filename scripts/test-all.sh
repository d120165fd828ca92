#!/usr/bin/env bash
# npm test: the whole suite. Typecheck, dataset check, unit tests (vitest + jsdom), build, web-ext lint of
# the Firefox package, end-to-end tests in real headless Chromium and Firefox ESR.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .cache

# The end-to-end tests need Debian's chromium and firefox-esr; install them when missing and root.
if ! command -v chromium >/dev/null 2>&1 || ! command -v firefox-esr >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium and firefox-esr for the end-to-end tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr >/dev/null
  else
    echo "npm test: the end-to-end tests need chromium and firefox-esr (apt-get install chromium firefox-esr, as root)" >&2
    exit 1
  fi
fi

echo "== typecheck"; npx tsc -p tsconfig.json
echo "== dataset"; npm run -s dataset:check
echo "== unit tests"; npx vitest run --reporter=default --reporter=json --outputFile=.cache/vitest.json
echo "== build"; npx tsx scripts/build.ts
echo "== web-ext lint"; npx web-ext lint --source-dir dist/firefox --warnings-as-errors --output text >/dev/null || npx web-ext lint --source-dir dist/firefox --warnings-as-errors
echo "== end-to-end"; npx tsx tests/e2e/run.ts
node -e '
  const fs = require("fs");
  const unit = JSON.parse(fs.readFileSync(".cache/vitest.json", "utf8"));
  const e2e = JSON.parse(fs.readFileSync(".cache/e2e.json", "utf8"));
  const passed = unit.numPassedTests + e2e.passed, failed = unit.numFailedTests + e2e.failed;
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);'
