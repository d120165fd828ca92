/**
 * End-to-end, pages that fight back: the built extension (dist/chrome, dist/firefox) in real headless
 * Chromium (Playwright) and Firefox ESR (WebDriver BiDi via Puppeteer), on pages with same-origin and
 * cross-origin frames, a single-page app navigating with pushState, hostile CSS, article text that looks
 * like HTML, editable regions; fast-check fuzzing of highlighting on random DOM trees (Chromium); and the
 * measurements of own elements vs the CSS Custom Highlight API (docs/adr/0001), written to
 * .cache/highlight-measure.json.
 *
 * Prints one line per test and "e2e-hostile: N passed, M failed"; writes .cache/e2e-hostile.json.
 * Measurements are printed and written, never asserted as timings.
 */
import type { Page } from 'playwright-core';
import type { Page as PPage } from 'puppeteer-core';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert, collectHighlights, collectState, createSuite, decodePng, eq, expectArticleVerdicts, inPage, launchChromium, launchFirefox,
  loadPages, pairs, root, sleep, startServers, tooltipState, until, type ChromiumRun, type Hl,
} from './lib.js';
import { fuzzPage, treeArb } from './fuzz-dom.js';
import { GENERIC_HOSTILE_CSS, installHarness, TARGETED_HOSTILE_CSS, type Shift, type Timing } from './measure.js';
import { highlightStyle } from '../../src/content/highlight.js';
import { LIGHT, withAlpha } from '../../src/ui/tokens.js';

/** HOSTILE_ONLY=spa,css runs only those groups (while working on them); the full run is the default. */
const only = process.env.HOSTILE_ONLY?.split(',').filter(Boolean) ?? [];
const selected = (name: string) => !only.length || only.includes(name);
const suite = createSuite('e2e-hostile', '.cache/e2e-hostile.json', 280_000);
const { test } = suite;

// ---------- pages ----------
const pages = loadPages();
const ARTICLE = '/fixtures/cryptodaily-2022-01-14-north-korea-hacks.html';
for (const p of [ARTICLE, '/e2e/frames.html', '/e2e/frame-part.html', '/e2e/frame-cross.html', '/e2e/frame-shell.html', '/e2e/spa.html', '/e2e/editable.html', '/e2e/xss.html', '/e2e/hostile-css.html']) {
  assert(pages.has(p), `missing page ${p}`);
}
// The hostile page without its hostile sheet: how highlights and the tooltip should look.
pages.set('/e2e/hostile-css-control.html', pages.get('/e2e/hostile-css.html')!.replace(/<style id="hostile">[\s\S]*?<\/style>/, ''));
assert(pages.get('/e2e/hostile-css-control.html') !== pages.get('/e2e/hostile-css.html'), 'the control page still has the hostile sheet');
// A large page for the measurements: 2,000 paragraphs, two figures each.
pages.set('/e2e/measure-large.html', `<!doctype html><html><head><meta charset="utf-8"><title>Large</title></head><body><article><h1>Large page</h1>${
  Array.from({ length: 2000 }, (_, i) => `<p>In 2021, hackers stole $${(i % 97) + 3} million from exchange number ${i}, about ${(i % 40) + 2} percent of its reserves, according to Chainalysis, which published its numbers on Thursday.</p>`).join('\n')
}</article></body></html>`);

const servers = await startServers(pages);
suite.closers.push(async () => servers.close());
const { news, plain } = servers;
const PAYLOAD = '<img src=x onerror=alert(1)>';

