/**
 * Shared pieces of the end-to-end suites (tests/e2e/*.ts): reporting, the test pages and their servers
 * (with the news host over TLS), launching the built extension in Chromium (Playwright) and Firefox ESR
 * (WebDriver BiDi via Puppeteer), and helpers evaluated in pages.
 *
 * The browsers resolve the news hosts to 127.0.0.1. cryptodaily.co.uk is on both browsers' HSTS preload
 * lists, so it is served over TLS with a throwaway self-signed certificate made for the run, which the
 * browsers are told to accept; without `openssl` the hosts fall back to plain http on coinjournal.net, a
 * built-in news site that is not preloaded.
 *
 * Pages may use {{NEWS}}, {{WWW}} (another origin of the same news site), {{LOOKALIKE}} and {{PLAIN}}
 * (127.0.0.1, no host permission): they are replaced with the run's origins when served.
 */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PBrowser, type Page as PPage } from 'puppeteer-core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Code passed to evaluate() runs in the extension's own contexts, where `chrome` exists.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

export const root = new URL('../..', import.meta.url).pathname;
mkdirSync(join(root, '.cache'), { recursive: true });
export const LAUNCH_TIMEOUT_MS = 30_000;
export const STEP_TIMEOUT_MS = 15_000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- reporting ----------
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
export const eq = (a: unknown, b: unknown, what: string) =>
  assert(JSON.stringify(a) === JSON.stringify(b), `${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);

/** One "ok - …" / "not ok - …" line per test, a summary line, a JSON file of counts, and a run watchdog. */
export function createSuite(name: string, outFile: string, runLimitMs: number) {
  let passed = 0;
  let failed = 0;
  const closers: (() => Promise<unknown>)[] = [];
  const finish = (): never => {
    writeFileSync(join(root, outFile), JSON.stringify({ passed, failed }));
    console.log(`${name}: ${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  };
  const watchdog = setTimeout(async () => {
    failed++;
    console.log(`not ok - ${name}: the run was stopped after ${runLimitMs / 1000} s`);
    await Promise.race([Promise.allSettled(closers.map((c) => c())), sleep(5_000)]);
    finish();
  }, runLimitMs);
  return {
    closers,
    async test(title: string, fn: () => Promise<void>) {
      try {
        await fn();
        passed++;
        console.log(`ok - ${title}`);
      } catch (e) {
        failed++;
        console.log(`not ok - ${title}: ${(e as Error).message.split('\n')[0]}`);
      }
    },
    /** A failure outside any test (a browser that does not start). */
    broken(title: string, e: unknown) {
      failed++;
      console.log(`not ok - ${title}: ${(e as Error).message.split('\n')[0]}`);
    },
    async end(): Promise<never> {
      clearTimeout(watchdog);
      await Promise.allSettled(closers.map((c) => c()));
      return finish();
    },
  };
}

// ---------- pages and servers ----------
export function loadPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const [dir, prefix] of [['tests/fixtures', '/fixtures/'], ['tests/e2e/pages', '/e2e/']] as const) {
    for (const f of readdirSync(join(root, dir)).filter((f) => f.endsWith('.html'))) pages.set(prefix + f, readFileSync(join(root, dir, f), 'utf8'));
  }
  return pages;
}

/** A self-signed certificate for the news hosts, made for this run (the key never leaves the temp dir). */
function makeCertificate(hosts: string[]): { key: Buffer; cert: Buffer } | null {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerlens-e2e-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', `/CN=${hosts[0]}`,
      '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      '-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'extendedKeyUsage=serverAuth'], { stdio: 'ignore', timeout: 10_000 });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const listen = (server: Server) => new Promise<number>((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
});

export interface Servers {
  pages: Map<string, string>;
  /** Every request the servers saw: "host path". */
  served: string[];
  /** The news site (production match patterns apply), another origin of it, a look-alike host, 127.0.0.1. */
  news: string; www: string; lookalike: string; plain: string;
  /** Host names the browsers must resolve to 127.0.0.1. */
  hosts: string[];
  tls: boolean;
  close(): void;
}

