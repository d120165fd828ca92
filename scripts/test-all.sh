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
rm -f .cache/e2e.json .cache/e2e-hostile.json
# Both end-to-end suites run even when the first fails; the tally below fails on either (or on a missing result).
echo "== end-to-end"; npx tsx tests/e2e/run.ts || true
echo "== end-to-end, pages that fight back"; npx tsx tests/e2e/hostile.ts || true
node -e '
  const fs = require("fs");
  const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
  const unit = read(".cache/vitest.json");
  const e2e = [".cache/e2e.json", ".cache/e2e-hostile.json"].map(read);
  const passed = unit.numPassedTests + e2e.reduce((n, r) => n + r.passed, 0);
  const failed = unit.numFailedTests + e2e.reduce((n, r) => n + r.failed, 0);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);'