// ---------- one interface over both browsers' pages ----------
interface Tab {
  browser: 'chromium' | 'firefox';
  /** Chromium only: the tab's id, for the extension's view of it. */
  tabId?: number;
  evaluate(expression: string): Promise<unknown>;
  /** Every frame of the page with what our content script left there (cross-origin frames included). */
  frames(): Promise<FrameSeen[]>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  screenshot(): Promise<Buffer>;
  /** Focus events fire only in the tab in front (Firefox): tests that focus or tab bring theirs forward. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  dialogs: string[];
}
interface FrameSeen { url: string; text: string; highlights: number; tooltipHosts: number }
interface Driver { browser: 'chromium' | 'firefox'; open(url: string): Promise<Tab>; chromium?: ChromiumRun }

const frameProbe = `(() => ({ url: location.href, text: (document.body ? document.body.textContent : '').trim().slice(0, 40), highlights: document.querySelectorAll('ledgerlens-hl').length, tooltipHosts: document.querySelectorAll('ledgerlens-tooltip').length }))()`;
const unreachable = (url: string): FrameSeen => ({ url, text: '', highlights: -1, tooltipHosts: -1 });

function chromiumTab(page: Page, tabId: number): Tab {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); }); // a prompt still open when its tab closes is gone, not an error
  return {
    browser: 'chromium', tabId, dialogs,
    evaluate: (e) => page.evaluate(e),
    frames: async () => Promise.all(page.frames().map(async (f) => (await f.evaluate(frameProbe).catch(() => unreachable(f.url()))) as FrameSeen)),
    click: (s) => page.click(s),
    press: (k) => page.keyboard.press(k),
    type: (t) => page.keyboard.type(t),
    screenshot: () => page.screenshot(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
function firefoxTab(page: PPage): Tab {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); }); // a prompt still open when its tab closes is gone, not an error
  return {
    browser: 'firefox', dialogs,
    evaluate: (e) => page.evaluate(e),
    frames: async () => Promise.all(page.frames().map(async (f) => (await f.evaluate(frameProbe).catch(() => unreachable(f.url()))) as FrameSeen)),
    click: (s) => page.click(s),
    press: (k) => page.keyboard.press(k as never),
    type: (t) => page.keyboard.type(t),
    screenshot: async () => Buffer.from(await page.screenshot()),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

// ---------- page functions (evaluated in the page with inPage) ----------
type Found = Hl & { where: string };
const highlightsOf = (tab: Tab) => inPage(tab, collectHighlights);
const waitForHighlights = (tab: Tab, what: string, ok: (h: Found[]) => boolean, ms = 12_000) =>
  until(what, async () => { const h = await highlightsOf(tab); return ok(h) ? h : null; }, ms);

/** The computed look of every highlight, as the properties we set (compared with the control page). */
const highlightLooks = () => Array.from(document.querySelectorAll<HTMLElement>('ledgerlens-hl')).map((e) => {
  const s = getComputedStyle(e);
  const p = getComputedStyle(e.parentElement!);
  e.scrollIntoView({ block: 'center' });
  const r = e.getClientRects()[0];
  const hit = r ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
  return {
    tag: e.localName, text: e.textContent, verdict: e.dataset.verdict,
    display: s.display, visibility: s.visibility, opacity: s.opacity, background: s.backgroundColor,
    border: `${s.borderBottomStyle} ${s.borderBottomWidth} ${s.borderBottomColor}`, borderTop: s.borderTopStyle,
    padding: s.padding, margin: s.margin, position: s.position, transform: s.transform, clipPath: s.clipPath, filter: s.filter,
    animation: s.animationName, cursor: s.cursor, decoration: s.textDecorationLine,
    fontSizeAsParent: s.fontSize === p.fontSize, colourAsParent: s.color === p.color, letterSpacingAsParent: s.letterSpacing === p.letterSpacing,
    seen: !!r && r.width > 0 && r.height > 0 && !!hit && (hit === e || e.contains(hit)),
  };
});

/** Where the tooltip should be for the focused highlight (below it, or above when there is no room), and whether it is there. */
const tooltipAtFocus = () => {
  let el: Element | null = document.activeElement;
  let dx = 0;
  let dy = 0;
  // Follow focus into same-origin frames.
  while (el && el.localName === 'iframe') {
    const f = el as HTMLIFrameElement;
    const fr = f.getBoundingClientRect();
    const cs = getComputedStyle(f);
    dx += fr.left + f.clientLeft + parseFloat(cs.paddingLeft);
    dy += fr.top + f.clientTop + parseFloat(cs.paddingTop);
    el = f.contentDocument?.activeElement ?? null;
  }
  if (!el || el.localName !== 'ledgerlens-hl') return { focused: el?.localName ?? null, shown: false, host: null };
  const r = el.getBoundingClientRect();
  const points = [[r.left + dx + 14, r.bottom + dy + 8 + 14], [r.left + dx + 14, r.top + dy - 8 - 14]];
  const at = points.map(([x, y]) => document.elementFromPoint(x!, y!)?.localName ?? null);
  const host = document.querySelector('ledgerlens-tooltip');
  const hs = host ? getComputedStyle(host) : null;
  return {
    focused: el.localName, shown: at.includes('ledgerlens-tooltip'), at,
    host: hs ? { display: hs.display, visibility: hs.visibility, opacity: hs.opacity, transform: hs.transform } : null,
    anchor: { top: r.top + dy, bottom: r.bottom + dy, left: r.left + dx },
  };
};

/** Body-text offsets of the word after each highlight, and those words' boxes in the document. */
const wordsAfterHighlights = () => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const offsets: [number, number][] = [];
  let at = 0;
  let pending = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const inHl = !!n.parentElement?.closest('ledgerlens-hl');
    if (inHl) pending = true;
    else if (pending) {
      const m = /\S+/.exec(n.data);
      if (m) { offsets.push([at + m.index, at + m.index + m[0].length]); pending = false; }
    }
    at += n.data.length;
  }
  return offsets;
};
const boxesAt = (offsets: [number, number][]) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) { nodes.push(n); starts.push(at); at += n.data.length; }
  const locate = (o: number): [Text, number] => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > o) i--;
    return [nodes[i]!, o - starts[i]!];
  };
  return offsets.map(([a, b]) => {
    const r = document.createRange();
    r.setStart(...locate(a));
    r.setEnd(...locate(b));
    const box = r.getBoundingClientRect();
    return [Math.round((box.left + scrollX) * 100) / 100, Math.round((box.top + scrollY) * 100) / 100];
  });
};

// ---------- the tests, for either browser ----------
const chromiumPairs: Record<string, string[][] | undefined> = {};