export async function startServers(pages: Map<string, string>): Promise<Servers> {
  const served: string[] = [];
  let origins: Record<string, string> = {};
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    served.push(`${req.headers.host} ${path}`);
    if (path === '/canary') { res.writeHead(204).end(); return; }
    const body = pages.get(path)?.replace(/\{\{(NEWS|WWW|LOOKALIKE|PLAIN)\}\}/g, (_, k: string) => origins[k]!);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body ?? 'not found');
  };
  const plainServer = createServer(handle);
  const plainPort = await listen(plainServer);
  const tlsHosts = ['cryptodaily.co.uk', 'www.cryptodaily.co.uk', 'notcryptodaily.co.uk'];
  const tls = makeCertificate(tlsHosts);
  const tlsServer = tls ? createTlsServer(tls, handle) : null;
  const tlsPort = tlsServer ? await listen(tlsServer) : 0;
  const hosts = tls ? tlsHosts : ['coinjournal.net', 'www.coinjournal.net', 'notcoinjournal.net'];
  if (!tls) console.log(`# openssl not available: using http://${hosts[0]} (cryptodaily.co.uk is HSTS-preloaded and needs TLS)`);
  const origin = (h: string) => (tls ? `https://${h}:${tlsPort}` : `http://${h}:${plainPort}`);
  origins = { NEWS: origin(hosts[0]!), WWW: origin(hosts[1]!), LOOKALIKE: origin(hosts[2]!), PLAIN: `http://127.0.0.1:${plainPort}` };
  return {
    pages, served, hosts, tls: !!tls,
    news: origins.NEWS!, www: origins.WWW!, lookalike: origins.LOOKALIKE!, plain: origins.PLAIN!,
    close() { plainServer.close(); tlsServer?.close(); },
  };
}

// ---------- browsers ----------
export interface ChromiumRun {
  ctx: BrowserContext;
  sw: Worker;
  extensionId: string;
  allTabs(): Promise<{ id: number; url?: string }[]>;
  badgeOf(tabId: number): Promise<string>;
  /** Opens a page and finds its tab id (tabs on sites without host access show no URL to the extension). */
  open(url: string): Promise<{ page: Page; tabId: number }>;
  openPopup(tabId: number): Promise<Page>;
  /** Sends a content/* message to the tab's content script, from the extension. */
  tell(tabId: number, message: object): Promise<unknown>;
  /** The report the background stored for the tab. */
  stored(tabId: number): Promise<{ url: string; report: { page: { title: string }; claims: { id: string; text: string; verdict: string; sentence: string }[] } } | null>;
  close(): Promise<void>;
}

