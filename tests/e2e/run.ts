/**
 * End-to-end: the built extension in real headless Chromium and Firefox ESR.
 * (Placeholder until the browser suite lands: it checks the built packages exist and are well formed.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
function test(name: string, fn: () => void) {
  try { fn(); passed++; console.log(`ok - ${name}`); } catch (e) { failed++; console.log(`not ok - ${name}: ${(e as Error).message}`); }
}
const assert = (cond: unknown, message: string) => { if (!cond) throw new Error(message); };

for (const browser of ['chrome', 'firefox']) {
  test(`dist/${browser} has a manifest, a background, a content script and a popup`, () => {
    for (const f of ['manifest.json', 'background.js', 'content.js', 'popup.html', 'popup.js']) assert(existsSync(`dist/${browser}/${f}`), `missing dist/${browser}/${f}`);
    const m = JSON.parse(readFileSync(`dist/${browser}/manifest.json`, 'utf8'));
    assert(m.manifest_version === 3, 'not MV3');
    assert(browser === 'chrome' ? m.background.service_worker : m.background.scripts?.length, 'wrong background key');
  });
}
mkdirSync('.cache', { recursive: true });
writeFileSync('.cache/e2e.json', JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