async function framesTests(d: Driver) {
  const b = d.browser;
  await test(`${b}: same-origin frames (a page of the site, srcdoc, about:blank written by the page) are read and highlighted as part of the article; cross-origin, sandboxed and hidden frames are left alone; one report, nothing counted twice`, async () => {
    const tab = await d.open(`${news}/e2e/frames.html`);
    const hls = await waitForHighlights(tab, 'highlights in the page and its three same-origin frames', (h) => ['', 'part', 'srcdoc', 'blank'].every((w) => h.some((x) => x.where === w)));
    const where = (w: string) => hls.filter((h) => h.where === w).map((h) => [h.text, h.verdict]);
    const has = (w: string, text: string, verdict: string) => assert(where(w).some(([t, v]) => t === text && v === verdict), `${w || 'top'}: expected [${text}, ${verdict}] in ${JSON.stringify(where(w))}`);
    has('', '$400 million', 'consistent');
    has('part', '$400 million', 'discrepancy'); // the 2020 sentence, read with the 2021 article around it
    has('srcdoc', '40 percent', 'consistent');
    has('blank', '$1.3 billion', 'consistent');
    const others = hls.filter((h) => !['', 'part', 'srcdoc', 'blank'].includes(h.where));
    eq(others.map((h) => h.where), [], 'highlights in frames that must be left alone');
    // Every frame, cross-origin ones included, as the browser's automation sees it.
    const frames = await tab.frames();
    for (const label of ['Cross-origin:', 'Sandboxed:']) {
      const matching = frames.filter((f) => f.text.startsWith(label));
      assert(matching.length === (label === 'Cross-origin:' ? 2 : 1), `frames starting "${label}": ${JSON.stringify(frames.map((f) => [f.url, f.text]))}`);
      for (const f of matching) eq([f.highlights, f.tooltipHosts], [0, 0], `highlights and tooltip hosts in ${f.url} (${label})`);
    }
    const hidden = frames.filter((f) => f.text.startsWith('Hidden:'));
    for (const f of hidden) eq(f.highlights, 0, 'highlights in the hidden frame');
    if (d.chromium && tab.tabId !== undefined) {
      const stored = await d.chromium.stored(tab.tabId);
      assert(stored, 'no report stored for the tab');
      const claims = stored.report.claims;
      eq(new Set(claims.map((c) => c.id)).size, claims.length, 'distinct claims in the report');
      eq(claims.map((c) => c.id).sort(), hls.map((h) => h.claim).sort(), 'claims in the report vs highlighted figures (each once)');
      eq(await d.chromium.badgeOf(tab.tabId), String(claims.length), 'badge');
      const leaked = claims.filter((c) => /Cross-origin:|Sandboxed:|Hidden:/.test(c.sentence));
      eq(leaked.map((c) => c.sentence), [], 'report sentences from frames that must be left alone');
    }
    const seen = hls.map((h) => [h.where, h.text, h.verdict]);
    if (b === 'chromium') chromiumPairs.frames = seen;
    else if (chromiumPairs.frames) eq(seen, chromiumPairs.frames, 'the same [frame, figure, verdict] as Chromium');

    // The tooltip of a figure inside a frame appears next to the figure, in the top document.
    // Focus is given again while waiting: a busy machine can lose the first focus event of a tab it has not drawn yet.
    const focusFigure = `document.getElementById('part').contentDocument.querySelector('ledgerlens-hl').focus()`;
    await tab.evaluate(focusFigure);
    const tip = await until('the tooltip next to the focused figure in the frame', async () => {
      const t = await inPage(tab, tooltipAtFocus);
      if (!t.shown) await tab.evaluate(`document.activeElement.blur?.(); ${focusFigure}`);
      return t.shown ? t : null;
    }, 8_000)
      .catch(async (e: Error) => { throw new Error(`${e.message.split(' (last')[0]}: ${JSON.stringify(await inPage(tab, tooltipAtFocus))}`); });
    const frameTop = (await tab.evaluate(`document.getElementById('part').getBoundingClientRect().top`)) as number;
    assert(frameTop > 150 && tip.anchor!.top > frameTop, `the frame sits far from the top (${frameTop}) and the figure inside it (${tip.anchor!.top}), so a missing frame offset would show`);
    await tab.close();
  });

  await test(`${b}: an article shown entirely in a same-origin frame (a reader shell) gets the example article's acceptance verdicts`, async () => {
    const tab = await d.open(`${news}/e2e/frame-shell.html`);
    const hls = await waitForHighlights(tab, 'highlights in the reader frame', (h) => h.some((x) => x.text === 'September'), 20_000);
    eq([...new Set(hls.map((h) => h.where))], ['reader'], 'highlights only in the reader frame');
    expectArticleVerdicts(hls);
    if (d.chromium && tab.tabId !== undefined) {
      const stored = await d.chromium.stored(tab.tabId);
      eq(stored?.report.page.title, 'North Korean Hackers Stole Nearly $400M Of Crypto In 2021', 'the report names the framed article');
    }
    await tab.close();
  });

  if (d.chromium) {
    const c = d.chromium;
    await test('chromium: a copy of the content script injected into every frame stays idle: no second tooltip, no duplicate highlights, the badge unchanged', async () => {
      const tab = await d.open(`${news}/e2e/frames.html`);
      const before = await waitForHighlights(tab, 'highlights in the frames', (h) => ['', 'part', 'srcdoc', 'blank'].every((w) => h.some((x) => x.where === w)));
      const badge = await c.badgeOf(tab.tabId!);
      await c.sw.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tab.tabId}, allFrames: true }, files: ['content.js'] })`);
      await sleep(1_500);
      eq(pairs(await highlightsOf(tab)), pairs(before), 'highlights after injecting into every frame');
      const hosts = (await tab.frames()).map((f) => f.tooltipHosts);
      eq(hosts.reduce((n, h) => n + Math.max(0, h), 0), 1, `tooltip hosts across frames (${JSON.stringify(hosts)})`);
      eq(await c.badgeOf(tab.tabId!), badge, 'badge');
      await tab.close();
    });
  }
}

async function spaTests(d: Driver) {
  const b = d.browser;
  await test(`${b}: a single-page app navigating with pushState is checked once after it settles; old highlights go with their nodes; text the app rewrites in place is never mixed with ours; back (popstate) works too`, async () => {
    // What the app shows without any extension (127.0.0.1 is not a news site), after each navigation.
    const base = await d.open(`${plain}/e2e/spa.html`);
    const mainText = (t: Tab) => t.evaluate(`document.querySelector('main').textContent`) as Promise<string>;
    const baseA = await mainText(base);
    await base.click('#to-b');
    await sleep(1_000);
    const baseB = await mainText(base);
    assert(baseB !== baseA && baseB.includes('Best Year') && baseB.includes('$1.3 billion'), `the app shows story B: ${baseB}`);
    await base.close();

    const analyzed = async () => (d.chromium ? ((await d.chromium.sw.evaluate('self.__analyzed || []')) as { tab: number }[]) : []);
    const tab = await d.open(`${news}/e2e/spa.html`);
    const count = async () => (await analyzed()).filter((a) => a.tab === tab.tabId).length;
    const hlsA = await waitForHighlights(tab, 'story A highlighted', (h) => h.some((x) => x.text === '$400 million'));
    await sleep(1_200); // the clock ticks all the time: no check may follow from it
    const n0 = await count();
    await tab.click('#to-b');
    const hlsB = await waitForHighlights(tab, 'story B highlighted', (h) => h.some((x) => x.text === 'September'), 12_000);
    await sleep(2_000);
    eq(await mainText(tab), baseB, 'the text of story B on the page (the app rewrote the headline and lede in place)');
    const nowB = await highlightsOf(tab);
    eq(pairs(nowB), pairs(hlsB), 'highlights stable after the page settled');
    const textsA = new Set(hlsA.map((h) => h.text));
    const left = nowB.filter((h) => textsA.has(h.text) && !(baseB.includes(h.text)));
    eq(left.map((h) => h.text), [], 'highlights of story A left on the page');
    assert(nowB.every((h) => baseB.includes(h.text)), 'every highlight is text of story B');
    if (d.chromium && tab.tabId !== undefined) {
      eq((await count()) - n0, 1, 'checks (page/analyze) after one navigation');
      const stored = await d.chromium.stored(tab.tabId);
      eq(stored?.report.page.title, 'North Korea’s Best Year For Crypto Theft', 'the stored report is about story B');
      eq(stored!.report.claims.map((c) => c.text).sort(), nowB.map((h) => h.text).sort(), 'report claims vs highlights');
      eq(await d.chromium.badgeOf(tab.tabId), String(stored!.report.claims.length), 'badge');
      const popup = await d.chromium.openPopup(tab.tabId);
      await popup.waitForSelector('h1');
      eq(await popup.textContent('h1'), 'North Korea’s Best Year For Crypto Theft', 'popup title');
      await popup.close();
      chromiumPairs.spaA = pairs(hlsA);
      chromiumPairs.spaB = pairs(nowB);
    } else if (chromiumPairs.spaB) {
      eq(pairs(hlsA), chromiumPairs.spaA, 'story A as in Chromium');
      eq(pairs(nowB), chromiumPairs.spaB, 'story B as in Chromium');
    }
    // Back to story A (popstate).
    const n1 = await count();
    await tab.evaluate('history.back()');
    await waitForHighlights(tab, 'story A again', (h) => !h.some((x) => x.text === 'September') && h.some((x) => x.text === 'four to seven'), 12_000);
    await sleep(1_500);
    eq(await mainText(tab), baseA, 'the text of story A after going back');
    eq(pairs(await highlightsOf(tab)), pairs(hlsA), 'story A highlighted as before');
    if (d.chromium) eq((await count()) - n1, 1, 'checks after going back');
    await tab.close();
  });
}

async function cssTests(d: Driver) {
  const b = d.browser;
  const control = await d.open(`${news}/e2e/hostile-css-control.html`);
  const hostile = await d.open(`${news}/e2e/hostile-css.html`);
  try {
    const ready = (t: Tab) => waitForHighlights(t, 'highlights', (h) => h.some((x) => x.text === 'September'));
    const [hc, hh] = [await ready(control), await ready(hostile)];
    await test(`${b}: highlights keep their look under page CSS that restyles mark, *, all: unset, !important and @layer rules aimed at them`, async () => {
      eq(pairs(hh), pairs(hc), 'the same highlights as on the control page');
      const want = await inPage(control, highlightLooks);
      const got = await inPage(hostile, highlightLooks);
      assert(want.length > 3 && want.every((l) => l.seen && l.display === 'inline' && l.tag === 'ledgerlens-hl'), `control page looks: ${JSON.stringify(want[0])}`);
      got.forEach((g, i) => eq(g, want[i], `highlight ${i} ("${want[i]?.text}")`));
    });
    await test(`${b}: the tooltip still shows, in its own colours, when the page hides, moves and recolours its host`, async () => {
      for (const [name, t] of [['control', control], ['hostile', hostile]] as const) {
        await t.bringToFront();
        await t.evaluate(`document.querySelector('ledgerlens-hl').focus()`);
        const tip = await until(`the tooltip on the ${name} page`, async () => { const s = await inPage(t, tooltipAtFocus); return s.shown ? s : null; }, 3_000)
          .catch(async (e: Error) => { throw new Error(`${e.message.split(' (last')[0]}: ${JSON.stringify(await inPage(t, tooltipAtFocus))}`); });
        eq(tip.host, { display: 'block', visibility: 'visible', opacity: '1', transform: 'none' }, `tooltip host style on the ${name} page`);
      }
      if (d.chromium) {
        const look = async (t: Tab, page: Page) => {
          const cdp = await d.chromium!.ctx.newCDPSession(page);
          try { return (await tooltipState(cdp)).style; } finally { await cdp.detach(); }
        };
        const [a, bb] = [await look(control, pageOf.get(control)!), await look(hostile, pageOf.get(hostile)!)];
        eq(bb, a, 'the tooltip box\'s computed style, hostile vs control');
      }
    });
    await test(`${b}: keyboard focus on a highlight shows a focus ring despite *:focus { outline: none !important }`, async () => {
      for (const [name, t] of [['control', control], ['hostile', hostile]] as const) {
        await t.bringToFront();
        await t.evaluate(`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); getSelection().removeAllRanges()`);
        type Ring = { tag: string; outline: string; width: string };
        let ring: Ring | null = null as Ring | null;
        for (let i = 0; i < 12 && !ring; i++) {
          await t.press('Tab');
          ring = (await t.evaluate(`(() => { const e = document.activeElement; if (!e || e.localName !== 'ledgerlens-hl') return null; const s = getComputedStyle(e); return { tag: e.localName, outline: s.outlineStyle, width: s.outlineWidth }; })()`)) as Ring | null;
        }
        assert(ring, `Tab reaches a highlight on the ${name} page`);
        assert(ring.outline !== 'none' && parseFloat(ring.width) > 0, `focus ring on the ${name} page: ${JSON.stringify(ring)}`);
      }
    });
    await test(`${b}: a paragraph the page hides later (visibility: hidden) hides its highlight with it`, async () => {
      const inside = `document.querySelector('#collapsible ledgerlens-hl')`;
      const seen = `(() => { const e = ${inside}; e.scrollIntoView({ block: 'center' }); const r = e.getClientRects()[0]; const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return { visibility: getComputedStyle(e).visibility, hit: hit === e || e.contains(hit) }; })()`;
      eq(await hostile.evaluate(seen), { visibility: 'visible', hit: true }, 'before');
      await hostile.evaluate('window.collapse()');
      eq(await hostile.evaluate(seen), { visibility: 'hidden', hit: false }, 'after the page hid the paragraph');
    });
  } finally {
    await control.close();
    await hostile.close();
  }
}
const pageOf = new Map<Tab, Page>();

async function xssTests(d: Driver) {
  const b = d.browser;
  await test(`${b}: article text that looks like HTML (${PAYLOAD}) stays text on the page, in the tooltip${d.chromium ? ' and the popup' : ''}; no script runs, no dialog opens`, async () => {
    const tab = await d.open(`${news}/e2e/xss.html`);
    const hls = await waitForHighlights(tab, 'highlights', (h) => h.some((x) => x.block.includes(PAYLOAD)));
    assert(hls.length >= 2, `highlights: ${JSON.stringify(pairs(hls))}`);
    const page = (await tab.evaluate(`({ xss: window.__xss, injected: document.querySelectorAll('img, svg, article script').length, h1: document.querySelector('h1').textContent })`)) as { xss: number; injected: number; h1: string };
    eq(page, { xss: 0, injected: 0, h1: `Hackers ${PAYLOAD} stole nearly $400M` }, 'the page after checking');
    // The tooltip of the figure in the sentence with the payload.
    await tab.evaluate(`document.querySelector('#lede ledgerlens-hl').focus()`);
    const tip = await until('the tooltip', async () => { const s = await inPage(tab, tooltipAtFocus); return s.shown ? s : null; }, 3_000);
    assert(tip.shown, 'tooltip shown');
    const aria = (await tab.evaluate(`Array.from(document.querySelectorAll('ledgerlens-hl')).map((e) => e.getAttribute('aria-description')).join(' ')`)) as string;
    assert(aria.length > 20, `aria-description: ${aria}`);
    if (d.chromium && tab.tabId !== undefined) {
      const cdp = await d.chromium.ctx.newCDPSession(pageOf.get(tab)!);
      const state = await tooltipState(cdp);
      await cdp.detach();
      assert(!state.hidden && state.elements.every((e) => e === 'p'), `tooltip elements: ${JSON.stringify(state.elements)}`);
      const popup = await d.chromium.openPopup(tab.tabId);
      const popupDialogs: string[] = [];
      const refused: string[] = [];
      popup.on('dialog', (dl) => { popupDialogs.push(dl.message()); dl.dismiss().catch(() => {}); });
      popup.on('console', (m) => { if (/Refused|Content Security Policy/i.test(m.text())) refused.push(m.text()); });
      await popup.waitForSelector('.card', { state: 'attached' });
      await popup.evaluate(() => document.querySelectorAll('details').forEach((e) => { e.open = true; }));
      eq(await popup.textContent('h1'), `Hackers ${PAYLOAD} stole nearly $400M`, 'popup title, as text');
      const sentences = await popup.$$eval('.sentence', (els) => els.map((e) => e.textContent ?? ''));
      assert(sentences.some((s) => s.includes(`Chainalysis ${PAYLOAD} has stated`)), `the sentence with the payload, as text: ${JSON.stringify(sentences)}`);
      eq(await popup.$$eval('img[src="x"], img[src$="/x"], svg[onload], script:not([src])', (els) => els.length), 0, 'elements made from page text in the popup');
      await sleep(300);
      eq([popupDialogs, refused], [[], []], 'dialogs and refused inline handlers in the popup');
      await popup.close();
    }
    await sleep(300);
    eq([await tab.evaluate('window.__xss'), tab.dialogs], [0, []], 'window.__xss and dialogs on the page');
    // The detectors work: the same payload parsed as HTML does run.
    await tab.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss = 1; alert(1)">')`);
    await until('the control payload to run', async () => (await tab.evaluate('window.__xss')) === 1 && tab.dialogs.length === 1, 3_000);
    await tab.close();
  });
}