export async function launchChromium(servers: Servers, extraArgs: string[] = []): Promise<ChromiumRun> {
  const ext = join(root, 'dist/chrome');
  assert(existsSync(join(ext, 'manifest.json')), 'dist/chrome is missing: run npm run build');
  const profile = mkdtempSync(join(tmpdir(), 'ledgerlens-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: LAUNCH_TIMEOUT_MS,
    ignoreHTTPSErrors: true, // the run's self-signed certificate
    args: [
      '--no-sandbox', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      `--host-resolver-rules=${servers.hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      ...extraArgs,
    ],
  });
  ctx.setDefaultTimeout(STEP_TIMEOUT_MS);
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: STEP_TIMEOUT_MS }));
  const extensionId = new URL(sw.url()).host;
  const allTabs = async () => (await sw.evaluate(() => chrome.tabs.query({}))) as { id: number; url?: string }[];
  // The first-run page opens by itself on install; let it arrive before counting tabs.
  for (let i = 0; i < 50 && !(await allTabs()).some((t) => t.url?.endsWith('/welcome.html')); i++) await sleep(100);
  return {
    ctx, sw, extensionId, allTabs,
    badgeOf: (tabId) => sw.evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tabId) as Promise<string>,
    async open(url) {
      const before = (await allTabs()).map((t) => t.id);
      const page = await ctx.newPage();
      await page.goto(url);
      const fresh = (await allTabs()).filter((t) => !before.includes(t.id) && !t.url?.startsWith('chrome-extension://'));
      assert(fresh.length === 1, `expected one new tab for ${url}, got ${fresh.length}`);
      return { page, tabId: fresh[0]!.id };
    },
    async openPopup(tabId) {
      const popup = await ctx.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    tell: (tabId, message) => sw.evaluate(([t, m]) => chrome.tabs.sendMessage(t, m, { frameId: 0 }), [tabId, message] as const),
    stored: async (tabId) => ((await sw.evaluate((t) => chrome.storage.session.get(`tab:${t}`), tabId)) as Record<string, never>)[`tab:${tabId}`] ?? null,
    async close() {
      await ctx.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface FirefoxRun {
  browser: PBrowser;
  id: string;
  openPage(url: string): Promise<PPage>;
  close(): Promise<void>;
}

export async function launchFirefox(servers: Servers): Promise<FirefoxRun> {
  assert(existsSync(join(root, 'dist/firefox/manifest.json')), 'dist/firefox is missing: run npm run build');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    timeout: LAUNCH_TIMEOUT_MS,
    protocolTimeout: LAUNCH_TIMEOUT_MS,
    acceptInsecureCerts: true, // the run's self-signed certificate
    // network.dns.localDomains resolves these names to the loopback address.
    extraPrefsFirefox: { 'network.dns.localDomains': servers.hosts.join(','), 'dom.security.https_first': false, 'dom.security.https_only_mode': false },
  });
  const id = await browser.installExtension(join(root, 'dist/firefox'));
  return {
    browser, id,
    async openPage(url) {
      const page = await browser.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await page.goto(url);
      return page;
    },
    close: () => browser.close().catch(() => undefined),
  };
}

/** Polls `fn` until it returns a truthy value; throws with `what` after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 10_000, every = 50): Promise<T> {
  const end = Date.now() + ms;
  let last: T | null | undefined | false;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(every);
  }
}

// ---------- page helpers (plain functions, evaluated in the page by either browser) ----------
/**
 * Evaluates `fn(...args)` in a page or frame of either browser. The function travels as source text; tsx
 * (esbuild, keepNames) wraps nested functions in `__name(…)`, so a no-op `__name` goes with it.
 */
export async function inPage<A extends unknown[], R>(target: { evaluate(expression: string): Promise<unknown> }, fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
  return (await target.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(...${JSON.stringify(args)}); })()`)) as Awaited<R>;
}

export interface Hl { claim: string; text: string; verdict: string; block: string }

/**
 * One entry per checked figure (a figure may be split over several elements), in document order, across the
 * page, its open shadow roots and its same-origin frames. `where` says which document ('' for the top one,
 * else the frame's id).
 */
export const collectHighlights = (): (Hl & { where: string })[] => {
  const byClaim = new Map<string, Hl & { where: string }>();
  const visit = (scope: Document | ShadowRoot | Element, where: string) => {
    for (const e of Array.from(scope.querySelectorAll<HTMLElement>('*'))) {
      if (e.localName === 'ledgerlens-hl') {
        const claim = e.dataset.claim ?? '';
        const prev = byClaim.get(claim);
        if (prev) prev.text += e.textContent ?? '';
        else byClaim.set(claim, { claim, where, text: e.textContent ?? '', verdict: e.dataset.verdict ?? '', block: e.closest('p, h1, h2, h3, li, blockquote, div')?.textContent ?? '' });
      }
      if (e.shadowRoot) visit(e.shadowRoot, where);
      if (e.localName === 'iframe') {
        let inner: Document | null = null;
        try { inner = (e as HTMLIFrameElement).contentDocument; } catch { /* cross-origin */ }
        if (inner) visit(inner, e.id || 'frame');
      }
    }
  };
  visit(document, '');
  return Array.from(byClaim.values());
};

/** What the page looks like to its own scripts, minus our tooltip host (empty to them: closed shadow root). */
export const collectState = () => {
  const clone = document.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('ledgerlens-tooltip').forEach((e) => e.remove());
  return { text: document.body.textContent, html: clone.innerHTML, highlights: document.querySelectorAll('ledgerlens-hl').length, tooltipHosts: document.querySelectorAll('ledgerlens-tooltip').length };
};

export const pairs = (hls: Hl[]) => hls.map((h) => [h.text, h.verdict]);

// ---------- helpers that need Chromium ----------
export interface TipState {
  hidden: boolean; text: string; html: string; verdictClass: string; width: number; height: number; top: number; left: number; bottom: number;
  viewportHeight: number; elements: string[]; style: Record<string, string>;
}

/** The tooltip inside its closed shadow root, read through the DevTools protocol (which pierces it). */
export async function tooltipState(cdp: CDPSession): Promise<TipState> {
  type N = { nodeId: number; backendNodeId: number; localName: string; attributes?: string[]; children?: N[]; shadowRoots?: N[] };
  const { root: doc } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: N };
  const find = (n: N, test: (n: N) => boolean): N | null => {
    if (test(n)) return n;
    for (const k of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) { const f = find(k, test); if (f) return f; }
    return null;
  };
  const host = find(doc, (n) => n.localName === 'ledgerlens-tooltip');
  assert(host, 'no <ledgerlens-tooltip> host');
  const tip = find({ ...host, children: [], shadowRoots: host.shadowRoots } as N, (n) => (n.attributes ?? []).join('\u0000').includes('role\u0000tooltip'));
  assert(tip, 'no role=tooltip box in the tooltip host\'s shadow root');
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: tip.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    returnByValue: true,
    functionDeclaration: `function () {
      const r = this.getBoundingClientRect();
      const s = getComputedStyle(this);
      const style = {};
      for (const p of ['display', 'visibility', 'opacity', 'color', 'background-color', 'font-size', 'font-family', 'border-top-color', 'position', 'z-index', 'transform', 'filter']) style[p] = s.getPropertyValue(p);
      return { hidden: this.hidden || s.display === 'none', text: this.textContent, html: this.innerHTML,
        verdictClass: this.querySelector('.verdict')?.className ?? '', width: r.width, height: r.height,
        top: r.top, left: r.left, bottom: r.bottom, viewportHeight: innerHeight,
        elements: Array.from(this.querySelectorAll('*')).map((e) => e.localName), style };
    }`,
  });
  return result.value as TipState;
}