async function editableTests(d: Driver) {
  const b = d.browser;
  await test(`${b}: contenteditable regions, text fields and a design-mode editor frame are never read, highlighted or changed, also while the user types`, async () => {
    const tab = await d.open(`${news}/e2e/editable.html`);
    await waitForHighlights(tab, 'the article around the editable regions highlighted', (h) => h.some((x) => x.block.includes('A report by')) && h.some((x) => x.text === '$1.3 billion' && x.where === ''));
    const state = `(() => ({
      html: ['ce1', 'ce2', 'ce3', 'ce4'].map((id) => document.getElementById(id).innerHTML),
      values: [document.getElementById('ta').value, document.getElementById('in').value, document.getElementById('search').value],
      editor: document.getElementById('editor').contentDocument.body.innerHTML,
      inside: document.querySelectorAll('[contenteditable] ledgerlens-hl, textarea ledgerlens-hl').length + document.getElementById('editor').contentDocument.querySelectorAll('ledgerlens-hl').length,
    }))()`;
    const initial = (await tab.evaluate('window.__initial')) as { html: string[]; values: string[]; editor: string };
    const now = (await tab.evaluate(state)) as typeof initial & { inside: number };
    eq(now, { ...initial, inside: 0 }, 'editable regions and fields after checking');
    // The user types a figure into the comment box and the textarea.
    await tab.click('#ce1');
    await tab.evaluate(`(() => { const r = document.createRange(); r.selectNodeContents(document.getElementById('ce1')); r.collapse(false); const s = getSelection(); s.removeAllRanges(); s.addRange(r); })()`);
    const typed = ' Hackers stole $600 million in 2021, Chainalysis said.';
    await tab.type(typed);
    await tab.click('#ta');
    await tab.evaluate(`(() => { const ta = document.getElementById('ta'); ta.setSelectionRange(ta.value.length, ta.value.length); })()`); // a click puts the caret where it lands
    await tab.type(' And $1.3 billion.');
    await sleep(2_000);
    const after = (await tab.evaluate(state)) as typeof now;
    eq(after.inside, 0, 'highlights inside editable regions after typing');
    eq(after.html.slice(1), initial.html.slice(1), 'the other editable regions');
    assert(after.html[0]!.replace(/&nbsp;/g, ' ').endsWith(typed.replace(/&nbsp;/g, ' ').trimEnd()) || after.html[0]!.replace(/\u00a0|&nbsp;/g, ' ').includes('$600 million in 2021'), `what the user typed is there, as typed: ${after.html[0]}`);
    assert(!/ledgerlens/i.test(after.html[0]!), 'no element of ours in the comment box');
    eq(after.values[0], `${initial.values[0]} And $1.3 billion.`, 'the textarea holds what the user typed');
    await tab.close();
  });
}

/** Layout of the words after each highlight, with highlights on and on the same page without the extension. */
async function layoutTest(d: Driver) {
  const b = d.browser;
  await test(`${b}: highlights on the example article move no word that follows them`, async () => {
    const tab = await d.open(`${news}${ARTICLE}`);
    await waitForHighlights(tab, 'highlights', (h) => h.some((x) => x.text === 'September'));
    const offsets = await inPage(tab, wordsAfterHighlights);
    assert(offsets.length > 10, `words after highlights: ${offsets.length}`);
    const on = await inPage(tab, boxesAt, offsets);
    const bare = await d.open(`${plain}${ARTICLE}`);
    const off = await inPage(bare, boxesAt, offsets);
    const shift = Math.max(...on.map(([x, y], i) => Math.max(Math.abs(x! - off[i]![0]!), Math.abs(y! - off[i]![1]!))));
    console.log(`# ${b}: largest shift of a word after a highlight: ${shift} px (${offsets.length} words)`);
    assert(shift <= 0.5, `a word after a highlight moved by ${shift} px`);
    await tab.close();
    await bare.close();
  });
}

/** fast-check: random article trees, each loaded in the real browser and checked by the built extension. */
async function fuzzTest(c: ChromiumRun) {
  const runs = Number(process.env.FUZZ_RUNS ?? 30);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  await test(`chromium: fuzzing, ${runs} random DOM trees (nested inline and block elements, figures cut anywhere, hidden elements, shadow roots, fields): the highlight path never throws, every figure is highlighted exactly, text is preserved, and removal restores the DOM node for node (seed ${seed})`, async () => {
    const { page, tabId } = await c.open(`${news}/e2e/frames.html`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (/LedgerLens/.test(m.text()) || m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console ${m.type()}: ${m.text()}`); });
    let n = 0;
    let highlighted = 0;
    let last = '';
    try {
      await fc.assert(fc.asyncProperty(treeArb, async (tree) => {
        const path = `/e2e/fuzz-${++n}.html`;
        last = fuzzPage(n, tree);
        pages.set(path, last);
        errors.length = 0;
        await page.goto(`${news}${path}`);
        await until(`the report for ${path}`, async () => (await c.stored(tabId))?.url === `${news}${path}`, 10_000);
        await until('the content script to finish', async () => {
          const s = (await c.tell(tabId, { type: 'content/status' }).catch(() => null)) as { value?: { reading: boolean } } | null;
          return s?.value?.reading === false;
        }, 10_000);
        const report = (await c.stored(tabId))!.report as unknown as { claims: { id: string; text: string; start: number; end: number }[] };
        const check = (await page.evaluate(`({ snap: __llSnapshot(), ...(${HL_GROUPS_JS})(), initial: window.__snap0 })`)) as {
          snap: { tree: string; deepText: string; text: string }; groups: Record<string, string[]>; bad: string[]; initial: { tree: string; deepText: string; text: string };
        };
        assert(errors.length === 0, `errors: ${errors.join(' | ')}`);
        eq(check.bad, [], 'highlights in hidden, editable or unrendered places');
        eq(check.snap.text, check.initial.text, 'body.textContent with highlights on');
        eq(check.snap.deepText, check.initial.deepText, 'the text with shadow roots, highlights on');
        const overlaps = (a: { start: number; end: number }) => report.claims.some((b) => b !== a && b.start < a.end && a.start < b.end);
        for (const claim of report.claims) {
          // The page's own whitespace is kept inside a highlight ("$5\n   million" reads as "$5 million").
          const got = check.groups[claim.id]?.join('').replace(/[\s\u00a0]+/g, ' ');
          assert(got === claim.text || (got === undefined && overlaps(claim)), `claim ${claim.id} "${claim.text}" highlighted as ${JSON.stringify(got)}`);
        }
        eq(Object.keys(check.groups).filter((id) => !report.claims.some((c2) => c2.id === id)), [], 'highlights of claims not in the report');
        highlighted += Object.keys(check.groups).length;
        await c.tell(tabId, { type: 'content/set-highlights', enabled: false });
        const off = (await page.evaluate('__llSnapshot()')) as { tree: string };
        assert(off.tree === check.initial.tree, `DOM after removal differs from the page as served:\n${firstDifference(off.tree, check.initial.tree)}`);
        await c.tell(tabId, { type: 'content/set-highlights', enabled: true });
        eq(((await page.evaluate(`(${HL_GROUPS_JS})()`)) as { groups: Record<string, string[]> }).groups, check.groups, 'highlights when turned on again');
        assert(errors.length === 0, `errors: ${errors.join(' | ')}`);
      }), { numRuns: runs, seed, endOnFailure: true });
    } catch (e) {
      writeFileSync(join(root, '.cache/fuzz-failure.html'), last);
      const lines = (e as Error).message.split('\n');
      const cause = (e as Error & { cause?: unknown }).cause;
      const why = cause instanceof Error ? cause.message.split('\n').slice(0, 3).join(' ') : lines.find((l) => /^Got /.test(l)) ?? lines.slice(-3).join(' ');
      throw new Error(`${lines[0]} (seed ${seed}): ${why} (page in .cache/fuzz-failure.html; replay with FUZZ_SEED=${seed})`);
    } finally {
      await page.close();
    }
    assert(highlighted > runs, `only ${highlighted} figures highlighted over ${runs} trees: the generator must produce checkable figures`);
    console.log(`# fuzz: ${runs} trees, ${highlighted} figures highlighted, seed ${seed}`);
  });
}
/** In the page: the text of each claim's highlight pieces (shadow roots included) and highlights where none may be. */
const HL_GROUPS_JS = `() => {
  const groups = {};
  const bad = [];
  const visit = (scope) => {
    for (const e of scope.querySelectorAll('*')) {
      if (e.localName === 'ledgerlens-hl') {
        (groups[e.dataset.claim] ??= []).push(e.textContent);
        if (e.closest('[hidden], [aria-hidden="true"], textarea, [contenteditable], script') || e.getClientRects().length === 0 || getComputedStyle(e).visibility !== 'visible') bad.push(e.textContent);
      }
      if (e.shadowRoot) visit(e.shadowRoot);
    }
  };
  visit(document);
  return { groups, bad };
}`;
const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `after removal: …${a.slice(Math.max(0, i - 80), i + 80)}…\nas served:     …${b.slice(Math.max(0, i - 80), i + 80)}…`;
};

// ---------- measurements: own elements vs the CSS Custom Highlight API ----------
const MEASURE_STYLES = { consistent: highlightStyle('consistent', 'tint'), discrepancy: highlightStyle('discrepancy', 'tint'), 'no-record': highlightStyle('no-record', 'tint') };
const TINTS = { consistent: withAlpha(LIGHT.ok, 0.16), discrepancy: withAlpha(LIGHT.bad, 0.16), 'no-record': 'transparent' };
const MEASURE_HIGHLIGHT_CSS = `
::highlight(ledgerlens-consistent) { background-color: ${TINTS.consistent}; text-decoration: underline 2px solid ${LIGHT.ok}; }
::highlight(ledgerlens-discrepancy) { background-color: ${TINTS.discrepancy}; text-decoration: underline 2px dashed ${LIGHT.bad}; }
::highlight(ledgerlens-no-record) { text-decoration: underline 2px dotted ${LIGHT.none}; }`;
const FIGURE_PATTERN = String.raw`\$\d[\d,.]*(?:\s(?:million|billion))?|\$\d+[MB]\b|\b\d+(?:\.\d+)?\s?percent\b|\b(?:19|20)\d{2}\b`;
/** The tint over white, as a screenshot shows it. */
const tintOverWhite = (verdict: 'consistent' | 'discrepancy') => {
  const hex = verdict === 'consistent' ? LIGHT.ok : LIGHT.bad;
  const n = Number.parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255].map((c) => Math.round(255 * 0.84 + c * 0.16));
};