/** A PNG (8-bit RGB or RGBA, as browsers write screenshots) decoded to RGBA pixels. */
export async function decodePng(png: Buffer): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  const { inflateSync } = await import('node:zlib');
  let at = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert(data[8] === 8 && !data[12], `unsupported PNG (bit depth ${data[8]}, interlace ${data[12]})`);
      colourType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  assert(channels, `unsupported PNG colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let v = x;
      if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      line[i] = v & 255;
    }
    for (let px = 0; px < width; px++) {
      out.set([line[px * channels]!, line[px * channels + 1]!, line[px * channels + 2]!, channels === 4 ? line[px * channels + 3]! : 255], (y * width + px) * 4);
    }
    prev.set(line);
  }
  return { width, height, rgba: out };
}

/** The acceptance verdicts of the example article (docs/VERDICTS.md), checked by figure and sentence. */
export function expectArticleVerdicts(hls: Hl[]) {
  const one = (text: RegExp, inBlock: string, verdict: string, what: string) => {
    const found = hls.filter((h) => text.test(h.text) && h.block.includes(inBlock));
    assert(found.length === 1, `${what}: expected one highlight, found ${found.length}`);
    eq(found[0]!.verdict, verdict, what);
  };
  one(/^\$400 million$/, 'A report by blockchain analysis firm', 'consistent', '"nearly $400 million" (2021, first paragraph)');
  one(/^\$400 million$/, '2020 was among', 'discrepancy', '"nearly $400 million … 2020 was among"');
  one(/^four to seven$/, 'A report by blockchain analysis firm', 'consistent', '"four to seven" (first paragraph)');
  one(/^40 percent$/, 'grew by', 'consistent', '"40 percent"');
  one(/^\$1\.3 billion$/, 'Computer Programmers', 'consistent', '"$1.3 billion"');
  one(/^September$/, 'Liquid.com', 'discrepancy', 'Liquid "back in September"');
  const b17 = hls.filter((h) => /1\.7 billion/i.test(h.text));
  assert(b17.every((h) => h.verdict !== 'consistent'), `"$1.7 billion" must not be consistent: ${JSON.stringify(pairs(b17))}`);
  assert(hls.every((h) => ['consistent', 'discrepancy', 'no-record'].includes(h.verdict)), `unknown verdicts: ${JSON.stringify(pairs(hls))}`);
}