interface BrowserMeasure {
  pages: Record<string, { figures: number; own: Timing; api: Timing | null; ownShift: Shift; apiShift: Shift | null }>;
  survival: Record<string, { own: number; api: number | null; boxes: number }>;
  capabilities: unknown;
  registrySharedWithPage?: { pageSeesOurs: boolean; pageCanClearOurs: boolean } | null;
}
const measured: Record<string, BrowserMeasure> = {};

async function measureTest(d: Driver) {
  const b = d.browser;
  await test(`${b}: own elements vs the CSS Custom Highlight API, measured (time to apply and remove, layout shift, paint under hostile CSS, focus and ARIA); own elements survive hostile CSS and shift nothing`, async () => {
    const result: BrowserMeasure = { pages: {}, survival: {}, capabilities: null };
    const opts = { styles: MEASURE_STYLES, highlightCss: MEASURE_HIGHLIGHT_CSS, pattern: FIGURE_PATTERN, probes: 200 };
    for (const [name, path, runs] of [['example article', ARTICLE, 7], ['large page (2,000 paragraphs)', '/e2e/measure-large.html', 5]] as const) {
      const tab = await d.open(`${plain}${path}`); // 127.0.0.1: the extension stays out of it
      const info = await inPage(tab, installHarness, opts);
      assert(info.figures > 10, `figures on ${name}: ${info.figures}`);
      const run = (expr: string) => tab.evaluate(`window.__llm.${expr}`);
      const own = (await run(`time('own', ${runs})`)) as Timing;
      const api = info.supported ? (await run(`time('api', ${runs})`)) as Timing : null;
      const ownShift = (await run(`shift('own')`)) as Shift;
      const apiShift = info.supported ? (await run(`shift('api')`)) as Shift : null;
      result.pages[name] = { figures: info.figures, own, api, ownShift, apiShift };
      console.log(`# ${b} ${name}: ${info.figures} highlights; own elements apply ${own.applyMs} ms (${own.applyToFrameMs} ms to the next frame), remove ${own.removeMs} ms; `
        + `Highlight API ${api ? `apply ${api.applyMs} ms (${api.applyToFrameMs} ms to the next frame), remove ${api.removeMs} ms` : 'not supported'}; `
        + `shift own ${ownShift.maxDx}/${ownShift.maxDy} px, API ${apiShift ? `${apiShift.maxDx}/${apiShift.maxDy}` : '-'} px (x/y, ${ownShift.probes} words)`);
      if (path === ARTICLE) {
        assert(ownShift.maxDx <= 0.5 && ownShift.maxDy <= 0.5 && ownShift.heightChange === 0, `own elements shifted text: ${JSON.stringify(ownShift)}`);
        // Paint under hostile CSS, read from screenshots: a figure is painted when its box shows the verdict's tint.
        for (const [cssName, css] of [['none', ''], ['generic (mark, *, all: unset)', GENERIC_HOSTILE_CSS], ['aimed at each approach by name', TARGETED_HOSTILE_CSS]] as const) {
          await tab.evaluate(`(() => { document.getElementById('ll-hostile')?.remove(); const s = document.createElement('style'); s.id = 'll-hostile'; s.textContent = ${JSON.stringify(css)}; document.head.append(s); window.scrollTo(0, 0); })()`);
          const boxes = ((await run('visibleBoxes(40)')) as { x: number; y: number; w: number; h: number; verdict: string }[]).filter((x) => x.verdict !== 'no-record');
          const painted = async (which: 'own' | 'api') => {
            await run(`apply('${which}')`);
            await tab.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
            const png = await decodePng(await tab.screenshot());
            await run(`remove('${which}')`);
            let hits = 0;
            for (const box of boxes) {
              const [r, g, bl] = tintOverWhite(box.verdict as 'consistent' | 'discrepancy');
              let tinted = 0;
              let all = 0;
              for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.h); y++) {
                for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.w); x++) {
                  const i = (y * png.width + x) * 4;
                  all++;
                  if (Math.abs(png.rgba[i]! - r!) <= 6 && Math.abs(png.rgba[i + 1]! - g!) <= 6 && Math.abs(png.rgba[i + 2]! - bl!) <= 6) tinted++;
                }
              }
              if (all && tinted / all >= 0.15) hits++;
            }
            return boxes.length ? Math.round((hits / boxes.length) * 100) / 100 : NaN;
          };
          result.survival[cssName] = { own: await painted('own'), api: info.supported ? await painted('api') : null, boxes: boxes.length };
          console.log(`# ${b} paint under page CSS "${cssName}": own elements ${result.survival[cssName]!.own}, Highlight API ${result.survival[cssName]!.api ?? '-'} (share of ${boxes.length} figures painted)`);
        }
        result.capabilities = await run('capabilities()');
        console.log(`# ${b} capabilities: ${JSON.stringify(result.capabilities)}`);
        if (d.chromium && info.supported) result.registrySharedWithPage = await registrySharing(d.chromium, pageOf.get(tab)!);
        if (result.registrySharedWithPage) console.log(`# ${b} Highlight registry, content-script world vs page: ${JSON.stringify(result.registrySharedWithPage)}`);
      }
      await tab.close();
    }
    measured[b] = result;
    for (const [cssName, s] of Object.entries(result.survival)) assert(s.boxes > 3 && s.own === 1, `own elements painted under "${cssName}": ${JSON.stringify(s)}`);
    if (result.survival.none?.api !== null) assert(result.survival.none!.api! > 0.9, `the Highlight API paints without hostile CSS (the pixel check works): ${JSON.stringify(result.survival.none)}`);
  });
}

/** Whether a page sees, and can clear, highlights that a content script (an isolated world) registered. */
async function registrySharing(c: ChromiumRun, page: Page) {
  const cdp = await c.ctx.newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'll-measure' });
    const inWorld = async (expression: string) => (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true })).result.value as unknown;
    await inWorld(`CSS.highlights.set('ledgerlens-probe', new Highlight(new Range())); true`);
    const pageSeesOurs = (await page.evaluate(`CSS.highlights.has('ledgerlens-probe')`)) as boolean;
    await page.evaluate('CSS.highlights.clear()');
    const pageCanClearOurs = !(await inWorld(`CSS.highlights.has('ledgerlens-probe')`));
    return { pageSeesOurs, pageCanClearOurs };
  } finally {
    await cdp.detach();
  }
}

// ---------- the CLI ----------
if (selected('cli')) await test(`cli: article text that looks like HTML (${PAYLOAD}) is printed as text, in the text report and in JSON, and the page's scripts never run`, async () => {
  const file = join(root, 'tests/e2e/pages/xss.html');
  const cli = join(root, 'bin/ledgerlens.mjs');
  const text = execFileSync('node', [cli, 'annotate', file], { encoding: 'utf8' });
  const title = `Hackers ${PAYLOAD} stole nearly $400M`;
  assert(text.split('\n')[0] === title, `title line: ${text.split('\n')[0]}`);
  assert(text.includes(`Chainalysis ${PAYLOAD} has stated`), 'the sentence with the payload, as text');
  const json = JSON.parse(execFileSync('node', [cli, 'annotate', file, '--json'], { encoding: 'utf8' })) as { page: { title: string }; claims: { sentence: string }[] };
  eq(json.page.title, title, 'JSON title');
  assert(json.claims.some((c) => c.sentence.includes(`Chainalysis ${PAYLOAD} has stated`)), 'JSON sentence with the payload');
  assert(!text.includes('scripts ran'), 'the page\'s script ran in the CLI');
});

// ---------- Chromium ----------
const groups = [['frames', framesTests], ['spa', spaTests], ['css', cssTests], ['xss', xssTests], ['editable', editableTests], ['layout', layoutTest], ['measure', measureTest]] as const;
let chromiumRun: ChromiumRun | null = null;
try {
  const c = await launchChromium(servers);
  chromiumRun = c;
  suite.closers.push(() => c.close());
  // Counts page/analyze messages per tab (the listener answers nothing, so the extension's own one does).
  await c.sw.evaluate(`self.__analyzed = []; chrome.runtime.onMessage.addListener(function (m, s) { if (m && m.type === 'page/analyze') self.__analyzed.push({ tab: s.tab && s.tab.id, frame: s.frameId }); })`);
  const driver: Driver = {
    browser: 'chromium', chromium: c,
    async open(url) {
      const { page, tabId } = await c.open(url);
      const tab = chromiumTab(page, tabId);
      pageOf.set(tab, page);
      return tab;
    },
  };
  for (const [name, run] of groups) if (selected(name)) await run(driver);
  if (selected('fuzz')) await fuzzTest(c);
} catch (e) {
  suite.broken('chromium', e);
} finally {
  await chromiumRun?.close();
}

// ---------- Firefox ----------
let firefoxRun: Awaited<ReturnType<typeof launchFirefox>> | null = null;
try {
  const f = await launchFirefox(servers);
  firefoxRun = f;
  suite.closers.push(() => f.close());
  const driver: Driver = { browser: 'firefox', open: async (url) => firefoxTab(await f.openPage(url)) };
  for (const [name, run] of groups) if (selected(name)) await run(driver);
} catch (e) {
  suite.broken('firefox', e);
} finally {
  await firefoxRun?.close();
}

if (selected('measure')) writeFileSync(join(root, '.cache/highlight-measure.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), note: 'tests/e2e/hostile.ts; docs/adr/0001-highlights-as-own-elements.md', ...measured }, null, 2)}\n`);
void collectState;
await suite.end();
